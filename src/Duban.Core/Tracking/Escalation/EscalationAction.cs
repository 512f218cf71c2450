namespace Duban.Core.Tracking.Escalation;

/// <summary>The steps of escalation, in their order: 提醒 → 催办 → 督办 → 约谈 → 通报.</summary>
public enum EscalationKind
{
    /// <summary>提醒.</summary>
    Reminder,

    /// <summary>催办.</summary>
    Chase,

    /// <summary>督办单.</summary>
    SupervisionOrder,

    /// <summary>约谈 (a flag on the task; the office holds the talk).</summary>
    Summons,

    /// <summary>通报 (a flag on the task).</summary>
    Bulletin,
}

/// <summary>Why an action is due.</summary>
public enum EscalationCause
{
    /// <summary>完成时限临近.</summary>
    DeadlineApproaching,

    /// <summary>填报截止临近.</summary>
    WindowClosing,

    /// <summary>上期未报送.</summary>
    ReportMissing,

    /// <summary>任务逾期.</summary>
    Overdue,

    /// <summary>连续未报送.</summary>
    RepeatedlyMissing,

    /// <summary>多次未按期完成、报送或回复.</summary>
    RepeatedMisses,
}

/// <summary>An action the job must record now, unless one with the same key exists.</summary>
/// <param name="Key">Deterministic idempotency key, e.g. <c>chase:42:20250501</c>; the store keeps it unique.</param>
/// <param name="About">The date the action is about: the deadline, or the period's start.</param>
/// <param name="ReplyBy">For a 督办单, the day the rectification plan is due.</param>
public sealed record EscalationAction(
    EscalationKind Kind, EscalationCause Cause, long AssignmentId, string Key, DateOnly? About, DateOnly? ReplyBy = null);

public static class EscalationLabels
{
    public static string Label(this EscalationKind kind) => kind switch
    {
        EscalationKind.Reminder => "提醒",
        EscalationKind.Chase => "催办",
        EscalationKind.SupervisionOrder => "督办单",
        EscalationKind.Summons => "约谈",
        EscalationKind.Bulletin => "通报",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Label(this EscalationCause cause) => cause switch
    {
        EscalationCause.DeadlineApproaching => "完成时限临近",
        EscalationCause.WindowClosing => "填报截止临近",
        EscalationCause.ReportMissing => "上期未报送",
        EscalationCause.Overdue => "任务逾期",
        EscalationCause.RepeatedlyMissing => "连续未报送",
        EscalationCause.RepeatedMisses => "多次未按期完成、报送或回复",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
    };
}
