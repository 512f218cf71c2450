using Duban.Core.Tracking.Supervision;

namespace Duban.Web.Supervision;

public sealed record OrderSummary(
    long Id, string Number, long TaskId, string TaskNo, string TaskText, long PlanId, long OrganizationId, string OrganizationName, string Reason,
    DateTimeOffset IssuedAt, string IssuedByName, DateOnly ReplyBy, OrderStatus Status, OrderOrigin Origin, int Replies)
{
    public string StatusName => Status.Label();

    public string OriginName => Origin.Label();
}

public sealed record RectificationView(int Number, string Measures, DateOnly NewDate, string AuthorName, DateTimeOffset CreatedAt);

/// <summary>The office's review of a 督办单: 办结 or 整改不到位.</summary>
/// <param name="RectificationNumber">The reply it read; null when closed without one.</param>
public sealed record OrderReviewView(OrderDecision Decision, string DecisionName, string Comment, int? RectificationNumber, DateOnly? NewReplyBy, string ReviewerName, DateTimeOffset At);

/// <param name="Reviews">The office's reviews, newest first.</param>
/// <param name="CanReply">The caller is a reporter of the order's organisation and the order is not closed.</param>
/// <param name="CanClose">The caller is an administrator (in scope, or they would not see it) and the order is not closed.</param>
/// <param name="CanReturn">As <paramref name="CanClose"/>, and a reply awaits review (已回复).</param>
public sealed record OrderDetail(
    OrderSummary Order, IReadOnlyList<RectificationView> Rectifications, IReadOnlyList<OrderReviewView> Reviews, bool CanReply, bool CanClose, bool CanReturn, Guid Version);

public sealed record TimelineEntry(DateTimeOffset At, TaskEventKind Kind, string KindName, string ActorName, string Summary, long? OrganizationId, string? OrganizationName, long? OrderId);

public sealed record TaskTimeline(long TaskId, string TaskNo, string TaskText, long PlanId, IReadOnlyList<TimelineEntry> Entries)
{
    /// <summary>The office retired the task by hand: its timeline is history, nothing more is issued on it.</summary>
    public bool Retired { get; init; }
}

public sealed record InstructionView(long Id, long TaskId, string LeaderName, string Text, DateOnly Date, string RecordedByName, DateTimeOffset RecordedAt);

public sealed record OrderFilter(OrderStatus? Status, long? TaskId);
