using System.Globalization;
using Duban.Core.Plans;
using Duban.Core.Tracking.Attainment;
using Duban.Parsing.Model;

namespace Duban.Core.Tests.Tracking.Attainment;

public sealed class AttainmentRulesTests
{
    private static readonly AttainmentOptions Options = AttainmentOptions.Default;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    // The seeds' targets, as the parser reads them.
    internal static readonly TargetFacts DualTeachers = new(Comparator.AtLeast, 50m, null, "%", 2025, false);
    internal static readonly TargetFacts VocationalShareAtLeast = new(Comparator.AtLeast, 4m, null, "ratio", null, false, [4m, 6m]);
    internal static readonly TargetFacts VocationalShareBalanced = new(Comparator.Approximately, 5m, null, "ratio", null, false);
    internal static readonly TargetFacts YearlyTraining = new(Comparator.AtLeast, 10000m, null, "人次", null, true);

    public static TheoryData<string, TargetFacts, decimal, decimal?, decimal, bool, decimal> Cases => new()
    {
        // name, target, value, ratio second term, rate, met, distance
        { "双师型 42 % of 50 % 以上", DualTeachers, 42m, null, 0.84m, false, -8m },
        { "双师型 exactly 50 %", DualTeachers, 50m, null, 1m, true, 0m },
        { "双师型 55 %: over-fulfilled", DualTeachers, 55m, null, 1.1m, true, 0m },
        { "职普比 3800:6200 against 不低于4:6", VocationalShareAtLeast, 3800m, 6200m, 0.95m, false, -0.02m },
        { "职普比 exactly 4:6", VocationalShareAtLeast, 4m, 6m, 1m, true, 0m },
        { "职普比 4.5:5.5", VocationalShareAtLeast, 4.5m, 5.5m, 1.125m, true, 0m },
        { "职普比 4.3:5.7 against 大体相当", VocationalShareBalanced, 4.3m, 5.7m, 0.43m / 0.45m, false, -0.02m },
        { "职普比 4.5:5.5 is 大体相当 (band edge)", VocationalShareBalanced, 4.5m, 5.5m, 1m, true, 0m },
        { "职普比 4.6:5.4 is 大体相当", VocationalShareBalanced, 4.6m, 5.4m, 1m, true, 0m },
        { "职普比 5.6:4.4 is above the band", VocationalShareBalanced, 5.6m, 4.4m, 0.55m / 0.56m, false, 0.01m },
        { "年培训 10200 人次 of 1万 以上", YearlyTraining, 10200m, null, 1.02m, true, 0m },
        { "年培训 8000 人次", YearlyTraining, 8000m, null, 0.8m, false, -2000m },
        { "辍学率 2 % 以内, 1 %: the inverse", new(Comparator.AtMost, 2m, null, "%", null, false), 1m, null, 2m, true, 0m },
        { "辍学率 2 % 以内, 4 %", new(Comparator.AtMost, 2m, null, "%", null, false), 4m, null, 0.5m, false, 2m },
        { "辍学率 2 % 以内, 0 %: met, rated 1", new(Comparator.AtMost, 2m, null, "%", null, false), 0m, null, 1m, true, 0m },
        { "生师比不高于20:1, 22:1", new(Comparator.AtMost, 20m, null, "ratio", null, false, [20m, 1m]), 22m, 1m, (20m / 21m) / (22m / 23m), false, 22m / 23m - 20m / 21m },
        { "生师比不高于20:1, 18:1", new(Comparator.AtMost, 20m, null, "ratio", null, false, [20m, 1m]), 18m, 1m, (20m / 21m) / (18m / 19m), true, 0m },
        { "4—5所, 3", new(Comparator.Range, 4m, 5m, "所", null, false), 3m, null, 0.75m, false, -1m },
        { "4—5所, 4", new(Comparator.Range, 4m, 5m, "所", null, false), 4m, null, 1m, true, 0m },
        { "4—5所, 5", new(Comparator.Range, 4m, 5m, "所", null, false), 5m, null, 1m, true, 0m },
        { "4—5所, 6: off the band", new(Comparator.Range, 4m, 5m, "所", null, false), 6m, null, 5m / 6m, false, 1m },
        { "5个左右, 4.5", new(Comparator.Approximately, 5m, null, "个", null, false), 4.5m, null, 1m, true, 0m },
        { "5个左右, 4", new(Comparator.Approximately, 5m, null, "个", null, false), 4m, null, 4m / 4.5m, false, -0.5m },
        { "5个左右, 5.5", new(Comparator.Approximately, 5m, null, "个", null, false), 5.5m, null, 1m, true, 0m },
        { "达到5所 is a floor: 6", new(Comparator.Equal, 5m, null, "所", null, false), 6m, null, 1.2m, true, 0m },
        { "达到5所: 4", new(Comparator.Equal, 5m, null, "所", null, false), 4m, null, 0.8m, false, -1m },
        { "at least 0: met by 0", new(Comparator.AtLeast, 0m, null, "个", null, false), 0m, null, 1m, true, 0m },
        { "at least, a negative value", new(Comparator.AtLeast, 10m, null, "%", null, false), -1m, null, 0m, false, -11m },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Attainment_is_direction_aware(
        string name, TargetFacts target, decimal value, decimal? second, decimal rate, bool met, decimal distance)
    {
        var result = AttainmentRules.Attain(target, new ObservationFact(D("2025-06-30"), value, second), Options);
        decimal.Round(result.Rate, 10).ShouldBe(decimal.Round(rate, 10), name);
        result.Met.ShouldBe(met, name);
        decimal.Round(result.Distance, 10).ShouldBe(decimal.Round(distance, 10), name);
    }

    [Fact]
    public void A_ratio_target_without_stored_terms_is_read_on_a_scale_of_ten()
    {
        new TargetFacts(Comparator.AtLeast, 4m, null, "ratio", null, false).Terms.ShouldBe((4m, 6m));
        VocationalShareBalanced.Terms.ShouldBe((5m, 5m));
        Should.Throw<InvalidOperationException>(() => new TargetFacts(Comparator.AtMost, 20m, null, "ratio", null, false).Terms);
    }

    [Fact]
    public void A_ratio_observation_needs_both_terms()
    {
        var error = Should.Throw<ArgumentException>(() =>
            AttainmentRules.Attain(VocationalShareAtLeast, new ObservationFact(D("2025-06-30"), 4.2m), Options));
        error.Message.ShouldContain("两项");
    }

    [Fact]
    public void The_tolerance_for_approximately_is_configurable()
    {
        var target = new TargetFacts(Comparator.Approximately, 100m, null, "人", null, false);
        AttainmentRules.Attain(target, new(D("2025-06-30"), 94m), new AttainmentOptions(0.05m)).Met.ShouldBeFalse();
        AttainmentRules.Attain(target, new(D("2025-06-30"), 95m), new AttainmentOptions(0.05m)).Met.ShouldBeTrue();
    }

    [Fact]
    public void Facts_come_from_a_stored_target()
    {
        var stored = new TaskTarget { Subject = "双师型教师比例", Comparator = Comparator.AtLeast, Value = 50m, Unit = "%", Year = 2025, Raw = "达到50%以上" };
        TargetFacts.From(stored).ShouldBe(new TargetFacts(Comparator.AtLeast, 50m, null, "%", 2025, false));
    }
}
