using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Data;
using Duban.Data.Tracking;
using Duban.Web.Plans;
using Duban.Web.Security;
using Duban.Web.Tracking;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Components.Pages.Tracking;

/// <summary>Where one row of 我的任务 stands; the order is the page's order.</summary>
public enum WorkState
{
    /// <summary>退回: the office sent it back with a comment.</summary>
    Returned,
    /// <summary>待填报: the period being reported has no submitted report yet, and its window is open.</summary>
    Due,
    /// <summary>缺报: the last period whose window has closed has no submitted report.</summary>
    Missing,
    /// <summary>待审核: submitted, waiting for the office.</summary>
    AwaitingReview,
    /// <summary>已通过.</summary>
    Approved,
}

/// <summary>
/// What the rows of 我的任务 need of a task to be found, sorted and counted. The task's text, plan title and units are
/// read for the rows shown only (<see cref="PlanQueries.TaskViewsAsync"/>): an organisation of ~2 000 tasks read them
/// all, with its units by ~2 000 task ids, on every visit to /my and the 工作台 (docs/benchmarks.md).
/// </summary>
public sealed record WorkTask(long Id, long PlanId, DateOnly? Start);

/// <summary>One row of 我的任务: an assignment of the reporter's organisation for one period.</summary>
/// <param name="Report">The report for the period, null when none was started.</param>
/// <param name="ReturnComment">The office's comment when returned.</param>
public sealed record WorkItem(WorkTask Task, long AssignmentId, PeriodSpan Period, WorkState State, ReportSummary? Report, string? ReturnComment, DateOnly WindowCloses);

/// <summary>An assignment of the reporter's organisation to a task the reporter sees.</summary>
public sealed record WorkAssignment(long Id, WorkTask Task, UnitRole Role);

/// <summary>The worklist's rows and the assignments they were built from (我的任务 reads the rest of its page from these).</summary>
public sealed record Worklist(IReadOnlyList<WorkItem> Items, IReadOnlyList<WorkAssignment> Assignments);

/// <summary>
/// The reporter's work: for each assignment of their organisation, the period to report now, the last closed period
/// if it was not reported, and every report that was started, returned or submitted, and those approved within
/// <see cref="ApprovedMonths"/> months. Reads only; the
/// periods and windows come from the plan's reporting cycle (<see cref="ReportingCycle"/>).
/// </summary>
public sealed class ReporterWorklist(PlanQueries plans, TrackingQueries tracking, ReportingPeriods periods)
{
    /// <summary>How far back 已通过 reaches: the reports of periods that ended within this many months.</summary>
    public const int ApprovedMonths = Duban.Data.Tracking.Status.TrackingStatuses.TimelinessMonths;

    public async Task<IReadOnlyList<WorkItem>> ForAsync(DubanUser reporter, DateOnly today, CancellationToken ct) =>
        (await ReadAsync(reporter, today, ct)).Items;

