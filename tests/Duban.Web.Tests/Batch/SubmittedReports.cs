using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Batch;

/// <summary>Reports awaiting review, made directly in the database, for the batch tests of the pages and the API.</summary>
internal static class SubmittedReports
{
    /// <summary>Submitted reports for the first <paramref name="count"/> assignments of the published plan, one month each, as reporters would have submitted them.</summary>
    public static Task<List<long>> CreateAsync(DubanWebFactory factory, long planId, int count, DateOnly month) => factory.WithDbAsync(async db =>
    {
        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.Task!.PlanId == planId && db.Plans.Any(p => p.Id == a.Task.PlanId && p.CurrentVersionId == a.Task.TaskList!.PlanVersionId))
            .Where(a => !db.ProgressReports.Any(r => r.AssignmentId == a.Id && r.Period!.Start == month))
            .OrderBy(a => a.Id).Take(count).ToListAsync();
        assignments.Count.ShouldBe(count, "the sample plan has too few assignments");
        var span = PeriodSpan.Containing(PeriodKind.Monthly, month);
        var period = await db.Periods.SingleOrDefaultAsync(p => p.PlanId == planId && p.Start == span.Start) ?? db.Periods.Add(Period.Of(planId, span)).Entity;
        await db.SaveChangesAsync();
        var at = DateTimeOffset.UtcNow;
        var reports = assignments.Select(a => new ProgressReport { AssignmentId = a.Id, PeriodId = period.Id, Status = ReportStatus.Submitted, RevisionCount = 1, CreatedAt = at, SubmittedAt = at }).ToList();
        db.ProgressReports.AddRange(reports);
        await db.SaveChangesAsync();
        foreach (var report in reports)
        {
            var revision = new ReportRevision { ReportId = report.Id, Number = 1, State = ProgressState.InProgress, PercentComplete = 50, Done = "按计划推进", AuthorId = 1, AuthorName = "填报员", CreatedAt = at, SubmittedAt = at };
            db.ReportRevisions.Add(revision);
            await db.SaveChangesAsync();
            report.LatestRevisionId = revision.Id;
        }
        await db.SaveChangesAsync();
        return reports.Select(r => r.Id).ToList();
    });
}
