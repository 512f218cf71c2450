using Duban.Core.Plans;
using Duban.Parsing.Model;

namespace Duban.Web.TaskEditing;

/// <summary>An organisation's part of a task, as the editing API shows it.</summary>
public sealed record AssignmentView(long Id, long OrganizationId, string OrganizationName, UnitRole Role, bool Primary, string UnitName);

public sealed record TargetView(long Id, string Subject, Comparator Comparator, decimal Value, decimal? ValueMax, string Unit, int? Year, string Raw);

/// <summary>Where a task comes from: its list's source (计划文件, or a 交办事项's kind, instructor, date, meeting or document).</summary>
public sealed record TaskSourceView(TaskListSource Kind, string KindLabel, string ListName, string? Instructor, DateOnly? Date, string? Reference);

/// <summary>A task after an edit (or as the edit form reads it), with its version as ETag.</summary>
public sealed record EditedTaskView(
    long Id, long PlanId, long TaskListId, string Key, string No, string Text, string? DeadlineRaw, DateOnly? Due, DateOnly? Start, bool Ongoing,
    Recurrence? Recurrence, bool Retired, DateTimeOffset? RetiredAt, string? RetiredBy, string? RetiredReason, long? MergedIntoId,
    TaskSourceView Source, IReadOnlyList<AssignmentView> Assignments, IReadOnlyList<TargetView> Targets, Guid Version);

/// <summary>A split: the task as it remains and the task split off it.</summary>
public sealed record SplitView(EditedTaskView Task, EditedTaskView NewTask);

/// <summary>A merge: the task that remains (with the merged one's units) and the merged one, retired with its history.</summary>
public sealed record MergeView(EditedTaskView Task, EditedTaskView Merged);

/// <summary>A plan made without a document (交办事项, or a plan entered by hand), with its one task list.</summary>
public sealed record CreatedPlanView(long Id, string Title, string? DocNumber, string? Issuer, DateOnly? IssueDate, long RegionId, PlanStatus Status,
    long VersionId, long TaskListId, TaskSourceView Source, Guid Version);

/// <summary>An organisation to add to a task: role lead (牵头) or cooperating (配合), primary (主责) for a lead.</summary>
public sealed record AssignmentInput(long? OrganizationId, string? Role, bool? Primary, string? UnitName = null);

/// <summary>A change of an organisation's part in a task: its role and/or whether it is the primary lead.</summary>
public sealed record AssignmentChange(string? Role, bool? Primary);

/// <summary>The body of a split: the text that stays (optional), the text split off, its number, and which of the task's organisations it gets (default all).</summary>
public sealed record SplitInput(string? Text, string? NewText, string? NewNo, IReadOnlyList<long>? OrganizationIds);

/// <summary>The body of a merge: the task merged into this one, and this one's text afterwards (optional).</summary>
public sealed record MergeInput(long? MergedTaskId, string? Text);

/// <summary>The body of a retirement (退役 / 删除): why the task is not one.</summary>
public sealed record RetireInput(string? Reason);

/// <summary>A task list source as entered: kind (instruction, meetingDecision, upperAssignment, annualPriority, document), instructor, date, reference.</summary>
public sealed record SourceInput(string? Kind, string? Instructor, DateOnly? Date, string? Reference);

/// <summary>The body of POST /api/v1/plans: a plan without a document.</summary>
public sealed record PlanInput(string? Title, long? RegionId, string? DocNumber, string? Issuer, DateOnly? IssueDate, SourceInput? Source, string? ListName);
