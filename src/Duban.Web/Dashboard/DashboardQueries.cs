using System.Text.Json;
using Duban.Core.Plans;
using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Status;
using Duban.Data;
using Duban.Data.Organizations;
using Duban.Data.Tracking.Status;
using Duban.Web.Plans;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Dashboard;

/// <summary>
/// The figures of the 总览 (docs/dashboard.md), for the tasks the user sees through the filter. Statuses come from
/// <see cref="TrackingStatuses"/> through the kept per-plan statuses (<see cref="PlanStatusCache"/>), as the task
/// list's status filter does, so that every count equals the total of the list it links to.
/// </summary>
public sealed class DashboardQueries(DubanDbContext db, PlanQueries plans, PlanStatusCache statuses, ScopedTaskStatuses scoped)
{
    /// <summary>How far ahead the deadline list looks.</summary>
    public const int DeadlineDays = 90;

    public static string StatusKey(TrackingStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    /// <summary>The task list of the filter: the visible tasks of the plan and region.</summary>
    public Task<IQueryable<PlanTask>> TasksAsync(DubanUser user, DashboardFilter filter, CancellationToken ct) =>
        plans.FilteredTasksAsync(user, TaskFilter.None with { PlanId = filter.PlanId, RegionId = filter.RegionId }, ct);

    /// <summary>The targets of the filtered tasks, and the plan-level targets of their plans.</summary>
    public IQueryable<TaskTarget> Targets(IQueryable<PlanTask> tasks)
    {
        var taskIds = tasks.Select(t => t.Id);
        var planIds = tasks.Select(t => t.PlanId);
        return db.Targets.AsNoTracking().Where(t => t.TaskId != null ? taskIds.Contains(t.TaskId.Value) : planIds.Contains(t.PlanId));
    }

    public async Task<DashboardView> BuildAsync(DubanUser user, DashboardFilter filter, CancellationToken ct)
    {
        // The tasks are taken from the kept statuses by their plans' and organisations' regions, not by a per-task test
        // in SQL (ScopedTaskStatuses). The targets are judged beside them, on a context of their own: when the statuses of
        // many plans must be computed again (each morning), each half is a few hundred thousand rows at province scale
        // (docs/benchmarks.md); the targets of the same plans are computed (and kept) meanwhile.
        var scope = await scoped.ScopeAsync(user, filter, ct);
        await using var sibling = scope is null ? null : DubanDatabase.CreateSibling(db);
        Task warmTargets = sibling is null ? Task.CompletedTask : statuses.TargetsAsync(sibling, [], scope!.PlanIds, ct);
        var readTasks = scope is null ? scoped.ByQueryAsync(user, filter, ct) : scoped.ReadAsync(scope, ct);
        // Both finish, whatever happens to either, before the sibling context is disposed.
        await Task.WhenAll(warmTargets, readTasks);
        var tasks = await readTasks;
        var set = tasks.Set;
        var series = await statuses.TargetsAsync(db, tasks.TaskIds, tasks.PlanIds, ct);
        var today = set.Today;
        var query = filter.Query;

        var byStatus = Enum.GetValues<TrackingStatus>()
            .Select(s => new StatusCount(s, s.Label(), set.Tasks.Count(t => t.Result.Status == s), $"tasks?status={StatusKey(s)}{query}"))
            .ToList();

        var leads = set.Tasks.SelectMany(t => t.Assignments.Where(a => a.Role == UnitRole.Lead).Select(a => (Task: t, Assignment: a))).ToList();
        var organizationIds = leads.Select(l => l.Assignment.OrganizationId).Distinct().ToList();
        var names = await db.LabelsAsync(organizationIds, ct);

        var taskStatus = set.Tasks.ToDictionary(t => t.TaskId, t => t.Result.Status);
        var lagging = leads.GroupBy(l => l.Assignment.OrganizationId)
            .Select(g => new OrganizationLag(g.Key, names[g.Key],
                g.Select(l => l.Task.TaskId).Distinct().Count(id => taskStatus[id] == TrackingStatus.Overdue),
                $"tasks?status={StatusKey(TrackingStatus.Overdue)}&organizationId={g.Key}&role=lead{query}",
                g.Count(l => l.Assignment.Result.Status != TrackingStatus.Completed && l.Assignment.LastClosedReport == ClosedPeriodReport.Missing)))
            .Where(o => o.Overdue > 0 || o.MissingReports > 0)
            .OrderByDescending(o => o.Overdue + o.MissingReports).ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();

        var horizon = today.AddDays(DeadlineDays);
        var upcoming = set.Tasks
            .Where(t => t.Due is { } due && due >= today && due <= horizon && t.Result.Status != TrackingStatus.Completed)
            .OrderBy(t => t.Due).ThenBy(t => t.TaskId).ToList();
        var upcomingIds = upcoming.Select(t => t.TaskId).ToList();
        var upcomingText = await db.Tasks.AsNoTracking().Where(t => EF.Parameter(upcomingIds).Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => new { t.No, t.Text }, ct);
        var deadlines = upcoming.Select(t => new UpcomingDeadline(t.TaskId, t.PlanId, upcomingText[t.TaskId].No, upcomingText[t.TaskId].Text, t.Due!.Value,
            t.Result.DaysLeft!.Value, t.Result.Status, t.Result.Label,
            t.Assignments.Where(a => a.Role == UnitRole.Lead).Select(a => names.GetValueOrDefault(a.OrganizationId, "")).ToList())
            { Explanation = t.LeadsCompleted() }).ToList();

        var targets = Enum.GetValues<TargetStatus>()
            .Select(s => new TargetCount(s, s.Label(), series.Count(r => r.Assessment.Status == s))).ToList();

        var timeliness = set.PeriodReports.GroupBy(r => r.OrganizationId)
            .Select(g => new OrganizationTimeliness(g.Key, names[g.Key],
                g.Count(r => r.Timeliness == PeriodTimeliness.OnTime), g.Count(r => r.Timeliness == PeriodTimeliness.Late),
                g.Count(r => r.Timeliness == PeriodTimeliness.Missing),
                g.GroupBy(r => r.Period).OrderBy(p => p.Key.Start).Select(p => new PeriodTimelinessCount(p.Key.Label, p.Key.Start,
                    p.Count(r => r.Timeliness == PeriodTimeliness.OnTime), p.Count(r => r.Timeliness == PeriodTimeliness.Late),
                    p.Count(r => r.Timeliness == PeriodTimeliness.Missing))).ToList()))
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .ToList();

        var root = filter.RegionId ?? ScopeRegion(user);
        return new DashboardView(today, filter, set.Tasks.Count, query.Length == 0 ? "tasks" : "tasks?" + query[1..], byStatus, lagging, deadlines, targets, timeliness)
        {
            PartlyCompleted = set.Tasks.Count(TaskStatusReasons.PartlyCompleted),
            PartlyCompletedLink = $"tasks?partlyCompleted=true{query}",
            Regions = await RegionsAsync(set, root, filter, ct),
            RegionTrail = filter.RegionId is { } region ? await TrailAsync(user, region, filter, ct) : [],
        };
    }

    /// <summary>The region the caller's data scope starts at (the last id of its path), or null for scope 全部.</summary>
    private static long? ScopeRegion(DubanUser user) =>
        user.Scope != Core.Security.DataScope.All && user.ScopeRegionPath?.Split('/', StringSplitOptions.RemoveEmptyEntries) is [.., var last]
        && long.TryParse(last, out var id) ? id : null;

    /// <summary>"&amp;planId=3" or empty: the plan filter alone, which a drill-down keeps while it changes the region.</summary>
    private static string PlanQuery(DashboardFilter filter) => filter.PlanId is { } plan ? $"&planId={plan}" : "";

    private static string DashboardLink(long? region, DashboardFilter filter)
    {
        var query = (region is { } r ? $"&regionId={r}" : "") + PlanQuery(filter);
        return query.Length == 0 ? "dashboard" : "dashboard?" + query[1..];
    }

    /// <summary>
    /// The regions directly below <paramref name="root"/> (the top regions when null), each with the overdue tasks of the
    /// set its <c>tasks?status=overdue&amp;regionId=</c> list holds — a task of a plan of the region, or with an
    /// organisation in it, as <see cref="PlanQueries.FilteredTasksAsync"/> filters — and the missing reports of the lead
    /// organisations in it. At province scale this replaces a hundred bars by a dozen regions to drill into.
    /// </summary>
    private async Task<IReadOnlyList<RegionLag>> RegionsAsync(TaskStatusSet set, long? root, DashboardFilter filter, CancellationToken ct)
    {
        var children = await db.Regions.AsNoTracking().Where(r => root == null ? r.ParentId == null : r.ParentId == root)
            .Select(r => new { r.Id, r.Name, r.Path }).ToListAsync(ct);
        if (children.Count == 0) return [];
        var overdue = set.Tasks.Where(t => t.Result.Status == TrackingStatus.Overdue).ToList();
        var missing = set.Tasks.SelectMany(t => t.Assignments)
            .Where(a => a.Role == UnitRole.Lead && a.Result.Status != TrackingStatus.Completed && a.LastClosedReport == ClosedPeriodReport.Missing).ToList();
        var organizationIds = overdue.SelectMany(t => t.Assignments).Concat(missing).Select(a => a.OrganizationId).Distinct().ToList();
        // One array parameter each (EF.Parameter): a list expanded into 10 000 parameters took 0.7 s on SQLite.
        var organizationPaths = await db.Organizations.AsNoTracking().Where(o => EF.Parameter(organizationIds).Contains(o.Id))
            .Select(o => new { o.Id, o.Region!.Path }).ToDictionaryAsync(o => o.Id, o => o.Path, ct);
        var planIds = overdue.Select(t => t.PlanId).Distinct().ToList();
        var planPaths = await db.Plans.AsNoTracking().Where(p => EF.Parameter(planIds).Contains(p.Id) && p.Region != null)
            .Select(p => new { p.Id, p.Region!.Path }).ToDictionaryAsync(p => p.Id, p => p.Path, ct);

        // Which of the regions below each organisation and plan lies in, tested once each rather than once per task and region.
        var childIds = children.Select(c => c.Id).ToList();
        HashSet<long> In(string? path) => path is null ? [] : children.Where(c => path.StartsWith(c.Path)).Select(c => c.Id).ToHashSet();
        var organizationChildren = organizationPaths.ToDictionary(o => o.Key, o => In(o.Value));
        var planChildren = planPaths.ToDictionary(p => p.Key, p => In(p.Value));
        IReadOnlySet<long> OfOrganization(long organization) => organizationChildren.TryGetValue(organization, out var found) ? found : [];
        var overdueIn = childIds.ToDictionary(c => c, _ => 0);
        foreach (var task in overdue)
        {
            var regions = new HashSet<long>(planChildren.TryGetValue(task.PlanId, out var ofPlan) ? ofPlan : []);
            foreach (var a in task.Assignments) regions.UnionWith(OfOrganization(a.OrganizationId));
            foreach (var c in regions) overdueIn[c]++;
        }
        var missingIn = childIds.ToDictionary(c => c, _ => 0);
        foreach (var a in missing)
            foreach (var c in OfOrganization(a.OrganizationId)) missingIn[c]++;
        return children
            .Select(c => new RegionLag(c.Id, c.Name, overdueIn[c.Id],
                $"tasks?status={StatusKey(TrackingStatus.Overdue)}&regionId={c.Id}{PlanQuery(filter)}",
                missingIn[c.Id],
                DashboardLink(c.Id, filter)))
            .Where(r => r.Overdue > 0 || r.MissingReports > 0)
            .OrderByDescending(r => r.Overdue + r.MissingReports).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The way up from the 总览's region to the top of the caller's scope, top first, to climb back up a drill-down.</summary>
    private async Task<IReadOnlyList<RegionStep>> TrailAsync(DubanUser user, long region, DashboardFilter filter, CancellationToken ct)
    {
        var path = await db.Regions.Where(r => r.Id == region).Select(r => r.Path).SingleOrDefaultAsync(ct);
        if (path is null) return [];
        var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        var names = await db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var scopeRoot = ScopeRegion(user);
        // Above the scope's own region the caller sees nothing: its trail starts there.
        var start = scopeRoot is { } top && ids.IndexOf(top) is >= 0 and var at ? at : -1;
        var trail = new List<RegionStep> { start < 0 ? new(null, "全部地区", DashboardLink(null, filter)) : new(ids[start], names[ids[start]], DashboardLink(null, filter)) };
        trail.AddRange(ids.Skip(start + 1).Select(id => new RegionStep(id, names.GetValueOrDefault(id, ""), DashboardLink(id, filter))));
        return trail;
    }
}
