using Duban.Core.Assessments;

namespace Duban.Data.Assessments;

/// <summary>A new scheme: its name, the region whose office owns it, optionally the one plan it assesses, and its content.</summary>
public sealed record NewScheme(string? Name, long? RegionId, long? PlanId, SchemeDefinition? Definition, string? Note);

/// <summary>A scheme's next version: the whole content, and what changed.</summary>
public sealed record SchemeRevision(string? Name, SchemeDefinition? Definition, string? Note);

/// <summary>An assessment of a scheme for a year (the name defaults to “{year}年度{scheme}”).</summary>
public sealed record NewAssessment(long? SchemeId, int? Year, string? Name);

/// <summary>One indicator of an organisation's 自评: its own points, why, and optionally an evidence file of the assessment.</summary>
public sealed record SelfScoreInput(string? Indicator, decimal? Points, string? Comment, long? EvidenceId);

/// <summary>A score entered for an entered indicator (人工评分 or one 加分项 item) of an organisation.</summary>
public sealed record EntryInput(long? OrganizationId, string? Indicator, decimal? Points, string? Comment, long? EvidenceId);

/// <summary>The office's 复核 of one indicator of an organisation: the points that are to count, and why.</summary>
public sealed record AssessmentReviewInput(long? OrganizationId, string? Indicator, decimal? Points, string? Reason);

/// <summary>An evidence file for an assessment, about one of its organisations.</summary>
public sealed record AssessmentEvidenceUpload(long? OrganizationId, string? FileName, long Length, Stream Content);
