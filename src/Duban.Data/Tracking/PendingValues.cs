using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Tracking.Periods;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tracking;

/// <summary>A target an organisation reports on, the latest finished period, and whether its value for it is in.</summary>
public sealed record PendingValue(long TargetId, long PlanId, long? TaskId, string Subject, string Raw, PeriodSpan Period, bool Reported);

/// <summary>
/// The values an organisation owes (我的任务, 指标填报): for every target it is responsible for (<see cref="ObservationRules"/>:
/// the targets of its tasks; for a government, the plan-level targets of plans in its region or above), the latest
/// period of the plan's cycle that has ended, and whether the organisation has reported that period's value. Values
/// are levels reached by the end of a period, so the finished period is the one to fill in.
/// </summary>
public sealed class PendingValues(DubanDbContext db)
{
    /// <param name="taskIds">The tasks the caller may see; targets of other tasks are not listed.</param>
    /// <param name="planIds">The plans the caller may see; plan-level targets of other plans (a draft) are not listed.</param>
    public async Task<IReadOnlyList<PendingValue>> ForAsync(long organizationId, IQueryable<long> taskIds, IQueryable<long> planIds, DateOnly today, CancellationToken ct = default) =>
        await ForAsync(organizationId,
            await db.Assignments.Where(a => a.OrganizationId == organizationId && taskIds.Contains(a.TaskId)).Select(a => a.TaskId).Distinct().ToListAsync(ct),
            planIds, today, ct);

    /// <summary>The same for the tasks of the organisation's assignments the caller has read already (我的任务's worklist).</summary>
    /// <param name="assignedTaskIds">The visible tasks the organisation is assigned to.</param>
    /// <param name="planIds">The plans the caller may see; plan-level targets of other plans (a draft) are not listed.</param>
    public async Task<IReadOnlyList<PendingValue>> ForAsync(long organizationId, IReadOnlyCollection<long> assignedTaskIds, IQueryable<long> planIds, DateOnly today, CancellationToken ct = default)
    {
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new { o.Kind, Path = o.Region == null ? null : o.Region.Path }).SingleOrDefaultAsync(ct);
        if (organization is null) return [];
        // The regions at or above the government's: a plan of any of them has plan-level targets it reports its part of.
        var regions = organization is { Kind: OrganizationKind.Government, Path: { } path }
            ? path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList()
            : [];
        // Two queries, each along an index, rather than one whose condition depends on the row (a task's target or a
        // plan's): SQLite cannot use an index through that condition and read every target of the province, about
        // 250 000, on every visit to /my (docs/benchmarks.md, "A reporter's 我的任务").
        var assigned = assignedTaskIds as List<long> ?? assignedTaskIds.ToList();
        var rows = assigned.Count == 0 ? new List<TargetRow>() : await Rows(db.Targets.Where(t => t.TaskId != null && EF.Parameter(assigned).Contains(t.TaskId.Value)
            && db.Plans.Any(p => p.Id == t.PlanId && p.Status != PlanStatus.Archived))).ToListAsync(ct);
        if (regions.Count > 0)
        {
            var inRegions = db.Plans.Where(p => p.Status != PlanStatus.Archived && p.RegionId != null && regions.Contains(p.RegionId.Value)).Select(p => p.Id);
            rows.AddRange(await Rows(db.Targets.Where(t => t.TaskId == null && inRegions.Contains(t.PlanId) && planIds.Contains(t.PlanId))).ToListAsync(ct));
        }
        // A plan-level target first, then its tasks' (a null task id first), as one ordered query gave them on SQLite.
        rows = rows.DistinctBy(r => r.Id).OrderBy(r => r.PlanId).ThenBy(r => r.TaskId).ThenBy(r => r.Id).ToList();
        // The kind of a plan with no cycle of its own is the default cycle's, the same for every plan.
        var defaultKind = ReportingCycle.Default(0).Kind;
        var due = rows.Select(r => Finished(r.Kind ?? defaultKind, today)).ToList();
        // The organisation's values of the finished periods, by its own index: a handful of period starts, whatever
        // the number of targets.
        var starts = due.Select(p => p.Start).Distinct().ToList();
        var reported = (await db.Observations.AsNoTracking()
                .Where(o => o.OrganizationId == organizationId && starts.Contains(o.Period!.Start))
                .Select(o => new { o.TargetId, o.Period!.Kind, o.Period.Start }).ToListAsync(ct))
            .Select(o => (o.TargetId, o.Kind, o.Start)).ToHashSet();
        return rows.Select((r, i) => new PendingValue(r.Id, r.PlanId, r.TaskId, r.Subject, r.Raw, due[i], reported.Contains((r.Id, due[i].Kind, due[i].Start)))).ToList();
    }

    /// <summary>Values are levels reached by the end of a period, so the period to fill in is the one before today's.</summary>
    private static PeriodSpan Finished(PeriodKind kind, DateOnly today) => PeriodSpan.Containing(kind, today).Previous();

    private sealed record TargetRow(long Id, long PlanId, long? TaskId, string Subject, string Raw, PeriodKind? Kind);

    private IQueryable<TargetRow> Rows(IQueryable<TaskTarget> targets) => targets.AsNoTracking()
        .Select(t => new TargetRow(t.Id, t.PlanId, t.TaskId, t.Subject, t.Raw,
            db.ReportingCycles.Where(c => c.PlanId == t.PlanId).Select(c => (PeriodKind?)c.Kind).FirstOrDefault()));
}
