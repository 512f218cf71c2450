namespace Duban.Core.Tracking.Escalation;

/// <summary>A reporting period and its submission window, as far as escalation cares.</summary>
/// <param name="Closes">The last day a report for the period is on time (e.g. the 5th of the following month).</param>
/// <param name="Reported">A report for the period was submitted (whatever its review).</param>
public sealed record ReportingWindow(DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly Closes, bool Reported);

/// <summary>A 督办单 issued earlier and its answer.</summary>
/// <param name="ReplyBy">The reply date now in force (a returned order may have been given a new one).</param>
/// <param name="RepliedOn">When the rectification plan (整改措施) came in; null while unanswered, and again null once the
/// office returned it (整改不到位) until the organisation replies anew.</param>
/// <param name="NewDate">The new date the rectification plan promises; it replaces the deadline when later.</param>
/// <param name="Closed">The office closed it (已办结): it is no miss, and it no longer stands in the way of a new order.</param>
public sealed record IssuedOrder(DateOnly IssuedOn, DateOnly ReplyBy, DateOnly? RepliedOn, DateOnly? NewDate, bool Closed = false);

/// <summary>What escalation of one assignment depends on; filled by the persistence side.</summary>
/// <param name="Due">The task's deadline; null for ongoing or undated tasks.</param>
/// <param name="Done">The assignment's 已完成 is approved: nothing more is asked of it.</param>
/// <param name="Current">The period whose window is open or next to close; null when none.</param>
/// <param name="LastClosed">The latest period whose window has closed; null when none has.</param>
/// <param name="MissedReports">Closed periods so far without a report.</param>
/// <param name="MissingSince">Start of the first period of the current run of missing reports (up to <paramref name="LastClosed"/>); null when the last closed period was reported.</param>
/// <param name="ConsecutiveMissedReports">The length of that run.</param>
/// <param name="IssuedKeys">Idempotency keys of the actions already recorded for this assignment.</param>
/// <param name="AwaitingBaseline">待摸底: the deadline passed before the plan's tracking start and no baseline report was stated; nothing is escalated automatically.</param>
public sealed record EscalationFacts(
    long AssignmentId,
    DateOnly? Due,
    bool Done,
    ReportingWindow? Current,
    ReportingWindow? LastClosed,
    int MissedReports,
    DateOnly? MissingSince,
    int ConsecutiveMissedReports,
    IReadOnlyList<IssuedOrder> Orders,
    IReadOnlySet<string> IssuedKeys,
    bool AwaitingBaseline = false)
{
    /// <summary>
    /// The facts as the baseline leaves them: held while 待摸底, done when it said 已完成, and held to its new date when
    /// it gave one (<see cref="Baseline.BaselineRules.Standing"/>).
    /// </summary>
    public EscalationFacts With(Baseline.BaselineStanding standing) =>
        this with { Due = standing.Due, Done = Done || standing.Completed, AwaitingBaseline = standing.AwaitingBaseline };
}
