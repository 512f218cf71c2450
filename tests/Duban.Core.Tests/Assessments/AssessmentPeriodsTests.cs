using Duban.Core.Assessments;
using Duban.Core.Tracking.Periods;

namespace Duban.Core.Tests.Assessments;

public sealed class AssessmentPeriodsTests
{
    private static readonly ReportingCycle Monthly = ReportingCycle.Default(1);

    private static string[] Labels(IEnumerable<PeriodSpan> periods) => [.. periods.Select(p => p.Label)];

    [Fact]
    public void Periods_of_the_year_count_once_their_window_closed_and_not_before_the_import()
    {
        // December's window closes on 5 January: not owed by 31 December. February ended before the import on 15 March.
        Labels(AssessmentPeriods.Counted(Monthly, new DateOnly(2026, 3, 15), 2026, new DateOnly(2026, 12, 31), null))
            .ShouldBe(["2026年3月", "2026年4月", "2026年5月", "2026年6月", "2026年7月", "2026年8月", "2026年9月", "2026年10月", "2026年11月"]);
    }

    [Fact]
    public void Nothing_is_owed_after_completion_nor_before_the_window_closes()
    {
        Labels(AssessmentPeriods.Counted(Monthly, new DateOnly(2026, 3, 15), 2026, new DateOnly(2026, 12, 31), new DateOnly(2026, 7, 10)))
            .ShouldBe(["2026年3月", "2026年4月", "2026年5月", "2026年6月", "2026年7月"]);
        // On 5 June May's window closes that very day: it may still be met.
        Labels(AssessmentPeriods.Counted(Monthly, new DateOnly(2026, 3, 15), 2026, new DateOnly(2026, 6, 5), null)).ShouldBe(["2026年3月", "2026年4月"]);
    }

    [Fact]
    public void A_past_year_is_read_to_its_last_day()
    {
        AssessmentPeriods.AsOf(2025, new DateOnly(2026, 3, 1)).ShouldBe(new DateOnly(2025, 12, 31));
        AssessmentPeriods.AsOf(2026, new DateOnly(2026, 3, 1)).ShouldBe(new DateOnly(2026, 3, 1));
        AssessmentPeriods.LastClosed(Monthly, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 6))!.Value.Label.ShouldBe("2026年5月");
        AssessmentPeriods.LastClosed(Monthly, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 6)).ShouldBeNull();
    }
}
