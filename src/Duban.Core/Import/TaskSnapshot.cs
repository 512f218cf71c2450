using Duban.Parsing.Model;

namespace Duban.Core.Import;

/// <summary>What the diff compares of a task: its identity, text, units and deadline.</summary>
/// <param name="Key">Identity across versions (<see cref="TaskKeys"/>).</param>
/// <param name="Order">Position in the document, counted over all task lists.</param>
public sealed record TaskSnapshot(
    string Key,
    string ListName,
    string No,
    int Order,
    string Text,
    IReadOnlyList<UnitSnapshot> Units,
    string? Deadline)
{
    /// <summary>The tasks of a document in document order, keyed by <see cref="TaskKeys.Of"/>.</summary>
    public static IReadOnlyList<TaskSnapshot> Of(PlanDocument document) =>
        [.. TaskKeys.Of(document).Select((k, i) => From(k.Key, k.List.Name, k.Task, i))];

    public static TaskSnapshot From(string key, string listName, Parsing.Model.PlanTask task, int order) => new(
        key,
        listName,
        task.No,
        order,
        task.Text,
        [.. task.Units.Select(u => new UnitSnapshot(u.Name, u.Canonical, u.Role, u.Primary))],
        task.Deadline?.Raw);
}

/// <summary>A responsible unit of a task; compared by its canonical name, so 市人社局 → 市人力资源和社会保障局 is no change.</summary>
public sealed record UnitSnapshot(string Name, string Canonical, UnitRole Role, bool Primary);

/// <summary>A task's key and where it stands: its list (<paramref name="ListIndex"/> in document order) and its place in it.</summary>
public sealed record KeyedTask(string Key, TaskList List, int ListIndex, Parsing.Model.PlanTask Task, int IndexInList);

/// <summary>
/// The identity of a task across versions: its list's name and its number, <c>工作任务和年度绩效清单#3</c>. A document that
/// numbers two tasks of a list alike gets <c>#3@2</c> for the second, so that keys stay unique within a version.
/// </summary>
public static class TaskKeys
{
    /// <summary>The key column holds 400 characters; list names longer than this are cut (they never are in practice).</summary>
    public const int MaxListNameLength = 300;

    public static string Of(string listName, string no) =>
        (listName.Length > MaxListNameLength ? listName[..MaxListNameLength] : listName) + "#" + no;

    public static IReadOnlyList<KeyedTask> Of(PlanDocument document)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyed = new List<KeyedTask>();
        for (var l = 0; l < document.TaskLists.Count; l++)
        {
            var list = document.TaskLists[l];
            for (var i = 0; i < list.Tasks.Count; i++)
            {
                var task = list.Tasks[i];
                var key = Of(list.Name, task.No);
                var count = seen[key] = seen.GetValueOrDefault(key) + 1;
                keyed.Add(new KeyedTask(count == 1 ? key : $"{key}@{count}", list, l, task, i));
            }
        }
        return keyed;
    }
}
