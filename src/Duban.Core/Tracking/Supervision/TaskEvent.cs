namespace Duban.Core.Tracking.Supervision;

/// <summary>What happened on a task's timeline.</summary>
public enum TaskEventKind
{
    /// <summary>提醒.</summary>
    Reminder = 1,
    /// <summary>催办.</summary>
    Chase = 2,
    /// <summary>督办单.</summary>
    SupervisionOrder = 3,
    /// <summary>整改回复.</summary>
    Reply = 4,
    /// <summary>约谈 flag.</summary>
    Summons = 5,
    /// <summary>通报 flag.</summary>
    Bulletin = 6,
    /// <summary>领导批示.</summary>
    Instruction = 7,
    /// <summary>进展报告提交 (read from the reports, not stored as an event).</summary>
    ReportSubmitted = 8,
    /// <summary>进展报告通过 (read from the reviews).</summary>
    ReportApproved = 9,
    /// <summary>进展报告退回 (read from the reviews).</summary>
    ReportReturned = 10,
    /// <summary>督办单办结 (销号).</summary>
    OrderClosed = 11,
    /// <summary>督办单整改不到位，退回重新整改.</summary>
    OrderReturned = 12,
    /// <summary>摸底: an organisation's baseline statement (read from the baseline reports, not stored as an event).</summary>
    Baseline = 13,
    /// <summary>修改: the office edited the task after its plan was published (text, deadline, units, targets, split, merge, retirement).</summary>
    Edited = 14,
}

/// <summary>
/// One entry of a task's timeline (督办记录): every reminder, chase, order, reply, flag and instruction, by the job or
/// by a person. Never updated nor deleted. The idempotency key is unique, so the job's second run, or a second
/// instance, adds nothing.
/// </summary>
public sealed class TaskEvent
{
    public const int MaxKeyLength = 200;

    public long Id { get; set; }

    public long TaskId { get; set; }

    /// <summary>The organisation's part of the task the event is about; null for the whole task (a 领导批示).</summary>
    public long? AssignmentId { get; set; }

    public long? OrganizationId { get; set; }

    public TaskEventKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Null for the escalation job.</summary>
    public long? ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>One line in Chinese, as the timeline shows it.</summary>
    public required string Summary { get; set; }

    /// <summary>Details as JSON (cause, dates, order id).</summary>
    public string? Payload { get; set; }

    public required string IdempotencyKey { get; set; }

    /// <summary>The 督办单 the event belongs to, if any.</summary>
    public long? OrderId { get; set; }
}

public static class TaskEventLabels
{
    public static string Label(this TaskEventKind kind) => kind switch
    {
        TaskEventKind.Reminder => "提醒",
        TaskEventKind.Chase => "催办",
        TaskEventKind.SupervisionOrder => "督办单",
        TaskEventKind.Reply => "整改回复",
        TaskEventKind.Summons => "约谈",
        TaskEventKind.Bulletin => "通报",
        TaskEventKind.Instruction => "领导批示",
        TaskEventKind.ReportSubmitted => "提交进展",
        TaskEventKind.ReportApproved => "进展审核通过",
        TaskEventKind.ReportReturned => "进展退回",
        TaskEventKind.OrderClosed => "督办单办结",
        TaskEventKind.OrderReturned => "整改不到位",
        TaskEventKind.Baseline => "摸底",
        TaskEventKind.Edited => "修改",
        _ => kind.ToString(),
    };

    public static string Label(this OrderStatus status) => status switch
    {
        OrderStatus.Open => "待回复",
        OrderStatus.Answered => "已回复",
        OrderStatus.Closed => "已办结",
        OrderStatus.Overdue => "逾期未回复",
        OrderStatus.Returned => "整改不到位",
        _ => status.ToString(),
    };

    public static string Label(this OrderDecision decision) => decision == OrderDecision.Closed ? "办结" : "整改不到位";

    public static string Label(this OrderOrigin origin) => origin == OrderOrigin.Automatic ? "系统自动" : "人工";

    public static TaskEventKind ToEventKind(this Escalation.EscalationKind kind) => kind switch
    {
        Escalation.EscalationKind.Reminder => TaskEventKind.Reminder,
        Escalation.EscalationKind.Chase => TaskEventKind.Chase,
        Escalation.EscalationKind.SupervisionOrder => TaskEventKind.SupervisionOrder,
        Escalation.EscalationKind.Summons => TaskEventKind.Summons,
        Escalation.EscalationKind.Bulletin => TaskEventKind.Bulletin,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
