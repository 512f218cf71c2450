using Duban.Core.Assessments;

namespace Duban.Core.Tests.Assessments;

public sealed class StandingsTests
{
    private static OrganizationScore Organization(long id, string name, params decimal[] points) =>
        new(id, name, points.Sum(), [.. points.Select((p, i) => new IndicatorScore($"i{i}", $"指标{i}", IndicatorKind.Manual, 50, p, "", "", []))]);

    private static ScoreSheet Sheet(params OrganizationScore[] organizations) => new(2026, new DateOnly(2026, 12, 31), 100, organizations);

    [Fact]
    public void Equal_totals_share_a_rank_and_the_next_is_skipped()
    {
        var standings = Standings.Rank(Sheet(Organization(1, "乙县", 45, 45), Organization(2, "甲县", 40, 50), Organization(3, "丙县", 40, 45)), [], GradeBands.Default, []);

        // Among equals the order is by id, never by the order they came in.
        standings.Select(s => (s.Name, s.Rank)).ShouldBe([("乙县", 1), ("甲县", 1), ("丙县", 3)]);
        standings.Select(s => s.Grade).ShouldBe([Grade.Excellent, Grade.Excellent, Grade.Good]);
    }

    [Theory]
    [InlineData(90, Grade.Excellent)]
    [InlineData(89.99, Grade.Good)]
    [InlineData(80, Grade.Good)]
    [InlineData(60, Grade.Pass)]
    [InlineData(59.99, Grade.Fail)]
    public void Grades_start_at_their_thresholds(decimal total, Grade grade) => GradeBands.Default.Of(total).ShouldBe(grade);

    [Fact]
    public void A_review_replaces_the_computed_points_of_its_indicator_and_the_latest_review_stands()
    {
        var reviews = new[] { new ReviewedPoints(2, 1, "i1", 30), new ReviewedPoints(1, 1, "i1", 10) };

        var standing = Standings.Rank(Sheet(Organization(1, "甲县", 40, 45)), reviews, GradeBands.Default, []).Single();

        standing.ComputedTotal.ShouldBe(85m);
        standing.Total.ShouldBe(70m);
        standing.Indicators[1].ShouldBe(new StandingIndicator("i1", 45m, 30m, 30m));
        standing.Grade.ShouldBe(Grade.Pass);
    }

    [Fact]
    public void Last_years_result_gives_the_change()
    {
        var standings = Standings.Rank(Sheet(Organization(1, "甲县", 40, 45), Organization(2, "乙县", 30, 30)), [], GradeBands.Default, [new PreviousResult(1, 80, 2)]);

        standings[0].Change.ShouldBe(5m);
        standings[0].PreviousRank.ShouldBe(2);
        standings[1].Change.ShouldBeNull();
    }
}
