namespace Duban.Parsing.Model;

/// <summary>A numbered list whose items carry responsible units (工作任务清单 / 任务分工表).</summary>
public sealed record TaskList
{
    /// <summary>The name of a list whose document gives it none of its own.</summary>
    public const string PlainName = "任务清单";

    /// <summary>The list's heading or annex title.</summary>
    public required string Name { get; init; }

    /// <summary>Where the list stands: <c>body</c> or <c>annex</c>.</summary>
    public required TaskListLocation Location { get; init; }

    /// <summary>How the tasks are written: inline paragraphs or table rows.</summary>
    public required TaskListLayout Layout { get; init; }

    public required SourceSpan Span { get; init; }

    public IReadOnlyList<PlanTask> Tasks { get; init; } = [];
}

public enum TaskListLocation
{
    Body,
    Annex,
}

public enum TaskListLayout
{
    Paragraphs,
    Table,
}

/// <summary>One task of a task list.</summary>
public sealed record PlanTask
{
    /// <summary>The task's number as written (序号), e.g. "3", "52".</summary>
    public required string No { get; init; }

    /// <summary>The headings above the task, outermost first, including table group rows (一、加快推进…).</summary>
    public IReadOnlyList<string> SectionPath { get; init; } = [];

    /// <summary>The task text with line breaks removed and the unit/deadline labels cut off.</summary>
    public required string Text { get; init; }

    public IReadOnlyList<ResponsibleUnit> Units { get; init; } = [];

    public Deadline? Deadline { get; init; }

    public IReadOnlyList<Target> Targets { get; init; } = [];

    /// <summary>Span of the whole task in the source: number, text, units and deadline.</summary>
    public required SourceSpan Span { get; init; }
}
