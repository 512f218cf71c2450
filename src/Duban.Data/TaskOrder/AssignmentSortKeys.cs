using Duban.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.TaskOrder;

/// <summary>
/// The task list's sort keys (<see cref="TaskSortKeys"/>) and the task's removal copied onto each of its assignments, so
/// that one organisation's list in due order is a walk of its own rows in one index (<see cref="ByDueIndex"/>:
/// organisation, due key, plan, list order, number, task) rather than a sort of all its tasks (docs/benchmarks.md, "One
/// organisation's list"). Shadow properties: storage, not domain. The context copies them after every save that adds or
/// changes a task or adds an assignment (<see cref="CopyAsync"/>), in the save's transaction.
/// </summary>
public static class AssignmentSortKeys
{
    public const string DueKey = "TaskDueKey";
    public const string PlanId = "TaskPlanId";
    public const string ListOrder = "TaskListOrder";
    public const string Order = "TaskOrder";

    /// <summary>The task's <see cref="PlanTask.RemovedInVersionId"/>: null while the task is current.</summary>
    public const string RemovedInVersionId = "TaskRemovedInVersionId";

    /// <summary>One organisation's current tasks in the list's default order.</summary>
    public const string ByDueIndex = "IX_assignments_current_by_due";

    /// <summary>The index's filter, written identically in the model and the migration so that the planners match it.</summary>
    public const string CurrentFilter = "\"TaskRemovedInVersionId\" IS NULL";

    /// <summary>The tasks whose assignments need their keys copied by this save: added or changed tasks, and tasks given an assignment.</summary>
    internal static Pending Collect(DbContext db)
    {
        var tasks = db.ChangeTracker.Entries<PlanTask>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity).ToList();
        var assigned = db.ChangeTracker.Entries<Assignment>().Where(e => e.State is EntityState.Added || (e.State == EntityState.Modified && e.Property(a => a.TaskId).IsModified))
            .Select(e => e.Entity).ToList();
        var lists = db.ChangeTracker.Entries<PlanTaskList>().Where(l => l.State == EntityState.Modified && l.Property(x => x.Order).IsModified).Select(l => l.Entity).ToList();
        return new Pending(tasks, assigned, lists);
    }

    /// <summary>What <see cref="Collect"/> found before the save; read after it, when new rows have their ids.</summary>
    internal sealed record Pending(List<PlanTask> Tasks, List<Assignment> Assigned, List<PlanTaskList> ReorderedLists)
    {
        public bool Any => Tasks.Count > 0 || Assigned.Count > 0 || ReorderedLists.Count > 0;
    }

    /// <summary>
    /// Copies the keys from the tasks onto their assignments, in the database (one statement for the tasks touched: their
    /// assignments need not be loaded, and a new task's ids are known only now).
    /// </summary>
    internal static async Task CopyAsync(DbContext db, Pending pending, bool async, CancellationToken ct)
    {
        var ids = pending.Tasks.Select(t => t.Id).Concat(pending.Assigned.Select(a => a.TaskId)).Where(id => id > 0).Distinct().ToList();
        var lists = pending.ReorderedLists.Select(l => l.Id).ToList();
        if (ids.Count > 0) await CopyAsync(db, db.Set<Assignment>().Where(a => ids.Contains(a.TaskId)), async, ct);
        if (lists.Count > 0) await CopyAsync(db, db.Set<Assignment>().Where(a => db.Set<PlanTask>().Any(t => t.Id == a.TaskId && lists.Contains(t.TaskListId))), async, ct);
    }

    private static async Task CopyAsync(DbContext db, IQueryable<Assignment> assignments, bool async, CancellationToken ct)
    {
        // Each value a subquery on the task by its key (EF Core 10 does not translate EF.Property through the navigation
        // in an ExecuteUpdate setter).
        var tasks = db.Set<PlanTask>();
        void Set(Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Assignment> s) => s
            .SetProperty(a => EF.Property<int>(a, DueKey), a => tasks.Where(t => t.Id == a.TaskId).Select(t => EF.Property<int>(t, TaskSortKeys.DueKey)).First())
            .SetProperty(a => EF.Property<long>(a, PlanId), a => tasks.Where(t => t.Id == a.TaskId).Select(t => t.PlanId).First())
            .SetProperty(a => EF.Property<int>(a, ListOrder), a => tasks.Where(t => t.Id == a.TaskId).Select(t => EF.Property<int>(t, TaskSortKeys.ListOrder)).First())
            .SetProperty(a => EF.Property<int>(a, Order), a => tasks.Where(t => t.Id == a.TaskId).Select(t => t.Order).First())
            .SetProperty(a => EF.Property<long?>(a, RemovedInVersionId), a => tasks.Where(t => t.Id == a.TaskId).Select(t => t.RemovedInVersionId).First());
        if (async) await assignments.ExecuteUpdateAsync(Set, ct);
        else assignments.ExecuteUpdate(Set);
    }
}
