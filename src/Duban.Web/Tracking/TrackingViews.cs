using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Parsing.Model;

namespace Duban.Web.Tracking;

/// <param name="Stored">False for a plan that reports on the default cycle (its version is then all zeros).</param>
public sealed record CycleView(long PlanId, PeriodKind Kind, int WindowDays, LateRule LateRule, int RefuseAfterDays, bool Stored, Guid Version)
{
    public static CycleView Of(ReportingCycle c) => new(c.PlanId, c.Kind, c.WindowDays, c.LateRule, c.RefuseAfterDays, c.Version != Guid.Empty, c.Version);
}

/// <param name="Id">The stored period's id, or null for a period no report or value was filed for yet.</param>
/// <param name="WindowCloses">The last day on which a report for it is on time.</param>
public sealed record PeriodView(long? Id, PeriodKind Kind, DateOnly Start, DateOnly End, string Label, DateOnly WindowCloses);

public sealed record PlanPeriodsView(CycleView Cycle, IReadOnlyList<PeriodView> Periods);

public sealed record EvidenceView(long Id, string FileName, EvidenceType Type, long Size, string Sha256, DateTimeOffset UploadedAt, string Url);

public sealed record ReportSummary(
    long Id, long PlanId, long TaskId, string TaskNo, long AssignmentId, long OrganizationId, string OrganizationName, UnitRole Role,
    long PeriodId, PeriodKind PeriodKind, DateOnly PeriodStart, DateOnly PeriodEnd, ReportStatus Status, ProgressState? State, int? PercentComplete,
    int RevisionCount, DateTimeOffset? SubmittedAt, bool Late, Guid Version);

/// <param name="SubmittedAt">When this revision was first submitted to the office; null if it never was (a draft, or superseded before the next submission).</param>
public sealed record RevisionView(
    long Id, int Number, ProgressState State, int? PercentComplete, string Done, string Problems, string NextSteps, string AuthorName, DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt, IReadOnlyList<EvidenceView> Evidence);

public sealed record ReviewView(long Id, long RevisionId, ReviewDecision Decision, string? Comment, string ReviewerName, DateTimeOffset At);

/// <summary>A report with every revision, newest first, and every review.</summary>
public sealed record ReportDetail(ReportSummary Report, IReadOnlyList<RevisionView> Revisions, IReadOnlyList<ReviewView> Reviews);

public sealed record ObservationSummary(
    long Id, long PlanId, long TargetId, long? TaskId, string Subject, string Unit, long OrganizationId, string OrganizationName,
    long PeriodId, PeriodKind PeriodKind, DateOnly PeriodStart, DateOnly PeriodEnd, decimal? Value, string? Note, int RevisionCount, Guid Version);

public sealed record ObservationRevisionView(long Id, int Number, decimal Value, string Note, string AuthorName, DateTimeOffset CreatedAt, IReadOnlyList<EvidenceView> Evidence);

public sealed record ObservationDetail(ObservationSummary Observation, IReadOnlyList<ObservationRevisionView> Revisions);
