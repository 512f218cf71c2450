using Duban.Core.Security;

namespace Duban.Core.Tracking.Baseline;

/// <summary>
/// 摸底 (初始状态): what an organisation states, once, about a task whose deadline passed before the plan's tracking
/// start — stated by its reporter, or set for it by a responsible administrator. Never changed (append-only); one per
/// task and organisation.
/// </summary>
public sealed class BaselineReport
{
    public const int MaxNoteLength = 2000;

    public long Id { get; set; }

    public long TaskId { get; set; }

    public long OrganizationId { get; set; }

    public BaselineState State { get; set; }

    /// <summary>For 推进中: the date the work will be done by; it becomes the deadline held to.</summary>
    public DateOnly? NewDate { get; set; }

    public string? Note { get; set; }

    public long StatedById { get; set; }

    public required string StatedByName { get; set; }

    /// <summary>Reporter (the organisation itself) or administrator (the office, for it).</summary>
    public Role StatedByRole { get; set; }

    public DateTimeOffset StatedAt { get; set; }
}
