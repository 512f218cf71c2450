using Duban.Web.Calendar;
using Duban.Core.Jobs;
using Duban.Core.Tracking.Reporting;
using Duban.Data.Audit;
using Duban.Data.Governance;
using Duban.Data.Tracking;
using Duban.Web.Api;
using Duban.Web.Audit;
using Duban.Web.Operations;
using Duban.Web.Paging;
using Duban.Web.Security;
using Duban.Web.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Governance;

/// <summary>Governing bodies, meetings and 议定事项 under /api/v1 (docs/governance.md, "API").</summary>
public static class GovernanceEndpoints
{
    public static IServiceCollection AddGovernance(this IServiceCollection services)
    {
        services.AddScoped<GovernanceQueries>();
        services.AddScoped<GovernanceDesk>();
        services.AddScoped<DecisionStatusDocument>();
        services.AddCalendarSource<MeetingEvents>();
        services.AddScoped<MeetingReminderJob>();
        services.AddScoped<IScheduledJob, Supervision.EscalationSwitchedJob<MeetingReminderJob>>();
        return services;
    }

    private const string IfMatchNote = "必须在 If-Match 中提供议事机构的 ETag（GET /api/v1/bodies/{id}）：过期返回 412，缺少返回 428。";

    private const string MeetingIfMatchNote = "必须在 If-Match 中提供会议的 ETag（GET /api/v1/meetings/{id}）：过期返回 412，缺少返回 428。";

