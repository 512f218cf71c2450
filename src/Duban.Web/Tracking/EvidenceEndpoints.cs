using System.Globalization;
using Duban.Core.Tracking.Reporting;
using Duban.Data.Tracking;
using Duban.Web.Api;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tracking;

public static class EvidenceEndpoints
{
    public static void MapEvidence(this RouteGroupBuilder api)
    {
        var reads = api.MapGroup("/evidence").WithTags("佐证材料").RequireAuthorization(DubanPolicies.SignedIn);
        reads.MapGet("/{id:long}", DownloadAsync).WithName("DownloadEvidence").WithSummary("下载佐证材料")
            .WithDescription("只有能看到该任务的用户可以下载（承担该任务的单位的填报员；数据范围内的管理员、督查员），其他人得到 404。以附件形式返回，文件名为上传时的名称。")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = api.MapGroup("/evidence").WithTags("佐证材料").RequireAuthorization(DubanPolicies.Reporter).ProducesProblem(StatusCodes.Status403Forbidden);
        writes.MapPost("", UploadAsync).WithName("UploadEvidence").WithSummary("上传佐证材料")
            .WithDescription("multipart/form-data：file 文件（pdf、docx、xlsx、jpg、png，按扩展名和文件头同时校验；默认不超过 20 MB），"
                             + "taskId（本单位承担的任务）或 targetId（本单位负责填报的指标）二选一。返回的 id 放入报告或指标值的 evidenceIds。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        long id, HttpContext context, TrackingQueries queries, EvidenceStore store, CancellationToken ct)
    {
        var evidence = await queries.VisibleEvidence(DubanUser.Required(context.User)).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (evidence is null || !store.Exists(evidence.Sha256)) return ApiResults.NotFound("未找到该佐证材料。");
        // Never rendered in the application's origin: an attachment, its declared type, no sniffing (set for every response).
        return TypedResults.File(store.Open(evidence.Sha256), EvidenceFormat.ContentType(evidence.Type), evidence.FileName,
            lastModified: evidence.UploadedAt, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + evidence.Sha256 + "\""));
    }

    private static async Task<Results<Created<EvidenceView>, ProblemHttpResult>> UploadAsync(
        HttpContext context, EvidenceUploads uploads, CancellationToken ct)
    {
        var (form, problem) = await MultipartForms.ReadAsync(context.Request, ct);
        if (form is null) return problem!;
        if (!TryId(form, "taskId", out var taskId)) return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "taskId 必须是整数。", "taskId");
        if (!TryId(form, "targetId", out var targetId)) return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "targetId 必须是整数。", "targetId");
        var file = form.Files.GetFile("file");
        if (file is null) return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "请选择要上传的文件（file）。", "file");

        await using var content = file.OpenReadStream();
        var outcome = await uploads.UploadAsync(TrackingApi.ActorOf(context), new EvidenceUpload(file.FileName, file.Length, content, taskId, targetId), ct);
        if (outcome.Error is { } error) return TrackingApi.Problem(error);
        var view = TrackingQueries.View(outcome.Value!);
        return TypedResults.Created(view.Url, view);
    }

    private static bool TryId(IFormCollection form, string name, out long? id)
    {
        id = null;
        var text = form[name].ToString();
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return false;
        id = value;
        return true;
    }
}
