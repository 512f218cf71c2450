using Duban.Core.Plans;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Paging;
using Duban.Web.Plans;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Api;

public static class PlansEndpoints
{
    public static void MapPlans(this RouteGroupBuilder api)
    {
        // Published plans are public; anonymous callers see those only, signed-in callers also the plans in their scope.
        var plans = api.MapGroup("/plans").WithTags("计划").AllowAnonymous();
        plans.MapGet("", ListAsync).WithName("ListPlans").WithSummary("计划列表")
            .WithDescription("分页列出可见的计划：未登录时只有已发布的计划；登录后另含数据范围内的计划。status 按状态（draft、published、archived）筛选，regionId 按区划筛选（含其下级区划）。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        plans.MapGet("/{id:long}", GetAsync).WithName("GetPlan").WithSummary("获取计划及其任务清单")
            .WithDescription("当前版本的任务清单与任务。已发布的计划列出全部任务；未发布的计划只列出当前用户数据范围内的任务。不可见的计划返回 404。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id:long}/versions", VersionsAsync).WithName("ListPlanVersions").WithSummary("计划的版本")
            .WithDescription("该计划导入过的全部版本（文件名、SHA-256、大小、导入时间、导入人——仅对登录用户），按版本号排列。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id:long}/diff", DiffAsync).WithName("DiffPlanVersions").WithSummary("两个版本之间的变化")
            .WithDescription("from、to 为版本号（默认为上一版与当前版）。逐条列出任务的新增、删除、修改（文字、责任单位、时限）与未变。只对能看到该计划全部任务的用户开放（已发布的计划，或数据范围为全部）。")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Writes: administrators only, within their scope. A group of its own so that each endpoint has one rule.
        var writes = api.MapGroup("/plans").WithTags("计划").RequireAuthorization(DubanPolicies.Admin).ProducesProblem(StatusCodes.Status403Forbidden);
        writes.MapPut("/{id:long}/status", ChangeStatusAsync).WithName("ChangePlanStatus").WithSummary("发布、撤回或归档计划")
            .WithDescription("请求体 {\"status\": \"draft\" | \"published\" | \"archived\"}。已发布的计划对未登录的访客公开。必须在 If-Match 中提供读取计划时的 ETag：过期返回 412，缺少返回 428。数据范围以外的计划返回 404。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    /// <summary>The body of a status change.</summary>
    public sealed record PlanStatusChange(string? Status);

    private static async Task<Results<OkWithETag<PlanStatusView>, ProblemHttpResult>> ChangeStatusAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, PlanStatusChange input, HttpContext context, PlanPublishing publishing, CancellationToken ct)
    {
        var admin = DubanUser.Required(context.User);
        var expected = ETags.ExpectedVersion(ifMatch);
        if (expected.Error is { } stale)
        {
            if (!await publishing.Writable(admin).AnyAsync(p => p.Id == id, ct)) return ApiResults.NotFound("未找到该计划。");
            return ApiResults.From(stale);
        }
        var outcome = await publishing.ChangeStatusAsync(admin, Actor.From(context), id, expected.Value, input.Status, ct);
        return outcome.Error is { } error ? ApiResults.From(error) : new OkWithETag<PlanStatusView>(outcome.Value!, outcome.Value!.Version);
    }

    private static async Task<Results<Ok<PlanDiffView>, ProblemHttpResult>> DiffAsync(long id, int? from, int? to, HttpContext context, PlanQueries queries, CancellationToken ct)
    {
        var user = DubanUser.From(context.User);
        var versions = await queries.VersionsAsync(user, id, ct);
        if (versions is null) return ApiResults.NotFound("未找到该计划。");
        var current = versions.FirstOrDefault(v => v.Current)?.Number ?? versions.LastOrDefault()?.Number ?? 1;
        var (a, b) = (from ?? Math.Max(1, (to ?? current) - 1), to ?? current);
        var diff = await queries.DiffAsync(user, id, a, b, ct);
        return diff.Error is { } error ? ApiResults.From(error) : TypedResults.Ok(diff.Value!);
    }

    private static async Task<Results<Ok<Paged<PlanSummary>>, ProblemHttpResult>> ListAsync(
        [AsParameters] PageQuery paging, string? status, long? regionId, HttpContext context, PlanQueries queries, CancellationToken ct)
    {
        var page = PageRequest.From(paging.Page, paging.PageSize);
        if (page.Error is { } error) return ApiResults.From(error);
        PlanStatus? planStatus = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<PlanStatus>(status.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
                return ApiResults.Problem(StatusCodes.Status400BadRequest, ApiResults.InvalidFieldTitle,
                    "status（状态）必须是 draft（草稿）、published（已发布）或 archived（已归档）。", "status");
            planStatus = parsed;
        }
        return TypedResults.Ok(await queries.ListPlansAsync(DubanUser.From(context.User), new PlanFilter(planStatus, regionId), page.Value!, ct));
    }

    private static async Task<Results<OkWithETag<PlanDetail>, ProblemHttpResult>> GetAsync(long id, HttpContext context, PlanQueries queries, CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(DubanUser.From(context.User), id, ct);
        return plan is null ? ApiResults.NotFound("未找到该计划。") : new OkWithETag<PlanDetail>(plan, plan.Plan.Version);
    }

    private static async Task<Results<Ok<IReadOnlyList<PlanVersionView>>, ProblemHttpResult>> VersionsAsync(long id, HttpContext context, PlanQueries queries, CancellationToken ct)
    {
        var versions = await queries.VersionsAsync(DubanUser.From(context.User), id, ct);
        return versions is null ? ApiResults.NotFound("未找到该计划。") : TypedResults.Ok(versions);
    }
}
