using System.Globalization;
using Duban.Parsing.Model;

namespace Duban.Cli;

/// <summary>
/// What the table shows of one plan. Built as soon as a file is parsed so that a long run keeps only these
/// few strings in memory, not every document's text and spans.
/// </summary>
internal sealed record PlanSummary(
    string Path,
    string? Title,
    string? DocNumber,
    DateOnly? IssueDate,
    IReadOnlyList<TaskListSummary> TaskLists,
    IReadOnlyList<ParseWarning> Warnings)
{
    /// <summary>Task texts are cut to this many characters; the JSON has them in full.</summary>
    public const int MaxTaskText = 30;

    /// <summary>Marks the primary lead unit (<see cref="ResponsibleUnit.Primary"/>).</summary>
    public const string PrimaryMark = "★";

    public static PlanSummary From(string path, PlanDocument document) => new(
        path,
        document.Title,
        document.DocNumber,
        document.IssueDate,
        [.. document.TaskLists.Select(list => new TaskListSummary(list.Name, [.. list.Tasks.Select(task => Row(task, document.Warnings))]))],
        document.Warnings);

    private static TaskRow Row(PlanTask task, IReadOnlyList<ParseWarning> warnings) => new(
        task.No,
        Shorten(task.Text, MaxTaskText),
        UnitNames(task.Units.Where(u => u.Role == UnitRole.Lead)),
        UnitNames(task.Units.Where(u => u.Role == UnitRole.Cooperating)),
        DeadlineText(task.Deadline),
        warnings.Count(w => w.Span is { } span && Overlaps(span, task.Span)));

    private static string UnitNames(IEnumerable<ResponsibleUnit> units) =>
        string.Join("、", units.Select(u => u.Primary ? u.Name + PrimaryMark : u.Name));

    /// <summary>The deadline as written and, when it could be read, what it means: 2022年底 → 2022-12-31.</summary>
    public static string DeadlineText(Deadline? deadline)
    {
        if (deadline is null) return "";
        var meaning = deadline switch
        {
            { Due: { } due } => Iso(due),
            { Ongoing: true } => "长期",
            { Recurrence: { } recurrence } => RecurrenceText(recurrence),
            { Start: { } start } => Iso(start) + " 起",
            _ => null,
        };
        return meaning is null ? deadline.Raw : $"{deadline.Raw} → {meaning}";
    }

    private static string RecurrenceText(Recurrence recurrence) => recurrence switch
    {
        Recurrence.Monthly => "每月",
        Recurrence.Quarterly => "每季度",
        Recurrence.Semester => "每学期",
        Recurrence.HalfYearly => "每半年",
        Recurrence.Yearly => "每年",
        _ => recurrence.ToString(),
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whether warning span <paramref name="a"/> points into task span <paramref name="b"/>; an empty span counts where it stands.</summary>
    private static bool Overlaps(SourceSpan a, SourceSpan b) =>
        (a.Start < b.End && b.Start < a.End) || (a.Length == 0 && a.Start >= b.Start && a.Start < b.End);

    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        // Never split a surrogate pair: half a character would print as garbage.
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut] + "…";
    }
}

internal sealed record TaskListSummary(string Name, IReadOnlyList<TaskRow> Tasks);

/// <param name="Leads">牵头/责任单位, joined with 、, the primary one marked with <see cref="PlanSummary.PrimaryMark"/>.</param>
/// <param name="Cooperating">配合单位, joined with 、.</param>
/// <param name="Deadline">完成时限 as written, with its meaning after an arrow when known.</param>
/// <param name="Warnings">How many of the plan's warnings point into this task.</param>
internal sealed record TaskRow(string No, string Text, string Leads, string Cooperating, string Deadline, int Warnings);
