namespace Duban.Core.Tracking.Baseline;

/// <summary>A baseline report as the rules see it: the state stated, the new date for 推进中, and the day it was stated.</summary>
public sealed record BaselineStatement(BaselineState State, DateOnly? NewDate, DateOnly StatedOn);

/// <summary>
/// Where an assignment stands with respect to the tracking baseline.
/// </summary>
/// <param name="AwaitingBaseline">待摸底: the deadline passed before tracking started and nobody stated the current state yet; nothing is escalated.</param>
/// <param name="Completed">The baseline said 已完成 (when is not known, so it is never counted late).</param>
/// <param name="Due">The deadline the status and escalation rules hold the assignment to: the task's, or the baseline's new date.</param>
public sealed record BaselineStanding(bool AwaitingBaseline, bool Completed, DateOnly? Due)
{
    public static BaselineStanding Untouched(DateOnly? due) => new(false, false, due);
}

/// <summary>
/// The tracking baseline (docs/status-rules.md §待摸底): a plan imported with deadlines already in the past must not
/// turn every one of them into a 督办单 on its first run. A deadline before the plan's tracking start is held until the
/// organisation (or the office for it) states where the work stands; after that the statement decides.
/// </summary>
public static class BaselineRules
{
    /// <summary>Whether the deadline passed before tracking started; undated and ongoing tasks never need a baseline.</summary>
    public static bool NeedsBaseline(DateOnly? due, DateOnly? trackingStart) =>
        due is { } d && trackingStart is { } start && d < start;

    public static BaselineStanding Standing(DateOnly? due, DateOnly? trackingStart, BaselineStatement? statement)
    {
        if (!NeedsBaseline(due, trackingStart)) return BaselineStanding.Untouched(due);
        return statement switch
        {
            null => new(true, false, due),
            { State: BaselineState.Completed } => new(false, true, due),
            // A new date earlier than the original one would be no promise at all; the later of the two holds.
            { State: BaselineState.InProgress, NewDate: { } newDate } => new(false, false, newDate > due ? newDate : due),
            _ => BaselineStanding.Untouched(due),
        };
    }
}
