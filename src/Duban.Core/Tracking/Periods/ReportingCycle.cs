namespace Duban.Core.Tracking.Periods;

/// <summary>
/// A plan's reporting rules: how often, how many days after a period's end the report is due, and what happens to a
/// late one. A plan without a stored cycle reports on <see cref="Default"/>.
/// </summary>
public sealed class ReportingCycle
{
    public const int DefaultWindowDays = 5;
    public const int MaxWindowDays = 90;

    public long Id { get; set; }

    public long PlanId { get; set; }

    public PeriodKind Kind { get; set; } = PeriodKind.Monthly;

    /// <summary>Days after the period's last day on which a report is still on time (5: by the 5th of the next month).</summary>
    public int WindowDays { get; set; } = DefaultWindowDays;

    public LateRule LateRule { get; set; } = LateRule.AcceptFlagged;

    /// <summary>With <see cref="Periods.LateRule.RefuseAfter"/>: days after the window's close on which a late report is still taken.</summary>
    public int RefuseAfterDays { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public static ReportingCycle Default(long planId) => new() { PlanId = planId };

    /// <summary>The last day on which a report for the period is on time.</summary>
    public DateOnly WindowCloses(PeriodSpan period) => DaysAfter(period.End, WindowDays);

    /// <summary>Judges a submission made on <paramref name="submittedOn"/> (the local calendar day) for the period.</summary>
    public Timeliness Judge(PeriodSpan period, DateOnly submittedOn)
    {
        var closes = WindowCloses(period);
        if (submittedOn <= closes) return Timeliness.OnTime;
        if (LateRule == LateRule.RefuseAfter && submittedOn > DaysAfter(closes, RefuseAfterDays)) return Timeliness.Refused;
        return Timeliness.Late;
    }

    /// <summary>The day so many days later, or the calendar's last day: a window of the last period of 9999 closes with the calendar.</summary>
    private static DateOnly DaysAfter(DateOnly day, int days) =>
        DateOnly.FromDayNumber((int)Math.Min((long)day.DayNumber + days, DateOnly.MaxValue.DayNumber));
}
