using Duban.Core.Assessments;
using Duban.Core.Tracking.Reporting;
using Duban.Data.Assessments;
using Duban.Data.Tracking;
using Duban.Web.Api;
using Duban.Web.Paging;
using Duban.Web.Security;
using Duban.Web.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Assessments;

/// <summary>A scheme as the API takes it: without indicators (or grades) the default scheme's are used.</summary>
public sealed record SchemeInput(string? Name, long? RegionId, long? PlanId, IReadOnlyList<long>? OrganizationIds,
    IReadOnlyList<IndicatorDefinition>? Indicators, GradeBands? Grades, string? Note, AchievementSelection? Selection = null)
{
    public SchemeDefinition Definition() => new(OrganizationIds ?? [], Indicators ?? DefaultScheme.Indicators, Grades ?? GradeBands.Default, Selection);
}

public sealed record SelfScoresInput(IReadOnlyList<SelfScoreInput>? Scores);

public sealed record StageInput(string? Stage);

/// <summary>The default scheme's indicators and grades, to start a scheme from.</summary>
public sealed record DefaultSchemeView(IReadOnlyList<IndicatorView> Indicators, GradeBands Grades, decimal BaseTotal);

/// <summary>Assessment schemes and assessments under /api/v1 (docs/assessment.md, "API").</summary>
public static class AssessmentEndpoints
{
    public static IServiceCollection AddAssessments(this IServiceCollection services)
    {
        services.AddScoped<AssessmentFactsReader>();
        services.AddScoped<AssessmentResults>();
        services.AddScoped<AssessmentDesk>();
        services.AddScoped<AssessmentAccess>();
        services.AddScoped<AssessmentQueries>();
        services.AddScoped<RankingExport>();
        // After the sample plans and activity, whose seeders are registered before this.
        services.AddScoped<Demo.IDemoPlanSeeder, DemoAssessmentSeeder>();
        return services;
    }

