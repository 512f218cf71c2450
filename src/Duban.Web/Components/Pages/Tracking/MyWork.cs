using Duban.Data;
using Duban.Data.Tracking;
using Duban.Web.Plans;
using Duban.Web.Security;
using Duban.Web.Tracking;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Components.Pages.Tracking;

/// <summary>The rows of 我的任务 and the periods that may no longer be reported.</summary>
/// <param name="AssignedTasks">The visible tasks the organisation is assigned to (for the page's 指标填报).</param>
public sealed record MyWorkRows(IReadOnlyList<WorkItem> Items, HashSet<(long AssignmentId, DateOnly Start)> Refused, IReadOnlyList<long> AssignedTasks);

/// <summary>
/// A reporter's rows as 我的任务 lists them: the worklist with every missed period of lead assignments. One place,
/// so that the 工作台's counts (本期待填报, 被退回) are counts of exactly the rows /my shows.
/// </summary>
public sealed class MyWork(DubanDbContext db, PlanQueries plans, TrackingQueries tracking, ReportingPeriods periods)
{
    public async Task<MyWorkRows> ForAsync(DubanUser user, DateOnly today, CancellationToken ct)
    {
        var worklist = await new ReporterWorklist(plans, tracking, periods).ReadAsync(user, today, ct);
        // The missed periods of the worklist's own lead assignments: the organisation's assignments through the reporter's
        // scope are read once for the page, not once per part of it (docs/benchmarks.md, "A reporter's 我的任务").
        var leads = worklist.Assignments.Where(a => a.Role == UnitRole.Lead).Select(a => new LeadAssignment(a.Id, a.Task.Id, a.Task.PlanId, a.Task.Start)).ToList();
        var missed = await new MissedReports(db).ForAsync(leads, today, ct);
        var items = WithMissed(worklist, missed);
        var refused = missed.Periods.Where(m => m.Refused).Select(m => (m.AssignmentId, m.Period.Start)).ToHashSet();
        return new MyWorkRows(items, refused, worklist.Assignments.Select(a => a.Task.Id).Distinct().ToList());
    }

    /// <summary>
    /// How many rows /my lists as 待填报 and as 被退回 (the 工作台's figures). Those rows are the worklist's alone: the
    /// missed periods merged in by <see cref="ForAsync"/> change only 缺报, so they are not read for these counts.
    /// </summary>
    public async Task<(int Due, int Returned)> DueAndReturnedAsync(DubanUser user, DateOnly today, CancellationToken ct)
    {
        var worklist = await new ReporterWorklist(plans, tracking, periods).ForAsync(user, today, ct);
        return (worklist.Count(i => i.State == WorkState.Due), worklist.Count(i => i.State == WorkState.Returned));
    }

    /// <summary>
    /// The tasks of the rows a page shows, with their text, plan title and units: read for those rows only (at most
    /// <paramref name="perState"/> of each state), not for every task of the organisation.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, TaskView>> TasksShownAsync(DubanUser user, IEnumerable<WorkItem> items, int perState, CancellationToken ct)
    {
        var ids = items.GroupBy(i => i.State).SelectMany(g => g.Take(perState)).Select(i => i.Task.Id).Distinct().ToList();
        return await plans.TaskViewsAsync(user, ids, ct);
    }

    /// <summary>
    /// For lead assignments the unreported closed periods are <see cref="MissedReports"/>' (all of them since the plan
    /// began, within the horizon), in place of the worklist's last closed one; a cooperating assignment keeps the
    /// worklist's. Drafts stay the worklist's rows. The missed periods are of the worklist's own assignments, so their
    /// tasks are the worklist's.
    /// </summary>
    private static List<WorkItem> WithMissed(Worklist worklist, MissedReportSet missed)
    {
        var tasks = worklist.Assignments.Select(a => a.Task).DistinctBy(t => t.Id).ToDictionary(t => t.Id);
        return worklist.Items.Where(i => !(i.State == WorkState.Missing && i.Report is null && missed.LeadAssignments.Contains(i.AssignmentId)))
            .Concat(missed.Periods.Select(m => new WorkItem(tasks[m.TaskId], m.AssignmentId, m.Period, WorkState.Missing, null, null, m.WindowCloses)))
            .OrderBy(i => i.State).ThenByDescending(i => i.Period.Start).ThenBy(i => i.Task.PlanId).ThenBy(i => i.Task.Id).ToList();
    }
}
