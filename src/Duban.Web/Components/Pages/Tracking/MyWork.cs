using Duban.Data;
using Duban.Data.Tracking;
using Duban.Web.Plans;
using Duban.Web.Security;
using Duban.Web.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Components.Pages.Tracking;

/// <summary>The rows of 我的任务 and the periods that may no longer be reported.</summary>
public sealed record MyWorkRows(IReadOnlyList<WorkItem> Items, HashSet<(long AssignmentId, DateOnly Start)> Refused);

/// <summary>
/// A reporter's rows as 我的任务 lists them: the worklist with every missed period of lead assignments. One place,
/// so that the 工作台's counts (本期待填报, 被退回) are counts of exactly the rows /my shows.
/// </summary>
public sealed class MyWork(DubanDbContext db, PlanQueries plans, TrackingQueries tracking, ReportingPeriods periods)
{
    public async Task<MyWorkRows> ForAsync(DubanUser user, DateOnly today, CancellationToken ct)
    {
        var worklist = await new ReporterWorklist(db, plans, tracking, periods).ForAsync(user, today, ct);
        var organization = user.OrganizationId ?? 0;
        var missed = await new MissedReports(db).ForAsync(organization, plans.VisibleTasks(user).Select(t => t.Id), today, ct);
        var items = await WithMissedAsync(user, worklist, missed, ct);
        var refused = missed.Periods.Where(m => m.Refused).Select(m => (m.AssignmentId, m.Period.Start)).ToHashSet();
        return new MyWorkRows(items, refused);
    }

    /// <summary>
    /// How many rows /my lists as 待填报 and as 被退回 (the 工作台's figures). Those rows are the worklist's alone: the
    /// missed periods merged in by <see cref="ForAsync"/> change only 缺报, so they are not read for these counts.
    /// </summary>
    public async Task<(int Due, int Returned)> DueAndReturnedAsync(DubanUser user, DateOnly today, CancellationToken ct)
    {
        var worklist = await new ReporterWorklist(db, plans, tracking, periods).ForAsync(user, today, ct);
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
    /// worklist's. Drafts stay the worklist's rows. The tasks are the worklist's (it lists every assignment).
    /// </summary>
    private async Task<List<WorkItem>> WithMissedAsync(DubanUser user, IReadOnlyList<WorkItem> worklist, MissedReportSet missed, CancellationToken ct)
    {
        var tasks = worklist.Select(i => i.Task).DistinctBy(t => t.Id).ToDictionary(t => t.Id);
        var absent = missed.Periods.Select(m => m.TaskId).Where(id => !tasks.ContainsKey(id)).Distinct().ToList();
        if (absent.Count > 0)
            foreach (var task in await plans.VisibleTasks(user).Where(t => absent.Contains(t.Id)).Select(t => new WorkTask(t.Id, t.PlanId, t.Start)).ToListAsync(ct))
                tasks.TryAdd(task.Id, task);
        return worklist.Where(i => !(i.State == WorkState.Missing && i.Report is null && missed.LeadAssignments.Contains(i.AssignmentId)))
            .Concat(missed.Periods.Where(m => tasks.ContainsKey(m.TaskId))
                .Select(m => new WorkItem(tasks[m.TaskId], m.AssignmentId, m.Period, WorkState.Missing, null, null, m.WindowCloses)))
            .OrderBy(i => i.State).ThenByDescending(i => i.Period.Start).ThenBy(i => i.Task.PlanId).ThenBy(i => i.Task.Id).ToList();
    }
}
