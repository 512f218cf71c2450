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
    public async Task<IReadOnlyList<PendingValue>> ForAsync(long organizationId, IQueryable<long> taskIds, IQueryable<long> planIds, DateOnly today, CancellationToken ct = default)
    {
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new { o.Kind, Path = o.Region == null ? null : o.Region.Path }).SingleOrDefaultAsync(ct);
        if (organization is null) return [];
        // The regions at or above the government's: a plan of any of them has plan-level targets it reports its part of.
        var regions = organization is { Kind: OrganizationKind.Government, Path: { } path }
            ? path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList()
            : [];
        var assigned = db.Assignments.Where(a => a.OrganizationId == organizationId && taskIds.Contains(a.TaskId)).Select(a => a.TaskId);
        var rows = await db.Targets.AsNoTracking()
            .Where(t => t.TaskId != null ? assigned.Contains(t.TaskId.Value) : planIds.Contains(t.PlanId) && db.Plans.Any(p => p.Id == t.PlanId && p.RegionId != null && regions.Contains(p.RegionId.Value)))
            .Where(t => db.Plans.Any(p => p.Id == t.PlanId && p.Status != PlanStatus.Archived))
            .OrderBy(t => t.PlanId).ThenBy(t => t.TaskId).ThenBy(t => t.Id)
            .Select(t => new
            {
                t.Id, t.PlanId, t.TaskId, t.Subject, t.Raw,
                Kind = db.ReportingCycles.Where(c => c.PlanId == t.PlanId).Select(c => (PeriodKind?)c.Kind).FirstOrDefault(),
                Reported = db.Observations.Where(o => o.TargetId == t.Id && o.OrganizationId == organizationId)
                    // The finished period is the latest or next to latest: only the current one can be newer.
                    .OrderByDescending(o => o.Period!.Start).Select(o => new { o.Period!.Kind, o.Period.Start }).Take(2).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var period = PeriodSpan.Containing(r.Kind ?? ReportingCycle.Default(r.PlanId).Kind, today).Previous();
            return new PendingValue(r.Id, r.PlanId, r.TaskId, r.Subject, r.Raw, period, r.Reported.Any(p => p.Kind == period.Kind && p.Start == period.Start));
        }).ToList();
    }
}
