using Duban.Web.Api;
using Duban.Web.Paging;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Duban.Web.Notifications;

/// <summary>/api/v1/notifications: the caller's own notification centre. Another user's notification is a 404.</summary>
public static class NotificationsEndpoints
{
    public static void MapNotifications(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("通知").RequireAuthorization(DubanPolicies.SignedIn);

        group.MapGet("", ListAsync).WithName("ListNotifications").WithSummary("我的通知")
            .WithDescription("分页列出当前用户的通知，最新的在前。unread=true 只列未读。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/unread-count", UnreadAsync).WithName("CountUnreadNotifications").WithSummary("未读通知数");
        group.MapPost("/{id:long}/read", MarkReadAsync).WithName("MarkNotificationRead").WithSummary("标记为已读")
            .WithDescription("只能标记自己的通知；他人的通知按不存在处理（404）。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/read-all", MarkAllReadAsync).WithName("MarkAllNotificationsRead").WithSummary("全部标记为已读");
    }

    private static async Task<Results<Ok<Paged<NotificationView>>, ProblemHttpResult>> ListAsync(
        [AsParameters] PageQuery paging, bool? unread, HttpContext context, NotificationInbox inbox, CancellationToken ct)
    {
        var page = PageRequest.From(paging.Page, paging.PageSize);
        if (page.Error is { } error) return ApiResults.From(error);
        return TypedResults.Ok(await inbox.ListAsync(DubanUser.Required(context.User), unread == true, page.Value!, ct));
    }

    private static async Task<Ok<UnreadCount>> UnreadAsync(HttpContext context, NotificationInbox inbox, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCount(await inbox.UnreadCountAsync(DubanUser.Required(context.User), ct)));

    private static async Task<Results<Ok<NotificationView>, ProblemHttpResult>> MarkReadAsync(long id, HttpContext context, NotificationInbox inbox, CancellationToken ct)
    {
        var outcome = await inbox.MarkReadAsync(DubanUser.Required(context.User), id, ct);
        return outcome.Error is { } error ? ApiResults.From(error) : TypedResults.Ok(outcome.Value!);
    }

    private static async Task<Ok<MarkedRead>> MarkAllReadAsync(HttpContext context, NotificationInbox inbox, CancellationToken ct) =>
        TypedResults.Ok(new MarkedRead(await inbox.MarkAllReadAsync(DubanUser.Required(context.User), ct)));
}
