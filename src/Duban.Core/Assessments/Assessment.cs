namespace Duban.Core.Assessments;

/// <summary>
/// 督导评估 / 考核: one year's assessment under a scheme. Its results are runs (computations), each recording the scheme
/// version and assessment day it used; the office's reviews, the organisations' self-scores and the entered scores
/// hang on it. At 公示 the standings are stored (<see cref="PublishedStandings"/>) and nothing moves them any more.
/// </summary>
public sealed class Assessment
{
    public const int MaxNameLength = 100;

    public long Id { get; set; }

    public long SchemeId { get; set; }

    public int Year { get; set; }

    public required string Name { get; set; }

    public AssessmentStage Stage { get; set; } = AssessmentStage.SelfAssessment;

    public long? CurrentRunId { get; set; }

    public int RunCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long CreatedById { get; set; }

    public required string CreatedByName { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedByName { get; set; }

    /// <summary>The standings at 公示 (JSON of <see cref="Standing"/>s): the frozen result.</summary>
    public string? PublishedStandings { get; set; }

    public DateTimeOffset? FinalizedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One computation of an assessment. Never changed; a recomputation adds the next with the differences.</summary>
public sealed class AssessmentRun
{
    public long Id { get; set; }

    public long AssessmentId { get; set; }

    /// <summary>1, 2, 3… within the assessment.</summary>
    public int Number { get; set; }

    public long SchemeVersionId { get; set; }

    public int SchemeVersionNumber { get; set; }

    /// <summary>考核截止日: nothing after it was read.</summary>
    public DateOnly AsOf { get; set; }

    public DateTimeOffset ComputedAt { get; set; }

    public long ComputedById { get; set; }

    public required string ComputedByName { get; set; }

    /// <summary>SHA-256 of the score sheet: two runs with the same digest gave exactly the same result.</summary>
    public required string Digest { get; set; }

    /// <summary>The differences from the previous run (JSON of <see cref="ScoreChange"/>s); null for the first.</summary>
    public string? Changes { get; set; }
}

/// <summary>One organisation's computed result in a run: its total and the scores with their explanations (JSON of <see cref="OrganizationScore"/>).</summary>
public sealed class AssessmentResult
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public long OrganizationId { get; set; }

    public decimal Total { get; set; }

    public required string Detail { get; set; }

    /// <summary>
    /// The <see cref="ScoredPoints"/> of <see cref="Detail"/> as JSON: what the ranking reads. Null on results computed
    /// before it was kept; those are read from the detail.
    /// </summary>
    public string? Summary { get; set; }
}
