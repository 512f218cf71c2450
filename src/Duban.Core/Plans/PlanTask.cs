using Duban.Core.Organizations;
using Duban.Parsing.Model;

namespace Duban.Core.Plans;

/// <summary>A task of a plan (工作任务), as stored for tracking.</summary>
public sealed class PlanTask
{
    public long Id { get; set; }

    public long PlanId { get; set; }

    public long TaskListId { get; set; }

    public PlanTaskList? TaskList { get; set; }

    /// <summary>
    /// Identity across versions of the plan: the list name and task number. A revised document's task with the same key
    /// is the same task (its assignments and history carry over); see <see cref="PlanDiff"/>.
    /// </summary>
    public required string Key { get; set; }

    public required string No { get; set; }

    public int Order { get; set; }

    /// <summary>The headings above the task, joined with " / ".</summary>
    public string SectionPath { get; set; } = "";

    public required string Text { get; set; }

    public string? DeadlineRaw { get; set; }

    public DateOnly? Due { get; set; }

    public DateOnly? Start { get; set; }

    public bool Ongoing { get; set; }

    public Recurrence? Recurrence { get; set; }

    public int SpanStart { get; set; }

    public int SpanEnd { get; set; }

    /// <summary>
    /// The plan version that no longer has this task; null while the task is current. A removed task stays on the old
    /// version's list with its assignments and history, but task lists and counts show current tasks only.
    /// </summary>
    public long? RemovedInVersionId { get; set; }

    /// <summary>
    /// When the office retired the task by hand (not a task, or merged into another): it then also carries
    /// <see cref="RemovedInVersionId"/> = the version current at the time, so that it drops out of every list, count,
    /// status and escalation exactly like a task a revision removed, and keeps its reports, values and 督办单.
    /// </summary>
    public DateTimeOffset? RetiredAt { get; set; }

    public long? RetiredById { get; set; }

    public string? RetiredByName { get; set; }

    /// <summary>Why it was retired, as the office wrote it.</summary>
    public string? RetiredReason { get; set; }

    /// <summary>The task this one was merged into, when it was retired by a merge.</summary>
    public long? MergedIntoId { get; set; }

    public List<Assignment> Assignments { get; set; } = [];

    public List<TaskTarget> Targets { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();

    public const int MaxTextLength = 4000;

    public const int MaxNoLength = 20;

    public const int MaxDeadlineLength = 200;

    public const int MaxReasonLength = 500;
}

/// <summary>An organisation's role in a task: lead (the first of them primary) or cooperating.</summary>
public sealed class Assignment
{
    public long Id { get; set; }

    public long TaskId { get; set; }

    public PlanTask? Task { get; set; }

    public long OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public UnitRole Role { get; set; }

    public bool Primary { get; set; }

    /// <summary>The unit as the document names it (各县（区）人民政府 for each county government it was expanded to).</summary>
    public required string UnitName { get; set; }
}

/// <summary>A numeric target, of a task or of the plan's goal sections (TaskId null).</summary>
public sealed class TaskTarget
{
    public long Id { get; set; }

    public long PlanId { get; set; }

    public long? TaskId { get; set; }

    public required string Subject { get; set; }

    public Comparator Comparator { get; set; }

    public decimal Value { get; set; }

    public decimal? ValueMax { get; set; }

    public required string Unit { get; set; }

    public int? Year { get; set; }

    public bool PerYear { get; set; }

    public string? Scope { get; set; }

    public required string Raw { get; set; }

    public int SpanStart { get; set; }

    public int SpanEnd { get; set; }
}
