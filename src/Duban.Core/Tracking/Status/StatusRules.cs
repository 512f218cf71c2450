using Duban.Core.Tracking.Baseline;
using Duban.Parsing.Model;

namespace Duban.Core.Tracking.Status;

/// <summary>
/// The status of an assignment and of a task (docs/status-rules.md). Precedence, first match wins:
/// 已完成 → 待摸底 → 逾期 → 即将到期 → (no deadline, ongoing) 长期推进·缺报 / 长期推进·正常 → 推进中 → 未开始.
/// A baseline report (<see cref="BaselineRules"/>) can complete an assignment or move its deadline.
/// </summary>
public sealed class StatusRules(StatusOptions options, TimeProvider time)
{
    public StatusResult ForAssignment(AssignmentFacts facts) => ForAssignment(facts, TrackingDay.Today(time), options);

    public StatusResult ForTask(TaskFacts facts) => ForTask(facts, TrackingDay.Today(time), options);

    /// <summary>An assignment's own status, from its latest approved report; its role does not matter here.</summary>
    public static StatusResult ForAssignment(AssignmentFacts facts, DateOnly today, StatusOptions options)
    {
        var reportedDone = facts.Latest is { State: ReportedState.Completed };
        var baseline = facts.Baseline ?? BaselineStanding.Untouched(facts.Due);
        // An approved 已完成 says more than any baseline; short of it, a deadline from before tracking start waits.
        if (baseline.AwaitingBaseline && !reportedDone) return AwaitingBaseline(facts.Due, today);
        return Decide(
            baseline.Due, facts.Ongoing, reportedDone || baseline.Completed, reportedDone ? facts.Latest!.SubmittedOn : null,
            HasStarted(facts.Latest), facts.LastClosedPeriod, today, options);
    }

    /// <summary>
    /// A task follows its lead organisations only, and completes when every lead has an approved 已完成 report: a task
    /// led by 各县（区）人民政府 (one lead per county) is done when the last county is. Cooperating organisations'
    /// reports are shown beside it but neither close, start nor hold back the task.
    /// </summary>
    public static StatusResult ForTask(TaskFacts facts, DateOnly today, StatusOptions options)
    {
        var leads = facts.Assignments.Where(a => a.Role == UnitRole.Lead).ToList();
        static bool ReportedDone(AssignmentFacts a) => a.Latest is { State: ReportedState.Completed };
        var done = leads.Count > 0 && leads.All(a => ReportedDone(a) || a.Baseline is { Completed: true });
        if (!done && leads.Any(a => a.Baseline is { AwaitingBaseline: true } && !ReportedDone(a))) return AwaitingBaseline(facts.Due, today);
        if (leads.Count == 0 && BaselineRules.NeedsBaseline(facts.Due, facts.TrackingStart)) return AwaitingBaseline(facts.Due, today);
        // A baseline's completion has no date: the task is then never counted late.
        DateOnly? completedOn = done && leads.All(ReportedDone) ? leads.Max(a => a.Latest!.SubmittedOn) : null;
        // The leads' baselines may have moved the deadline: the task is held to the latest one still open.
        var due = leads.Any(a => a.Baseline is not null)
            ? leads.Where(a => !ReportedDone(a) && a.Baseline is not { Completed: true }).Select(a => a.Baseline?.Due ?? facts.Due).Max() ?? facts.Due
            : facts.Due;
        var started = leads.Any(a => a.Latest is { State: ReportedState.Completed } || HasStarted(a.Latest));
        var lastClosed =
            leads.Any(a => a.LastClosedPeriod == ClosedPeriodReport.Missing) ? ClosedPeriodReport.Missing
            : leads.Any(a => a.LastClosedPeriod == ClosedPeriodReport.Reported) ? ClosedPeriodReport.Reported
            : ClosedPeriodReport.NoClosedPeriod;
        return Decide(due, facts.Ongoing, done, completedOn, started, lastClosed, today, options);
    }

    private static StatusResult AwaitingBaseline(DateOnly? due, DateOnly today) =>
        new(TrackingStatus.AwaitingBaseline, false, due is { } d ? d.DayNumber - today.DayNumber : null);

    // Percent > 0 counts as begun even when the reporter left the state at 未启动.
    private static bool HasStarted(ApprovedReport? report) =>
        report is { State: ReportedState.InProgress or ReportedState.Ongoing } or { Percent: > 0 };

    private static StatusResult Decide(
        DateOnly? due, bool ongoing, bool done, DateOnly? completedOn, bool started, ClosedPeriodReport lastClosed,
        DateOnly today, StatusOptions options)
    {
        int? daysLeft = due is { } d ? d.DayNumber - today.DayNumber : null;
        if (done) return new(TrackingStatus.Completed, due is { } deadline && completedOn > deadline, daysLeft);

        // A date is the stricter promise: a task "2022年底前完成并长期坚持" is judged by its date until it is done.
        if (daysLeft is { } left)
        {
            if (left < 0) return new(TrackingStatus.Overdue, false, daysLeft);
            if (left <= options.DueSoonDays) return new(TrackingStatus.DueSoon, false, daysLeft);
        }
        else if (ongoing)
            return new(
                lastClosed == ClosedPeriodReport.Missing ? TrackingStatus.OngoingMissingReport : TrackingStatus.OngoingOnTrack,
                false, null);

        return new(started ? TrackingStatus.InProgress : TrackingStatus.NotStarted, false, daysLeft);
    }
}