    public static RouteGroupBuilder MapGovernance(this RouteGroupBuilder api)
    {
        var reads = api.MapGroup("").WithTags("议事机构").RequireAuthorization(DubanPolicies.SignedIn);
        reads.MapGet("/bodies", ListAsync).WithName("ListBodies").WithSummary("议事机构列表")
            .WithDescription("当前用户能看到的计划所设立的领导小组、联席会议：名称、办公室、召开频次、成员数、会议数、最近一次会议，以及是否未按频次召开（flagged）。planId 只列该计划的。分页。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        reads.MapGet("/bodies/{id:long}", GetAsync).WithName("GetBody").WithSummary("获取议事机构")
            .WithDescription("成员（角色、姓名、职务、单位及其对应的组织机构）、办公室、召开频次及各期（已召开、未按期召开、待召开），会议，成员单位出席情况，未完成和已完成的议定事项。ETag 用于修改时的 If-Match。数据范围以外返回 404。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/bodies/{id:long}/meetings", MeetingsAsync).WithName("ListBodyMeetings").WithSummary("议事机构的会议")
            .WithDescription("该议事机构登记的会议，最近在前：日期、类型（例会、专题会）、出席和缺席单位数、议定事项数及未完成数、是否有会议纪要。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/meetings/{id:long}", MeetingAsync).WithName("GetMeeting").WithSummary("获取会议")
            .WithDescription("会议的日期、类型、议题、参会单位（出席或缺席）、会议纪要（文字；文件见 …/minutes）、本次议定事项（任务及其状态），以及此前会议尚未完成的议定事项（上次会议议定事项落实情况）。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/meetings/{id:long}/minutes", MinutesAsync).WithName("DownloadMeetingMinutes").WithSummary("下载会议纪要")
            .WithDescription("当前的会议纪要文件；fileId 指定此前上传、已被替换的某一份（见 GET /api/v1/meetings/{id} 的 minutesFiles）。")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/meetings/{id:long}/decision-status.docx", DecisionStatusAsync).WithName("DownloadDecisionStatus").WithSummary("下载议定事项落实情况（docx）")
            .WithDescription("《议事机构》第N次会议议定事项落实情况：本次会议的每项议定事项（序号、议定事项、责任单位、完成时限、落实情况即状态和最近一次报送的进展摘要、备注如逾期），"
                + "以及此前会议尚未完成的议定事项；按 GB/T 9704 公文格式排版，供下次会议使用。能查看该会议的用户均可下载。")
            .Produces(StatusCodes.Status200OK, contentType: Notices.DocxWriter.ContentType).ProducesProblem(StatusCodes.Status404NotFound);

        var writes = api.MapGroup("").WithTags("议事机构").RequireAuthorization(DubanPolicies.Admin).ProducesProblem(StatusCodes.Status403Forbidden);
        writes.MapPut("/bodies/{id:long}", CorrectAsync).WithName("CorrectBody").WithSummary("修改议事机构")
            .WithDescription("计划所在地区的管理员更正和补全议事机构：name、office 办公室、officeOrganizationId 办公室所在单位（0 清除）、meetingsPerYear 每年召开次数（0 为未规定）、"
                + "meetingsAtLeast、cadenceFrom 频次起算日、members 成员（整体替换：[{role, person, post 职务, unitName, organizationId}]）。省略的字段不变。" + IfMatchNote)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        writes.MapPost("/bodies/{id:long}/meetings", CreateMeetingAsync).WithName("CreateMeeting").WithSummary("登记会议")
            .WithDescription("date 会议日期（不晚于今天）、kind（regular 例会 / special 专题会）、title（省略则按日期生成）、agenda 议题、minutesText 会议纪要文字、"
                + "attendees 参会单位 [{organizationId 或 unitName, attended}]：须是成员单位，未列出的成员单位记为缺席。会议纪要文件另行上传（…/minutes）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPut("/meetings/{id:long}", EditMeetingAsync).WithName("EditMeeting").WithSummary("修改会议")
            .WithDescription("计划所在地区的管理员修改已登记的会议：date 会议日期（不晚于今天；改期后按新日期判断各期是否召开）、kind、title（空字符串则按日期生成）、agenda 议题、minutesText 会议纪要文字（空字符串清除）、"
                + "attendees 参会单位（整体设置：本次会议已有的参会单位或议事机构现在的成员单位；已有单位未列出的记为缺席）。省略的字段不变。会议纪要文件另行上传（…/minutes），此前的文件保留。" + MeetingIfMatchNote)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        writes.MapPost("/meetings/{id:long}/decisions", DecisionsAsync).WithName("AddMeetingDecisions").WithSummary("登记议定事项（生成任务）")
            .WithDescription("decisions：[{text 内容, due 完成日期 或 deadline 时限文字, leads 牵头单位 id, cooperating 配合单位 id}]，单位须是成员单位（或办公室所在单位）。"
                + "每项成为计划中“会议议定事项”清单（来源为该会议）里的一项任务，与其他任务一样填报、审核、督办和考核；全部成功或全部不保存。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPost("/meetings/{id:long}/minutes", UploadMinutesAsync).WithName("UploadMeetingMinutes").WithSummary("上传会议纪要")
            .WithDescription("multipart/form-data：file 会议纪要（docx 或 pdf，按扩展名和文件头校验，大小限制同佐证材料）。成为当前的纪要；此前上传的仍保留，可按 fileId 下载。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return api;
    }

    private static async Task<Results<Ok<Paged<BodySummary>>, ProblemHttpResult>> ListAsync([AsParameters] PageQuery paging, long? planId, HttpContext context, GovernanceQueries queries, CancellationToken ct)
    {
        var page = PageRequest.From(paging.Page, paging.PageSize);
        if (page.Error is { } error) return ApiResults.From(error);
        return TypedResults.Ok(await queries.ListAsync(DubanUser.Required(context.User), planId, page.Value!, ct));
    }

    private static async Task<Results<OkWithETag<BodyDetail>, ProblemHttpResult>> GetAsync(long id, HttpContext context, GovernanceQueries queries, CancellationToken ct) =>
        await queries.GetAsync(DubanUser.Required(context.User), id, ct) is { } detail ? new OkWithETag<BodyDetail>(detail, detail.Body.Version) : ApiResults.NotFound("未找到该议事机构。");

    private static async Task<Results<Ok<IReadOnlyList<MeetingSummary>>, ProblemHttpResult>> MeetingsAsync(long id, HttpContext context, GovernanceQueries queries, CancellationToken ct) =>
        await queries.MeetingsAsync(DubanUser.Required(context.User), id, ct) is { } meetings ? TypedResults.Ok(meetings) : ApiResults.NotFound("未找到该议事机构。");

    private static async Task<Results<OkWithETag<MeetingDetail>, ProblemHttpResult>> MeetingAsync(long id, HttpContext context, GovernanceQueries queries, CancellationToken ct) =>
        await queries.MeetingAsync(DubanUser.Required(context.User), id, ct) is { } detail ? new OkWithETag<MeetingDetail>(detail, detail.Version) : ApiResults.NotFound("未找到该会议。");

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> MinutesAsync(long id, string? fileId, HttpContext context, GovernanceQueries queries, Duban.Data.DubanDbContext db, EvidenceStore store, CancellationToken ct)
    {
        var detail = await queries.MeetingAsync(DubanUser.Required(context.User), id, ct);
        if (detail is null) return ApiResults.NotFound("未找到该会议。");
        (string? Sha, string? Name, EvidenceType? Type)? file;
        if (string.IsNullOrEmpty(fileId))
            file = await db.Set<Core.Governance.Meeting>().AsNoTracking().Where(m => m.Id == id).Select(m => new ValueTuple<string?, string?, EvidenceType?>(m.MinutesSha256, m.MinutesFileName, m.MinutesType)).SingleAsync(ct);
        else if (!long.TryParse(fileId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var upload))
            return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "fileId（会议纪要文件编号）必须是正整数。", "fileId");
        else
            file = await db.Set<Core.Governance.MeetingMinutesFile>().AsNoTracking().Where(f => f.Id == upload && f.MeetingId == id)
                .Select(f => new ValueTuple<string?, string?, EvidenceType?>(f.Sha256, f.FileName, f.Type)).SingleOrDefaultAsync(ct);
        if (file is not ({ } sha, var name, { } type) || !store.Exists(sha)) return ApiResults.NotFound(string.IsNullOrEmpty(fileId) ? "该会议没有上传会议纪要文件。" : "该会议没有这份会议纪要文件。");
        return TypedResults.File(store.Open(sha), EvidenceFormat.ContentType(type), name,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + sha + "\""));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DecisionStatusAsync(long id, HttpContext context, DecisionStatusDocument document, CancellationToken ct) =>
        await document.WriteAsync(DubanUser.Required(context.User), id, ct) is { } file
            ? TypedResults.File(file.Docx, Notices.DocxWriter.ContentType, file.FileName)
            : ApiResults.NotFound("未找到该会议。");

    private static async Task<Results<OkWithETag<MeetingDetail>, ProblemHttpResult>> EditMeetingAsync(long id, [FromHeader(Name = "If-Match")] string? ifMatch, MeetingCorrection body,
        HttpContext context, GovernanceDesk desk, CancellationToken ct)
    {
        var admin = DubanUser.Required(context.User);
        if (await desk.MeetingAccessAsync(admin, id, ct) is { } refused) return ApiResults.From(refused);
        var expected = ETags.ExpectedVersion(ifMatch);
        if (expected.Error is { } error) return ApiResults.From(error);
        var outcome = await desk.EditMeetingAsync(admin, Actor.From(context), id, expected.Value, body, ct);
        return outcome.Error is { } failure ? ApiResults.From(failure) : new OkWithETag<MeetingDetail>(outcome.Value!, outcome.Value!.Version);
    }

    private static async Task<Results<OkWithETag<BodyDetail>, ProblemHttpResult>> CorrectAsync(long id, [FromHeader(Name = "If-Match")] string? ifMatch, BodyCorrection body,
        HttpContext context, GovernanceDesk desk, CancellationToken ct)
    {
        var admin = DubanUser.Required(context.User);
        if (await desk.AccessAsync(admin, id, ct) is { } refused) return ApiResults.From(refused);
        var expected = ETags.ExpectedVersion(ifMatch);
        if (expected.Error is { } error) return ApiResults.From(error);
        var outcome = await desk.CorrectAsync(admin, Actor.From(context), id, expected.Value, body, ct);
        return outcome.Error is { } failure ? ApiResults.From(failure) : new OkWithETag<BodyDetail>(outcome.Value!, outcome.Value!.Body.Version);
    }

    private static async Task<Results<CreatedWithETag<MeetingDetail>, ProblemHttpResult>> CreateMeetingAsync(long id, MeetingInput body, HttpContext context, GovernanceDesk desk, CancellationToken ct)
    {
        var outcome = await desk.CreateMeetingAsync(DubanUser.Required(context.User), Actor.From(context), id, body, null, ct);
        return outcome.Error is { } error ? ApiResults.From(error)
            : new CreatedWithETag<MeetingDetail>(outcome.Value!, outcome.Value!.Version, $"{ApiEndpoints.Prefix}/meetings/{outcome.Value.Id}");
    }

    private static async Task<Results<Created<IReadOnlyList<DecisionView>>, ProblemHttpResult>> DecisionsAsync(long id, DecisionsInput body, HttpContext context, GovernanceDesk desk, CancellationToken ct)
    {
        var outcome = await desk.AddDecisionsAsync(DubanUser.Required(context.User), Actor.From(context), id, body, ct);
        return outcome.Error is { } error ? ApiResults.From(error) : TypedResults.Created($"{ApiEndpoints.Prefix}/meetings/{id}", outcome.Value!);
    }

    private static async Task<Results<Ok<MeetingDetail>, ProblemHttpResult>> UploadMinutesAsync(long id, HttpContext context, GovernanceDesk desk, CancellationToken ct)
    {
        var admin = DubanUser.Required(context.User);
        if (await desk.MeetingAccessAsync(admin, id, ct) is { } refused) return ApiResults.From(refused);
        var (form, problem) = await MultipartForms.ReadAsync(context.Request, ct);
        if (form is null) return problem!;
        var file = form.Files.GetFile("file");
        if (file is null) return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "请选择会议纪要文件（file）。", "file");
        await using var content = file.OpenReadStream();
        var outcome = await desk.UploadMinutesAsync(admin, Actor.From(context), id, new MinutesUpload(file.FileName, file.Length, content), ct);
        return outcome.Error is { } error ? ApiResults.From(error) : TypedResults.Ok(outcome.Value!);
    }
}
