using Duban.Web.Calendar;
using System.Globalization;
using Duban.Core.Cascade;
using Duban.Core.Import;
using Duban.Data.Cascade;
using Duban.Data.Import;
using Duban.Data.Audit;
using Duban.Web.Api;
using Duban.Web.Audit;
using Duban.Web.Import;
using Duban.Web.Security;
using Duban.Web.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Web.Cascade;

public sealed record LinksInput(IReadOnlyList<long>? UpperPlanIds);

public sealed record FilingLinkInput(long? RequirementId, long? OrganizationId, long? PlanId);

public sealed record FilingReviewInput(string? Comment);

public sealed record CoverageDecisionInput(long? UpperTaskId, long? LowerTaskId);

/// <summary>Plans that cascade under /api/v1 (docs/cascade.md, "API").</summary>
public static class CascadeEndpoints
{
    public static IServiceCollection AddCascade(this IServiceCollection services)
    {
        services.AddScoped<CascadeAccess>();
        services.AddScoped<CascadeQueries>();
        services.AddCalendarSource<FilingDueEvents>();
        services.AddScoped<CascadeDesk>();
        services.AddScoped<CascadeExport>();
        services.AddScoped<FilingOrders>();
        services.AddScoped<FilingJob>();
        services.AddScoped<Core.Jobs.IScheduledJob, Supervision.EscalationSwitchedJob<FilingJob>>();
        return services;
    }

