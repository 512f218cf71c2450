using Duban.Core.Text;
using Duban.Parsing.Deadlines;
using Duban.Parsing.Model;
using Duban.Parsing.Units;

namespace Duban.Core.Import.Review;

/// <summary>Applies the review's corrections to a parsed document: the same document, with the edited tasks replaced.</summary>
public static class ReviewEdits
{
    public const int MaxTextLength = 4000;

    /// <exception cref="ReviewEditException">An edit names no task of the document, or gives an empty or unreadable value.</exception>
    public static PlanDocument Apply(PlanDocument document, IReadOnlyList<ReviewEdit>? edits)
    {
        if (edits is not { Count: > 0 }) return document;
        var keyed = TaskKeys.Of(document);
        var byKey = keyed.ToDictionary(k => k.Key, StringComparer.Ordinal);
        var replaced = new Dictionary<(int List, int Task), PlanTask>();
        foreach (var edit in edits.Where(e => !e.IsEmpty))
        {
            if (!byKey.TryGetValue(edit.TaskKey ?? "", out var task))
                throw new ReviewEditException($"任务「{edit.TaskKey}」不在文件的任务清单中。");
            var at = (task.ListIndex, task.IndexInList);
            if (replaced.ContainsKey(at)) throw new ReviewEditException($"任务「{edit.TaskKey}」修改了不止一次。");
            replaced[at] = Edit(task.Task, edit, document.IssueDate?.Year);
        }
        return document with
        {
            TaskLists = [.. document.TaskLists.Select((list, l) => list with
            {
                Tasks = [.. list.Tasks.Select((t, i) => replaced.GetValueOrDefault((l, i)) ?? t)],
            })],
        };
    }

    private static PlanTask Edit(PlanTask task, ReviewEdit edit, int? issueYear)
    {
        var label = $"第 {task.No} 项任务";
        var result = task;
        if (edit.Text is { } text)
        {
            text = text.Trim();
            if (text.Length == 0) throw new ReviewEditException($"{label}：任务内容不能为空。");
            if (text.Length > MaxTextLength) throw new ReviewEditException($"{label}：任务内容过长（最多 {MaxTextLength} 字）。");
            result = result with { Text = text };
        }
        if (edit.Deadline is { } raw)
        {
            raw = raw.Trim();
            var deadline = raw.Length == 0 ? null : DeadlineParser.Parse(raw, task.Span, issueYear);
            if (deadline is { Due: null, Ongoing: false, Recurrence: null })
                throw new ReviewEditException($"{label}：无法识别完成时限「{raw}」，请写成如“2022年12月底前”“长期坚持”“每年”。");
            result = result with { Deadline = deadline };
        }
        var units = task.Units.ToList();
        foreach (var removed in edit.RemoveUnits ?? [])
        {
            if (units.RemoveAll(u => u.Name == removed) == 0) throw new ReviewEditException($"{label}：没有单位「{removed}」可以移除。");
        }
        foreach (var added in edit.AddUnits ?? [])
        {
            var name = added.Name?.Trim() ?? "";
            if (name.Length == 0) throw new ReviewEditException($"{label}：新增单位的名称为空。");
            if (NameText.Problem(name, "新增单位的名称") is { } problem) throw new ReviewEditException($"{label}：{problem}");
            name = NameText.Normalize(name);
            if (units.Any(u => u.Name == name)) continue;
            var kind = CollectiveNames.KindOf(name);
            units.Add(new ResponsibleUnit
            {
                Name = name,
                Canonical = UnitAliasTable.Default.Canonicalize(name),
                Role = added.Role,
                Collective = kind is not null,
                CollectiveKind = kind,
                // Not written in the document: it points at the task it was added to.
                Span = task.Span,
            });
        }
        if (edit.AddUnits is { Count: > 0 } || edit.RemoveUnits is { Count: > 0 })
        {
            // The first lead is the primary one, as the parser reads it.
            var primary = units.FindIndex(u => u.Role == UnitRole.Lead);
            units = [.. units.Select((u, i) => u with { Primary = i == primary })];
            result = result with { Units = units };
        }
        return result;
    }
}
