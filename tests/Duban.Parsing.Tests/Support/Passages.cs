using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Support;

/// <summary>
/// Cutting a passage of whole lines out of a parsed document and comparing its tasks with the whole read: what the
/// excerpt tests of the seeds and of the table samples share.
/// </summary>
internal static class Passages
{
    /// <summary>The tasks of <paramref name="passage"/> read on its own, as a text file.</summary>
    public static List<PlanTask> TasksOf(string passage) =>
        new PlanParser().Parse(System.Text.Encoding.UTF8.GetBytes(passage), "excerpt.txt").TaskLists.SelectMany(l => l.Tasks).ToList();

    /// <summary>A task's units as canonical name and role, in a fixed order.</summary>
    public static string[] UnitsOf(PlanTask task) => task.Units.Select(u => $"{u.Canonical}/{u.Role}").Order(StringComparer.Ordinal).ToArray();

    /// <summary>Where the line holding <paramref name="at"/> starts.</summary>
    public static int LineStart(string text, int at) => text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;

    /// <summary>Where the line holding the character before <paramref name="at"/> ends.</summary>
    public static int LineEnd(string text, int at)
    {
        var end = text.IndexOf('\n', Math.Max(0, at - 1));
        return end < 0 ? text.Length : end;
    }

    /// <summary>The text without white space (line breaks are where a passage and the whole differ).</summary>
    public static string Compact(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