    public static RouteGroupBuilder MapCascade(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("计划承接");
        plans.MapGet("/{id:long}/links", LinksAsync).RequireAuthorization(DubanPolicies.SignedIn).WithName("GetPlanLinks").WithSummary("上级依据与下级承接计划")
            .WithDescription("计划引用的依据文件（标题、文号），按文号自动关联或人工确认的上级计划，以及承接本计划的下级计划；只列出本人能看到的计划。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPut("/{id:long}/links", SetLinksAsync).RequireAuthorization(DubanPolicies.Admin).WithName("SetPlanLinks").WithSummary("确认或调整上级依据计划")
            .WithDescription("upperPlanIds：本计划承接的上级计划（完整列表）。列出的关联确认（没有则新建），其余建议或已确认的关联解除，且不再自动建议。由本计划所在地区的管理员操作。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id:long}/filing-requirements", RequirementsAsync).RequireAuthorization(DubanPolicies.SignedIn).WithName("ListFilingRequirements").WithSummary("下级方案备案要求")
            .WithDescription("计划要求下级制定并报备的方案（一县一案、一校一案），每项附各报备单位的状态（未报备、已报备待审、已通过、已退回）、是否逾期、是否已催办。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{id:long}/filing-requirements", CreateRequirementAsync).RequireAuthorization(DubanPolicies.Admin).WithName("CreateFilingRequirement").WithSummary("设定备案要求")
            .WithDescription("kind：county（一县一案）、school（一校一案）或 other；text 要求内容；office 备案机关；due 报备期限；everyChildRegion 为 true 时各下级地区政府报备；organizationIds 指定的报备单位（须在计划地区及其下级）。由计划所在地区的管理员设定。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id:long}/coverage", CoverageAsync).RequireAuthorization(DubanPolicies.SignedIn).WithName("GetPlanCoverage").WithSummary("下级承接情况")
            .WithDescription("计划的每项任务由哪些下级计划的哪些任务承接（按文本相似度自动建议，人工确认或否定）、下级任务的进展，汇总为“由下级 N 个计划承接，M 个已完成”，以及可累加指标的下级合计。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{id:long}/coverage/confirm", ConfirmCoverageAsync).RequireAuthorization(DubanPolicies.Admin).WithName("ConfirmCoverage").WithSummary("确认承接")
            .WithDescription("upperTaskId 本计划的任务，lowerTaskId 下级计划的任务：确认下级任务承接该任务（没有建议时新建）。由本计划所在地区的管理员操作。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{id:long}/coverage/reject", RejectCoverageAsync).RequireAuthorization(DubanPolicies.Admin).WithName("RejectCoverage").WithSummary("否定承接")
            .WithDescription("upperTaskId、lowerTaskId：该下级任务不承接该任务，不再建议。由本计划所在地区的管理员操作。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id:long}/cascade", CascadeAsync).RequireAuthorization(DubanPolicies.SignedIn).WithName("GetPlanCascade").WithSummary("计划承接树")
            .WithDescription("从本计划向下（省 → 市 → 县 → 学校）的计划树：每个节点的报备状态、是否逾期、承接上级任务数；尚未报备的单位也列为节点。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id:long}/cascade.xlsx", CascadeXlsxAsync).RequireAuthorization(DubanPolicies.SignedIn).WithName("ExportPlanCascade").WithSummary("导出计划承接树")
            .WithDescription("承接树、备案情况和任务承接情况，.xlsx。").Produces(StatusCodes.Status200OK, contentType: Ledger.XlsxWorkbook.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var requirements = api.MapGroup("/filing-requirements").WithTags("计划承接");
        requirements.MapPut("/{id:long}", UpdateRequirementAsync).RequireAuthorization(DubanPolicies.Admin).WithName("UpdateFilingRequirement").WithSummary("修改备案要求")
            .WithDescription("字段同设定备案要求；不再需要报备且尚未报备的单位移除，已报备的保留。必须提供 If-Match。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        var filings = api.MapGroup("/filings").WithTags("计划承接");
        filings.MapPost("", LinkFilingAsync).RequireAuthorization(DubanPolicies.ReporterOrAdmin).WithName("FileExistingPlan").WithSummary("以已导入的计划报备")
            .WithDescription("requirementId 备案要求、organizationId 报备单位、planId 已导入的下级计划。由报备单位的填报员或管理该单位的管理员操作；该计划随即关联到上级计划。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        filings.MapPost("/upload", UploadFilingAsync).RequireAuthorization(DubanPolicies.Admin).WithName("UploadFiling").WithSummary("上传下级方案报备")
            .WithDescription("multipart：requirementId、organizationId、file（.docx/.pdf/.txt 等可导入的计划文件）。文件按正常导入流程导入到报备单位所在地区（单位按建议对应，未对应的新建），然后作为该单位的报备。由管理该单位的管理员操作。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        filings.MapPost("/{id:long}/accept", AcceptAsync).RequireAuthorization(DubanPolicies.Admin).WithName("AcceptFiling").WithSummary("备案审核通过")
            .WithDescription("comment 意见（可选）。只能审核已报备待审的备案。由上级计划所在地区的管理员操作；报备单位收到通知。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        filings.MapPost("/{id:long}/orders", IssueOrderAsync).RequireAuthorization(DubanPolicies.Admin).WithName("IssueFilingOrder").WithSummary("就逾期未备案下发督办单")
            .WithDescription("reason 督办事由（必填）、replyBy 回复期限（不早于今天，留空为 OrderReplyDays 天后）。仅对逾期仍未报备（未报备或已退回）的备案；同一备案只能有一张未办结的督办单（409）。由上级计划所在地区的管理员操作；督办单随后在 /supervision 回复、审核、办结。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        filings.MapPost("/{id:long}/return", ReturnAsync).RequireAuthorization(DubanPolicies.Admin).WithName("ReturnFiling").WithSummary("备案退回")
            .WithDescription("comment 退回意见（必填）。退回后报备单位须重新报备；逾期未重报的按逾期催办。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static ProblemHttpResult PlanNotFound() => ApiResults.NotFound("未找到该计划。");

    private static ProblemHttpResult NotResponsible(string message = CascadeAccess.NotResponsible) => ApiResults.Problem(StatusCodes.Status403Forbidden, "无权访问", message);

    private static async Task<Results<Ok<PlanLinksView>, ProblemHttpResult>> LinksAsync(long id, HttpContext context, CascadeQueries queries, CancellationToken ct) =>
        await queries.LinksAsync(DubanUser.Required(context.User), id, ct) is { } view ? TypedResults.Ok(view) : PlanNotFound();

    /// <summary>The plan is seen (else 404) and administered (else 403).</summary>
    private static async Task<ProblemHttpResult?> AdministeredAsync(long planId, HttpContext context, CascadeAccess access, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (!await access.SeesPlanAsync(user, planId, ct)) return PlanNotFound();
        return await access.AdministersPlanAsync(user, planId, ct) ? null : NotResponsible();
    }

    private static async Task<Results<Ok<PlanLinksView>, ProblemHttpResult>> SetLinksAsync(long id, LinksInput body, HttpContext context, CascadeAccess access,
        CascadeDesk desk, CascadeQueries queries, CancellationToken ct)
    {
        if (await AdministeredAsync(id, context, access, ct) is { } problem) return problem;
        var user = DubanUser.Required(context.User);
        foreach (var upper in body.UpperPlanIds ?? [])
            if (!await access.SeesPlanAsync(user, upper, ct))
                return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, $"upperPlanIds 中的计划 {upper} 不存在或您无权查看。", "upperPlanIds");
        var outcome = await desk.SetLinksAsync(TrackingApi.ActorOf(context), id, body.UpperPlanIds, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        return TypedResults.Ok((await queries.LinksAsync(user, id, ct))!);
    }

    private static async Task<Results<Ok<IReadOnlyList<RequirementView>>, ProblemHttpResult>> RequirementsAsync(long id, HttpContext context, CascadeQueries queries, CancellationToken ct) =>
        await queries.RequirementsAsync(DubanUser.Required(context.User), id, ct) is { } views ? TypedResults.Ok(views) : PlanNotFound();

    private static async Task<Results<Created<RequirementView>, ProblemHttpResult>> CreateRequirementAsync(long id, RequirementInput body, HttpContext context,
        CascadeAccess access, CascadeDesk desk, CascadeQueries queries, CancellationToken ct)
    {
        if (await AdministeredAsync(id, context, access, ct) is { } problem) return problem;
        var outcome = await desk.CreateRequirementAsync(TrackingApi.ActorOf(context), id, body, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var view = (await queries.RequirementsAsync(DubanUser.Required(context.User), id, ct))!.Single(r => r.Id == outcome.Value!.Id);
        return TypedResults.Created($"{ApiEndpoints.Prefix}/plans/{id}/filing-requirements", view);
    }

    private static async Task<Results<OkWithETag<RequirementView>, ProblemHttpResult>> UpdateRequirementAsync(long id, [FromHeader(Name = "If-Match")] string? ifMatch,
        RequirementInput body, HttpContext context, CascadeAccess access, CascadeDesk desk, CascadeQueries queries, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (await access.RequirementAsync(user, id, ct) is not { } requirement) return ApiResults.NotFound("未找到该备案要求。");
        if (!await access.AdministersPlanAsync(user, requirement.PlanId, ct)) return NotResponsible();
        var expected = ETags.ExpectedVersion(ifMatch);
        if (expected.Error is { } missing) return ApiResults.From(missing);
        var outcome = await desk.UpdateRequirementAsync(TrackingApi.ActorOf(context), id, expected.Value, body, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var view = (await queries.RequirementsAsync(user, requirement.PlanId, ct))!.Single(r => r.Id == id);
        return new OkWithETag<RequirementView>(view, outcome.Value!.Version);
    }

    private static async Task<Results<Created<FilingView>, ProblemHttpResult>> LinkFilingAsync(FilingLinkInput body, HttpContext context, CascadeAccess access,
        CascadeDesk desk, CascadeQueries queries, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (body.OrganizationId is not { } organizationId) return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "organizationId（报备单位）必须给出。", "organizationId");
        if (body.RequirementId is not { } requirementId) return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "requirementId（备案要求）必须给出。", "requirementId");
        if (body.PlanId is not { } planId) return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "planId（报备的下级计划）必须给出。", "planId");
        if (!await access.FilesForAsync(user, organizationId, ct)) return NotResponsible(CascadeAccess.NotFiler);
        if (await access.RequirementAsync(user, requirementId, ct) is null)
            return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "requirementId（备案要求）不存在或您无权查看。", "requirementId");
        if (!await access.SeesPlanAsync(user, planId, ct)) return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "planId（报备的下级计划）不存在或您无权查看。", "planId");
        var outcome = await desk.FileAsync(TrackingApi.ActorOf(context), requirementId, organizationId, planId, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var view = (await queries.FilingAsync(user, outcome.Value!.Id, ct))!;
        return TypedResults.Created($"{ApiEndpoints.Prefix}/filings/{view.Id}", view);
    }

    private static async Task<Results<Created<FilingView>, ProblemHttpResult>> UploadFilingAsync(HttpContext context, CascadeAccess access, CascadeDesk desk,
        CascadeQueries queries, PlanImportService importer, Duban.Data.DubanDbContext db, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        var (form, problem) = await MultipartForms.ReadAsync(context.Request, ct);
        if (form is null) return problem!;
        if (!long.TryParse(form["organizationId"].ToString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var organizationId))
            return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "organizationId（报备单位）必须是整数。", "organizationId");
        if (!await access.FilesForAsync(user, organizationId, ct)) return NotResponsible(CascadeAccess.NotFiler);
        if (!long.TryParse(form["requirementId"].ToString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var requirementId)
            || await access.RequirementAsync(user, requirementId, ct) is null)
            return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "requirementId（备案要求）不存在或您无权查看。", "requirementId");
        var file = form.Files.GetFile("file");
        if (file is null) return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "请选择要上传的计划文件（file）。", "file");
        var regionId = db.Organizations.Where(o => o.Id == organizationId).Select(o => o.RegionId).Single();
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        ImportResult result;
        try
        {
            var analysis = await importer.AnalyzeAsync(new ImportFile(buffer.ToArray(), file.FileName), new PlanRegion.Existing(regionId), ImportAuthorities.For(user), ct);
            result = await importer.ConfirmAsync(analysis, Demo.SamplePlanSeeder.Decide(analysis), new ImportActor(user.UserName, user.Id, Actor.From(context).RemoteAddress), ct);
        }
        catch (PlanImportException e)
        {
            return ApiResults.Problem(e.Code == ImportErrorCodes.FileType ? 415 : 400, ApiResults.InvalidFieldTitle, e.Message, e.Field);
        }
        var outcome = await desk.FileAsync(TrackingApi.ActorOf(context), requirementId, organizationId, result.PlanId, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var view = (await queries.FilingAsync(user, outcome.Value!.Id, ct))!;
        return TypedResults.Created($"{ApiEndpoints.Prefix}/filings/{view.Id}", view);
    }

    private static Task<Results<Ok<FilingView>, ProblemHttpResult>> AcceptAsync(long id, FilingReviewInput? body, HttpContext context, CascadeAccess access,
        CascadeDesk desk, CascadeQueries queries, CancellationToken ct) => ReviewAsync(id, true, body?.Comment, context, access, desk, queries, ct);

    private static Task<Results<Ok<FilingView>, ProblemHttpResult>> ReturnAsync(long id, FilingReviewInput? body, HttpContext context, CascadeAccess access,
        CascadeDesk desk, CascadeQueries queries, CancellationToken ct) => ReviewAsync(id, false, body?.Comment, context, access, desk, queries, ct);

    private static async Task<Results<Ok<FilingView>, ProblemHttpResult>> ReviewAsync(long id, bool accept, string? comment, HttpContext context, CascadeAccess access,
        CascadeDesk desk, CascadeQueries queries, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (await access.FilingAsync(user, id, ct) is not { } found) return ApiResults.NotFound("未找到该备案。");
        if (!await access.AdministersPlanAsync(user, found.PlanId, ct)) return NotResponsible();
        var outcome = await desk.ReviewAsync(TrackingApi.ActorOf(context), id, accept, comment, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        return TypedResults.Ok((await queries.FilingAsync(user, id, ct))!);
    }

    private static async Task<Results<CreatedWithETag<Supervision.OrderDetail>, ProblemHttpResult>> IssueOrderAsync(long id, NewFilingOrder body, HttpContext context,
        CascadeAccess access, FilingOrders orders, Supervision.SupervisionQueries supervision, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (await access.FilingAsync(user, id, ct) is not { } found) return ApiResults.NotFound("未找到该备案。");
        if (!await access.AdministersPlanAsync(user, found.PlanId, ct)) return NotResponsible();
        var outcome = await orders.IssueAsync(TrackingApi.ActorOf(context), id, body, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var detail = (await supervision.GetAsync(user, outcome.Value!.Id, ct))!;
        return new CreatedWithETag<Supervision.OrderDetail>(detail, detail.Version, $"{ApiEndpoints.Prefix}/supervision-orders/{detail.Order.Id}");
    }

    private static async Task<Results<Ok<CoverageView>, ProblemHttpResult>> CoverageAsync(long id, HttpContext context, CascadeQueries queries, CancellationToken ct) =>
        await queries.CoverageAsync(DubanUser.Required(context.User), id, ct) is { } view ? TypedResults.Ok(view) : PlanNotFound();

    private static Task<Results<Ok<CoverageItemView>, ProblemHttpResult>> ConfirmCoverageAsync(long id, CoverageDecisionInput body, HttpContext context, CascadeAccess access,
        CascadeDesk desk, CascadeQueries queries, CancellationToken ct) => DecideAsync(id, body, true, context, access, desk, queries, ct);

    private static Task<Results<Ok<CoverageItemView>, ProblemHttpResult>> RejectCoverageAsync(long id, CoverageDecisionInput body, HttpContext context, CascadeAccess access,
        CascadeDesk desk, CascadeQueries queries, CancellationToken ct) => DecideAsync(id, body, false, context, access, desk, queries, ct);

    private static async Task<Results<Ok<CoverageItemView>, ProblemHttpResult>> DecideAsync(long id, CoverageDecisionInput body, bool confirm, HttpContext context,
        CascadeAccess access, CascadeDesk desk, CascadeQueries queries, CancellationToken ct)
    {
        if (await AdministeredAsync(id, context, access, ct) is { } problem) return problem;
        var outcome = await desk.DecideCoverageAsync(TrackingApi.ActorOf(context), id, body.UpperTaskId, body.LowerTaskId, confirm, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var view = (await queries.CoverageAsync(DubanUser.Required(context.User), id, ct))!;
        var item = view.Tasks.SelectMany(t => t.Items).FirstOrDefault(i => i.Id == outcome.Value!.Id);
        return item is null ? ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "lowerTaskId 所在的下级计划您无权查看。", "lowerTaskId") : TypedResults.Ok(item);
    }

    private static async Task<Results<Ok<CascadeView>, ProblemHttpResult>> CascadeAsync(long id, HttpContext context, CascadeQueries queries, CancellationToken ct) =>
        await queries.CascadeAsync(DubanUser.Required(context.User), id, ct) is { } view ? TypedResults.Ok(view) : PlanNotFound();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CascadeXlsxAsync(long id, HttpContext context, CascadeExport export, CancellationToken ct) =>
        await export.WriteAsync(DubanUser.Required(context.User), id, ct) is { } file
            ? TypedResults.File(file.Content, Ledger.XlsxWorkbook.ContentType, file.FileName)
            : PlanNotFound();
}
