using Duban.Core.Tracking.Escalation;
using Duban.Core.Tracking.Status;
using Duban.Data.Supervision;

namespace Duban.Web.Baseline;

/// <summary>How many of each action the next run would take; what nobody could receive is counted in <see cref="Unreachable"/> only.</summary>
public sealed record EscalationCounts(int Reminder, int Chase, int Order, int Summons, int Bulletin, int Unreachable);

/// <summary>One action of the preview: the task, the organisation, the action (reminder, chase, order, summons, bulletin), why; and, when nobody would receive it, why not.</summary>
public sealed record PreviewItem(
    long TaskId, string TaskNo, long PlanId, long OrganizationId, string OrganizationName, string Action, string ActionLabel, string Reason,
    string? Unreachable, string? UnreachableLabel);

public sealed record EscalationPreview(DateOnly Today, EscalationCounts Counts, IReadOnlyList<PreviewItem> Items);

/// <summary>
/// The escalation preview and the 无人接收 list, from <see cref="EscalationPlanner"/>: the same decisions the job takes,
/// nothing written.
/// </summary>
public sealed class EscalationPreviewing(EscalationPlanner planner, TimeProvider time)
{
    public async Task<EscalationPreview> ForPlanAsync(long planId, CancellationToken ct) =>
        Build(TrackingDay.Today(time), await planner.PlanAsync(TrackingDay.Today(time), planId, ct));

    /// <summary>What the next run would issue but nobody could receive, over the published plans, for the organisations given (the caller's scope).</summary>
    public async Task<IReadOnlyList<PreviewItem>> UnreachableAsync(IReadOnlySet<long> organizationIds, CancellationToken ct)
    {
        var today = TrackingDay.Today(time);
        var planned = await planner.PlanAsync(today, null, ct);
        return [.. planned.Where(p => !p.Issuable && organizationIds.Contains(p.Assignment.OrganizationId)).Select(Item)];
    }

    public static EscalationPreview Build(DateOnly today, IReadOnlyList<PlannedAction> planned)
    {
        int Count(EscalationKind kind) => planned.Count(p => p.Issuable && p.Action.Kind == kind);
        var counts = new EscalationCounts(
            Count(EscalationKind.Reminder), Count(EscalationKind.Chase), Count(EscalationKind.SupervisionOrder),
            Count(EscalationKind.Summons), Count(EscalationKind.Bulletin), planned.Count(p => !p.Issuable));
        return new(today, counts, [.. planned.Select(Item)]);
    }

    public static string ActionKey(EscalationKind kind) => kind switch
    {
        EscalationKind.Reminder => "reminder",
        EscalationKind.Chase => "chase",
        EscalationKind.SupervisionOrder => "order",
        EscalationKind.Summons => "summons",
        EscalationKind.Bulletin => "bulletin",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static PreviewItem Item(PlannedAction p) => new(
        p.Assignment.TaskId, p.Assignment.TaskNo, p.Assignment.PlanId, p.Assignment.OrganizationId, p.Assignment.OrganizationName,
        ActionKey(p.Action.Kind), p.Action.Kind.Label(), p.Action.Cause.Label(),
        p.Unreachable is { } u ? (u == UnreachableReason.Placeholder ? "placeholder" : "noActiveUser") : null, p.Unreachable?.Label());
}
