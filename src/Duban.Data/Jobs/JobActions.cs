using Duban.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Jobs;

/// <summary>
/// Records what scheduled jobs did, once per idempotency key. <see cref="TryRecordAsync"/> is the guard around an
/// action: only the caller that recorded it goes on to act, so two runs, or two instances at the same moment, act once.
/// </summary>
public sealed class JobActions(DubanDbContext db)
{
    public const int MaxKeyLength = 200;

    /// <summary>Inserts the action unless its key is recorded already; true when this call inserted it.</summary>
    public async Task<bool> TryRecordAsync(string jobName, string kind, string idempotencyKey, string? payload, DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(idempotencyKey.Length, MaxKeyLength, nameof(idempotencyKey));
        var atMs = at.ToUnixTimeMilliseconds();
        // ON CONFLICT DO NOTHING: the unique index decides, inside the database, which of two concurrent inserts wins;
        // the loser inserts nothing and fails nothing (SQLite 3.24+, PostgreSQL 9.5+).
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "job_actions" ("IdempotencyKey", "JobName", "Kind", "Payload", "CreatedAt") VALUES ({idempotencyKey}, {jobName}, {kind}, {payload}, {atMs}) ON CONFLICT ("IdempotencyKey") DO NOTHING""", ct);
        return inserted == 1;
    }

    public Task<bool> IsRecordedAsync(string idempotencyKey, CancellationToken ct = default) =>
        db.Set<JobAction>().AnyAsync(a => a.IdempotencyKey == idempotencyKey, ct);
}
