using Duban.Core.Tracking.Reporting;
using Duban.Data.Tracking;
using Duban.Web.Api;
using Duban.Web.Paging;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tracking;

/// <summary>The body of a new value: the target, the period's first day, the value, a note and evidence.</summary>
public sealed record NewObservationBody(long? TargetId, DateOnly? PeriodStart, decimal? Value, string? Note, IReadOnlyList<long>? EvidenceIds)
{
    public NewObservation ToInput() => new(TargetId, PeriodStart, new ObservationContent(Value, Note, EvidenceIds));
}

public static class ObservationsEndpoints
{
    public static void MapObservations(this RouteGroupBuilder api)
    {
        var reads = api.MapGroup("/observations").WithTags("指标值").RequireAuthorization(DubanPolicies.SignedIn);
        reads.MapGet("", ListAsync).WithName("ListObservations").WithSummary("指标值列表")
            .WithDescription("分页列出当前用户能看到的指标值（任务指标：能看到该任务的用户；计划总体指标：能看到填报单位的用户）。筛选：planId、targetId、organizationId、periodId。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        reads.MapGet("/{id:long}", GetAsync).WithName("GetObservation").WithSummary("获取指标值")
            .WithDescription("指标值及其全部修订（最新在前）。响应头 ETag 为当前版本。")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = api.MapGroup("/observations").WithTags("指标值").RequireAuthorization(DubanPolicies.Reporter).ProducesProblem(StatusCodes.Status403Forbidden);
        writes.MapPost("", CreateAsync).WithName("CreateObservation").WithSummary("填报指标值")
            .WithDescription("负责单位的填报员填报某指标（targetId）某周期（periodStart）的值：value、note、evidenceIds。任务指标由承担该任务的单位填报；"
                             + "计划总体指标由计划所在区划的人民政府填报。每个指标、单位、周期一条，已有时返回 409。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/{id:long}/revisions", ReviseAsync).WithName("ReviseObservation").WithSummary("修改指标值（新增修订）")
            .WithDescription("保存新的修订，旧值保留可查。必须提供 If-Match：过期返回 412，缺少返回 428。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<Results<Ok<Paged<ObservationSummary>>, ProblemHttpResult>> ListAsync(
        [AsParameters] PageQuery paging, long? planId, long? targetId, long? organizationId, long? periodId, HttpContext context, TrackingQueries queries, CancellationToken ct)
    {
        var page = PageRequest.From(paging.Page, paging.PageSize);
        if (page.Error is { } error) return ApiResults.From(error);
        return TypedResults.Ok(await queries.ListObservationsAsync(DubanUser.Required(context.User), new ObservationFilter(planId, targetId, organizationId, periodId), page.Value!, ct));
    }

    private static async Task<Results<OkWithETag<ObservationDetail>, ProblemHttpResult>> GetAsync(long id, HttpContext context, TrackingQueries queries, CancellationToken ct)
    {
        var observation = await queries.GetObservationAsync(DubanUser.Required(context.User), id, ct);
        return observation is null ? NotFound() : new OkWithETag<ObservationDetail>(observation, observation.Observation.Version);
    }

    private static async Task<Results<CreatedWithETag<ObservationDetail>, ProblemHttpResult>> CreateAsync(
        NewObservationBody body, HttpContext context, ObservationReporting reporting, TrackingQueries queries, CancellationToken ct)
    {
        var outcome = await reporting.CreateAsync(TrackingApi.ActorOf(context), body.ToInput(), ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var detail = (await queries.GetObservationAsync(DubanUser.Required(context.User), outcome.Value!.Id, ct))!;
        return new CreatedWithETag<ObservationDetail>(detail, detail.Observation.Version, $"{ApiEndpoints.Prefix}/observations/{detail.Observation.Id}");
    }

    private static async Task<Results<OkWithETag<ObservationDetail>, ProblemHttpResult>> ReviseAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, ObservationContent body, HttpContext context, ObservationReporting reporting, TrackingQueries queries, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (!await queries.VisibleObservations(user).AnyAsync(o => o.Id == id, ct)) return NotFound();
        var expected = ETags.ExpectedVersion(ifMatch);
        if (expected.Error is { } missing) return ApiResults.From(missing);
        var outcome = await reporting.ReviseAsync(TrackingApi.ActorOf(context), id, expected.Value, body, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var detail = (await queries.GetObservationAsync(user, id, ct))!;
        return new OkWithETag<ObservationDetail>(detail, detail.Observation.Version);
    }

    private static ProblemHttpResult NotFound() => ApiResults.NotFound("未找到该指标值。");
}
