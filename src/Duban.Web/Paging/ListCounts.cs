using System.Collections.Concurrent;
using Duban.Data;
using Duban.Data.Tracking.Status;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Paging;

public enum ListCountKind
{
    /// <summary>Counted for this answer.</summary>
    Exact,

    /// <summary>Counted earlier, and nothing has been written since: still the number, as of <see cref="ListCount.CountedAt"/>.</summary>
    Kept,

    /// <summary>Counted earlier, and something has been written since: about the number; a new count is under way.</summary>
    Estimate,

    /// <summary>More than <see cref="ListCount.Value"/>; the first full count is under way.</summary>
    AtLeast,
}

/// <summary>How many rows a list holds, and how sure that figure is (the page says which: 共 / 约 / 超过).</summary>
public sealed record ListCount(int Value, ListCountKind Kind, DateTimeOffset? CountedAt = null)
{
    public bool IsExact => Kind is ListCountKind.Exact or ListCountKind.Kept;

    public static ListCount Exact(int value) => new(value, ListCountKind.Exact);
}

/// <summary>
/// Counts of long lists (docs/benchmarks.md, "Task list at size"). A list of at most <see cref="ExactUpTo"/> rows is
/// counted for every answer, which costs that many rows at most. A longer one (every task of a province: seconds to
/// count) gets the count kept from an earlier full count, made in the background: as it was when counted while no write
/// has happened since (the last audit entry and the last task are the same), otherwise as an estimate while a new count
/// runs; before the first count finishes, "more than <see cref="ExactUpTo"/>". A list kept at more than twice the bound
/// is not counted row by row again: while nothing was written its kept count is the answer, after a write the estimate.
/// </summary>
public sealed class ListCounts(IServiceScopeFactory scopes, TimeProvider time, ILogger<ListCounts> log)
{
    /// <summary>Kept counts at most: one per list (scope and filter) asked for; beyond it the oldest half is dropped.</summary>
    private const int MaxKept = 2000;

    private readonly ConcurrentDictionary<string, Kept> kept = new();
    private readonly ConcurrentDictionary<string, Task> running = new();

    /// <summary>Lists up to this many rows are counted exactly for each answer.</summary>
    public int ExactUpTo { get; set; } = 2000;

    private sealed record Stamp(long Audit, long Tasks);

    private sealed record Kept(Stamp Stamp, int Count, DateTimeOffset CountedAt);

    /// <param name="key">Names the list: the reader's scope and the filter, everything the rows depend on.</param>
    /// <param name="rows">
    /// The keys of the list's rows (each once) in the list's own order, in the request's context: the bounded count reads
    /// the first <see cref="ExactUpTo"/> + 1 of them as the pages would, along the same index. Which rows those are does
    /// not change the figure, but a row limit without an order is a query whose rows are up to the plan (EF Core warns,
    /// the tests fail); an order of its own (by key) made PostgreSQL sort every task of a province due soon (0.2 s, not 0.05).
    /// </param>
    /// <param name="recount">The full count in a context of its own (it outlives the request).</param>
    public async Task<ListCount> CountAsync(DubanDbContext db, string key, IQueryable<long> rows,
        Func<IServiceProvider, CancellationToken, Task<int>> recount, CancellationToken ct)
    {
        if (kept.TryGetValue(key, out var known))
        {
            // A list already counted long is not counted again row by row: the bounded count of a narrow region's
            // list walks the sort index past every other region's rows (hundreds of ms on PostgreSQL for a city).
            var now = await StampAsync(db, ct);
            if (known.Stamp == now) return new(known.Count, ListCountKind.Kept, known.CountedAt);
            if (known.Count > 2 * ExactUpTo)
            {
                Start(key, now, recount);
                return new(known.Count, ListCountKind.Estimate, known.CountedAt);
            }
        }
        var bounded = await rows.Take(ExactUpTo + 1).CountAsync(ct);
        if (bounded <= ExactUpTo) return ListCount.Exact(bounded);
        var stamp = await StampAsync(db, ct);
        if (kept.TryGetValue(key, out var k) && k.Stamp == stamp) return new(k.Count, ListCountKind.Kept, k.CountedAt);
        Start(key, stamp, recount);
        return k is null ? new(ExactUpTo, ListCountKind.AtLeast) : new(k.Count, ListCountKind.Estimate, k.CountedAt);
    }

    /// <summary>Waits for the counts under way (tests, and the benchmark's warm-up).</summary>
    public Task SettledAsync() => Task.WhenAll(running.Values);

    /// <summary>The last audit entry and the last task, read in one query with the status marks' other four (each an index's end).</summary>
    private static async Task<Stamp> StampAsync(DubanDbContext db, CancellationToken ct)
    {
        var marks = await ChangeMarks.ReadAsync(db, ct);
        return new(marks.Audit, marks.Tasks);
    }

    /// <summary>One count per list at a time; the stamp is the one read before counting, so a write meanwhile makes it stale.</summary>
    private void Start(string key, Stamp stamp, Func<IServiceProvider, CancellationToken, Task<int>> recount)
    {
        if (running.ContainsKey(key)) return;
        var done = new TaskCompletionSource();
        if (!running.TryAdd(key, done.Task)) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var count = await recount(scope.ServiceProvider, CancellationToken.None);
                if (kept.Count >= MaxKept)
                    foreach (var old in kept.OrderBy(e => e.Value.CountedAt).Take(MaxKept / 2).ToList()) kept.TryRemove(old.Key, out _);
                kept[key] = new Kept(stamp, count, time.GetUtcNow());
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Counting the list {Key} failed", key);
            }
            finally
            {
                running.TryRemove(key, out _);
                done.SetResult();
            }
        });
    }
}
