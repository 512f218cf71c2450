using Duban.Web.Api;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Paging;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Web.Notifications;

/// <summary>/api/v1/webhooks: outgoing webhook endpoints, for administrators with data scope 全部 (policy admin-all).</summary>
public static class WebhooksEndpoints
{
    public static void MapWebhooks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/webhooks").WithTags("Webhook").RequireAuthorization(DubanPolicies.FullAdmin)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("", ListAsync).WithName("ListWebhooks").WithSummary("Webhook 列表")
            .WithDescription("列出已配置的接收地址（不含密钥）。仅数据范围为“全部”的管理员可用。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:long}", GetAsync).WithName("GetWebhook").WithSummary("获取 Webhook")
            .WithDescription("响应头 ETag 为当前版本，修改时放入 If-Match。密钥不会再次返回。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries").WithSummary("投递记录")
            .WithDescription("该地址的投递记录，最新的在前：状态、尝试次数、下次尝试时间和最近的错误。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", CreateAsync).WithName("CreateWebhook").WithSummary("添加 Webhook")
            .WithDescription("url 须为 http 或 https 地址；eventKinds 为空表示所有事件；format 为 duban、weCom（企业微信机器人）或 dingTalk（钉钉机器人）；personal=true 表示接收个人通知（按用户在“我的账户”中的选择逐人投递，data.recipient 为收件人，用于邮件网关等），不再接收群发事件。响应中的 secret 只返回这一次。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateWebhook").WithSummary("修改 Webhook")
            .WithDescription("整体替换名称、地址、事件类型、格式和是否启用（personal 省略时不变）；密钥不变。必须提供 If-Match。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        group.MapPost("/{id:long}/test", TestAsync).WithName("TestWebhook").WithSummary("发送测试消息")
            .WithDescription("为该地址排队一条测试消息（不受事件类型筛选限制），由后台在下一轮发送。")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Paged<WebhookEndpointView>>, ProblemHttpResult>> ListAsync(
        [AsParameters] PageQuery paging, HttpContext context, WebhookAdministration webhooks, CancellationToken ct)
    {
        var page = PageRequest.From(paging.Page, paging.PageSize);
        if (page.Error is { } error) return ApiResults.From(error);
        var outcome = await webhooks.ListAsync(DubanUser.Required(context.User), page.Value!, ct);
        return outcome.Error is { } failed ? ApiResults.From(failed) : TypedResults.Ok(outcome.Value!);
    }

    private static async Task<Results<OkWithETag<WebhookEndpointView>, ProblemHttpResult>> GetAsync(long id, HttpContext context, WebhookAdministration webhooks, CancellationToken ct)
    {
        var outcome = await webhooks.GetAsync(DubanUser.Required(context.User), id, ct);
        return outcome.Error is { } error ? ApiResults.From(error) : new OkWithETag<WebhookEndpointView>(outcome.Value!, outcome.Value!.Version);
    }

    private static async Task<Results<Ok<Paged<WebhookDeliveryView>>, ProblemHttpResult>> DeliveriesAsync(
        long id, [AsParameters] PageQuery paging, HttpContext context, WebhookAdministration webhooks, CancellationToken ct)
    {
        var page = PageRequest.From(paging.Page, paging.PageSize);
        if (page.Error is { } error) return ApiResults.From(error);
        var outcome = await webhooks.DeliveriesAsync(DubanUser.Required(context.User), id, page.Value!, ct);
        return outcome.Error is { } failed ? ApiResults.From(failed) : TypedResults.Ok(outcome.Value!);
    }

    private static async Task<Results<CreatedWithETag<CreatedWebhookEndpoint>, ProblemHttpResult>> CreateAsync(
        NewWebhookEndpoint input, HttpContext context, WebhookAdministration webhooks, CancellationToken ct)
    {
        var outcome = await webhooks.CreateAsync(DubanUser.Required(context.User), Actor.From(context), input, ct);
        if (outcome.Error is { } error) return ApiResults.From(error);
        var created = outcome.Value!;
        return new CreatedWithETag<CreatedWebhookEndpoint>(created, created.Endpoint.Version, $"{ApiEndpoints.Prefix}/webhooks/{created.Endpoint.Id}");
    }

    private static async Task<Results<OkWithETag<WebhookEndpointView>, ProblemHttpResult>> UpdateAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, WebhookEndpointChanges input, HttpContext context, WebhookAdministration webhooks, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        var expected = ETags.ExpectedVersion(ifMatch);
        if (expected.Error is { } stale)
        {
            // Say first what the client can fix: a webhook that does not exist is a 404, not a 428.
            var existing = await webhooks.GetAsync(user, id, ct);
            return ApiResults.From(existing.Error ?? stale);
        }
        var outcome = await webhooks.UpdateAsync(user, Actor.From(context), id, expected.Value, input, ct);
        return outcome.Error is { } error ? ApiResults.From(error) : new OkWithETag<WebhookEndpointView>(outcome.Value!, outcome.Value!.Version);
    }

    private static async Task<Results<Accepted<WebhookDeliveryView>, ProblemHttpResult>> TestAsync(long id, HttpContext context, WebhookAdministration webhooks, CancellationToken ct)
    {
        var outcome = await webhooks.SendTestAsync(DubanUser.Required(context.User), Actor.From(context), id, ct);
        return outcome.Error is { } error ? ApiResults.From(error) : TypedResults.Accepted($"{ApiEndpoints.Prefix}/webhooks/{id}/deliveries", outcome.Value!);
    }
}
