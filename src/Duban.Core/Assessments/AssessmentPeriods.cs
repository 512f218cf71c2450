using Duban.Core.Tracking.Periods;

namespace Duban.Core.Assessments;

/// <summary>
/// Which reporting periods an assessment holds an organisation to (按时报送率), by the same reading as the 总览's
/// timeliness (docs/dashboard.md): a period counts once its window has closed, and never one that ended before the plan
/// was imported, nor one that began after the organisation's 已完成 was approved.
/// </summary>
public static class AssessmentPeriods
{
    /// <summary>The assessment day of a year: its last day, or today while the year runs.</summary>
    public static DateOnly AsOf(int year, DateOnly today)
    {
        var end = new DateOnly(year, 12, 31);
        return today < end ? today : end;
    }

    /// <summary>
    /// The periods of the cycle that ended in the year, whose window closed before <paramref name="asOf"/> (a window
    /// closing on that day may still be met), that ended on or after <paramref name="since"/> (the plan's import) and,
    /// when the assignment was completed, that began before <paramref name="completedOn"/>. Oldest first.
    /// </summary>
    public static IReadOnlyList<PeriodSpan> Counted(ReportingCycle cycle, DateOnly since, int year, DateOnly asOf, DateOnly? completedOn)
    {
        var result = new List<PeriodSpan>();
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var last = asOf < yearEnd ? asOf : yearEnd;
        for (var period = PeriodSpan.Containing(cycle.Kind, last); period.End >= yearStart; period = period.Previous())
        {
            if (period.End > yearEnd || cycle.WindowCloses(period) >= asOf) continue;
            if (period.End < since) break;
            if (completedOn is { } done && done <= period.Start) continue;
            result.Add(period);
            if (period.IsFirst) break;
        }
        result.Reverse();
        return result;
    }

    /// <summary>The last period whose window closed before <paramref name="asOf"/> and that ended on or after <paramref name="since"/>; what 长期推进 is judged on.</summary>
    public static PeriodSpan? LastClosed(ReportingCycle cycle, DateOnly since, DateOnly asOf)
    {
        var period = PeriodSpan.Containing(cycle.Kind, asOf);
        while (cycle.WindowCloses(period) >= asOf)
        {
            if (period.IsFirst) return null;
            period = period.Previous();
        }
        return period.End >= since ? period : null;
    }
}
