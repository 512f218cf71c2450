using Duban.Core.Tracking.Escalation;
using Duban.Core.Tracking.Periods;

namespace Duban.Data.Supervision;

/// <summary>An assignment the escalation job watches, with what its messages need to name.</summary>
public sealed record TrackedAssignment(
    long AssignmentId, long TaskId, string TaskNo, string TaskText, long OrganizationId, string OrganizationName, long RegionId,
    PeriodKind CycleKind, EscalationFacts Facts)
{
    public long PlanId { get; init; }

    /// <summary>Who would receive what is issued; by default someone does.</summary>
    public RecipientFacts Recipient { get; init; } = RecipientFacts.Reachable;

    /// <summary>The task as messages name it: its number and the start of its text.</summary>
    public string TaskLabel => $"任务{TaskNo}“{(TaskText.Length > 40 ? TaskText[..40] + "…" : TaskText)}”";
}