    public static RouteGroupBuilder MapAssessments(this RouteGroupBuilder api)
    {
        var schemes = api.MapGroup("/assessment-schemes").WithTags("考核");
        schemes.MapGet("", ListSchemesAsync).RequireAuthorization(DubanPolicies.Oversight).WithName("ListAssessmentSchemes").WithSummary("考核方案列表")
            .WithDescription("当前用户数据范围内各地区的考核方案（管理员、督查员），最新在前，分页。").ProducesProblem(StatusCodes.Status400BadRequest);
        schemes.MapGet("/default", DefaultScheme).RequireAuthorization(DubanPolicies.Oversight).WithName("GetDefaultAssessmentScheme").WithSummary("默认评分细则")
            .WithDescription("平台自带的默认考核指标、分值、评分规则和等次分数线（docs/assessment.md）。");
        schemes.MapGet("/{id:long}", GetSchemeAsync).RequireAuthorization(DubanPolicies.Oversight).WithName("GetAssessmentScheme").WithSummary("获取考核方案")
            .WithDescription("方案的当前版本：被考核单位、指标（分值、规则及其文字说明）、等次分数线，以及全部版本。响应头 ETag 用于修改时的 If-Match。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        schemes.MapPost("", CreateSchemeAsync).RequireAuthorization(DubanPolicies.Admin).WithName("CreateAssessmentScheme").WithSummary("制定考核方案")
            .WithDescription("name 方案名称、regionId 所属地区（须在本人管理范围内）、planId（可选：只考核该计划）、organizationIds 被考核单位（须在该地区或其下级），"
                + "indicators 指标（省略则用默认评分细则）、grades 等次分数线（省略则 90/80/60）、selection 成效明显县、校评选办法（{top: 优秀单位前几名} 或 {minTotal: 总分线}，省略则优秀单位前 3 名）、note 说明。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        schemes.MapPut("/{id:long}", ReviseSchemeAsync).RequireAuthorization(DubanPolicies.Admin).WithName("ReviseAssessmentScheme").WithSummary("修改考核方案（新版本）")
            .WithDescription("提交方案的完整内容，保存为新版本（旧版本保留，已算出的结果记录所用版本）；内容未变则不新建版本。必须提供 If-Match。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        var reads = api.MapGroup("/assessments").WithTags("考核").RequireAuthorization(DubanPolicies.SignedIn);
        reads.MapGet("", ListAsync).WithName("ListAssessments").WithSummary("考核列表")
            .WithDescription("当前用户能看到的考核（其数据范围内有被考核单位的），按年度倒序，分页。").ProducesProblem(StatusCodes.Status400BadRequest);
        reads.MapGet("/{id:long}", GetAsync).WithName("GetAssessment").WithSummary("获取考核")
            .WithDescription("考核的阶段（自评、复核、公示、定稿）、所用方案版本、指标，以及每次计算（考核截止日、结果摘要、与上次计算的差异）。响应头 ETag 用于重新计算和推进阶段的 If-Match。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/{id:long}/results", ResultsAsync).WithName("GetAssessmentResults").WithSummary("考核结果（排名）")
            .WithDescription("每个单位的总分、计算得分、名次、等次、上年总分与同比、各指标得分（计算、复核、最终）。公示前只列本人数据范围内的单位；公示后列出全部（已固定，不再随数据变化）。explain=true 时，对本人可查看得分卡的单位附上各指标的计算依据（explanation）。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/{id:long}/cards/{organizationId:long}", CardAsync).WithName("GetAssessmentScoreCard").WithSummary("单位得分卡（含计算依据）")
            .WithDescription("一个被考核单位的各指标得分，每项附规则、算式和产生得分的每一条事实（任务、报告、指标值、督办单、约谈通报、录入的评分），以及自评、复核记录和佐证材料。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/{id:long}/ranking.xlsx", RankingXlsxAsync).WithName("ExportAssessmentRanking").WithSummary("导出考核排名")
            .WithDescription("排名表（名次、单位、总分、等次、各指标得分、同比）和计算说明，.xlsx。").Produces(StatusCodes.Status200OK, contentType: Ledger.XlsxWorkbook.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/{id:long}/evidence/{evidenceId:long}", EvidenceAsync).WithName("DownloadAssessmentEvidence").WithSummary("下载考核佐证材料")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapPost("/{id:long}/evidence", UploadAsync).WithName("UploadAssessmentEvidence").WithSummary("上传考核佐证材料")
            .WithDescription("multipart：file 文件（pdf、docx、xlsx、jpg、png），organizationId 所涉被考核单位。被考核单位的填报员（本单位）、负责的管理员或督查员可以上传；返回的 id 用于自评或录入评分的 evidenceId。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        var admin = api.MapGroup("/assessments").WithTags("考核").RequireAuthorization(DubanPolicies.Admin).ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapPost("", CreateAsync).WithName("CreateAssessment").WithSummary("发起考核（计算）")
            .WithDescription("schemeId 考核方案、year 考核年度（不晚于今年）、name（可选）。按方案当前版本和截至考核截止日（该年 12 月 31 日，或今天）的数据计算出第一版结果，进入自评阶段。同一方案同一年度只能发起一次（409）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{id:long}/recompute", RecomputeAsync).WithName("RecomputeAssessment").WithSummary("重新计算")
            .WithDescription("按当前数据和方案当前版本重新计算，保存为新的一次计算并列出与上次的差异。公示后结果固定，返回 409。必须提供 If-Match。")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        admin.MapPost("/{id:long}/reviews", ReviewAsync).WithName("ReviewAssessmentScore").WithSummary("复核调整得分")
            .WithDescription("复核阶段：organizationId、indicator 指标代码、points 复核后的得分、reason 理由（必填）。计算得分保留在旁，调整记入审计日志。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{id:long}/publish", PublishAsync).WithName("PublishAssessment").WithSummary("公示（固定结果）")
            .WithDescription("复核阶段之后公示：保存并固定当时的得分、名次和等次，此后数据变化不再影响结果。必须提供 If-Match。")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        admin.MapPost("/{id:long}/stage", StageAsync).WithName("AdvanceAssessment").WithSummary("推进考核阶段")
            .WithDescription("stage：review（自评结束，进入复核）、publicity（公示，同 publish）或 final（定稿）。只能前进一步。必须提供 If-Match。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        var reporter = api.MapGroup("/assessments").WithTags("考核").RequireAuthorization(DubanPolicies.Reporter).ProducesProblem(StatusCodes.Status403Forbidden);
        reporter.MapPost("/{id:long}/self-scores", SelfScoresAsync).WithName("SubmitSelfScores").WithSummary("填报自评")
            .WithDescription("被考核单位的填报员在自评阶段填报本单位的自评：scores 为 [{indicator 指标代码, points 分数, comment 说明, evidenceId 佐证材料}]。可多次填报，以最近一次为准。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var oversight = api.MapGroup("/assessments").WithTags("考核").RequireAuthorization(DubanPolicies.Oversight).ProducesProblem(StatusCodes.Status403Forbidden);
        oversight.MapPost("/{id:long}/entries", EnterAsync).WithName("EnterAssessmentScore").WithSummary("录入评分（现场督导、加分项）")
            .WithDescription("督查员（单位在其督查范围内）或负责的管理员录入人工评分指标的分数，或一项加分事项：organizationId、indicator、points、comment（必填）、evidenceId。下一次计算时计入。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<Paged<SchemeSummary>>, ProblemHttpResult>> ListSchemesAsync([AsParameters] PageQuery paging, HttpContext context, AssessmentQueries queries, CancellationToken ct)
    {
        var page = PageRequest.From(paging.Page, paging.PageSize);
        if (page.Error is { } error) return ApiResults.From(error);
        return TypedResults.Ok(await queries.SchemesAsync(DubanUser.Required(context.User), page.Value!, ct));
    }

    private static Ok<DefaultSchemeView> DefaultScheme() =>
        TypedResults.Ok(new DefaultSchemeView([.. Core.Assessments.DefaultScheme.Indicators.Select(IndicatorView.Of)], GradeBands.Default,
            Core.Assessments.DefaultScheme.For([]).BaseTotal));

    private static async Task<Results<OkWithETag<SchemeDetail>, ProblemHttpResult>> GetSchemeAsync(long id, HttpContext context, AssessmentQueries queries, CancellationToken ct) =>
        await queries.SchemeAsync(DubanUser.Required(context.User), id, ct) is { } detail ? new OkWithETag<SchemeDetail>(detail, detail.Version) : SchemeNotFound();

    private static async Task<Results<CreatedWithETag<SchemeDetail>, ProblemHttpResult>> CreateSchemeAsync(
        SchemeInput body, HttpContext context, AssessmentDesk desk, AssessmentAccess access, AssessmentQueries queries, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (body.RegionId is { } regionId && !await access.SchemeRegions(user).AnyAsync(r => r.Id == regionId, ct))
            return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "regionId（方案所属地区）不在您的管理范围内：考核方案由被考核单位所在地区的管理员制定。", "regionId");
        var outcome = await desk.CreateSchemeAsync(TrackingApi.ActorOf(context), new NewScheme(body.Name, body.RegionId, body.PlanId, body.Definition(), body.Note), ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var detail = (await queries.SchemeAsync(user, outcome.Value!.Id, ct))!;
        return new CreatedWithETag<SchemeDetail>(detail, detail.Version, $"{ApiEndpoints.Prefix}/assessment-schemes/{detail.Scheme.Id}");
    }

    private static async Task<Results<OkWithETag<SchemeDetail>, ProblemHttpResult>> ReviseSchemeAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, SchemeInput body, HttpContext context, AssessmentDesk desk, AssessmentAccess access,
        AssessmentQueries queries, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (await queries.SchemeAsync(user, id, ct) is null) return SchemeNotFound();
        if (!await access.AdministersSchemeAsync(user, id, ct)) return NotResponsible();
        var expected = ETags.ExpectedVersion(ifMatch);
        if (expected.Error is { } missing) return ApiResults.From(missing);
        var outcome = await desk.ReviseSchemeAsync(TrackingApi.ActorOf(context), id, expected.Value, new SchemeRevision(body.Name, body.Definition(), body.Note), ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var detail = (await queries.SchemeAsync(user, id, ct))!;
        return new OkWithETag<SchemeDetail>(detail, detail.Version);
    }

    private static async Task<Results<Ok<Paged<AssessmentSummary>>, ProblemHttpResult>> ListAsync([AsParameters] PageQuery paging, HttpContext context, AssessmentQueries queries, CancellationToken ct)
    {
        var page = PageRequest.From(paging.Page, paging.PageSize);
        if (page.Error is { } error) return ApiResults.From(error);
        return TypedResults.Ok(await queries.AssessmentsAsync(DubanUser.Required(context.User), page.Value!, ct));
    }

    private static async Task<Results<OkWithETag<AssessmentDetail>, ProblemHttpResult>> GetAsync(long id, HttpContext context, AssessmentQueries queries, CancellationToken ct) =>
        await queries.AssessmentAsync(DubanUser.Required(context.User), id, ct) is { } detail ? new OkWithETag<AssessmentDetail>(detail, detail.Version) : AssessmentNotFound();

    private static async Task<Results<Ok<Ranking>, ProblemHttpResult>> ResultsAsync(long id, bool? explain, HttpContext context, AssessmentQueries queries, CancellationToken ct) =>
        await queries.RankingAsync(DubanUser.Required(context.User), id, ct, explain == true) is { } ranking ? TypedResults.Ok(ranking) : AssessmentNotFound();

    private static async Task<Results<Ok<ScoreCard>, ProblemHttpResult>> CardAsync(long id, long organizationId, HttpContext context, AssessmentQueries queries, CancellationToken ct) =>
        await queries.CardAsync(DubanUser.Required(context.User), id, organizationId, ct) is { } card ? TypedResults.Ok(card) : ApiResults.NotFound("未找到该单位在本考核中的得分。");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RankingXlsxAsync(long id, HttpContext context, RankingExport export, CancellationToken ct) =>
        await export.WriteAsync(DubanUser.Required(context.User), id, ct) is { } file
            ? TypedResults.File(file.Content, Ledger.XlsxWorkbook.ContentType, file.FileName)
            : AssessmentNotFound();

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> EvidenceAsync(long id, long evidenceId, HttpContext context, AssessmentQueries queries, EvidenceStore store, CancellationToken ct)
    {
        var evidence = await queries.EvidenceAsync(DubanUser.Required(context.User), id, evidenceId, ct);
        if (evidence is null || !store.Exists(evidence.Sha256)) return ApiResults.NotFound("未找到该佐证材料。");
        return TypedResults.File(store.Open(evidence.Sha256), EvidenceFormat.ContentType(evidence.Type), evidence.FileName,
            lastModified: evidence.UploadedAt, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + evidence.Sha256 + "\""));
    }

    private static async Task<Results<Created<EvidenceView>, ProblemHttpResult>> UploadAsync(long id, HttpContext context, AssessmentAccess access, AssessmentDesk desk, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        // Whether the assessment exists for the caller is answered before the body is read.
        if (await access.FindAsync(user, id, ct) is not { } assessment) return AssessmentNotFound();
        var (form, problem) = await MultipartForms.ReadAsync(context.Request, ct);
        if (form is null) return problem!;
        var text = form["organizationId"].ToString().Trim();
        if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var organizationId))
            return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "organizationId（所涉被考核单位）必须是整数。", "organizationId");
        if (!await access.SeesCardAsync(user, assessment, organizationId, ct)) return ApiResults.Problem(404, "未找到", "未找到该单位在本考核中的得分。", "organizationId");
        if (!await access.UploadsForAsync(user, assessment, organizationId, ct)) return NotResponsible();
        var file = form.Files.GetFile("file");
        if (file is null) return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "请选择要上传的文件（file）。", "file");
        await using var content = file.OpenReadStream();
        var outcome = await desk.UploadEvidenceAsync(TrackingApi.ActorOf(context), id, new AssessmentEvidenceUpload(organizationId, file.FileName, file.Length, content), ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var e = outcome.Value!;
        var url = AssessmentQueries.EvidenceUrl(id, e.Id);
        return TypedResults.Created(url, new EvidenceView(e.Id, e.FileName, e.Size, e.UploadedByName, e.UploadedAt, url));
    }

    private static async Task<Results<Created<AssessmentDetail>, ProblemHttpResult>> CreateAsync(
        NewAssessment body, HttpContext context, AssessmentDesk desk, AssessmentAccess access, AssessmentQueries queries, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (body.SchemeId is { } schemeId)
        {
            if (!await access.VisibleSchemes(user).AnyAsync(s => s.Id == schemeId, ct)) return ApiResults.Problem(404, "未找到", "未找到该考核方案。", "schemeId");
            if (!await access.AdministersSchemeAsync(user, schemeId, ct)) return NotResponsible();
        }
        var outcome = await desk.CreateAssessmentAsync(TrackingApi.ActorOf(context), body, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var detail = (await queries.AssessmentAsync(user, outcome.Value!.Id, ct))!;
        return TypedResults.Created($"{ApiEndpoints.Prefix}/assessments/{detail.Assessment.Id}", detail);
    }

    /// <summary>An assessment the administrator sees and answers for, else 404 / 403; then If-Match.</summary>
    private static async Task<(Duban.Core.Assessments.Assessment? Assessment, Guid? Expected, ProblemHttpResult? Problem)> AdministeredAsync(
        long id, string? ifMatch, bool needsVersion, HttpContext context, AssessmentAccess access, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (await access.FindAsync(user, id, ct) is not { } assessment) return (null, null, AssessmentNotFound());
        if (!await access.AdministersAsync(user, assessment, ct)) return (null, null, NotResponsible());
        if (!needsVersion) return (assessment, null, null);
        var expected = ETags.ExpectedVersion(ifMatch);
        return expected.Error is { } missing ? (null, null, ApiResults.From(missing)) : (assessment, expected.Value, null);
    }

    private static async Task<Results<OkWithETag<AssessmentDetail>, ProblemHttpResult>> RecomputeAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext context, AssessmentDesk desk, AssessmentAccess access, AssessmentQueries queries, CancellationToken ct)
    {
        var (_, expected, problem) = await AdministeredAsync(id, ifMatch, true, context, access, ct);
        if (problem is not null) return problem;
        var outcome = await desk.RecomputeAsync(TrackingApi.ActorOf(context), id, expected, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var detail = (await queries.AssessmentAsync(DubanUser.Required(context.User), id, ct))!;
        return new OkWithETag<AssessmentDetail>(detail, detail.Version);
    }

    private static Task<Results<OkWithETag<AssessmentDetail>, ProblemHttpResult>> PublishAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext context, AssessmentDesk desk, AssessmentAccess access, AssessmentQueries queries, CancellationToken ct) =>
        AdvanceAsync(id, ifMatch, AssessmentStage.Publicity, context, desk, access, queries, ct);

    private static Task<Results<OkWithETag<AssessmentDetail>, ProblemHttpResult>> StageAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, StageInput body, HttpContext context, AssessmentDesk desk, AssessmentAccess access, AssessmentQueries queries, CancellationToken ct) =>
        AdvanceAsync(id, ifMatch, ParseStage(body.Stage), context, desk, access, queries, ct);

    public static AssessmentStage? ParseStage(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "review" => AssessmentStage.Review,
        "publicity" or "publish" => AssessmentStage.Publicity,
        "final" => AssessmentStage.Final,
        _ => null,
    };

    private static async Task<Results<OkWithETag<AssessmentDetail>, ProblemHttpResult>> AdvanceAsync(
        long id, string? ifMatch, AssessmentStage? stage, HttpContext context, AssessmentDesk desk, AssessmentAccess access, AssessmentQueries queries, CancellationToken ct)
    {
        var (_, expected, problem) = await AdministeredAsync(id, ifMatch, true, context, access, ct);
        if (problem is not null) return problem;
        var outcome = await desk.AdvanceAsync(TrackingApi.ActorOf(context), id, expected, stage, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var detail = (await queries.AssessmentAsync(DubanUser.Required(context.User), id, ct))!;
        return new OkWithETag<AssessmentDetail>(detail, detail.Version);
    }

    private static async Task<Results<Created<ReviewView>, ProblemHttpResult>> ReviewAsync(
        long id, AssessmentReviewInput body, HttpContext context, AssessmentDesk desk, AssessmentAccess access, CancellationToken ct)
    {
        var (_, _, problem) = await AdministeredAsync(id, null, false, context, access, ct);
        if (problem is not null) return problem;
        var outcome = await desk.ReviewAsync(TrackingApi.ActorOf(context), id, body, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var r = outcome.Value!;
        return TypedResults.Created($"{ApiEndpoints.Prefix}/assessments/{id}/cards/{r.OrganizationId}",
            new ReviewView(r.Id, r.IndicatorCode, r.PreviousPoints, r.Points, r.ComputedPoints, r.RunNumber, r.Reason, r.ReviewerName, r.CreatedAt));
    }

    private static async Task<Results<Created<IReadOnlyList<SelfScoreView>>, ProblemHttpResult>> SelfScoresAsync(
        long id, SelfScoresInput body, HttpContext context, AssessmentDesk desk, AssessmentAccess access, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (await access.FindAsync(user, id, ct) is null) return AssessmentNotFound();
        var outcome = await desk.SelfScoreAsync(TrackingApi.ActorOf(context), id, body.Scores, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        IReadOnlyList<SelfScoreView> views = [.. outcome.Value!.Select(s => new SelfScoreView(s.Id, s.IndicatorCode, s.Points, s.Comment, s.EvidenceId, s.AuthorName, s.CreatedAt))];
        return TypedResults.Created($"{ApiEndpoints.Prefix}/assessments/{id}/cards/{user.OrganizationId}", views);
    }

    private static async Task<Results<Created<EntryView>, ProblemHttpResult>> EnterAsync(
        long id, EntryInput body, HttpContext context, AssessmentDesk desk, AssessmentAccess access, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        if (await access.FindAsync(user, id, ct) is not { } assessment) return AssessmentNotFound();
        if (body.OrganizationId is { } organizationId)
        {
            if (!await access.SeesCardAsync(user, assessment, organizationId, ct)) return ApiResults.Problem(404, "未找到", "未找到该单位在本考核中的得分。", "organizationId");
            if (!await access.EntersForAsync(user, assessment, organizationId, ct)) return NotResponsible();
        }
        var outcome = await desk.EnterAsync(TrackingApi.ActorOf(context), id, body, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var e = outcome.Value!;
        return TypedResults.Created($"{ApiEndpoints.Prefix}/assessments/{id}/cards/{e.OrganizationId}",
            new EntryView(e.Id, e.IndicatorCode, e.Points, e.Comment, e.EvidenceId, e.AuthorName, e.CreatedAt, false));
    }

    private static ProblemHttpResult NotResponsible() => ApiResults.Problem(StatusCodes.Status403Forbidden, "无权访问", AssessmentAccess.NotResponsible);

    private static ProblemHttpResult SchemeNotFound() => ApiResults.NotFound("未找到该考核方案。");

    private static ProblemHttpResult AssessmentNotFound() => ApiResults.NotFound("未找到该考核。");
}
