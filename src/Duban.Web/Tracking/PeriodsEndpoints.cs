using Duban.Core.Tracking.Periods;
using Duban.Data.Tracking;
using Duban.Web.Api;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Web.Tracking;

public static class PeriodsEndpoints
{
    public static void MapPeriods(this RouteGroupBuilder api)
    {
        var reads = api.MapGroup("/plans").WithTags("填报周期").RequireAuthorization(DubanPolicies.SignedIn);
        reads.MapGet("/{id:long}/periods", PeriodsAsync).WithName("ListPlanPeriods").WithSummary("计划的填报周期")
            .WithDescription("计划的填报周期设置（cycle）与 from 至 to（yyyy-MM-dd，默认当年 1 月 1 日至当前周期）之间的各周期：起止日期、名称、报送截止日（windowCloses）；"
                             + "已有报告或指标值的周期带 id。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/{id:long}/reporting-cycle", CycleAsync).WithName("GetReportingCycle").WithSummary("计划的填报周期设置")
            .WithDescription("kind 周期（monthly 每月、quarterly 每季度、halfYearly 每半年）、windowDays 周期结束后几天内报送、lateRule 逾期规则"
                             + "（acceptFlagged 接收并标记逾期；refuseAfter 逾期超过 refuseAfterDays 天后拒收）。未设置时为默认值（每月，5 天，接收并标记逾期）。响应头 ETag 为当前版本。")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = api.MapGroup("/plans").WithTags("填报周期").RequireAuthorization(DubanPolicies.Admin).ProducesProblem(StatusCodes.Status403Forbidden);
        writes.MapPut("/{id:long}/reporting-cycle", UpdateCycleAsync).WithName("UpdateReportingCycle").WithSummary("设置填报周期")
            .WithDescription("管理员设置本人数据范围内计划的填报周期。必须在 If-Match 中提供读取时的 ETag：过期返回 412，缺少返回 428。已产生的周期与报告不变，新报告按新周期。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<Results<Ok<PlanPeriodsView>, ProblemHttpResult>> PeriodsAsync(
        long id, DateOnly? from, DateOnly? to, HttpContext context, TrackingQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await queries.PeriodsAsync(DubanUser.Required(context.User), id, from, to, ChinaCalendar.Today(clock.GetUtcNow()), ct);
        if (outcome is null) return ApiResults.NotFound("未找到该计划。");
        return outcome.Error is { } error ? ApiResults.From(error) : TypedResults.Ok(outcome.Value!);
    }

    private static async Task<Results<OkWithETag<CycleView>, ProblemHttpResult>> CycleAsync(
        long id, HttpContext context, Duban.Web.Plans.PlanQueries plans, ReportingPeriods periods, CancellationToken ct)
    {
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(plans.VisiblePlans(DubanUser.Required(context.User)), p => p.Id == id, ct))
            return ApiResults.NotFound("未找到该计划。");
        var cycle = CycleView.Of(await periods.CycleAsync(id, ct));
        return new OkWithETag<CycleView>(cycle, cycle.Version);
    }

    private static async Task<Results<OkWithETag<CycleView>, ProblemHttpResult>> UpdateCycleAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, CycleInput input, HttpContext context, TrackingQueries queries, ReportingPeriods periods, CancellationToken ct)
    {
        if (!await queries.AdministersPlanAsync(DubanUser.Required(context.User), id, ct)) return ApiResults.NotFound("未找到该计划。");
        var expected = ETags.ExpectedVersion(ifMatch);
        if (expected.Error is { } missing) return ApiResults.From(missing);
        var outcome = await periods.UpdateCycleAsync(TrackingApi.ActorOf(context), id, expected.Value, input, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var view = CycleView.Of(outcome.Value!);
        return new OkWithETag<CycleView>(view, view.Version);
    }
}
