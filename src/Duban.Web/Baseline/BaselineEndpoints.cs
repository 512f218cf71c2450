using Duban.Core.Security;
using Duban.Core.Tracking.Baseline;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Data.Baseline;
using Duban.Web.Api;
using Duban.Web.Security;
using Duban.Web.Supervision;
using Duban.Web.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Baseline;

/// <summary>A baseline report as the API shows it.</summary>
public sealed record BaselineView(
    long Id, long TaskId, long OrganizationId, BaselineState State, string StateLabel, DateOnly? NewDate, string? Note,
    string StatedByName, Role StatedByRole, DateTimeOffset StatedAt)
{
    public static BaselineView Of(BaselineReport b) =>
        new(b.Id, b.TaskId, b.OrganizationId, b.State, b.State.Label(), b.NewDate, b.Note, b.StatedByName, b.StatedByRole, b.StatedAt);
}

/// <summary>The tracking baseline under /api/v1 (docs/supervision.md): tracking start, baseline reports, the escalation preview and 无人接收.</summary>
public static class BaselineEndpoints
{
    public static RouteGroupBuilder MapBaseline(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("督办").RequireAuthorization(DubanPolicies.Admin).ProducesProblem(StatusCodes.Status403Forbidden);
        plans.MapPut("/{id:long}/tracking-start", ChangeTrackingStartAsync).WithName("ChangeTrackingStart").WithSummary("更改计划的跟踪起始日")
            .WithDescription("请求体 {\"trackingStart\": \"yyyy-MM-dd\"}。完成时限早于跟踪起始日的任务不自动督办，显示为待摸底，直到承担单位填报摸底情况。必须在 If-Match 中提供计划的 ETag。不由本人负责的计划返回 404。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        plans.MapGet("/{id:long}/escalation-preview", PreviewAsync).WithName("PreviewEscalation").WithSummary("下一次自动督办预览")
            .WithDescription("按自动督办的同一规则计算下一次运行将产生的提醒、催办、督办单、约谈、通报（counts）及明细（items：任务、单位、动作、原因）；无人接收的（占位单位、无有效用户）计入 unreachable。不写入任何数据。草稿计划按今天发布计算。")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var office = api.MapGroup("/escalation").WithTags("督办").RequireAuthorization(DubanPolicies.Admin).ProducesProblem(StatusCodes.Status403Forbidden);
        office.MapGet("/unreachable", UnreachableAsync).WithName("ListUnreachable").WithSummary("无人接收")
            .WithDescription("自动督办本应下发、但承担单位为占位单位或没有有效用户（填报员）而未下发的督办单、约谈、通报，限本人管理范围内的单位。");

        var tasks = api.MapGroup("/tasks").WithTags("督办").RequireAuthorization(DubanPolicies.ReporterOrAdmin);
        tasks.MapPost("/{id:long}/baseline", StateBaselineAsync).WithName("StateBaseline").WithSummary("填报摸底情况（初始状态）")
            .WithDescription("完成时限早于计划跟踪起始日的任务：承担单位的填报员填报本单位的当前状态（organizationId 可省略），或管理员为其管理范围内的单位设置（organizationId 必填）。state：completed 已完成、inProgress 推进中（须填 newDate 新的完成时间）、notStarted 未开展；note 说明。每个单位只填报一次，再次提交返回 409。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static IServiceCollection AddBaseline(this IServiceCollection services)
    {
        services.AddScoped<TrackingStartEditing>();
        services.AddScoped<EscalationPreviewing>();
        return services;
    }

    private static async Task<Results<OkWithETag<TrackingStartView>, ProblemHttpResult>> ChangeTrackingStartAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, TrackingStartChange input, HttpContext context, TrackingStartEditing editing, CancellationToken ct)
    {
        var admin = DubanUser.Required(context.User);
        if (!await editing.MayChangeAsync(admin, id, ct)) return ApiResults.NotFound("未找到该计划。");
        var expected = ETags.ExpectedVersion(ifMatch);
        if (expected.Error is { } missing) return ApiResults.From(missing);
        var outcome = await editing.ChangeAsync(admin, Actor.From(context), id, expected.Value, input, ct);
        return outcome.Error is { } error ? ApiResults.From(error) : new OkWithETag<TrackingStartView>(outcome.Value!, outcome.Value!.Version);
    }

    private static async Task<Results<Ok<EscalationPreview>, ProblemHttpResult>> PreviewAsync(
        long id, HttpContext context, TrackingStartEditing editing, EscalationPreviewing previewing, CancellationToken ct)
    {
        if (!await editing.MayChangeAsync(DubanUser.Required(context.User), id, ct)) return ApiResults.NotFound("未找到该计划。");
        return TypedResults.Ok(await previewing.ForPlanAsync(id, ct));
    }

    private static async Task<Ok<IReadOnlyList<PreviewItem>>> UnreachableAsync(HttpContext context, ActingRights rights, EscalationPreviewing previewing, CancellationToken ct)
    {
        var organizations = (await rights.OrganizationIds(DubanUser.Required(context.User)).ToListAsync(ct)).ToHashSet();
        return TypedResults.Ok(await previewing.UnreachableAsync(organizations, ct));
    }

    private static async Task<Results<Created<BaselineView>, ProblemHttpResult>> StateBaselineAsync(
        long id, BaselineInput body, HttpContext context, BaselineDesk desk, SupervisionQueries queries, ActingRights rights, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (!await queries.SeesTaskAsync(user, id, ct)) return ApiResults.NotFound("未找到该任务。");
        if (user.Role == Role.Admin && body.OrganizationId is { } organizationId && !await rights.ForOrganizationAsync(user, organizationId, ct))
            return ApiResults.Problem(StatusCodes.Status403Forbidden, "无权访问", ActingRights.NotResponsible, "organizationId");
        var outcome = await desk.StateAsync(TrackingApi.ActorOf(context), id, body, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        return TypedResults.Created($"{ApiEndpoints.Prefix}/tasks/{id}/baseline", BaselineView.Of(outcome.Value!));
    }
}
