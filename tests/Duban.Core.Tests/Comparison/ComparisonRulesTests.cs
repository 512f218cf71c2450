using Duban.Core.Comparison;
using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Status;

namespace Duban.Core.Tests.Comparison;

public sealed class ComparisonRulesTests
{
    [Theory]
    [InlineData(null, null, Trend.None, "")]
    [InlineData(null, "5", Trend.None, "")]
    [InlineData("5", null, Trend.None, "")]
    [InlineData("5000", "8000", Trend.Up, "↑")]
    [InlineData("25000", "21000", Trend.Down, "↓")]
    [InlineData("60", "60.0", Trend.Flat, "→")]
    public void The_trend_is_the_values_move_since_the_previous_period(string? previous, string? latest, Trend trend, string arrow)
    {
        var result = ComparisonRules.TrendOf(previous is null ? null : decimal.Parse(previous), latest is null ? null : decimal.Parse(latest));
        result.ShouldBe(trend);
        result.Arrow().ShouldBe(arrow);
    }

    [Theory]
    [InlineData("0.8", "0.9", true)]
    [InlineData("1.2", "1.05", false)]
    [InlineData("0.9", "0.9", null)]
    [InlineData(null, "0.9", null)]
    public void Better_means_the_attainment_rate_rose(string? previous, string? latest, bool? better) =>
        ComparisonRules.Better(previous is null ? null : decimal.Parse(previous), latest is null ? null : decimal.Parse(latest)).ShouldBe(better);

    [Fact]
    public void A_falling_value_under_an_at_most_target_is_down_and_better()
    {
        // 辍学率不高于2%: 4 → 3 is ↓, and its rate (2/4 → 2/3) rose.
        var target = new TargetFacts(Parsing.Model.Comparator.AtMost, 2, null, "%", 2025, false);
        var before = AttainmentRules.Evaluate(target, 4, AttainmentOptions.Default).Rate;
        var after = AttainmentRules.Evaluate(target, 3, AttainmentOptions.Default).Rate;
        ComparisonRules.TrendOf(4, 3).ShouldBe(Trend.Down);
        ComparisonRules.Better(before, after).ShouldBe(true);
    }

    private static StatusResult S(TrackingStatus status, bool late = false) => new(status, late, null);

    public static TheoryData<StatusResult[], CompletionState> Parts => new()
    {
        { [S(TrackingStatus.Completed)], CompletionState.DoneOnTime },
        { [S(TrackingStatus.Completed, late: true)], CompletionState.DoneLate },
        { [S(TrackingStatus.Completed), S(TrackingStatus.Completed, late: true)], CompletionState.DoneLate },
        // One of the region's two leads not done: the region's part is not done.
        { [S(TrackingStatus.Completed), S(TrackingStatus.Overdue)], CompletionState.Overdue },
        { [S(TrackingStatus.Completed), S(TrackingStatus.InProgress)], CompletionState.InProgress },
        { [S(TrackingStatus.Overdue)], CompletionState.Overdue },
        { [S(TrackingStatus.NotStarted)], CompletionState.InProgress },
        { [S(TrackingStatus.DueSoon)], CompletionState.InProgress },
        { [S(TrackingStatus.OngoingMissingReport)], CompletionState.InProgress },
        { [S(TrackingStatus.AwaitingBaseline)], CompletionState.InProgress },
    };

    [Theory]
    [MemberData(nameof(Parts))]
    public void A_regions_part_of_a_task_follows_all_its_leads(StatusResult[] leads, CompletionState expected) =>
        ComparisonRules.Part(leads).ShouldBe(expected);

    [Fact]
    public void A_part_needs_a_lead() => Should.Throw<ArgumentException>(() => ComparisonRules.Part([]));

    [Fact]
    public void The_completion_rate_counts_late_completion_and_the_on_time_rate_does_not()
    {
        var tally = ComparisonRules.Tally([CompletionState.DoneOnTime, CompletionState.DoneLate, CompletionState.Overdue]);
        tally.ShouldBe(new CompletionTally(3, 1, 1, 1, 0));
        tally.Rate.ShouldBe(0.6667m);
        tally.OnTimeRate.ShouldBe(0.3333m);
        CompletionTally.Empty.Rate.ShouldBeNull();
        CompletionTally.Empty.OnTimeRate.ShouldBeNull();
    }

    [Fact]
    public void Bands_order_from_worst_to_no_data() =>
        Enum.GetValues<TargetStatus>().OrderBy(ComparisonRules.BandOrder)
            .ShouldBe([TargetStatus.Lagging, TargetStatus.OnTrack, TargetStatus.Achieved, TargetStatus.NoData]);
}
