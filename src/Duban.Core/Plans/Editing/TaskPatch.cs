using Duban.Parsing.Model;

namespace Duban.Core.Plans.Editing;

/// <summary>One member of a JSON merge patch (RFC 7396): absent leaves the field as it is; present sets it, null included.</summary>
public readonly record struct Patch<T>(bool Present, T? Value)
{
    public static Patch<T> Absent => default;

    public static Patch<T> Set(T? value) => new(true, value);
}

/// <summary>A field the edit refuses, with the Chinese message that names it.</summary>
/// <param name="Field">The camel-case name of the field, as in the API's JSON.</param>
public sealed record EditProblem(string Field, string Message);

/// <summary>
/// What an office may change of a task by hand (PATCH /api/v1/tasks/{id}, the 编辑 form): its text and number, its
/// deadline — as written (<see cref="Deadline"/>, read like the parser reads one) and/or as values (<see cref="Due"/>,
/// <see cref="Start"/>, <see cref="Ongoing"/>, <see cref="Recurrence"/>) — and its targets (the whole list: a target
/// with an id keeps its row and the values reported on it, one without is added, one left out is removed).
/// </summary>
public sealed record TaskPatch
{
    public Patch<string> Text { get; init; }
    public Patch<string> No { get; init; }
    public Patch<string> Deadline { get; init; }
    public Patch<DateOnly?> Due { get; init; }
    public Patch<DateOnly?> Start { get; init; }
    public Patch<bool> Ongoing { get; init; }
    public Patch<Recurrence?> Recurrence { get; init; }
    public Patch<IReadOnlyList<TargetInput>> Targets { get; init; }

    public bool TouchesDeadline => Deadline.Present || Due.Present || Start.Present || Ongoing.Present || Recurrence.Present;

    public bool IsEmpty => !Text.Present && !No.Present && !TouchesDeadline && !Targets.Present;
}

/// <summary>A target as the office enters it (量化指标): subject, direction, value (and upper value of a range), unit, year.</summary>
public sealed record TargetInput(long? Id, string? Subject, Comparator? Comparator, decimal? Value, decimal? ValueMax, string? Unit, int? Year);

/// <summary>The fields of a task an edit changes, before or after it.</summary>
public sealed record TaskFields(string No, string Text, string? DeadlineRaw, DateOnly? Due, DateOnly? Start, bool Ongoing, Recurrence? Recurrence)
{
    public static TaskFields Of(PlanTask task) => new(task.No, task.Text, task.DeadlineRaw, task.Due, task.Start, task.Ongoing, task.Recurrence);

    public void ApplyTo(PlanTask task)
    {
        task.No = No;
        task.Text = Text;
        task.DeadlineRaw = DeadlineRaw;
        task.Due = Due;
        task.Start = Start;
        task.Ongoing = Ongoing;
        task.Recurrence = Recurrence;
    }

    /// <summary>What differs from <paramref name="other"/>, in Chinese, for the timeline: 文字、编号、时限.</summary>
    public IReadOnlyList<string> ChangesFrom(TaskFields other)
    {
        var changes = new List<string>();
        if (Text != other.Text) changes.Add("文字");
        if (No != other.No) changes.Add("编号");
        if (DeadlineRaw != other.DeadlineRaw || Due != other.Due || Start != other.Start || Ongoing != other.Ongoing || Recurrence != other.Recurrence)
            changes.Add("时限");
        return changes;
    }
}
