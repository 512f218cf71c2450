using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Data.Tracking.Status;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Data.Tracking;

/// <summary>One closed period a lead assignment owes a report for and has none, not even a draft.</summary>
/// <param name="Refused">The cycle's late rule no longer accepts it (已逾期不可补报); otherwise it may still be reported, late.</param>
public sealed record MissedPeriod(long AssignmentId, long TaskId, PeriodSpan Period, DateOnly WindowCloses, bool Refused);

/// <summary>A lead assignment of the organisation, with what its periods need of its task.</summary>
public sealed record LeadAssignment(long Id, long TaskId, long PlanId, DateOnly? Start);

/// <param name="LeadAssignments">Every lead assignment looked at: for these, <paramref name="Periods"/> is the whole of what is missing.</param>
public sealed record MissedReportSet(IReadOnlySet<long> LeadAssignments, IReadOnlyList<MissedPeriod> Periods);

/// <summary>
/// 缺报 of an organisation (我的任务): every closed period (its window passed) since the plan was imported, within the
/// dashboard's timeliness horizon (<see cref="TrackingStatuses.TimelinessMonths"/>, the same periods as
/// <see cref="TrackingStatuses.ClosedPeriods"/>), for which a lead assignment of the organisation has no report at
/// all. A period with a draft is not listed: the worklist shows it with its draft. Periods before the task starts, and
/// from the day its 已完成 was approved, are not owed (as on the dashboard). Five set-based queries whatever the number
/// of assignments; the periods are then counted out in memory from each plan's cycle, at most a year of them.
/// </summary>
public sealed class MissedReports(DubanDbContext db)
{
    /// <param name="taskIds">The tasks the caller may see (the caller's scope); only their lead assignments are read.</param>
    public async Task<MissedReportSet> ForAsync(long organizationId, IQueryable<long> taskIds, DateOnly today, CancellationToken ct = default) =>
        await ForAsync(await db.Assignments.AsNoTracking()
            .Where(a => a.OrganizationId == organizationId && a.Role == UnitRole.Lead && taskIds.Contains(a.TaskId))
            .Select(a => new LeadAssignment(a.Id, a.TaskId, a.Task!.PlanId, a.Task.Start))
            .ToListAsync(ct), today, ct);

    /// <summary>
    /// The same for lead assignments the caller has read already (我的任务 reads the organisation's assignments once for
    /// the worklist): what the periods need of their plans is read by plan, once, rather than again per assignment
    /// through the caller's scope (docs/benchmarks.md, "A reporter's 我的任务").
    /// </summary>
    public async Task<MissedReportSet> ForAsync(IReadOnlyList<LeadAssignment> leads, DateOnly today, CancellationToken ct = default)
    {
        if (leads.Count == 0) return new(new HashSet<long>(), []);
        // A report of a period that started before this cannot be one of the periods within the horizon.
        var horizon = today.AddMonths(-TrackingStatuses.TimelinessMonths - 6);
        var planIds = leads.Select(l => l.PlanId).Distinct().ToList();
        var created = await db.Plans.AsNoTracking().Where(p => EF.Parameter(planIds).Contains(p.Id))
            .Select(p => new { p.Id, p.CreatedAt }).ToDictionaryAsync(p => p.Id, p => p.CreatedAt, ct);
        var cycles = await db.ReportingCycles.AsNoTracking().Where(c => EF.Parameter(planIds).Contains(c.PlanId))
            .ToDictionaryAsync(c => c.PlanId, ct);
        var ids = leads.Select(l => l.Id).ToList();
        var completedAt = (await db.ProgressReports.AsNoTracking()
                .Where(r => EF.Parameter(ids).Contains(r.AssignmentId) && r.Status == ReportStatus.Approved)
                .Join(db.ReportRevisions, r => r.LatestRevisionId, v => (long?)v.Id, (r, v) => new { r.AssignmentId, v.State, At = v.SubmittedAt ?? v.CreatedAt })
                .Where(v => v.State == ProgressState.Completed)
                .Select(v => new { v.AssignmentId, v.At }).ToListAsync(ct))
            .GroupBy(v => v.AssignmentId).ToDictionary(g => g.Key, g => g.Min(v => v.At));
        // The reported periods in a query of their own: as a collection of the query above, the database evaluated the
        // completion subquery once per report rather than once per assignment (docs/benchmarks.md).
        var reportedBy = (await db.ProgressReports.AsNoTracking()
                .Where(r => EF.Parameter(ids).Contains(r.AssignmentId) && r.Period!.Start >= horizon)
                .Select(r => new { r.AssignmentId, r.Period!.Kind, r.Period.Start }).ToListAsync(ct))
            .ToLookup(r => r.AssignmentId, r => (r.Kind, r.Start));

        var missed = new List<MissedPeriod>();
        foreach (var lead in leads)
        {
            // A plan deleted between the two reads owes nothing.
            if (!created.TryGetValue(lead.PlanId, out var planCreatedAt)) continue;
            var cycle = cycles.GetValueOrDefault(lead.PlanId) ?? ReportingCycle.Default(lead.PlanId);
            var reported = reportedBy[lead.Id].ToHashSet();
            DateOnly? completedOn = completedAt.TryGetValue(lead.Id, out var at) ? ChinaCalendar.Today(at) : null;
            foreach (var period in TrackingStatuses.ClosedPeriods(cycle, ChinaCalendar.Today(planCreatedAt), today))
            {
                if (reported.Contains((period.Kind, period.Start))) continue;
                if (lead.Start is { } start && start > period.End) continue;
                if (completedOn is { } done && done <= period.Start) continue;
                missed.Add(new(lead.Id, lead.TaskId, period, cycle.WindowCloses(period), cycle.Judge(period, today) == Timeliness.Refused));
            }
        }
        return new(leads.Select(r => r.Id).ToHashSet(), missed);
    }
}
