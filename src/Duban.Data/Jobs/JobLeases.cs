using Duban.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Jobs;

/// <summary>
/// Takes and keeps the lease of a named job, so that of several instances on one database exactly one runs it. The
/// decision is the affected-row count of one conditional statement, which the database serialises on the row (or on the
/// primary key for the first insert): no read-then-write window, on SQLite and PostgreSQL alike.
/// </summary>
public sealed class JobLeases(DubanDbContext db)
{
    /// <summary>
    /// Takes the lease when nobody holds it or the holder's has expired, until <paramref name="now"/> + <paramref name="duration"/>.
    /// A lease still running is not taken, even by its own holder: <see cref="HoldUntilAsync"/> extends it.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string jobName, string holder, DateTimeOffset now, TimeSpan duration, CancellationToken ct = default)
    {
        var expires = now + duration;
        var taken = await db.Set<JobLease>()
            .Where(l => l.JobName == jobName && l.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expires), ct);
        if (taken == 1) return true;
        var expiresMs = expires.ToUnixTimeMilliseconds();
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "job_leases" ("JobName", "Holder", "ExpiresAt") VALUES ({jobName}, {holder}, {expiresMs}) ON CONFLICT ("JobName") DO NOTHING""", ct);
        return inserted == 1;
    }

    /// <summary>Moves the end of a lease this holder has; false when another instance holds it now.</summary>
    public async Task<bool> HoldUntilAsync(string jobName, string holder, DateTimeOffset until, CancellationToken ct = default) =>
        await db.Set<JobLease>()
            .Where(l => l.JobName == jobName && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, until), ct) == 1;

    public Task<JobLease?> FindAsync(string jobName, CancellationToken ct = default) =>
        db.Set<JobLease>().AsNoTracking().SingleOrDefaultAsync(l => l.JobName == jobName, ct);
}
