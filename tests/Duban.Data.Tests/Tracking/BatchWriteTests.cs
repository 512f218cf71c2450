using Duban.Data.Tests.Support;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;
using static Duban.Data.Tests.Tracking.TrackingWorld;

namespace Duban.Data.Tests.Tracking;

/// <summary>
/// Report and value writes inside a caller's transaction (the spreadsheet import's batch): they join it instead of
/// opening their own, so the caller's rollback undoes all of them, revisions, periods and audit entries included.
/// </summary>
public sealed class BatchWriteTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private readonly TestClock clock = new(April15);

    private static async Task<(int Reports, int Revisions, int Values, int Periods, int Audit)> CountsAsync(DubanDbContext db, long planId)
    {
        var reports = db.ProgressReports.Where(r => r.Assignment!.Task!.PlanId == planId).Select(r => r.Id);
        return (await reports.CountAsync(),
            await db.ReportRevisions.CountAsync(v => reports.Contains(v.ReportId)),
            await db.Observations.CountAsync(o => db.Targets.Any(t => t.Id == o.TargetId && t.PlanId == planId)),
            await db.Periods.CountAsync(p => p.PlanId == planId),
            await db.AuditEntries.CountAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Writes_in_a_callers_transaction_are_undone_by_its_rollback_and_kept_by_its_commit(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        TrackingWorld world;
        await using (var setup = DatabaseFixture.Context(options)) world = await CreateAsync(setup, "批量" + provider);

        await using (var db = DatabaseFixture.Context(options))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            (await Reports(db, clock).CreateAsync(world.Bureau, new NewReport(world.LeadAssignmentId, March, Content("批量一")))).Error.ShouldBeNull();
            (await Values(db, clock).CreateAsync(world.Bureau, new NewObservation(world.TaskTargetId, March, new ObservationContent(1m, null, null)))).Error.ShouldBeNull();
            await tx.RollbackAsync();
        }
        await using (var read = DatabaseFixture.Context(options))
        {
            var counts = await CountsAsync(read, world.PlanId);
            (counts.Reports, counts.Revisions, counts.Values, counts.Periods).ShouldBe((0, 0, 0, 0));
        }

        int auditBefore;
        await using (var read = DatabaseFixture.Context(options)) auditBefore = (await CountsAsync(read, world.PlanId)).Audit;
        await using (var db = DatabaseFixture.Context(options))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            (await Reports(db, clock).CreateAsync(world.Bureau, new NewReport(world.LeadAssignmentId, March, Content("批量二")))).Error.ShouldBeNull();
            (await Values(db, clock).CreateAsync(world.Bureau, new NewObservation(world.TaskTargetId, March, new ObservationContent(2m, null, null)))).Error.ShouldBeNull();
            await tx.CommitAsync();
        }
        await using var after = DatabaseFixture.Context(options);
        var stored = await CountsAsync(after, world.PlanId);
        (stored.Reports, stored.Revisions, stored.Values, stored.Periods).ShouldBe((1, 1, 1, 1));
        stored.Audit.ShouldBeGreaterThanOrEqualTo(auditBefore + 2);
    }
}
