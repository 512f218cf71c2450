using Duban.Web.Api;
using Duban.Web.Paging;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Duban.Web.Tracking;

public static class TargetsEndpoints
{
    public static void MapTargets(this RouteGroupBuilder api)
    {
        var reads = api.MapGroup("/targets").WithTags("指标").RequireAuthorization(DubanPolicies.SignedIn);
        reads.MapGet("", ListAsync).WithName("ListTargets").WithSummary("量化指标列表")
            .WithDescription("分页列出当前用户数据范围内的量化指标：任务指标随任务可见，计划总体指标随计划可见。筛选：planId、taskId。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        reads.MapGet("/{id:long}", GetAsync).WithName("GetTarget").WithSummary("获取指标及各期数值")
            .WithDescription("指标、负责填报的单位、各期各单位的最新值，以及每期的全域数值（区域牵头单位填报的值；未填报时，单位可相加的由直属下级区域的值汇总，百分比和比例不汇总），"
                             + "和据此判断的达成状态。只能看到部分单位的值时不汇总（complete 为 false）。")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Paged<TargetSummary>>, ProblemHttpResult>> ListAsync(
        [AsParameters] PageQuery paging, long? planId, long? taskId, HttpContext context, TargetQueries queries, CancellationToken ct)
    {
        var page = PageRequest.From(paging.Page, paging.PageSize);
        if (page.Error is { } error) return ApiResults.From(error);
        return TypedResults.Ok(await queries.ListAsync(DubanUser.Required(context.User), new TargetFilter(planId, taskId), page.Value!, ct));
    }

    private static async Task<Results<Ok<TargetDetail>, ProblemHttpResult>> GetAsync(long id, HttpContext context, TargetQueries queries, CancellationToken ct) =>
        await queries.GetAsync(DubanUser.Required(context.User), id, ct) is { } detail ? TypedResults.Ok(detail) : ApiResults.NotFound("未找到该指标。");
}
