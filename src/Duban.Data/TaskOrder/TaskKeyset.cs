using System.Linq.Expressions;
using Duban.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.TaskOrder;

/// <summary>A task's place in the task list: its stored sort keys (<see cref="TaskSortKeys"/>) and its id, which is unique.</summary>
public sealed record TaskPosition(long Id, long PlanId, int DueKey, int ListOrder, int Order)
{
    /// <summary>The keys of the tasks of a query.</summary>
    public static readonly Expression<Func<PlanTask, TaskPosition>> Of = t =>
        new TaskPosition(t.Id, t.PlanId, EF.Property<int>(t, TaskSortKeys.DueKey), EF.Property<int>(t, TaskSortKeys.ListOrder), t.Order);

    /// <summary>The list's order in memory, the same as <see cref="TaskKeyset.Ordered"/> in the database.</summary>
    public int CompareTo(TaskPosition other, bool byDue)
    {
        var c = byDue ? DueKey.CompareTo(other.DueKey) : 0;
        if (c == 0) c = PlanId.CompareTo(other.PlanId);
        if (c == 0) c = ListOrder.CompareTo(other.ListOrder);
        if (c == 0) c = Order.CompareTo(other.Order);
        return c != 0 ? c : Id.CompareTo(other.Id);
    }
}

/// <summary>
/// The task list's two sorts on the stored keys, and "seek" paging over them: the tasks after (or before) a given task's
/// keys, read in index order (<see cref="TaskSortKeys.ByDueIndex"/>, <see cref="TaskSortKeys.ByNumberIndex"/>) from
/// there, so a page deep in the list costs what the first one does. By due date: due key (undated last), plan, list,
/// number, id; by number: plan, list, number, id.
/// </summary>
public static class TaskKeyset
{
    /// <param name="narrow">
    /// The tasks are few and found otherwise (one organisation's, by the assignments' index): the order is then written
    /// so that no index can serve it (<c>DueKey + 0</c>), and the few are sorted. Otherwise PostgreSQL walks the sort index
    /// testing each task for the organisation (86 ms instead of 3 at 250 000 tasks).
    /// </param>
    public static IOrderedQueryable<PlanTask> Ordered(IQueryable<PlanTask> tasks, bool byDue, bool descending = false, bool narrow = false)
    {
        if (narrow && !descending)
        {
            var few = byDue ? tasks.OrderBy(t => EF.Property<int>(t, TaskSortKeys.DueKey) + 0).ThenBy(t => t.PlanId + 0) : tasks.OrderBy(t => t.PlanId + 0);
            return few.ThenBy(t => EF.Property<int>(t, TaskSortKeys.ListOrder)).ThenBy(t => t.Order).ThenBy(t => t.Id);
        }
        if (narrow)
        {
            var few = byDue ? tasks.OrderByDescending(t => EF.Property<int>(t, TaskSortKeys.DueKey) + 0).ThenByDescending(t => t.PlanId + 0) : tasks.OrderByDescending(t => t.PlanId + 0);
            return few.ThenByDescending(t => EF.Property<int>(t, TaskSortKeys.ListOrder)).ThenByDescending(t => t.Order).ThenByDescending(t => t.Id);
        }
        if (!descending)
        {
            var start = byDue ? tasks.OrderBy(t => EF.Property<int>(t, TaskSortKeys.DueKey)).ThenBy(t => t.PlanId) : tasks.OrderBy(t => t.PlanId);
            return start.ThenBy(t => EF.Property<int>(t, TaskSortKeys.ListOrder)).ThenBy(t => t.Order).ThenBy(t => t.Id);
        }
        var back = byDue ? tasks.OrderByDescending(t => EF.Property<int>(t, TaskSortKeys.DueKey)).ThenByDescending(t => t.PlanId) : tasks.OrderByDescending(t => t.PlanId);
        return back.ThenByDescending(t => EF.Property<int>(t, TaskSortKeys.ListOrder)).ThenByDescending(t => t.Order).ThenByDescending(t => t.Id);
    }

    /// <summary>
    /// The tasks after <paramref name="keys"/> in the sort. The leading key is also bounded on its own (<c>DueKey &gt;= …</c>),
    /// so that both databases start the index range there rather than test the whole condition on every row.
    /// </summary>
    public static IQueryable<PlanTask> After(IQueryable<PlanTask> tasks, TaskPosition keys, bool byDue)
    {
        var (due, plan, list, order, id) = (keys.DueKey, keys.PlanId, keys.ListOrder, keys.Order, keys.Id);
        return byDue
            ? tasks.Where(t => EF.Property<int>(t, TaskSortKeys.DueKey) >= due
                               && (EF.Property<int>(t, TaskSortKeys.DueKey) > due || t.PlanId > plan
                                   || (t.PlanId == plan && (EF.Property<int>(t, TaskSortKeys.ListOrder) > list
                                       || (EF.Property<int>(t, TaskSortKeys.ListOrder) == list && (t.Order > order || (t.Order == order && t.Id > id)))))))
            : tasks.Where(t => t.PlanId >= plan
                               && (t.PlanId > plan || EF.Property<int>(t, TaskSortKeys.ListOrder) > list
                                   || (EF.Property<int>(t, TaskSortKeys.ListOrder) == list && (t.Order > order || (t.Order == order && t.Id > id)))));
    }

    /// <summary>The tasks before <paramref name="keys"/> in the sort; read them <see cref="Ordered"/> descending, nearest first.</summary>
    public static IQueryable<PlanTask> Before(IQueryable<PlanTask> tasks, TaskPosition keys, bool byDue)
    {
        var (due, plan, list, order, id) = (keys.DueKey, keys.PlanId, keys.ListOrder, keys.Order, keys.Id);
        return byDue
            ? tasks.Where(t => EF.Property<int>(t, TaskSortKeys.DueKey) <= due
                               && (EF.Property<int>(t, TaskSortKeys.DueKey) < due || t.PlanId < plan
                                   || (t.PlanId == plan && (EF.Property<int>(t, TaskSortKeys.ListOrder) < list
                                       || (EF.Property<int>(t, TaskSortKeys.ListOrder) == list && (t.Order < order || (t.Order == order && t.Id < id)))))))
            : tasks.Where(t => t.PlanId <= plan
                               && (t.PlanId < plan || EF.Property<int>(t, TaskSortKeys.ListOrder) < list
                                   || (EF.Property<int>(t, TaskSortKeys.ListOrder) == list && (t.Order < order || (t.Order == order && t.Id < id)))));
    }
}
