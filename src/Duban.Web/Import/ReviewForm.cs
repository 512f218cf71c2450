using Duban.Core.Import;
using Duban.Core.Import.Review;
using Duban.Parsing.Model;

namespace Duban.Web.Import;

/// <summary>
/// Reads the review's task fields (text-N, deadline-N, unit-N boxes, addUnit-N, addRole-N, keyed by taskKey-N) into
/// edits: a field counts only where it differs from what the file says, so that a form posted again after 应用修改
/// (showing the edited values) yields the same edits.
/// </summary>
public static class ReviewForm
{
    private static readonly char[] Separators = ['、', ',', '，', ';', '；'];

    public static IReadOnlyList<ReviewEdit> Edits(IFormCollection form, PlanDocument asWritten)
    {
        var byKey = TaskKeys.Of(asWritten).ToDictionary(k => k.Key, k => k.Task, StringComparer.Ordinal);
        var edits = new List<ReviewEdit>();
        foreach (var field in form.Keys.Where(k => k.StartsWith("taskKey-", StringComparison.Ordinal)))
        {
            var n = field["taskKey-".Length..];
            if (!byKey.TryGetValue(form[field].ToString(), out var task)) continue;
            string? Value(string name) => form.TryGetValue($"{name}-{n}", out var v) ? v.ToString() : null;

            var text = Value("text") is { } t && Normalize(t) != Normalize(task.Text) ? t.Trim() : null;
            var deadline = Value("deadline") is { } d && d.Trim() != (task.Deadline?.Raw ?? "").Trim() ? d.Trim() : null;
            var kept = form[$"unit-{n}"].Select(v => v?.Split('|', 2)).Where(p => p is { Length: 2 })
                .Select(p => (Role: Enum.TryParse<UnitRole>(p![0], out var r) ? r : UnitRole.Lead, Name: p[1])).ToList();
            // The boxes of a form that had none for this task (an older page) remove nothing.
            var removed = form.ContainsKey($"unitsShown-{n}")
                ? task.Units.Select(u => u.Name).Where(name => kept.All(k => k.Name != name)).Distinct().ToList()
                : [];
            var addRole = Enum.TryParse<UnitRole>(Value("addRole") ?? "", out var role) ? role : UnitRole.Lead;
            var added = kept.Where(k => task.Units.All(u => u.Name != k.Name)).Select(k => new ReviewUnit(k.Name, k.Role))
                .Concat((Value("addUnit") ?? "").Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(name => new ReviewUnit(name, addRole)))
                .DistinctBy(u => u.Name)
                .ToList();
            var edit = new ReviewEdit(form[field].ToString(), deadline, text, added, removed);
            if (!edit.IsEmpty) edits.Add(edit);
        }
        return edits;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").Trim();
}
