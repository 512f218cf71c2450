using Duban.Core.Regions;

namespace Duban.Core.Plans;

/// <summary>A plan (实施方案 / 实施意见 / 分工方案) and its versions; the current version's content is what is tracked.</summary>
public sealed class Plan
{
    public long Id { get; set; }

    public required string Title { get; set; }

    public string? DocNumber { get; set; }

    public string? Issuer { get; set; }

    public DateOnly? IssueDate { get; set; }

    public long? RegionId { get; set; }

    public Region? Region { get; set; }

    public PlanStatus Status { get; set; } = PlanStatus.Draft;

    public long? CurrentVersionId { get; set; }

    public List<PlanVersion> Versions { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// 跟踪起始日: deadlines before it are not escalated until a baseline report says where the work stands (待摸底,
    /// docs/supervision.md). Set to the publication day when the plan is first published; an administrator may change it.
    /// </summary>
    public DateOnly? TrackingStart { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum PlanStatus
{
    Draft = 1,
    Published = 2,
    Archived = 3,
}

/// <summary>One imported file of a plan: the original bytes, the text spans point into, and what was read from it.</summary>
public sealed class PlanVersion
{
    public long Id { get; set; }

    public long PlanId { get; set; }

    public int Number { get; set; }

    public required string FileName { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>: the same file imported again is recognised by it.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The text every stored span points into.</summary>
    public required string Text { get; set; }

    /// <summary>The parsed <c>PlanDocument</c> as JSON, for the review screen and re-reading.</summary>
    public required string ParsedJson { get; set; }

    public int SchemaVersion { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public long? ImportedById { get; set; }

    public List<PlanTaskList> TaskLists { get; set; } = [];
}

public sealed class PlanTaskList
{
    public long Id { get; set; }

    public long PlanVersionId { get; set; }

    public required string Name { get; set; }

    public int Order { get; set; }

    public bool InAnnex { get; set; }

    public bool IsTable { get; set; }

    /// <summary>
    /// Where the list's tasks come from: read from the plan document (the default), or assigned by other means (交办事项:
    /// 领导批示交办, 会议议定事项, 上级交办, 年度重点工作), docs/supervision.md, "交办事项".
    /// </summary>
    public TaskListSource Source { get; set; } = TaskListSource.Document;

    /// <summary>Who instructed or decided (the leader, the meeting's chair, the upper-level office); null for a document.</summary>
    public string? SourceInstructor { get; set; }

    /// <summary>When it was instructed or decided.</summary>
    public DateOnly? SourceDate { get; set; }

    /// <summary>Which meeting or document it was instructed in (第 5 次常务会议, 市委办〔2026〕3号).</summary>
    public string? SourceReference { get; set; }

    /// <summary>The meeting of a governing body whose 议定事项 the list holds (docs/governance.md); null for any other list.</summary>
    public long? MeetingId { get; set; }

    public List<PlanTask> Tasks { get; set; } = [];

    public const int MaxInstructorLength = 100;

    public const int MaxReferenceLength = 300;
}
