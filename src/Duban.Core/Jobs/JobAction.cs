namespace Duban.Core.Jobs;

/// <summary>
/// An action a scheduled job has taken (a reminder sent, a supervision order issued), recorded under its idempotency
/// key. The key is unique: a second run, or a second instance at the same moment, finds the action recorded and does
/// nothing again.
/// </summary>
public sealed class JobAction
{
    public long Id { get; set; }

    /// <summary>Deterministic for the action, e.g. "chase:assignment:42:2026-10"; at most 200 characters.</summary>
    public required string IdempotencyKey { get; set; }

    public required string JobName { get; set; }

    public required string Kind { get; set; }

    /// <summary>What the action was about, as JSON, for the timeline and for debugging.</summary>
    public string? Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
