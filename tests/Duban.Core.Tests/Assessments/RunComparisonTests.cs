using Duban.Core.Assessments;

namespace Duban.Core.Tests.Assessments;

public sealed class RunComparisonTests
{
    private static ScoreSheet Sheet(params (long Id, decimal A, decimal B)[] organizations) => new(2026, new DateOnly(2026, 12, 31), 100,
        [.. organizations.Select(o => new OrganizationScore(o.Id, $"单位{o.Id}", o.A + o.B,
            [new IndicatorScore("a", "甲", IndicatorKind.Manual, 50, o.A, "", "", []), new IndicatorScore("b", "乙", IndicatorKind.Manual, 50, o.B, "", "", [])]))]);

    [Fact]
    public void Only_what_moved_is_listed_totals_first()
    {
        var changes = RunComparison.Compare(Sheet((1, 40, 40), (2, 30, 30)), Sheet((1, 40, 42), (2, 30, 30), (3, 10, 10)));

        changes.Select(c => (c.OrganizationId, c.IndicatorCode, c.Before, c.After)).ShouldBe([
            (1L, (string?)null, (decimal?)80m, (decimal?)82m),
            (1L, "b", 40m, 42m),
            (3L, null, null, 20m),
            (3L, "a", null, 10m),
            (3L, "b", null, 10m),
        ]);
        changes[0].Difference.ShouldBe(2m);
    }

    [Fact]
    public void The_same_sheet_has_no_changes() =>
        RunComparison.Compare(Sheet((1, 40, 40)), Sheet((1, 40, 40))).ShouldBeEmpty();
}
