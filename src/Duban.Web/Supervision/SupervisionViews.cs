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

/// <param name="CanReply">The caller is a reporter of the order's organisation and the order is not closed.</param>
public sealed record OrderDetail(OrderSummary Order, IReadOnlyList<RectificationView> Rectifications, bool CanReply, Guid Version);

public sealed record TimelineEntry(DateTimeOffset At, TaskEventKind Kind, string KindName, string ActorName, string Summary, long? OrganizationId, string? OrganizationName, long? OrderId);

public sealed record TaskTimeline(long TaskId, string TaskNo, string TaskText, long PlanId, IReadOnlyList<TimelineEntry> Entries);

public sealed record InstructionView(long Id, long TaskId, string LeaderName, string Text, DateOnly Date, string RecordedByName, DateTimeOffset RecordedAt);

public sealed record OrderFilter(OrderStatus? Status, long? TaskId);
