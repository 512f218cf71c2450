namespace Duban.Core.Tracking.Supervision;

/// <summary>Where a 督办单 stands.</summary>
public enum OrderStatus
{
    /// <summary>待回复: issued, no rectification plan yet.</summary>
    Open = 1,
    /// <summary>已回复: the organisation answered with a rectification plan.</summary>
    Answered = 2,
    /// <summary>已办结: the office closed it.</summary>
    Closed = 3,
    /// <summary>逾期未回复: the reply date passed without an answer (the job marks it).</summary>
    Overdue = 4,
    /// <summary>整改不到位: the office returned the reply; the organisation must answer again by the (new) reply date.</summary>
    Returned = 5,
}

/// <summary>The office's verdict on a 督办单 (销号 or not).</summary>
public enum OrderDecision
{
    /// <summary>已办结: the rectification is accepted (or the office states why none is needed) and the order is closed.</summary>
    Closed = 1,
    /// <summary>整改不到位: the reply is returned; the order stays open.</summary>
    Returned = 2,
}

/// <summary>Who issued a 督办单: the escalation job by its rules, or an administrator by hand.</summary>
public enum OrderOrigin
{
    Automatic = 1,
    Manual = 2,
}

/// <summary>
/// A 督办单: the office's formal demand that an organisation explain a lapse on its part of a task and answer with a
/// rectification plan (整改措施) by a reply date. Replies are <see cref="Rectification"/>s, appended, never changed.
/// Its subject is either one organisation's part of a task (<see cref="TaskId"/> and <see cref="AssignmentId"/>) or a
/// 备案 the organisation owes (<see cref="FilingId"/>, docs/cascade.md); exactly one of the two, a check in the database.
/// </summary>
public sealed class SupervisionOrder
{
    public const int MaxReasonLength = 2000;

    public long Id { get; set; }

    /// <summary>督办〔year〕n号, unique; given once the order has its id.</summary>
    public required string Number { get; set; }

    /// <summary>The task of a task's order (with <see cref="AssignmentId"/>); null for a filing's order.</summary>
    public long? TaskId { get; set; }

    public long? AssignmentId { get; set; }

    /// <summary>The late 备案 of a filing's order; null for a task's order.</summary>
    public long? FilingId { get; set; }

    public long OrganizationId { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>Null when the escalation job issued it.</summary>
    public long? IssuedById { get; set; }

    public required string IssuedByName { get; set; }

    public DateOnly ReplyBy { get; set; }

    public OrderStatus Status { get; set; } = OrderStatus.Open;

    public OrderOrigin Origin { get; set; }

    /// <summary>The escalation key of an automatic order (unique), or manual-order:&lt;guid&gt; for a manual one.</summary>
    public required string IdempotencyKey { get; set; }

    public List<Rectification> Rectifications { get; set; } = [];

    public List<OrderReview> Reviews { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool Answerable => Status != OrderStatus.Closed;

    /// <summary>The order concerns a 备案 rather than a task: nothing of it goes on a task's timeline.</summary>
    public bool ForFiling => FilingId is not null;

    public static string NumberFor(int year, long id) => $"督办〔{year}〕{id}号";
}

/// <summary>An organisation's answer to a 督办单: what it will do (整改措施) and by when. Never updated nor deleted; a new one revises it.</summary>
public sealed class Rectification
{
    public const int MaxMeasuresLength = 4000;

    public long Id { get; set; }

    public long OrderId { get; set; }

    /// <summary>1, 2, 3… within the order; unique with it.</summary>
    public int Number { get; set; }

    public required string Measures { get; set; }

    /// <summary>The new completion date the organisation commits to; escalation holds it to this date from now on.</summary>
    public DateOnly NewDate { get; set; }

    public long AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// The office's review of a 督办单: closed (已办结, 销号) or returned (整改不到位). Never updated nor deleted; a returned
/// order may be reviewed again after the organisation's next reply.
/// </summary>
public sealed class OrderReview
{
    public const int MaxCommentLength = 2000;

    public long Id { get; set; }

    public long OrderId { get; set; }

    public OrderDecision Decision { get; set; }

    /// <summary>The office's comment: why it is accepted, what is still missing, or why it is closed without a reply.</summary>
    public required string Comment { get; set; }

    /// <summary>The reply the office read (整改回复 n); null when it closed the order without any reply.</summary>
    public int? RectificationNumber { get; set; }

    /// <summary>A returned order's new reply date; null when closed or when the old date stands.</summary>
    public DateOnly? NewReplyBy { get; set; }

    public long ReviewerId { get; set; }

    public required string ReviewerName { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>A 领导批示 on a task: a leader's written instruction, recorded by the office.</summary>
public sealed class Instruction
{
    public const int MaxTextLength = 4000;
    public const int MaxLeaderLength = 100;

    public long Id { get; set; }

    public long TaskId { get; set; }

    public required string LeaderName { get; set; }

    public required string Text { get; set; }

    /// <summary>The day the leader gave it (not the day it was recorded).</summary>
    public DateOnly Date { get; set; }

    public long RecordedById { get; set; }

    public required string RecordedByName { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
