using Duban.Core.Tracking.Supervision;
using Duban.Data.Supervision;
using Duban.Web.Api;
using Duban.Web.Paging;
using Duban.Web.Security;
using Duban.Web.Tracking;
using Duban.Data.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Web.Supervision;

/// <summary>督办单, their replies, the task timeline, 领导批示 and the 约谈 / 通报 flags under /api/v1 (docs/supervision.md).</summary>
public static class SupervisionEndpoints
{
    public static RouteGroupBuilder MapSupervision(this RouteGroupBuilder api)
    {
        var reads = api.MapGroup("/supervision-orders").WithTags("督办").RequireAuthorization(DubanPolicies.SignedIn);
        reads.MapGet("", ListAsync).WithName("ListSupervisionOrders").WithSummary("督办单列表")
            .WithDescription("分页列出当前用户数据范围内的督办单，最新在前（填报员：本单位的）。筛选：status（open 待回复、answered 已回复、returned 整改不到位、closed 已办结、overdue 逾期未回复；active 待回复和逾期，逾期在前；all 全部）；taskId 任务；planId 计划；organizationId 责任单位。"
                             + ListPagingHelp.Text)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        reads.MapGet("/{id:long}", GetAsync).WithName("GetSupervisionOrder").WithSummary("获取督办单")
            .WithDescription("督办单及其全部整改回复与办结/退回记录（最新在前）。响应头 ETag 为当前版本，办结、退回时放在 If-Match 中。").ProducesProblem(StatusCodes.Status404NotFound);

        var issue = api.MapGroup("/supervision-orders").WithTags("督办").RequireAuthorization(DubanPolicies.Admin).ProducesProblem(StatusCodes.Status403Forbidden);
        issue.MapPost("", IssueAsync).WithName("IssueSupervisionOrder").WithSummary("下发督办单")
            .WithDescription("管理员对本人数据范围内的任务下发督办单：taskId、organizationId（该任务的承担单位）、reason 督办事由、replyBy 回复期限（默认今天起 Escalation:OrderReplyDays 天）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        issue.MapPost("/{id:long}/close", CloseAsync).WithName("CloseSupervisionOrder").WithSummary("办结督办单（销号）")
            .WithDescription("管理员审核本人数据范围内的督办单：认可待审核的整改回复并办结。comment 办结意见（必填）。没有待审核的整改回复时（未回复或已退回），须将 withoutReply 设为 true 并在 comment 中说明理由（如任务已完成），否则返回 400。已办结返回 409。必须提供 If-Match。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        issue.MapPost("/{id:long}/return", ReturnAsync).WithName("ReturnSupervisionOrder").WithSummary("整改不到位，退回重新整改")
            .WithDescription("管理员退回待审核的整改回复：comment 说明还需整改的内容（必填）；replyBy 新的回复期限（可选，不早于今天）。督办单保持未办结，责任单位须再次回复。没有待审核的回复或已办结返回 409。必须提供 If-Match。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        var reply = api.MapGroup("/supervision-orders").WithTags("督办").RequireAuthorization(DubanPolicies.Reporter).ProducesProblem(StatusCodes.Status403Forbidden);
        reply.MapPost("/{id:long}/rectifications", ReplyAsync).WithName("ReplySupervisionOrder").WithSummary("回复督办单（整改措施）")
            .WithDescription("督办单所属单位的填报员回复整改措施：measures 整改措施、newDate 新的完成时间（不早于今天）。可多次回复，每次新增一条，旧的保留。其他单位的督办单返回 404；已办结的返回 409。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var tasks = api.MapGroup("/tasks").WithTags("督办").RequireAuthorization(DubanPolicies.SignedIn);
        tasks.MapGet("/{id:long}/timeline", TimelineAsync).WithName("GetTaskTimeline").WithSummary("任务督办记录（时间线）")
            .WithDescription("任务的提醒、催办、督办单、整改回复、约谈、通报、领导批示，以及进展报告的提交与审核，按时间先后（填报员：本单位的和领导批示）。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapGet("/{id:long}/instructions", InstructionsAsync).WithName("ListInstructions").WithSummary("领导批示列表")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var admin = api.MapGroup("/tasks").WithTags("督办").RequireAuthorization(DubanPolicies.Admin).ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapPost("/{id:long}/instructions", RecordInstructionAsync).WithName("RecordInstruction").WithSummary("录入领导批示")
            .WithDescription("leaderName 批示领导、text 批示内容、date 批示日期（不晚于今天）。记入任务时间线并通知承担单位。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/{id:long}/flags", FlagAsync).WithName("FlagTask").WithSummary("标记约谈或通报")
            .WithDescription("kind：summons（约谈）或 bulletin（通报）；organizationId 该任务的承担单位；note 说明（可选）。每个单位每种标记一次，已标记返回 409。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<KeysetPage<OrderSummary>>, ProblemHttpResult>> ListAsync(
        [AsParameters] PageQuery paging, string? after, string? before, string? status, long? taskId, long? planId, long? organizationId,
        HttpContext context, SupervisionQueries queries, CancellationToken ct)
    {
        var page = KeysetRequest.From(paging.Page, paging.PageSize, after, before);
        if (page.Error is { } error) return ApiResults.From(error);
        if (OrderFilter.Parse(status, taskId, planId, organizationId) is not { } filter)
            return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, OrderFilter.StatusHelp, "status");
        if (ListCursor.Check(page.Value!, text => SupervisionQueries.ParseCursor(text, filter), "状态筛选（status）") is { } cursorError)
            return ApiResults.From(cursorError);
        return TypedResults.Ok(await queries.PageAsync(DubanUser.Required(context.User), filter, page.Value!, ct));
    }

    public static bool TryStatus(string? text, out OrderStatus? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (text.Trim().All(char.IsAsciiLetter) && Enum.TryParse<OrderStatus>(text.Trim(), ignoreCase: true, out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    private static async Task<Results<OkWithETag<OrderDetail>, ProblemHttpResult>> GetAsync(long id, HttpContext context, SupervisionQueries queries, CancellationToken ct)
    {
        var order = await queries.GetAsync(DubanUser.Required(context.User), id, ct);
        return order is null ? OrderNotFound() : new OkWithETag<OrderDetail>(order, order.Version);
    }

    private static async Task<Results<CreatedWithETag<OrderDetail>, ProblemHttpResult>> IssueAsync(
        NewOrder body, HttpContext context, SupervisionDesk desk, SupervisionQueries queries, ActingRights rights, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (body.TaskId is { } taskId && !await queries.SeesTaskAsync(user, taskId, ct))
            return ApiResults.Problem(404, "未找到", "未找到该任务。", "taskId");
        if (body.OrganizationId is { } organizationId && !await rights.ForOrganizationAsync(user, organizationId, ct))
            return NotResponsible("organizationId");
        var outcome = await desk.IssueAsync(TrackingApi.ActorOf(context), body, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var detail = (await queries.GetAsync(user, outcome.Value!.Id, ct))!;
        return new CreatedWithETag<OrderDetail>(detail, detail.Version, $"{ApiEndpoints.Prefix}/supervision-orders/{detail.Order.Id}");
    }

    private static async Task<Results<Created<OrderDetail>, ProblemHttpResult>> ReplyAsync(
        long id, RectificationInput body, HttpContext context, SupervisionDesk desk, SupervisionQueries queries, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (await queries.GetAsync(user, id, ct) is null) return OrderNotFound();
        var outcome = await desk.ReplyAsync(TrackingApi.ActorOf(context), id, body, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var detail = (await queries.GetAsync(user, id, ct))!;
        return TypedResults.Created($"{ApiEndpoints.Prefix}/supervision-orders/{id}", detail);
    }

    private static Task<Results<OkWithETag<OrderDetail>, ProblemHttpResult>> CloseAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, OrderCloseInput body, HttpContext context, SupervisionDesk desk, SupervisionQueries queries,
        ActingRights rights, CancellationToken ct) =>
        ReviewAsync(id, ifMatch, context, queries, rights, (actor, expected) => desk.CloseAsync(actor, id, expected, body, ct), ct);

    private static Task<Results<OkWithETag<OrderDetail>, ProblemHttpResult>> ReturnAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, OrderReturnInput body, HttpContext context, SupervisionDesk desk, SupervisionQueries queries,
        ActingRights rights, CancellationToken ct) =>
        ReviewAsync(id, ifMatch, context, queries, rights, (actor, expected) => desk.ReturnAsync(actor, id, expected, body, ct), ct);

    /// <summary>An order outside the administrator's scope is not found, before If-Match is looked at; then the review, then the order as it now stands.</summary>
    private static async Task<Results<OkWithETag<OrderDetail>, ProblemHttpResult>> ReviewAsync(
        long id, string? ifMatch, HttpContext context, SupervisionQueries queries, ActingRights rights,
        Func<TrackingActor, Guid?, Task<TrackingOutcome<SupervisionOrder>>> review, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (await queries.GetAsync(user, id, ct) is null) return OrderNotFound();
        if (!await rights.ForOrderAsync(user, id, ct)) return NotResponsible(null);
        var expected = ETags.ExpectedVersion(ifMatch);
        if (expected.Error is { } missing) return ApiResults.From(missing);
        var outcome = await review(TrackingApi.ActorOf(context), expected.Value);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var detail = (await queries.GetAsync(user, id, ct))!;
        return new OkWithETag<OrderDetail>(detail, detail.Version);
    }

    private static async Task<Results<Ok<TaskTimeline>, ProblemHttpResult>> TimelineAsync(long id, HttpContext context, SupervisionQueries queries, CancellationToken ct) =>
        await queries.TimelineAsync(DubanUser.Required(context.User), id, ct) is { } timeline ? TypedResults.Ok(timeline) : TaskNotFound();

    private static async Task<Results<Ok<IReadOnlyList<InstructionView>>, ProblemHttpResult>> InstructionsAsync(long id, HttpContext context, SupervisionQueries queries, CancellationToken ct) =>
        await queries.InstructionsAsync(DubanUser.Required(context.User), id, ct) is { } list ? TypedResults.Ok(list) : TaskNotFound();

    private static async Task<Results<Created<InstructionView>, ProblemHttpResult>> RecordInstructionAsync(
        long id, InstructionInput body, HttpContext context, SupervisionDesk desk, SupervisionQueries queries, ActingRights rights, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (!await queries.SeesTaskAsync(user, id, ct)) return TaskNotFound();
        if (!await rights.ForTaskPlanAsync(user, id, ct)) return ApiResults.Problem(StatusCodes.Status403Forbidden, "无权访问", ActingRights.NotResponsibleForPlan);
        var outcome = await desk.RecordInstructionAsync(TrackingApi.ActorOf(context), id, body, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var i = outcome.Value!;
        return TypedResults.Created($"{ApiEndpoints.Prefix}/tasks/{id}/instructions",
            new InstructionView(i.Id, i.TaskId, i.LeaderName, i.Text, i.Date, i.RecordedByName, i.RecordedAt));
    }

    private static async Task<Results<Created<TimelineEntry>, ProblemHttpResult>> FlagAsync(
        long id, FlagInput body, HttpContext context, SupervisionDesk desk, SupervisionQueries queries, ActingRights rights, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (!await queries.SeesTaskAsync(user, id, ct)) return TaskNotFound();
        if (body.OrganizationId is { } organizationId && !await rights.ForOrganizationAsync(user, organizationId, ct))
            return NotResponsible("organizationId");
        var outcome = await desk.FlagAsync(TrackingApi.ActorOf(context), id, body, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var e = outcome.Value!;
        return TypedResults.Created($"{ApiEndpoints.Prefix}/tasks/{id}/timeline",
            new TimelineEntry(e.At, e.Kind, e.Kind.Label(), e.ActorName, e.Summary, e.OrganizationId, null, null));
    }

    private static ProblemHttpResult NotResponsible(string? field) =>
        ApiResults.Problem(StatusCodes.Status403Forbidden, "无权访问", ActingRights.NotResponsible, field);

    private static ProblemHttpResult OrderNotFound() => ApiResults.NotFound("未找到该督办单。");

    private static ProblemHttpResult TaskNotFound() => ApiResults.NotFound("未找到该任务。");
}
