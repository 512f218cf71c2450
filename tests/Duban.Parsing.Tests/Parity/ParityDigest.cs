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
            lines.Add($"  deadline {Render.Deadline(task)}");
            lines.Add($"  targets {task.No}: {task.Targets.Count}");
        }
        lines.Add($"tasks: {doc.TaskLists.Sum(l => l.Tasks.Count)}");
        lines.Add($"goal targets: {doc.Targets.Count}");
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
        var sb = new StringBuilder("(- as read from the text, + as read from the other format)\n");
        int a = 0, b = 0, sameRun = 0;
        while (a < n || b < m)
        {
            if (a < n && b < m && expected[a] == actual[b])
            {
                // Keep the diff short: one line of context each side of a difference.
                if (sameRun++ == 0 || (a + 1 < n && b + 1 < m && expected[a + 1] != actual[b + 1])) sb.Append("  ").AppendLine(expected[a]);
                a++; b++;
            }
            else if (b < m && (a == n || lcs[a, b + 1] >= lcs[a + 1, b])) { sb.Append("+ ").AppendLine(actual[b++]); sameRun = 0; }
            else { sb.Append("- ").AppendLine(expected[a++]); sameRun = 0; }
        }
        return sb.ToString();
    }
}
