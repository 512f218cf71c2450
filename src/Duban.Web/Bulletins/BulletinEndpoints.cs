using Duban.Core.Bulletins;
using Duban.Data.Bulletins;
using Duban.Data.Tracking;
using Duban.Web.Api;
using Duban.Web.Notices;
using Duban.Web.Security;
using Duban.Web.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Web.Bulletins;

/// <summary>
/// The 通报 of an assessment and the 督导报告 of an assessed organisation under /api/v1 (docs/assessment.md, "通报" and
/// "督导报告"). The bulletin's routes name their parameter <c>assessmentId</c>: it is readable by fewer people than the
/// assessment (before 公示 only the responsible administrators).
/// </summary>
public static class BulletinEndpoints
{
    public static IServiceCollection AddBulletins(this IServiceCollection services)
    {
        services.AddScoped<BulletinDesk>();
        services.AddScoped<BulletinService>();
        services.AddScoped<AssessmentReport>();
        return services;
    }

    public static RouteGroupBuilder MapBulletins(this RouteGroupBuilder api)
    {
        var reads = api.MapGroup("/assessments").WithTags("考核").RequireAuthorization(DubanPolicies.SignedIn);
        reads.MapGet("/{assessmentId:long}/bulletin", GetAsync).WithName("GetAssessmentBulletin").WithSummary("考核结果通报（草稿）")
            .WithDescription("通报的标题、发文字号、主送机关、正文、表扬和通报批评名单（附理由）、工作要求、署名和成文日期；未保存过时为按考核结果预填的内容。"
                + "另附通报中的排名（公示后为已固定的结果）、是否已印发、当前用户能否修改。公示前只有负责该考核的管理员可以查看，公示后看得到该考核的用户均可查看。响应头 ETag 用于修改时的 If-Match。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/{assessmentId:long}/bulletin.docx", DocxAsync).WithName("DownloadAssessmentBulletin").WithSummary("下载考核结果通报（.docx）")
            .WithDescription("按 GB/T 9704 版式生成的通报：标题、发文字号、主送机关、正文、考核结果排名表（名次、单位、总分、等次、各指标得分）、表扬和通报批评名单、工作要求、署名和成文日期。读取权限同上。")
            .Produces(StatusCodes.Status200OK, contentType: DocxWriter.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/{id:long}/cards/{organizationId:long}/report.docx", ReportAsync).WithName("DownloadAssessmentReport").WithSummary("下载督导报告（.docx）")
            .WithDescription("一个被考核单位的督导报告：总分、名次、等次，各指标得分及其规则、算式和事实，复核调整及理由，主要成效、存在问题和整改要求。能查看该单位得分卡的用户均可下载。")
            .Produces(StatusCodes.Status200OK, contentType: DocxWriter.ContentType).ProducesProblem(StatusCodes.Status404NotFound);

        var admin = api.MapGroup("/assessments").WithTags("考核").RequireAuthorization(DubanPolicies.Admin).ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapPut("/{assessmentId:long}/bulletin", SaveAsync).WithName("SaveAssessmentBulletin").WithSummary("修改考核结果通报")
            .WithDescription("提交通报的完整内容（title、docNumber、recipients、paragraphs、praise、criticism、closing、signature、date），保存为草稿并记入审计日志。"
                + "负责该考核的管理员（方案所属地区）可以修改；已印发的通报不能修改（409）。必须提供 If-Match。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        admin.MapPost("/{assessmentId:long}/bulletin/issue", IssueAsync).WithName("IssueAssessmentBulletin").WithSummary("印发考核结果通报")
            .WithDescription("考核结果公示后，负责的管理员印发通报：当前内容固定，此后不能再修改。必须提供 If-Match。")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return api;
    }

    private static async Task<Results<OkWithETag<BulletinView>, ProblemHttpResult>> GetAsync(long assessmentId, HttpContext context, BulletinService bulletins, CancellationToken ct) =>
        await bulletins.ReadAsync(DubanUser.Required(context.User), assessmentId, ct) is { } view ? new OkWithETag<BulletinView>(view, view.Version) : NotFound();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DocxAsync(long assessmentId, HttpContext context, BulletinService bulletins, CancellationToken ct) =>
        await bulletins.ReadAsync(DubanUser.Required(context.User), assessmentId, ct) is { } view
            ? TypedResults.File(DocxWriter.Write(BulletinService.Compose(view)), DocxWriter.ContentType, BulletinService.FileName(view))
            : NotFound();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReportAsync(long id, long organizationId, HttpContext context, AssessmentReport report, CancellationToken ct) =>
        await report.WriteAsync(DubanUser.Required(context.User), id, organizationId, ct) is { } file
            ? TypedResults.File(file.Docx, DocxWriter.ContentType, file.FileName)
            : ApiResults.NotFound("未找到该单位在本考核中的得分。");

    /// <summary>The bulletin of an assessment the administrator reads and answers for, else 404 / 403; then If-Match.</summary>
    private static async Task<(BulletinView? View, Guid? Expected, ProblemHttpResult? Problem)> EditableAsync(
        long assessmentId, string? ifMatch, HttpContext context, BulletinService bulletins, CancellationToken ct)
    {
        var view = await bulletins.ReadAsync(DubanUser.Required(context.User), assessmentId, ct);
        if (view is null) return (null, null, NotFound());
        if (!view.Issued && !view.CanEdit) return (null, null, ApiResults.Problem(StatusCodes.Status403Forbidden, "无权访问", Assessments.AssessmentAccess.NotResponsible));
        var expected = ETags.ExpectedVersion(ifMatch);
        return expected.Error is { } missing ? (null, null, ApiResults.From(missing)) : (view, expected.Value, null);
    }

    private static async Task<Results<OkWithETag<BulletinView>, ProblemHttpResult>> SaveAsync(
        long assessmentId, [FromHeader(Name = "If-Match")] string? ifMatch, BulletinDraft body, HttpContext context, BulletinService bulletins, BulletinDesk desk, CancellationToken ct)
    {
        var (view, expected, problem) = await EditableAsync(assessmentId, ifMatch, context, bulletins, ct);
        if (problem is not null) return problem;
        if (view!.Issued) return ApiResults.Problem(StatusCodes.Status409Conflict, "冲突", BulletinDesk.Issued);
        var outcome = await desk.SaveAsync(TrackingApi.ActorOf(context), assessmentId, expected, body, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var saved = (await bulletins.ReadAsync(DubanUser.Required(context.User), assessmentId, ct))!;
        return new OkWithETag<BulletinView>(saved, saved.Version);
    }

    private static async Task<Results<OkWithETag<BulletinView>, ProblemHttpResult>> IssueAsync(
        long assessmentId, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext context, BulletinService bulletins, BulletinDesk desk, CancellationToken ct)
    {
        var (view, expected, problem) = await EditableAsync(assessmentId, ifMatch, context, bulletins, ct);
        if (problem is not null) return problem;
        if (view!.Issued) return ApiResults.Problem(StatusCodes.Status409Conflict, "冲突", BulletinDesk.Issued);
        var outcome = await desk.IssueAsync(TrackingApi.ActorOf(context), assessmentId, expected, view.Draft, ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var issued = (await bulletins.ReadAsync(DubanUser.Required(context.User), assessmentId, ct))!;
        return new OkWithETag<BulletinView>(issued, issued.Version);
    }

    private static ProblemHttpResult NotFound() => ApiResults.NotFound("未找到该考核的通报：考核结果公示前，通报只有负责该考核的管理员可以查看。");
}
