using Duban.Core.Security;
using Duban.Data;
using Duban.Data.Tracking.Status;
using Duban.Web.Plans;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Dashboard;

/// <summary>
/// The kept statuses (<see cref="PlanStatusCache"/>) of the tasks of the 总览's filter — the tasks
/// <see cref="PlanQueries.FilteredTasksAsync"/> lists with the plan and region — for the 总览 and 地区对比.
/// <para>
/// A region (the reader's scope 本地区及下级, the <c>regionId</c> filter) holds a current task when the task's plan is
/// filed in it or one of the task's organisations (any role) is in it. Asked of the database task by task, that test
/// read a province's 250 016 tasks for a second (docs/benchmarks.md, "Every list page at province scale"). Here the
/// database answers only which plans and organisations are in each region (by the regions' paths, a few thousand rows),
/// and the tasks are taken from the kept statuses of the plans, whose rows name each task's plan and organisations.
/// Any other scope (one organisation's tasks) is read by the list's query, which is narrow.
/// </para>
/// </summary>
public sealed class ScopedTaskStatuses(DubanDbContext db, PlanQueries plans, PlanStatusCache statuses)
{
    /// <summary>The tasks of the filter with their statuses; also their ids and plans, which the targets are chosen by.</summary>
    public async Task<ScopedTasks> ReadAsync(DubanUser user, DashboardFilter filter, CancellationToken ct)
    {
        var scope = await ScopeAsync(user, filter, ct);
        return scope is null ? await ByQueryAsync(user, filter, ct) : await ReadAsync(scope, ct);
    }

    /// <summary>
    /// The plans to look at and the test of a task's row, or null when the reader's scope is not a region (the list's
    /// query then). Exposed so that a caller can start on the same plans' targets meanwhile.
    /// </summary>
    public async Task<Scope?> ScopeAsync(DubanUser user, DashboardFilter filter, CancellationToken ct)
    {
        var paths = new List<string>();
        switch (user.Scope, user.ScopeRegionPath)
        {
            case (DataScope.All, _):
                break;
            case (DataScope.RegionAndBelow, { } path):
                paths.Add(path);
                break;
            default:
                return null;
        }
        // An unknown region matches nothing rather than everything, as in the list.
        if (filter.RegionId is { } regionId)
            paths.Add(await db.Regions.Where(r => r.Id == regionId).Select(r => r.Path).SingleOrDefaultAsync(ct) ?? "?");

        var regions = new List<RegionMembers>();
        // The filter's region is often the scope's own (the province's 地区对比): its plans and organisations read once.
        foreach (var path in paths.Distinct())
        {
            // The same tests as the list's (PlanQueries.VisibleTasks, FilteredTasksAsync), in SQL, once per plan and organisation.
            var filed = await db.Plans.Where(p => p.Region != null && p.Region.Path.StartsWith(path)).Select(p => p.Id).ToListAsync(ct);
            var organizations = await db.Organizations.Where(o => o.Region!.Path.StartsWith(path)).Select(o => o.Id).ToListAsync(ct);
            regions.Add(new RegionMembers(filed.ToHashSet(), organizations.ToHashSet()));
        }
        // Every plan: one with no task in the regions gives no row. The kept statuses hold every plan once the morning's
        // computation (KeptStatusWarmup) or a status list (StoredTaskStatuses) has run, so this computes nothing new then.
        var planIds = filter.PlanId is { } plan ? [plan] : await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        return new Scope(planIds, regions);
    }

    public async Task<ScopedTasks> ReadAsync(Scope scope, CancellationToken ct) =>
        ScopedTasks.Of(await statuses.TasksOfPlansAsync(db, scope.PlanIds, scope.Holds, ct, scope.HoldsWhole));

    /// <summary>
    /// The tasks as the list's query finds them (their ids, then their kept statuses): for a scope that is not a region,
    /// and the reference the region reading is tested against (<c>ScopedTaskStatusesTests</c>).
    /// </summary>
    public async Task<ScopedTasks> ByQueryAsync(DubanUser user, DashboardFilter filter, CancellationToken ct)
    {
        var tasks = await plans.FilteredTasksAsync(user, TaskFilter.None with { PlanId = filter.PlanId, RegionId = filter.RegionId }, ct);
        var scoped = await tasks.Select(t => new { t.Id, t.PlanId }).ToListAsync(ct);
        var taskIds = scoped.Select(t => t.Id).ToList();
        var planIds = scoped.Select(t => t.PlanId).Distinct().ToList();
        return ScopedTasks.Of(await statuses.TasksAsync(db, taskIds, planIds, ct));
    }

    /// <summary>The plans and organisations in one region (its own and every region below).</summary>
    public sealed record RegionMembers(IReadOnlySet<long> Plans, IReadOnlySet<long> Organizations)
    {
        public bool Holds(TaskStatusRow task) =>
            Plans.Contains(task.PlanId) || task.Assignments.Any(a => Organizations.Contains(a.OrganizationId));
    }

    /// <summary>The plans whose tasks may be in scope, and the regions a task must be in (every one of them).</summary>
    public sealed record Scope(IReadOnlyList<long> PlanIds, IReadOnlyList<RegionMembers> Regions)
    {
        public bool Holds(TaskStatusRow task) => Regions.All(r => r.Holds(task));

        /// <summary>Every task of the plan is in scope: the plan is filed in every one of the regions (no task tested).</summary>
        public bool HoldsWhole(long planId) => Regions.All(r => r.Plans.Contains(planId));
    }
}

/// <summary>The statuses of the scoped tasks, with the tasks' ids and their plans (in order of first appearance).</summary>
public sealed record ScopedTasks(TaskStatusSet Set, IReadOnlyCollection<long> TaskIds, IReadOnlyList<long> PlanIds)
{
    public static ScopedTasks Of(TaskStatusSet set)
    {
        // Sized once: a province's 250 016 ids grown step by step cost a dozen rehashes.
        var ids = new HashSet<long>(set.Tasks.Count);
        var plans = new List<long>();
        foreach (var task in set.Tasks)
        {
            ids.Add(task.TaskId);
            // A plan's rows come together (per plan from the kept statuses); the test against the last one spares most lookups.
            if (plans.Count == 0 || plans[^1] != task.PlanId) plans.Add(task.PlanId);
        }
        return new(set, ids, plans.Distinct().ToList());
    }
}
