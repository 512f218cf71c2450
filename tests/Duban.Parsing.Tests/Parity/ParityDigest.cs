using System.Text;
using Duban.Parsing.Model;
using Duban.Parsing.Tests.Samples;

namespace Duban.Parsing.Tests.Parity;

/// <summary>
/// What the parity suite compares, one line per fact: each task's number and text (white space removed, since line
/// breaks and spaces are where formats differ), its lead and cooperating units, its deadline and its number of
/// targets; then the number of tasks and of the plan's goal targets.
/// </summary>
internal static class ParityDigest
{
    public static IReadOnlyList<string> Lines(PlanDocument doc)
    {
        var lines = new List<string>();
        foreach (var task in doc.TaskLists.SelectMany(l => l.Tasks))
        {
            lines.Add($"task {task.No}: {Compact(task.Text)}");
            lines.Add($"  units {Render.Units(task)}");
            // The deadline as understood, and its words without white space (a PDF cannot tell 2022 年 from 2022年).
            lines.Add($"  deadline {Compact(Render.Deadline(task))}");
            lines.Add($"  targets {task.No}: {task.Targets.Count}");
        }
        lines.Add($"tasks: {doc.TaskLists.Sum(l => l.Tasks.Count)}");
        lines.Add($"goal targets: {doc.Targets.Count}");
        lines.Add($"title: {Compact(doc.Title ?? "")}");
        return lines;
    }

    public static string Compact(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>A line diff (longest common subsequence): "  " same, "- " only in the text's parse, "+ " only in the other format's.</summary>
    public static string Diff(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var n = expected.Count;
        var m = actual.Count;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = expected[i] == actual[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var ops = new List<(char Op, string Line)>();
        int a = 0, b = 0;
        while (a < n || b < m)
        {
            if (a < n && b < m && expected[a] == actual[b]) { ops.Add((' ', expected[a])); a++; b++; }
            else if (b < m && (a == n || lcs[a, b + 1] >= lcs[a + 1, b])) ops.Add(('+', actual[b++]));
            else ops.Add(('-', expected[a++]));
        }
        // Two lines of context around each difference; "…" where same lines are left out.
        var sb = new StringBuilder("(- as read from the text, + as read from the other format)\n");
        var skipped = false;
        for (var i = 0; i < ops.Count; i++)
        {
            var near = Enumerable.Range(Math.Max(0, i - 2), Math.Min(ops.Count, i + 3) - Math.Max(0, i - 2)).Any(k => ops[k].Op != ' ');
            if (!near) { if (!skipped) sb.AppendLine("  …"); skipped = true; continue; }
            skipped = false;
            sb.Append(ops[i].Op).Append(' ').AppendLine(ops[i].Line);
        }
        return sb.ToString();
    }
}
