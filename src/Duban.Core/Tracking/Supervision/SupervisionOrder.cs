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
/// </summary>
public sealed class SupervisionOrder
{
    public const int MaxReasonLength = 2000;

    public long Id { get; set; }

    /// <summary>督办〔year〕n号, unique; given once the order has its id.</summary>
    public required string Number { get; set; }

    public long TaskId { get; set; }

    public long AssignmentId { get; set; }

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

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool Answerable => Status is OrderStatus.Open or OrderStatus.Overdue or OrderStatus.Answered;

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
