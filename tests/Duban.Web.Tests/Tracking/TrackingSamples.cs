using System.Security.Cryptography;
using Duban.Core.Plans;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Data;
using Duban.Data.Tracking;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Tracking;

/// <summary>A report, an evidence file and an indicator value on one side and the other of the demo reporter's scope.</summary>
/// <param name="Inside">On a task of 清河市教育局 in a 清河市 plan: every demo user sees it.</param>
/// <param name="Outside">On a task of the plan outside 清河市: only an administrator with scope 全部 sees it.</param>
public sealed record TrackingRecords(long ReportInside, long ReportOutside, long EvidenceInside, long EvidenceOutside, long ObservationInside, long ObservationOutside,
    long TargetInside, long TargetOutside)
{
    public static readonly DateTimeOffset At = new(2026, 4, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the records straight into the database, as the services would have stored them.</summary>
    public static async Task<TrackingRecords> CreateAsync(DubanWebFactory factory, long cityPlanId, long otherPlanId, string tag)
    {
        var inside = await factory.WithDbAsync(db => Assignment(db, cityPlanId, DemoSeeder.CityEducation));
        var outside = await factory.WithDbAsync(db => Assignment(db, otherPlanId, null));
        var store = EvidenceStore.Under(new DatabaseOptions { DataDirectory = factory.DataDirectory });
        var a = await factory.WithDbAsync(db => RecordsAsync(db, store, cityPlanId, inside, tag));
        var b = await factory.WithDbAsync(db => RecordsAsync(db, store, otherPlanId, outside, tag));
        return new(a.Report, b.Report, a.Evidence, b.Evidence, a.Observation, b.Observation, a.Target, b.Target);
    }

    private static Task<Assignment> Assignment(DubanDbContext db, long planId, string? organization) =>
        db.Assignments.AsNoTracking().Include(x => x.Task)
            .Where(x => x.Task!.PlanId == planId && db.Plans.Any(p => p.Id == planId && p.CurrentVersionId == x.Task.TaskList!.PlanVersionId))
            .Where(x => organization == null || x.Organization!.Name == organization)
            .OrderBy(x => x.Id).FirstAsync();

    /// <summary>A draft report, an evidence file, a target and its value for one assignment.</summary>
    public static async Task<(long Report, long Evidence, long Observation, long Target)> RecordsAsync(DubanDbContext db, EvidenceStore store, long planId, Assignment assignment, string tag)
    {
        var span = PeriodSpan.Containing(PeriodKind.Monthly, new DateOnly(2026, 3, 1));
        var period = await db.Periods.SingleOrDefaultAsync(p => p.PlanId == planId && p.Kind == span.Kind && p.Start == span.Start);
        if (period is null)
        {
            period = Period.Of(planId, span);
            db.Periods.Add(period);
        }
        var bytes = System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n" + tag + planId + "\n%%EOF");
        await using (var content = new MemoryStream(bytes)) await store.SaveAsync(content);
        var evidence = new Evidence
        {
            PlanId = planId, TaskId = assignment.TaskId, OrganizationId = assignment.OrganizationId, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            FileName = "佐证-" + tag + ".pdf", Type = EvidenceType.Pdf, Size = bytes.Length, UploadedById = 1, UploadedAt = At,
        };
        var target = new TaskTarget { PlanId = planId, TaskId = assignment.TaskId, Subject = "样例指标" + tag, Unit = "个", Value = 3, Raw = "3个" };
        db.AddRange(evidence, target);
        await db.SaveChangesAsync();

        var report = new ProgressReport { AssignmentId = assignment.Id, PeriodId = period.Id, CreatedAt = At, RevisionCount = 1 };
        var observation = new Observation { TargetId = target.Id, OrganizationId = assignment.OrganizationId, PeriodId = period.Id, CreatedAt = At, RevisionCount = 1 };
        db.AddRange(report, observation);
        await db.SaveChangesAsync();
        var revision = new ReportRevision
        {
            ReportId = report.Id, Number = 1, State = ProgressState.InProgress, PercentComplete = 40, Done = "样例进展", AuthorId = 1, AuthorName = "sample", CreatedAt = At,
            Evidence = [new() { EvidenceId = evidence.Id }],
        };
        var value = new ObservationRevision { ObservationId = observation.Id, Number = 1, Value = 1, AuthorId = 1, AuthorName = "sample", CreatedAt = At };
        db.AddRange(revision, value);
        await db.SaveChangesAsync();
        report.LatestRevisionId = revision.Id;
        observation.LatestRevisionId = value.Id;
        await db.SaveChangesAsync();
        return (report.Id, evidence.Id, observation.Id, target.Id);
    }
}
