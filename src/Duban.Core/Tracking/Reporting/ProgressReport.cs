using Duban.Core.Plans;
using Duban.Core.Tracking.Periods;

namespace Duban.Core.Tracking.Reporting;

/// <summary>What the organisation says of its part of the task (the state a reporter picks).</summary>
public enum ProgressState
{
    /// <summary>未启动</summary>
    NotStarted = 1,
    /// <summary>推进中</summary>
    InProgress = 2,
    /// <summary>已完成</summary>
    Completed = 3,
    /// <summary>长期推进</summary>
    Ongoing = 4,
}

/// <summary>Where a report stands in its review.</summary>
public enum ReportStatus
{
    /// <summary>草稿: saved, not yet submitted.</summary>
    Draft = 1,
    /// <summary>已提交: waiting for the office's review; no revisions until it is returned.</summary>
    Submitted = 2,
    /// <summary>已退回: the reporter revises and submits again.</summary>
    Returned = 3,
    /// <summary>已通过: locked for good.</summary>
    Approved = 4,
}

/// <summary>
/// The progress report (进展情况) of one assignment for one period. Its content lives in append-only
/// <see cref="ReportRevision"/>s; the report row only points at the latest one and carries the review status, and its
/// <see cref="Version"/> makes two writers of the same report collide instead of overwriting each other.
/// </summary>
public sealed class ProgressReport
{
    public long Id { get; set; }

    public long AssignmentId { get; set; }

    public Assignment? Assignment { get; set; }

    public long PeriodId { get; set; }

    public Period? Period { get; set; }

    public ReportStatus Status { get; set; } = ReportStatus.Draft;

    /// <summary>The newest revision; set once the first one is stored.</summary>
    public long? LatestRevisionId { get; set; }

    public int RevisionCount { get; set; }

    /// <summary>When it was first submitted; the window is judged then, resubmissions after a return are not judged again.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>Submitted after the cycle's window closed (accepted late).</summary>
    public bool Late { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ReportRevision> Revisions { get; set; } = [];

    public List<Review> Reviews { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Whether a reporter may add a revision now.</summary>
    public bool Editable => Status is ReportStatus.Draft or ReportStatus.Returned;

    /// <summary>Whether it may be submitted now.</summary>
    public bool Submittable => Editable && RevisionCount > 0;
}

/// <summary>One saved version of a report's content. Never updated nor deleted.</summary>
public sealed class ReportRevision
{
    public const int MaxTextLength = 4000;

    public long Id { get; set; }

    public long ReportId { get; set; }

    /// <summary>1, 2, 3… within the report; unique with it, so two writers cannot both store number n.</summary>
    public int Number { get; set; }

    public ProgressState State { get; set; }

    /// <summary>0–100, for tasks with a deadline; null for ongoing tasks.</summary>
    public int? PercentComplete { get; set; }

    public string Done { get; set; } = "";

    public string Problems { get; set; } = "";

    public string NextSteps { get; set; } = "";

    public long AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// When this revision was first submitted to the office; null for a revision never submitted (a draft, or one
    /// superseded before the next submission). Set once, by the submission; the content itself is never changed.
    /// </summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    public List<ReportRevisionEvidence> Evidence { get; set; } = [];
}

/// <summary>An evidence file attached to a report revision.</summary>
public sealed class ReportRevisionEvidence
{
    public long RevisionId { get; set; }

    public long EvidenceId { get; set; }

    public Evidence? File { get; set; }
}

public enum ReviewDecision
{
    /// <summary>通过</summary>
    Approved = 1,
    /// <summary>退回</summary>
    Returned = 2,
}

/// <summary>The office's verdict on a submitted report, on the revision it read. Never updated nor deleted.</summary>
public sealed class Review
{
    public const int MaxCommentLength = 2000;

    public long Id { get; set; }

    public long ReportId { get; set; }

    public long RevisionId { get; set; }

    public ReviewDecision Decision { get; set; }

    /// <summary>Required when returned: what the reporter must fix.</summary>
    public string? Comment { get; set; }

    public long ReviewerId { get; set; }

    public required string ReviewerName { get; set; }

    public DateTimeOffset At { get; set; }
}
