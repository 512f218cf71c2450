using Duban.Core.Tracking.Reporting;
using Duban.Data.Tracking;
using Duban.Web.Api;
using Duban.Web.Paging;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tracking;

/// <summary>The body of a new report: the assignment, the period's first day, and the content of the first revision.</summary>
public sealed record NewReportBody(
    long? AssignmentId, DateOnly? PeriodStart, ProgressState? State, int? PercentComplete, string? Done, string? Problems, string? NextSteps, IReadOnlyList<long>? EvidenceIds)
{
    public NewReport ToInput() => new(AssignmentId, PeriodStart, new ReportContent(State, PercentComplete, Done, Problems, NextSteps, EvidenceIds));
}

public static class ReportsEndpoints
{
    public static void MapReports(this RouteGroupBuilder api)
    {
        var reads = api.MapGroup("/reports").WithTags("进展报告").RequireAuthorization(DubanPolicies.SignedIn);
        reads.MapGet("", ListAsync).WithName("ListReports").WithSummary("进展报告列表")
            .WithDescription("分页列出当前用户能看到的任务的进展报告（填报员：本单位承担的任务）。筛选：planId 计划；organizationId 单位；periodId 周期；"
                             + "state 最新进展状态（notStarted 未启动、inProgress 推进中、completed 已完成、ongoing 长期推进）；status 审核状态（draft 草稿、submitted 已提交、returned 已退回、approved 已通过）。"
                             + "按周期从新到旧，再按计划、任务。queue=review：审核队列，即本人负责审核的单位已提交、待审核的报告（与“审核”页相同），先提交的在前。"
                             + ListPagingHelp.Text)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        reads.MapGet("/{id:long}", GetAsync).WithName("GetReport").WithSummary("获取进展报告")
            .WithDescription("报告及其全部修订（最新在前）与审核记录。响应头 ETag 为当前版本，修改、提交、审核时放在 If-Match 中。")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = api.MapGroup("/reports").WithTags("进展报告").RequireAuthorization(DubanPolicies.Reporter).ProducesProblem(StatusCodes.Status403Forbidden);
        writes.MapPost("", CreateAsync).WithName("CreateReport").WithSummary("填报进展")
            .WithDescription("本单位填报员为本单位的任务分工（assignmentId）填报某周期（periodStart，周期第一天）的进展：state、percentComplete（0–100，长期坚持的任务不填）、"
                             + "done、problems、nextSteps、evidenceIds（先上传的佐证材料）。每个分工每个周期一份报告，已有时返回 409。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/{id:long}/revisions", ReviseAsync).WithName("ReviseReport").WithSummary("修改进展（新增修订）")
            .WithDescription("保存一份新的修订，旧修订保留可查。草稿与已退回的报告可修改；已提交待审核与已通过的不可修改（409）。必须提供 If-Match：过期返回 412，缺少返回 428。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        writes.MapPost("/{id:long}/submit", SubmitAsync).WithName("SubmitReport").WithSummary("提交审核")
            .WithDescription("提交最新修订供审核。首次提交时按计划的填报周期判断是否逾期：逾期的标记 late；规则为逾期若干天后拒收时，超过期限返回 409。必须提供 If-Match。")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        var reviews = api.MapGroup("/reports").WithTags("进展报告").RequireAuthorization(DubanPolicies.Admin).ProducesProblem(StatusCodes.Status403Forbidden);
        reviews.MapPost("/{id:long}/review", ReviewAsync).WithName("ReviewReport").WithSummary("审核进展报告")
            .WithDescription("管理员审核本人数据范围内已提交的报告：decision 为 approved（通过，报告锁定）或 returned（退回，须填写 comment）。必须提供 If-Match。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<Results<Ok<KeysetPage<ReportSummary>>, ProblemHttpResult>> ListAsync(
        [AsParameters] PageQuery paging, string? after, string? before, long? planId, long? organizationId, long? periodId, string? state, string? status, string? queue,
        HttpContext context, TrackingQueries queries, CancellationToken ct)
    {
        var page = KeysetRequest.From(paging.Page, paging.PageSize, after, before);
        if (page.Error is { } error) return ApiResults.From(error);
        var queueWord = queue?.Trim() ?? "";
        if (queueWord.Length > 0 && !queueWord.Equals("review", StringComparison.OrdinalIgnoreCase))
            return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "queue 只能是 review（本人待审核的报告）。", "queue");
        var reviewQueue = queueWord.Length > 0;
        if (!TryEnum<ProgressState>(state, out var stateValue))
            return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "state 必须是 notStarted、inProgress、completed 或 ongoing。", "state");
        if (!TryEnum<ReportStatus>(status, out var statusValue))
            return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "status 必须是 draft、submitted、returned 或 approved。", "status");
        if (ListCursor.Check(page.Value!, text => TrackingQueries.ParseCursor(text, reviewQueue), "queue") is { } cursorError)
            return ApiResults.From(cursorError);
        return TypedResults.Ok(await queries.ListReportsAsync(DubanUser.Required(context.User),
            new ReportFilter(planId, organizationId, periodId, stateValue, statusValue), page.Value!, ct, reviewQueue));
    }

    /// <summary>A query value in the JSON's camel case (or any case); names only, never numbers.</summary>
    private static bool TryEnum<T>(string? text, out T? value) where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (text.Trim().All(char.IsAsciiLetter) && Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    private static async Task<Results<OkWithETag<ReportDetail>, ProblemHttpResult>> GetAsync(long id, HttpContext context, TrackingQueries queries, CancellationToken ct)
    {
        var report = await queries.GetReportAsync(DubanUser.Required(context.User), id, ct);
        return report is null ? NotFound() : new OkWithETag<ReportDetail>(report, report.Report.Version);
    }

    private static async Task<Results<CreatedWithETag<ReportDetail>, ProblemHttpResult>> CreateAsync(
        NewReportBody body, HttpContext context, ProgressReporting reporting, TrackingQueries queries, CancellationToken ct)
    {
        var outcome = await reporting.CreateAsync(TrackingApi.ActorOf(context), body.ToInput(), ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var detail = (await queries.GetReportAsync(DubanUser.Required(context.User), outcome.Value!.Id, ct))!;
        return new CreatedWithETag<ReportDetail>(detail, detail.Report.Version, $"{ApiEndpoints.Prefix}/reports/{detail.Report.Id}");
    }

    private static Task<Results<OkWithETag<ReportDetail>, ProblemHttpResult>> ReviseAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, ReportContent body, HttpContext context, ProgressReporting reporting, TrackingQueries queries, CancellationToken ct) =>
        WriteAsync(id, ifMatch, context, queries, (actor, expected) => reporting.ReviseAsync(actor, id, expected, body, ct), ct);

    private static Task<Results<OkWithETag<ReportDetail>, ProblemHttpResult>> SubmitAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext context, ProgressReporting reporting, TrackingQueries queries, CancellationToken ct) =>
        WriteAsync(id, ifMatch, context, queries, (actor, expected) => reporting.SubmitAsync(actor, id, expected, ct), ct);

    private static async Task<Results<OkWithETag<ReportDetail>, ProblemHttpResult>> ReviewAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, ReviewInput body, HttpContext context, ProgressReporting reporting, TrackingQueries queries,
        ActingRights rights, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (!await queries.VisibleReports(user).AnyAsync(r => r.Id == id, ct)) return NotFound();
        // Seeing a report (its task has an organisation in the reviewer's region) is not answering for its organisation.
        if (!await rights.ForReportAsync(user, id, ct)) return ApiResults.Problem(StatusCodes.Status403Forbidden, "无权访问", ActingRights.NotResponsible);
        return await WriteAsync(id, ifMatch, context, queries, (actor, expected) => reporting.ReviewAsync(actor, id, expected, body, ct), ct);
    }

    /// <summary>A report outside the user's scope is not found, before If-Match is looked at; then the write, then the report as it now stands.</summary>
    private static async Task<Results<OkWithETag<ReportDetail>, ProblemHttpResult>> WriteAsync(
        long id, string? ifMatch, HttpContext context, TrackingQueries queries, Func<TrackingActor, Guid?, Task<TrackingOutcome<ProgressReport>>> write, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (!await queries.VisibleReports(user).AnyAsync(r => r.Id == id, ct)) return NotFound();
        var expected = ETags.ExpectedVersion(ifMatch);
        if (expected.Error is { } missing) return ApiResults.From(missing);
        var outcome = await write(TrackingApi.ActorOf(context), expected.Value);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var detail = (await queries.GetReportAsync(user, id, ct))!;
        return new OkWithETag<ReportDetail>(detail, detail.Report.Version);
    }

    private static ProblemHttpResult NotFound() => ApiResults.NotFound("未找到该进展报告。");
}
