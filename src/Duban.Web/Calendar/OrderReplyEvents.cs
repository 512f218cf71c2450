using Duban.Core.Tracking.Supervision;
using Duban.Web.Display;
using Duban.Web.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Calendar;

/// <summary>
/// 【督办】 the reply date (回复期限) of each 督办单 still awaiting an answer: a reporter's are those addressed to its
/// organisation, the office's those of its scope (<see cref="SupervisionQueries.VisibleOrders"/>).
/// </summary>
public sealed class OrderReplyEvents(SupervisionQueries supervision) : ICalendarEventSource
{
    private static readonly OrderStatus[] AwaitingReply = [OrderStatus.Open, OrderStatus.Overdue, OrderStatus.Returned];

    public async Task<IReadOnlyList<CalendarEvent>> EventsAsync(CalendarRequest request, CancellationToken ct)
    {
        var orders = await supervision.VisibleOrders(request.User)
            .Where(o => AwaitingReply.Contains(o.Status) && o.ReplyBy >= request.From && o.ReplyBy <= request.To)
            .Select(o => new { o.Id, o.Number, o.ReplyBy, o.Reason, o.Status })
            .ToListAsync(ct);
        return orders.OrderBy(o => o.Id).Select(o => new CalendarEvent(
            $"order-reply-{o.Id}",
            o.ReplyBy,
            $"【督办】{o.Number} 回复期限",
            $"{o.Number}{(o.Status == OrderStatus.Returned ? "（整改不到位，须重新回复）" : "")}\n事由：{o.Reason}\n回复期限：{ChineseText.Date(o.ReplyBy)}",
            $"supervision/{o.Id}")).ToList();
    }
}
