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
public sealed class DashboardQueries(DubanDbContext db, PlanQueries plans, PlanStatusCache statuses)
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
        var tasks = await TasksAsync(user, filter, ct);
        // The scope query once; both halves below read the tasks by id.
        var scoped = await tasks.Select(t => new { t.Id, t.PlanId }).ToListAsync(ct);
        var taskIds = scoped.Select(t => t.Id).ToList();
        var planIds = scoped.Select(t => t.PlanId).Distinct().ToList();
        // The targets are judged beside the tasks, on a context of their own: when the statuses of many plans must be
        // computed again (each morning), each half is a few hundred thousand rows at province scale (docs/benchmarks.md).
        await using var sibling = DubanDatabase.CreateSibling(db);
        var setTask = statuses.TasksAsync(db, taskIds, planIds, ct);
        var seriesTask = sibling is null ? null : statuses.TargetsAsync(sibling, taskIds, planIds, ct);
        // Both finish, whatever happens to either, before the sibling context is disposed.
        if (seriesTask is not null) await Task.WhenAll(setTask, seriesTask);
        var set = await setTask;
        var series = await (seriesTask ?? statuses.TargetsAsync(db, taskIds, planIds, ct));
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
        var upcomingText = await db.Tasks.AsNoTracking().Where(t => upcomingIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => new { t.No, t.Text }, ct);
        var deadlines = upcoming.Select(t => new UpcomingDeadline(t.TaskId, t.PlanId, upcomingText[t.TaskId].No, upcomingText[t.TaskId].Text, t.Due!.Value,
            t.Result.DaysLeft!.Value, t.Result.Status, t.Result.Label,
            t.Assignments.Where(a => a.Role == UnitRole.Lead).Select(a => names.GetValueOrDefault(a.OrganizationId, "")).ToList())).ToList();

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

        return new DashboardView(today, filter, set.Tasks.Count, query.Length == 0 ? "tasks" : "tasks?" + query[1..], byStatus, lagging, deadlines, targets, timeliness);
    }
}
