using Duban.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Duban.Data.TaskOrder;

/// <summary>
/// The task list's order kept on the task itself (docs/benchmarks.md, "Task list at size"): <c>DueKey</c>, the due date
/// as a day number with undated tasks after every date, and <c>ListOrder</c>, a copy of the task list's order. With them
/// one index on the tasks serves both sorts of the list, so a page is read in index order from where the last one ended
/// instead of sorting every visible task. They are shadow properties: storage, not domain. The context sets them on
/// every save (<see cref="StampAsync"/>), so every way a task is created, edited, moved or reordered keeps them.
/// </summary>
public static class TaskSortKeys
{
    public const string DueKey = "DueKey";
    public const string ListOrder = "ListOrder";

    /// <summary>The key of an undated task: after every day a <see cref="DateOnly"/> can hold, as "undated last" wants.</summary>
    public const int Undated = int.MaxValue;

    /// <summary>The index of the default sort (due date, plan, list, number, id), current tasks only.</summary>
    public const string ByDueIndex = "IX_tasks_current_by_due";

    /// <summary>The index of the sort by number (plan, list, number, id), current tasks only.</summary>
    public const string ByNumberIndex = "IX_tasks_current_by_number";

    /// <summary>The filter of both indexes; written identically in the model and the migration so that the planners match it.</summary>
    public const string CurrentFilter = "\"RemovedInVersionId\" IS NULL";

    /// <summary>The filter of the removed-version foreign key's index (tasks removed by a version: what that key's checks look up).</summary>
    public const string RemovedFilter = "\"RemovedInVersionId\" IS NOT NULL";

    public const string RemovedIndex = "IX_tasks_RemovedInVersionId";

    public static int DueKeyOf(DateOnly? due) => due?.DayNumber ?? Undated;

    /// <summary>
    /// Sets the keys of every task about to be saved whose due date, list or list's order differs from its keys. A task
    /// on a list that is not loaded gets the list's order from the database; tasks not loaded on a list whose order
    /// changes are updated in the database (no feature reorders lists today; this keeps the keys right if one does).
    /// </summary>
    internal static async Task StampAsync(DbContext db, bool async, CancellationToken ct)
    {
        var unknown = new List<EntityEntry<PlanTask>>();
        foreach (var entry in db.ChangeTracker.Entries<PlanTask>())
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached) continue;
            Set(entry, DueKey, DueKeyOf(entry.Entity.Due));
            if (entry.Entity.TaskList is { } list) Set(entry, ListOrder, list.Order);
            else if (entry.State == EntityState.Added || entry.Property(t => t.TaskListId).IsModified) unknown.Add(entry);
        }
        if (unknown.Count > 0)
        {
            var ids = unknown.Select(e => e.Entity.TaskListId).Distinct().ToList();
            var query = db.Set<PlanTaskList>().AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Order });
            var orders = (async ? await query.ToListAsync(ct) : query.ToList()).ToDictionary(l => l.Id, l => l.Order);
            foreach (var entry in unknown)
                if (orders.TryGetValue(entry.Entity.TaskListId, out var order)) Set(entry, ListOrder, order);
        }
        foreach (var list in db.ChangeTracker.Entries<PlanTaskList>().Where(l => l.State == EntityState.Modified && l.Property(x => x.Order).IsModified).ToList())
        {
            var (id, order) = (list.Entity.Id, list.Entity.Order);
            var others = db.Set<PlanTask>().Where(t => t.TaskListId == id);
            if (async) await others.ExecuteUpdateAsync(s => s.SetProperty(t => EF.Property<int>(t, ListOrder), order), ct);
            else others.ExecuteUpdate(s => s.SetProperty(t => EF.Property<int>(t, ListOrder), order));
        }
    }

    private static void Set(EntityEntry<PlanTask> entry, string name, int value)
    {
        var property = entry.Property<int>(name);
        if (entry.State == EntityState.Added || property.CurrentValue != value) property.CurrentValue = value;
    }
}
