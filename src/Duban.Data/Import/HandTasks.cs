using Duban.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Import;

/// <summary>
/// What a revision import does with the tasks the office made by hand (docs/import.md, "Hand edits and a new
/// version"): a task no document names — added by hand, split off, or on a 交办 list — is not in the diff, which
/// compares documents, so it would be left behind on the previous version's list. It moves to the new version instead:
/// onto the new list of the same name (a document list), or onto a copy of its own list (a 交办 list, or a document list
/// the new version no longer has), keeping its id, assignments, targets and history.
/// </summary>
internal static class HandTasks
{
    /// <param name="diffKeys">The keys the diff paired, removed or kept: the document's tasks, which the import itself places.</param>
    public static async Task<IReadOnlyList<long>> CarryOverAsync(DubanDbContext db, long planId, long previousVersionId, PlanVersion next,
        IReadOnlySet<string> diffKeys, CancellationToken ct)
    {
        var left = (await db.Tasks.Include(t => t.TaskList)
                .Where(t => t.PlanId == planId && t.RemovedInVersionId == null && t.TaskList!.PlanVersionId == previousVersionId)
                .OrderBy(t => t.TaskList!.Order).ThenBy(t => t.Order).ThenBy(t => t.Id).ToListAsync(ct))
            .Where(t => !diffKeys.Contains(t.Key))
            .ToList();
        var copies = new Dictionary<long, PlanTaskList>();
        foreach (var task in left)
        {
            var old = task.TaskList!;
            var target = old.Source == TaskListSource.Document
                ? next.TaskLists.FirstOrDefault(l => l.Source == TaskListSource.Document && l.Name == old.Name)
                : null;
            if (target is null && !copies.TryGetValue(old.Id, out target))
            {
                target = new PlanTaskList
                {
                    Name = old.Name, Order = next.TaskLists.Count == 0 ? 0 : next.TaskLists.Max(l => l.Order) + 1, InAnnex = old.InAnnex, IsTable = old.IsTable,
                    Source = old.Source, SourceInstructor = old.SourceInstructor, SourceDate = old.SourceDate, SourceReference = old.SourceReference, MeetingId = old.MeetingId,
                };
                next.TaskLists.Add(target);
                copies[old.Id] = target;
            }
            task.TaskList = target;
            // Its old span pointed into the previous version's text.
            task.SpanStart = task.SpanEnd = 0;
            target.Tasks.Add(task);
        }
        return left.Select(t => t.Id).ToList();
    }
}