    public async Task<Worklist> ReadAsync(DubanUser reporter, DateOnly today, CancellationToken ct)
    {
        if (reporter.OrganizationId is not { } organization) return new([], []);
        // The organisation's assignments of the tasks the reporter sees, with what the periods need of each task, in one
        // query along the organisation's index; by task, then assignment, the order the rows were always built in.
        var assignments = await plans.AssignmentsOf(reporter, organization)
            .OrderBy(a => a.TaskId).ThenBy(a => a.Id)
            .Select(a => new WorkAssignment(a.Id, new WorkTask(a.TaskId, a.Task!.PlanId, a.Task.Start), a.Role)).ToListAsync(ct);
        // Approved reports of long ago are history (on the task page), not work: an organisation of a five-year plan would
        // otherwise read hundreds of them on every visit (docs/benchmarks.md).
        var approvedSince = today.AddMonths(-ApprovedMonths);
        var reports = await tracking.ReportSummariesAsync(reporter, q => q.Where(r => r.Assignment!.OrganizationId == organization
            && (r.Status != ReportStatus.Approved || r.Period!.End >= approvedSince)), ct);
        var returned = reports.Where(r => r.Status == ReportStatus.Returned).Select(r => r.Id).ToList();
        var reviews = returned.Count == 0 ? [] : await tracking.LatestReviewsAsync(returned, ct);
        // Looked up by key rather than filtered per task and per assignment: an organisation of ~2 000 tasks made those
        // filters millions of comparisons on every visit to /my and the 工作台 (docs/benchmarks.md).
        var reportsOf = reports.ToLookup(r => r.AssignmentId);
        var planIds = assignments.Select(a => a.Task.PlanId).Distinct().ToList();
        var cycles = await periods.CyclesAsync(planIds, ct);
        var importedOn = await plans.ImportDaysAsync(planIds, ct);
        var items = new List<WorkItem>();
        foreach (var assignment in assignments)
        {
            var task = assignment.Task;
            var cycle = cycles[task.PlanId];
            var own = reportsOf[assignment.Id].ToList();
            bool Submitted(PeriodSpan span) => own.Any(r => r.PeriodKind == span.Kind && r.PeriodStart == span.Start && r.Status != ReportStatus.Draft);
            var due = DuePeriod(cycle, today, Submitted);
            var lastClosed = LastClosedPeriod(cycle, today);
            foreach (var report in own)
            {
                var span = new PeriodSpan(report.PeriodKind, report.PeriodStart, report.PeriodEnd);
                var state = report.Status switch
                {
                    ReportStatus.Returned => WorkState.Returned,
                    ReportStatus.Submitted => WorkState.AwaitingReview,
                    ReportStatus.Approved => WorkState.Approved,
                    _ => today > cycle.WindowCloses(span) ? WorkState.Missing : WorkState.Due,
                };
                items.Add(new(task, assignment.Id, span, state, report, reviews.GetValueOrDefault(report.Id)?.Comment, cycle.WindowCloses(span)));
            }
            bool Started(PeriodSpan span) => own.Any(r => r.PeriodKind == span.Kind && r.PeriodStart == span.Start);
            if (!Started(due)) items.Add(new(task, assignment.Id, due, WorkState.Due, null, null, cycle.WindowCloses(due)));
            // A task that starts later, or a plan imported after the period ended, cannot have missed it (the lead's
            // missed periods follow the same rule: TrackingStatuses.ClosedPeriods); a plan deleted meanwhile owes nothing.
            if (lastClosed != due && !Started(lastClosed) && (task.Start is null || task.Start <= lastClosed.End)
                && importedOn.TryGetValue(task.PlanId, out var imported) && lastClosed.End >= imported)
                items.Add(new(task, assignment.Id, lastClosed, WorkState.Missing, null, null, cycle.WindowCloses(lastClosed)));
        }
        return new(items.OrderBy(i => i.State).ThenByDescending(i => i.Period.Start).ThenBy(i => i.Task.PlanId).ThenBy(i => i.Task.Id).ToList(), assignments);
    }

    /// <summary>
    /// The period a reporter reports now: the previous one while its window is open and it has no submitted report,
    /// otherwise the current one.
    /// </summary>
    public static PeriodSpan DuePeriod(ReportingCycle cycle, DateOnly today, Func<PeriodSpan, bool> submitted)
    {
        var current = PeriodSpan.Containing(cycle.Kind, today);
        var previous = current.Previous();
        return today <= cycle.WindowCloses(previous) && !submitted(previous) ? previous : current;
    }

    /// <summary>The latest period whose submission window has closed.</summary>
    public static PeriodSpan LastClosedPeriod(ReportingCycle cycle, DateOnly today)
    {
        var span = PeriodSpan.Containing(cycle.Kind, today).Previous();
        while (today <= cycle.WindowCloses(span)) span = span.Previous();
        return span;
    }
}
