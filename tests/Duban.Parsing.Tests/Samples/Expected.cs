using System.Globalization;
using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Samples;

/// <summary>What a correct parser reads from one task list of a sample.</summary>
/// <param name="Name">The list's name, or null when the sample does not pin it down.</param>
public sealed record ExpectedList(TaskListLayout Layout, TaskListLocation Location, string? Name, IReadOnlyList<ExpectedTask> Tasks);

/// <summary>
/// One expected task, written as a row of a compact table.
/// </summary>
/// <param name="No">The task's number as written.</param>
/// <param name="TextStart">How the task text starts (after its number): usually its run-in title.</param>
/// <param name="Units">
/// Lead units, then cooperating ones after '|', each separated by ';': "市教育局; 市财政局 | 市人社局". The first lead unit
/// is the primary one.
/// </param>
/// <param name="Raw">The deadline as written (<see cref="Deadline.Raw"/>); null when the task has none.</param>
/// <param name="Deadline">
/// What the deadline means, as space-separated tokens: "due=2022-12-31", "start=2021-01-01", "ongoing", and a recurrence
/// (yearly, quarterly, semester, halfYearly, monthly). Anything not named is absent: no due date, not ongoing, and so on.
/// </param>
public sealed record ExpectedTask(string No, string TextStart, string Units, string? Raw, string Deadline = "")
{
    public IReadOnlyList<string> Leads => Split(Units.Split('|')[0]);

    public IReadOnlyList<string> Cooperating => Units.Contains('|') ? Split(Units.Split('|')[1]) : [];

    private static List<string> Split(string s) =>
        s.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>The units as <see cref="Render.Units"/> shows actual ones.</summary>
    public string RenderUnits() => Render.Units(No, Leads.Select((n, i) => (n, i == 0)), Cooperating);

    /// <summary>The deadline as <see cref="Render.Deadline"/> shows actual ones.</summary>
    public string RenderDeadline()
    {
        if (Raw is null) return $"{No}: (none)";
        DateOnly? due = null, start = null;
        var ongoing = false;
        Recurrence? recurrence = null;
        foreach (var token in Deadline.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith("due=", StringComparison.Ordinal)) due = Date(token[4..]);
            else if (token.StartsWith("start=", StringComparison.Ordinal)) start = Date(token[6..]);
            else if (token == "ongoing") ongoing = true;
            else recurrence = Enum.Parse<Recurrence>(token, ignoreCase: true);
        }
        return Render.Deadline(No, Raw, understood: true, due, start, ongoing, recurrence);
    }

    private static DateOnly Date(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One-line renderings of what was read, so that a failing comparison shows the whole table at a glance.</summary>
public static class Render
{
    public static string Units(string no, IEnumerable<(string Name, bool Primary)> leads, IEnumerable<string> cooperating)
    {
        var lead = string.Join("; ", leads.Select(l => l.Primary ? l.Name + "*" : l.Name));
        var coop = string.Join("; ", cooperating);
        return coop.Length == 0 ? $"{no}: {lead}" : $"{no}: {lead} | {coop}";
    }

    public static string Units(PlanTask task)
    {
        // Cooperating units marked primary would be a bug: show it.
        var coop = task.Units.Where(u => u.Role == UnitRole.Cooperating).Select(u => u.Primary ? u.Name + "*" : u.Name);
        return Units(task.No, task.Units.Where(u => u.Role == UnitRole.Lead).Select(u => (u.Name, u.Primary)), coop);
    }

    public static string Deadline(string no, string raw, bool understood, DateOnly? due, DateOnly? start, bool ongoing, Recurrence? recurrence)
    {
        var parts = new List<string> { $"{no}: {raw} →" };
        if (!understood) parts.Add("(not understood)");
        if (start is { } s) parts.Add($"start={s:yyyy-MM-dd}");
        if (due is { } d) parts.Add($"due={d:yyyy-MM-dd}");
        if (ongoing) parts.Add("ongoing");
        if (recurrence is { } r) parts.Add(r.ToString());
        return string.Join(" ", parts);
    }

    public static string Deadline(PlanTask task) =>
        task.Deadline is not { } d
            ? $"{task.No}: (none)"
            : Deadline(task.No, d.Raw, d.Understood, d.Due, d.Start, d.Ongoing, d.Recurrence);
}
