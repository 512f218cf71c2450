namespace Duban.Core.Assessments;

/// <summary>
/// 考核方案: an office's scheme for assessing organisations, filed under a region (and, when it assesses one plan's
/// work only, that plan). Its content lives in versions: a change never rewrites one, it adds the next.
/// </summary>
public sealed class AssessmentScheme
{
    public const int MaxNameLength = 100;

    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The region whose office owns the scheme; the assessed organisations lie in it or below.</summary>
    public long RegionId { get; set; }

    /// <summary>The plan whose tasks and targets are assessed; null: every published plan of the region and below.</summary>
    public long? PlanId { get; set; }

    public long? CurrentVersionId { get; set; }

    public int CurrentVersionNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long CreatedById { get; set; }

    public required string CreatedByName { get; set; }

    /// <summary>Optimistic concurrency: changes with every new version, exposed as the ETag.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One version of a scheme: the definition (JSON of <see cref="SchemeDefinition"/>) as it was saved. Never changed.</summary>
public sealed class AssessmentSchemeVersion
{
    public const int MaxNoteLength = 500;

    public long Id { get; set; }

    public long SchemeId { get; set; }

    /// <summary>1, 2, 3… within the scheme.</summary>
    public int Number { get; set; }

    public required string Definition { get; set; }

    /// <summary>What changed and why, as the editor wrote it.</summary>
    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long CreatedById { get; set; }

    public required string CreatedByName { get; set; }
}
