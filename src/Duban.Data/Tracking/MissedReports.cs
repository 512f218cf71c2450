using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Data.Tracking.Status;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Data.Tracking;

/// <summary>One closed period a lead assignment owes a report for and has none, not even a draft.</summary>
/// <param name="Refused">The cycle's late rule no longer accepts it (已逾期不可补报); otherwise it may still be reported, late.</param>
public sealed record MissedPeriod(long AssignmentId, long TaskId, PeriodSpan Period, DateOnly WindowCloses, bool Refused);

/// <param name="LeadAssignments">Every lead assignment looked at: for these, <paramref name="Periods"/> is the whole of what is missing.</param>
public sealed record MissedReportSet(IReadOnlySet<long> LeadAssignments, IReadOnlyList<MissedPeriod> Periods);

/// <summary>
/// 缺报 of an organisation (我的任务): every closed period (its window passed) since the plan was imported, within the
/// dashboard's timeliness horizon (<see cref="TrackingStatuses.TimelinessMonths"/>, the same periods as
/// <see cref="TrackingStatuses.ClosedPeriods"/>), for which a lead assignment of the organisation has no report at
/// all. A period with a draft is not listed: the worklist shows it with its draft. Periods before the task starts, and
/// from the day its 已完成 was approved, are not owed (as on the dashboard). Two set-based queries whatever the number
/// of assignments; the periods are then counted out in memory from each plan's cycle, at most a year of them.
/// </summary>
public sealed class MissedReports(DubanDbContext db)
{
    /// <param name="taskIds">The tasks the caller may see (the caller's scope); only their lead assignments are read.</param>
    public async Task<MissedReportSet> ForAsync(long organizationId, IQueryable<long> taskIds, DateOnly today, CancellationToken ct = default)
    {
        // A report of a period that started before this cannot be one of the periods within the horizon.
        var horizon = today.AddMonths(-TrackingStatuses.TimelinessMonths - 6);
        var rows = await db.Assignments.AsNoTracking()
            .Where(a => a.OrganizationId == organizationId && a.Role == UnitRole.Lead && taskIds.Contains(a.TaskId))
            .Select(a => new
            {
                a.Id, a.TaskId, a.Task!.PlanId, a.Task.Start,
                PlanCreatedAt = db.Plans.Where(p => p.Id == a.Task.PlanId).Select(p => p.CreatedAt).First(),
                Cycle = db.ReportingCycles.FirstOrDefault(c => c.PlanId == a.Task.PlanId),
                CompletedAt = db.ProgressReports.Where(r => r.AssignmentId == a.Id && r.Status == ReportStatus.Approved)
                    .Join(db.ReportRevisions, r => r.LatestRevisionId, v => (long?)v.Id, (r, v) => v)
                    .Where(v => v.State == ProgressState.Completed)
                    .Select(v => v.SubmittedAt ?? v.CreatedAt).OrderBy(at => at).Select(at => (DateTimeOffset?)at).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // The reported periods in a query of their own: as a collection of the query above, the database evaluated the
        // completion subquery once per report rather than once per assignment (docs/benchmarks.md).
        var ids = rows.Select(r => r.Id).ToList();
        var reportedBy = (await db.ProgressReports.AsNoTracking()
                .Where(r => EF.Parameter(ids).Contains(r.AssignmentId) && r.Period!.Start >= horizon)
                .Select(r => new { r.AssignmentId, r.Period!.Kind, r.Period.Start }).ToListAsync(ct))
            .ToLookup(r => r.AssignmentId, r => (r.Kind, r.Start));

        var missed = new List<MissedPeriod>();
        foreach (var row in rows)
        {
            var cycle = row.Cycle ?? ReportingCycle.Default(row.PlanId);
            var reported = reportedBy[row.Id].ToHashSet();
            DateOnly? completedOn = row.CompletedAt is { } at ? ChinaCalendar.Today(at) : null;
            foreach (var period in TrackingStatuses.ClosedPeriods(cycle, ChinaCalendar.Today(row.PlanCreatedAt), today))
            {
                if (reported.Contains((period.Kind, period.Start))) continue;
                if (row.Start is { } start && start > period.End) continue;
                if (completedOn is { } done && done <= period.Start) continue;
                missed.Add(new(row.Id, row.TaskId, period, cycle.WindowCloses(period), cycle.Judge(period, today) == Timeliness.Refused));
            }
        }
        return new(rows.Select(r => r.Id).ToHashSet(), missed);
    }
}
