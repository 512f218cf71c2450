using Duban.Core.Assessments;

namespace Duban.Web.Assessments;

/// <summary>A scheme in a list.</summary>
public sealed record SchemeSummary(long Id, string Name, long RegionId, string RegionName, long? PlanId, string? PlanTitle, int Version,
    int Organizations, int Indicators, DateTimeOffset CreatedAt, string CreatedByName);

public sealed record SchemeVersionView(int Number, string? Note, DateTimeOffset CreatedAt, string CreatedByName);

/// <summary>An indicator as pages and scripts read it: the stored rule and the same rule in words.</summary>
public sealed record IndicatorView(string Code, string Name, IndicatorKind Kind, string KindLabel, decimal MaxPoints, ScoringRule Rule, string RuleText)
{
    public static IndicatorView Of(IndicatorDefinition i) => new(i.Code, i.Name, i.Kind, i.Kind.Label(), i.MaxPoints, i.EffectiveRule, i.RuleText);
}

public sealed record OrganizationRef(long Id, string Name, string Region);

/// <summary>A scheme's current version, with the list of versions and whether the reader may revise it.</summary>
public sealed record SchemeDetail(SchemeSummary Scheme, IReadOnlyList<OrganizationRef> Organizations, IReadOnlyList<IndicatorView> Indicators,
    GradeBands Grades, decimal BaseTotal, IReadOnlyList<SchemeVersionView> Versions, bool CanEdit, Guid Version,
    AchievementSelection? Selection = null, string? SelectionRule = null);

public sealed record AssessmentSummary(long Id, string Name, int Year, long SchemeId, string SchemeName, AssessmentStage Stage, string StageLabel,
    int Runs, DateTimeOffset CreatedAt);

/// <summary>One computation: which scheme version and assessment day it used, and what moved since the run before.</summary>
public sealed record RunView(int Number, int SchemeVersion, DateOnly AsOf, DateTimeOffset ComputedAt, string ComputedByName, string Digest, IReadOnlyList<ScoreChange>? Changes);

/// <param name="OwnOrganizationId">A reporter's organisation, when the assessment assesses it (the 自评 link).</param>
public sealed record AssessmentDetail(AssessmentSummary Assessment, string RegionName, string? PlanTitle, IReadOnlyList<IndicatorView> Indicators, GradeBands Grades,
    IReadOnlyList<RunView> Runs, DateTimeOffset? PublishedAt, string? PublishedByName, DateTimeOffset? FinalizedAt, bool CanAdminister, long? OwnOrganizationId, Guid Version)
{
    public RunView? Current => Runs.Count == 0 ? null : Runs[0];
}

/// <param name="CardVisible">Whether the reader may open the organisation's score card (its explanation).</param>
/// <param name="Explanation">With <c>?explain=true</c>, the computed scores with their explanation items, for the rows whose card the reader may open.</param>
public sealed record RankingRow(long OrganizationId, string Name, int Rank, decimal Total, decimal ComputedTotal, Grade Grade, string GradeLabel,
    decimal? PreviousTotal, int? PreviousRank, decimal? Change, IReadOnlyList<StandingIndicator> Indicators, bool CardVisible, OrganizationScore? Explanation = null);

/// <param name="Frozen">From 公示 on: the stored standings, which later data no longer moves.</param>
/// <param name="Complete">Every assessed organisation is listed (from 公示 on, or for a reader who sees them all).</param>
public sealed record Ranking(long AssessmentId, string Name, int Year, AssessmentStage Stage, bool Frozen, bool Complete, IReadOnlyList<IndicatorView> Indicators, IReadOnlyList<RankingRow> Rows);

public sealed record SelfScoreView(long Id, string Indicator, decimal Points, string Comment, long? EvidenceId, string AuthorName, DateTimeOffset CreatedAt);

public sealed record ReviewView(long Id, string Indicator, decimal PreviousPoints, decimal Points, decimal ComputedPoints, int Run, string Reason, string ReviewerName, DateTimeOffset CreatedAt);

public sealed record EntryView(long Id, string Indicator, decimal Points, string Comment, long? EvidenceId, string AuthorName, DateTimeOffset CreatedAt, bool InCurrentRun);

public sealed record EvidenceView(long Id, string FileName, long Size, string UploadedByName, DateTimeOffset UploadedAt, string Url);

/// <summary>One indicator of a score card: the computed score with its explanation, the organisation's own score, the review, and what counts.</summary>
public sealed record CardIndicator(IndicatorScore Score, string KindLabel, decimal? SelfPoints, string? SelfComment, decimal? Reviewed, string? ReviewReason, decimal Final);

/// <summary>An organisation's score card: every indicator opening to the facts that produced it, and the cycle's statements around it.</summary>
/// <param name="PendingEntries">Entries made after the current run: counted at the next computation.</param>
public sealed record ScoreCard(long AssessmentId, string AssessmentName, int Year, AssessmentStage Stage, string StageLabel, long OrganizationId, string Name,
    int Run, DateOnly AsOf, decimal ComputedTotal, decimal Total, int? Rank, string? Grade, IReadOnlyList<CardIndicator> Indicators,
    IReadOnlyList<SelfScoreView> SelfScores, IReadOnlyList<ReviewView> Reviews, IReadOnlyList<EntryView> Entries, IReadOnlyList<EvidenceView> Evidence,
    bool CanSelfScore, bool CanReview, bool CanEnter, int PendingEntries);
