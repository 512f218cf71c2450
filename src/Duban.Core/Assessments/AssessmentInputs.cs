using Duban.Core.Security;
using Duban.Core.Tracking.Reporting;

namespace Duban.Core.Assessments;

/// <summary>
/// 自评: an assessed organisation's own score for one indicator, with its reasons and evidence. Never changed; a new
/// statement is a new row, and the latest stands.
/// </summary>
public sealed class SelfScore
{
    public const int MaxCommentLength = 2000;

    public long Id { get; set; }

    public long AssessmentId { get; set; }

    public long OrganizationId { get; set; }

    public required string IndicatorCode { get; set; }

    public decimal Points { get; set; }

    public required string Comment { get; set; }

    public long? EvidenceId { get; set; }

    public long AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// 复核: the office's adjustment of one indicator's points, with the reason, the computed points it replaced and the
/// run it read. Never changed; a later review of the same indicator replaces it.
/// </summary>
public sealed class AssessmentReview
{
    public const int MaxReasonLength = 2000;

    public long Id { get; set; }

    public long AssessmentId { get; set; }

    public long OrganizationId { get; set; }

    public required string IndicatorCode { get; set; }

    public decimal Points { get; set; }

    public required string Reason { get; set; }

    public int RunNumber { get; set; }

    public decimal ComputedPoints { get; set; }

    /// <summary>The points that counted before this review (the computed ones, or an earlier review's).</summary>
    public decimal PreviousPoints { get; set; }

    public long ReviewerId { get; set; }

    public required string ReviewerName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A score entered for an entered indicator: an inspector's 现场督导 score (人工评分) or one 加分项 item, with comment and
/// evidence. Facts of the next computation, never changed.
/// </summary>
public sealed class AssessmentEntry
{
    public const int MaxCommentLength = 2000;

    public long Id { get; set; }

    public long AssessmentId { get; set; }

    public long OrganizationId { get; set; }

    public required string IndicatorCode { get; set; }

    public decimal Points { get; set; }

    public required string Comment { get; set; }

    public long? EvidenceId { get; set; }

    public long AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public Role AuthorRole { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An evidence file (佐证材料) for an assessment: of a self-score, an entry. The bytes are stored as the tracking evidence's, by content hash.</summary>
public sealed class AssessmentEvidence
{
    public long Id { get; set; }

    public long AssessmentId { get; set; }

    /// <summary>The organisation it is evidence about: who may read it besides the office.</summary>
    public long OrganizationId { get; set; }

    public required string Sha256 { get; set; }

    public required string FileName { get; set; }

    public EvidenceType Type { get; set; }

    public long Size { get; set; }

    public long UploadedById { get; set; }

    public required string UploadedByName { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
