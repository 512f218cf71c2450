namespace Duban.Core.Audit;

/// <summary>One write, kept forever: who, when, from where, what changed (before and after, as JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public long? UserId { get; set; }

    public required string Actor { get; set; }

    public string? RemoteAddress { get; set; }

    /// <summary>What was done, e.g. plan.import, organization.merge, user.create.</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}
