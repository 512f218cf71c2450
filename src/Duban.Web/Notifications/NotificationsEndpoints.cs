using Duban.Data.Audit;
using Duban.Web.Api;
using Duban.Web.Audit;
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
        group.MapGet("/forwarding", ForwardingAsync).WithName("GetNotificationForwarding").WithSummary("我的通知推送设置")
            .WithDescription("当前用户选择同时推送到站外（邮件网关、企业微信应用等接收个人通知的 Webhook）的通知类型，可选类型，以及现有的推送渠道。");
        group.MapPut("/forwarding", SetForwardingAsync).WithName("SetNotificationForwarding").WithSummary("设置我的通知推送")
            .WithDescription("kinds 为要同时推送到站外的通知类型的完整列表（空列表：只在站内通知中心）。只能设置自己的；记入审计日志。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<Ok<ForwardingView>> ForwardingAsync(HttpContext context, NotificationForwarding forwarding, CancellationToken ct) =>
        TypedResults.Ok(await forwarding.GetAsync(DubanUser.Required(context.User), ct));

    private static async Task<Results<Ok<ForwardingView>, ProblemHttpResult>> SetForwardingAsync(ForwardingChanges? body, HttpContext context, NotificationForwarding forwarding, CancellationToken ct)
    {
        var outcome = await forwarding.SetAsync(DubanUser.Required(context.User), Actor.From(context), body ?? new ForwardingChanges(null), ct);
        return outcome.Error is { } error ? ApiResults.From(error) : TypedResults.Ok(outcome.Value!);
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
