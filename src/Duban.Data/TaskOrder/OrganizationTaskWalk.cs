using System.Linq.Expressions;
using Duban.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.TaskOrder;

/// <summary>
/// One organisation's current tasks in the list's due order read from its assignments' copies of the keys
/// (<see cref="AssignmentSortKeys"/>, index <see cref="AssignmentSortKeys.ByDueIndex"/>): the page after (or before) a
/// task's keys is a walk of the organisation's own index rows from there, as <see cref="TaskKeyset"/> reads the tasks.
/// The order is the same as <see cref="TaskKeyset.Ordered"/> by due date (the keys are the task's, the last one its id).
/// </summary>
public static class OrganizationTaskWalk
{
    /// <summary>The keys of the task an assignment belongs to, read from the assignment.</summary>
    public static readonly Expression<Func<Assignment, TaskPosition>> Position = a =>
        new TaskPosition(a.TaskId, EF.Property<long>(a, AssignmentSortKeys.PlanId), EF.Property<int>(a, AssignmentSortKeys.DueKey),
            EF.Property<int>(a, AssignmentSortKeys.ListOrder), EF.Property<int>(a, AssignmentSortKeys.Order));

    /// <summary>The organisation's assignments to current tasks: the rows of the index.</summary>
    public static IQueryable<Assignment> Rows(IQueryable<Assignment> assignments, long organizationId) =>
        assignments.Where(a => a.OrganizationId == organizationId && EF.Property<long?>(a, AssignmentSortKeys.RemovedInVersionId) == null);

    /// <summary>
    /// Up to <paramref name="count"/> distinct tasks of <paramref name="rows"/> after <paramref name="from"/> (or before it,
    /// nearest first, when <paramref name="backwards"/>), or from the start. An organisation holds one assignment per task,
    /// except after a merge of two organisations assigned to the same task (OrganizationAdministration moves the
    /// assignments): such a task's rows have the same keys, so they are neighbours and read as one, and a short read
    /// continues after the last row.
    /// </summary>
    public static async Task<List<TaskPosition>> ReadAsync(IQueryable<Assignment> rows, TaskPosition? from, bool backwards, int count, CancellationToken ct)
    {
        var tasks = new List<TaskPosition>(count);
        while (true)
        {
            var query = from is null ? rows : backwards ? Before(rows, from) : After(rows, from);
            var wanted = count - tasks.Count;
            var read = await Ordered(query, backwards).Take(wanted).Select(Position).ToListAsync(ct);
            foreach (var position in read)
                if (tasks.Count == 0 || tasks[^1].Id != position.Id) tasks.Add(position);
            if (read.Count < wanted || tasks.Count >= count) return tasks;
            from = read[^1];
        }
    }

    private static IOrderedQueryable<Assignment> Ordered(IQueryable<Assignment> rows, bool descending) =>
        descending
            ? rows.OrderByDescending(a => EF.Property<int>(a, AssignmentSortKeys.DueKey)).ThenByDescending(a => EF.Property<long>(a, AssignmentSortKeys.PlanId))
                .ThenByDescending(a => EF.Property<int>(a, AssignmentSortKeys.ListOrder)).ThenByDescending(a => EF.Property<int>(a, AssignmentSortKeys.Order))
                .ThenByDescending(a => a.TaskId)
            : rows.OrderBy(a => EF.Property<int>(a, AssignmentSortKeys.DueKey)).ThenBy(a => EF.Property<long>(a, AssignmentSortKeys.PlanId))
                .ThenBy(a => EF.Property<int>(a, AssignmentSortKeys.ListOrder)).ThenBy(a => EF.Property<int>(a, AssignmentSortKeys.Order))
                .ThenBy(a => a.TaskId);

    /// <summary>The rows after <paramref name="keys"/>, the leading key bounded on its own as in <see cref="TaskKeyset.After"/>.</summary>
    private static IQueryable<Assignment> After(IQueryable<Assignment> rows, TaskPosition keys)
    {
        var (due, plan, list, order, id) = (keys.DueKey, keys.PlanId, keys.ListOrder, keys.Order, keys.Id);
        return rows.Where(a => EF.Property<int>(a, AssignmentSortKeys.DueKey) >= due
                               && (EF.Property<int>(a, AssignmentSortKeys.DueKey) > due || EF.Property<long>(a, AssignmentSortKeys.PlanId) > plan
                                   || (EF.Property<long>(a, AssignmentSortKeys.PlanId) == plan && (EF.Property<int>(a, AssignmentSortKeys.ListOrder) > list
                                       || (EF.Property<int>(a, AssignmentSortKeys.ListOrder) == list
                                           && (EF.Property<int>(a, AssignmentSortKeys.Order) > order || (EF.Property<int>(a, AssignmentSortKeys.Order) == order && a.TaskId > id)))))));
    }

    private static IQueryable<Assignment> Before(IQueryable<Assignment> rows, TaskPosition keys)
    {
        var (due, plan, list, order, id) = (keys.DueKey, keys.PlanId, keys.ListOrder, keys.Order, keys.Id);
        return rows.Where(a => EF.Property<int>(a, AssignmentSortKeys.DueKey) <= due
                               && (EF.Property<int>(a, AssignmentSortKeys.DueKey) < due || EF.Property<long>(a, AssignmentSortKeys.PlanId) < plan
                                   || (EF.Property<long>(a, AssignmentSortKeys.PlanId) == plan && (EF.Property<int>(a, AssignmentSortKeys.ListOrder) < list
                                       || (EF.Property<int>(a, AssignmentSortKeys.ListOrder) == list
                                           && (EF.Property<int>(a, AssignmentSortKeys.Order) < order || (EF.Property<int>(a, AssignmentSortKeys.Order) == order && a.TaskId < id)))))));
    }
}
