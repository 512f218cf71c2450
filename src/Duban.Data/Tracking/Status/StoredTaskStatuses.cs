using Duban.Core.Plans;
using Duban.Core.Tracking.Status;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tracking.Status;

/// <summary>
/// Each current task's status by the tracking rules, stored on the task (<see cref="Status"/>, <see cref="PartlyCompleted"/>)
/// so that the task list filtered by status is an index walk like the unfiltered one (docs/dashboard.md, "Kept
/// statuses"; docs/benchmarks.md, "Task list at size"). The values are those of <see cref="PlanStatusCache"/> (the
/// 总览's), written back for the plans it computes again; <see cref="StoredStatusMarks"/> says which day and marks they
/// are good for. <see cref="EnsureAsync"/> brings them up to date before a list reads them: normally a check of the
/// marks, after a write that plan's tasks, on a new Beijing day (or the first time in a process, or after a write that
/// cannot be placed) every plan's. One instance per process (a singleton).
/// </summary>
public sealed class StoredTaskStatuses(PlanStatusCache kept, TimeProvider time)
{
    /// <summary>The rules' <see cref="TrackingStatus"/> as an int; null until computed, which no filter matches.</summary>
    public const string Status = "KeptStatus";

    /// <summary>True for a task of several leads of which some, not all, have completed (<see cref="TaskStatusReasons.PartlyCompleted"/>).</summary>
    public const string PartlyCompleted = "KeptPartlyCompleted";

    /// <summary>The list's sort by due date within one status (<see cref="Duban.Data.TaskOrder.TaskSortKeys.ByDueIndex"/> behind the status).</summary>
    public const string ByDueIndex = "IX_tasks_current_status_by_due";

    /// <summary>The list's sort by number within one status.</summary>
    public const string ByNumberIndex = "IX_tasks_current_status_by_number";

    /// <summary>The few partly completed tasks, found by this index and sorted.</summary>
    public const string PartlyCompletedIndex = "IX_tasks_current_partly_completed";

    /// <summary>The filter of <see cref="PartlyCompletedIndex"/>, written identically in the model and the migration.</summary>
    public const string PartlyCompletedFilter = "\"RemovedInVersionId\" IS NULL AND \"KeptPartlyCompleted\"";

    /// <summary>Ids per UPDATE: well under both providers' parameter limits.</summary>
    private const int Chunk = 1000;

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>False until this process has computed every plan once: the rules may have changed with the deployment.</summary>
    private bool checkedAll;

    /// <summary>
    /// Makes the stored statuses those of the rules on the data as it is now (at least as new as when the call began).
    /// Callers of one process wait for each other; processes wait for each other by the marks row, locked in a
    /// transaction while the statuses are written, so an older computation never writes over a newer one.
    /// </summary>
    public async Task EnsureAsync(DubanDbContext db, CancellationToken ct)
    {
        if (checkedAll && await CurrentAsync(db, ct)) return;
        await gate.WaitAsync(ct);
        try
        {
            if (checkedAll && await CurrentAsync(db, ct)) return;
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                // An update of the row takes it (PostgreSQL: the row lock; SQLite: the write lock) before anything is read.
                var marksRow = db.Set<StoredStatusMarks>().Where(m => m.Id == StoredStatusMarks.TheRow);
                if (await marksRow.ExecuteUpdateAsync(s => s.SetProperty(m => m.Tasks, m => m.Tasks), ct) == 0)
                {
                    db.Set<StoredStatusMarks>().Add(new StoredStatusMarks { Id = StoredStatusMarks.TheRow });
                    await db.SaveChangesAsync(ct);
                }
                var stored = await marksRow.AsNoTracking().SingleAsync(ct);
                var today = TrackingDay.Today(time);
                // Read before anything is computed, so what is written is at least as new as the marks it is written with.
                var now = await ChangeMarks.ReadAsync(db, ct);
                if (checkedAll && stored.Day == today && stored.Marks == now) return;
                var changed = checkedAll && stored.Day == today ? await PlanChanges.SinceAsync(db, stored.Marks, now, ct) : null;
                await WriteAsync(db, changed, ct);
                await marksRow.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Day, today)
                    .SetProperty(m => m.Audit, now.Audit).SetProperty(m => m.Reports, now.Reports).SetProperty(m => m.Revisions, now.Revisions)
                    .SetProperty(m => m.Reviews, now.Reviews).SetProperty(m => m.Values, now.Values).SetProperty(m => m.Tasks, now.Tasks), ct);
                await transaction.CommitAsync(ct);
                checkedAll = true;
            });
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Whether the stored statuses are those of today and of the data as it is (seven index look-ups).</summary>
    private async Task<bool> CurrentAsync(DubanDbContext db, CancellationToken ct)
    {
        var stored = await db.Set<StoredStatusMarks>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == StoredStatusMarks.TheRow, ct);
        return stored is not null && stored.Day == TrackingDay.Today(time) && stored.Marks == await ChangeMarks.ReadAsync(db, ct);
    }

    /// <summary>Computes the plans (all of them for null) through the kept statuses and writes the values that differ.</summary>
    private async Task WriteAsync(DubanDbContext db, IReadOnlySet<long>? changed, CancellationToken ct)
    {
        if (changed is { Count: 0 }) return;
        var current = db.Tasks.AsNoTracking().Where(t => t.RemovedInVersionId == null);
        if (changed is not null)
        {
            var ids = changed.ToList();
            current = current.Where(t => EF.Parameter(ids).Contains(t.PlanId));
        }
        var storedRows = await current.Select(t => new { t.Id, t.PlanId, Status = EF.Property<int?>(t, Status), Partly = EF.Property<bool>(t, PartlyCompleted) }).ToListAsync(ct);
        var plans = changed?.ToList() ?? storedRows.Select(r => r.PlanId).Distinct().ToList();
        var sets = await kept.PlansAsync(db, plans, ct);
        var computed = sets.SelectMany(s => s.Tasks).ToDictionary(t => t.TaskId, t => ((int?)t.Result.Status, t.PartlyCompleted()));
        var stale = storedRows
            .Select(r => (r.Id, Now: computed.TryGetValue(r.Id, out var value) ? value : (null, false), Was: (r.Status, r.Partly)))
            .Where(r => r.Now != r.Was)
            .GroupBy(r => r.Now, r => r.Id);
        foreach (var group in stale)
        {
            var (status, partly) = group.Key;
            foreach (var chunk in group.Chunk(Chunk))
            {
                var ids = chunk.ToList();
                await db.Tasks.Where(t => EF.Parameter(ids).Contains(t.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => EF.Property<int?>(t, Status), status).SetProperty(t => EF.Property<bool>(t, PartlyCompleted), partly), ct);
            }
        }
    }
}
