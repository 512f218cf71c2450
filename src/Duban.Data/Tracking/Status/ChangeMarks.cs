using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tracking.Status;

/// <summary>
/// How far the data the statuses depend on has come, cheaply (one index lookup each): the last audit entry (every
/// write of the application is audited in the transaction that makes it) and the last rows of the tables tracking only
/// appends to (which also catch rows written without the application, such as a bulk load).
/// </summary>
public sealed record ChangeMarks(long Audit, long Reports, long Revisions, long Reviews, long Values, long Tasks)
{
    public static ChangeMarks None { get; } = new(0, 0, 0, 0, 0, 0);

    public static async Task<ChangeMarks> ReadAsync(DubanDbContext db, CancellationToken ct) => new(
        await db.AuditEntries.MaxAsync(e => (long?)e.Id, ct) ?? 0,
        await db.ProgressReports.MaxAsync(r => (long?)r.Id, ct) ?? 0,
        await db.ReportRevisions.MaxAsync(r => (long?)r.Id, ct) ?? 0,
        await db.Reviews.MaxAsync(r => (long?)r.Id, ct) ?? 0,
        await db.ObservationRevisions.MaxAsync(r => (long?)r.Id, ct) ?? 0,
        await db.Tasks.MaxAsync(t => (long?)t.Id, ct) ?? 0);
}
