using Duban.Core.Tracking.Escalation;

namespace Duban.Data.Supervision;

/// <summary>One action the next escalation run would take, or, when <paramref name="Unreachable"/> is set, would have taken had anyone been there to receive it.</summary>
public sealed record PlannedAction(TrackedAssignment Assignment, EscalationAction Action, UnreachableReason? Unreachable)
{
    public bool Issuable => Unreachable is null;
}

/// <summary>
/// Decides what an escalation run does, without doing it: the job records the issuable actions, the preview and the
/// 无人接收 list show them. One code path, so that the preview says exactly what the job will do. Writes nothing.
/// </summary>
public sealed class EscalationPlanner(EscalationFactsReader reader, EscalationOptions options)
{
    /// <summary>The actions due on <paramref name="today"/> for every published plan, or for one plan (also a draft, as if published today).</summary>
    public async Task<IReadOnlyList<PlannedAction>> PlanAsync(DateOnly today, long? planId = null, CancellationToken ct = default)
    {
        var planned = new List<PlannedAction>();
        foreach (var assignment in await reader.ReadAsync(today, planId, ct))
            foreach (var action in EscalationRules.Decide(assignment.Facts, today, options))
                planned.Add(new(assignment, action, EscalationRecipients.Unreachable(action.Kind, assignment.Recipient)));
        return planned;
    }
}
