using Duban.Core.Tracking.Periods;

namespace Duban.Core.Tracking.Reporting;

/// <summary>
/// The value of a target (指标值) reported by one organisation for one period. Like a report, its content lives in
/// append-only revisions and the row points at the latest.
/// </summary>
public sealed class Observation
{
    public long Id { get; set; }

    public long TargetId { get; set; }

    public long OrganizationId { get; set; }

    public long PeriodId { get; set; }

    public Period? Period { get; set; }

    public long? LatestRevisionId { get; set; }

    public int RevisionCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ObservationRevision> Revisions { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One reported value. Never updated nor deleted.</summary>
public sealed class ObservationRevision
{
    public const int MaxNoteLength = 2000;

    public long Id { get; set; }

    public long ObservationId { get; set; }

    public int Number { get; set; }

    public decimal Value { get; set; }

    public string Note { get; set; } = "";

    public long AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ObservationRevisionEvidence> Evidence { get; set; } = [];
}

public sealed class ObservationRevisionEvidence
{
    public long RevisionId { get; set; }

    public long EvidenceId { get; set; }

    public Evidence? File { get; set; }
}
