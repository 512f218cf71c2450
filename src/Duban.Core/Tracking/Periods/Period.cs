namespace Duban.Core.Tracking.Periods;

/// <summary>
/// A reporting period of a plan as stored: created the first time a report or value is filed for it, so that reports
/// point at a record (unique per plan, kind and start), never at a string.
/// </summary>
public sealed class Period
{
    public long Id { get; set; }

    public long PlanId { get; set; }

    public PeriodKind Kind { get; set; }

    public DateOnly Start { get; set; }

    public DateOnly End { get; set; }

    public PeriodSpan Span => new(Kind, Start, End);

    public static Period Of(long planId, PeriodSpan span) => new() { PlanId = planId, Kind = span.Kind, Start = span.Start, End = span.End };
}
