using Duban.Core.Audit;
using Duban.Data.Tests.Support;
using Duban.Data.Tracking.Status;
using Microsoft.EntityFrameworkCore;
using static Duban.Data.Tests.Tracking.TrackingWorld;

namespace Duban.Data.Tests.Tracking.Status;

/// <summary>
/// <see cref="ChangeMarks.ReadAsync"/> reads the six marks in one SQL statement of its own: on both providers it must
/// give what six separate reads of each table's last id give, zero for an empty table.
/// </summary>
public sealed class ChangeMarksTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_one_query_reads_each_tables_last_id_and_zero_for_an_empty_table(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        await DubanDatabase.MigrateAsync(db);
        await db.ProgressReports.ExecuteDeleteAsync();
        (await ChangeMarks.ReadAsync(db, default)).ShouldBe(await SeparatelyAsync(db));
        (await ChangeMarks.ReadAsync(db, default)).Reports.ShouldBe(0);

        await CreateAsync(db, "标记" + provider);
        var before = await ChangeMarks.ReadAsync(db, default);
        before.ShouldBe(await SeparatelyAsync(db));
        before.Tasks.ShouldBeGreaterThan(0);

        var entry = new AuditEntry { At = April15, Actor = "admin", Action = "auth.sign-in", EntityType = "user", EntityId = "1" };
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
        (await ChangeMarks.ReadAsync(db, default)).ShouldBe(before with { Audit = entry.Id });
    }

    private static async Task<ChangeMarks> SeparatelyAsync(DubanDbContext db) => new(
        await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0,
        await db.ProgressReports.MaxAsync(r => (long?)r.Id) ?? 0,
        await db.ReportRevisions.MaxAsync(r => (long?)r.Id) ?? 0,
        await db.Reviews.MaxAsync(r => (long?)r.Id) ?? 0,
        await db.ObservationRevisions.MaxAsync(r => (long?)r.Id) ?? 0,
        await db.Tasks.MaxAsync(t => (long?)t.Id) ?? 0);
}
