using System.Globalization;
using Duban.Web.Api;
using Duban.Web.Ledger;
using Duban.Web.Operations;
using Duban.Web.Security;
using Duban.Web.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Web.Spreadsheets;

/// <summary>The 填报模板 routes (docs/spreadsheets.md) and their services.</summary>
public static class TemplateEndpoints
{
    public const string RowErrorsTitle = "模板内容有误";

    public static RouteGroupBuilder MapTemplates(this RouteGroupBuilder api)
    {
        var reads = api.MapGroup("/templates").WithTags("填报模板").RequireAuthorization(DubanPolicies.SignedIn);
        reads.MapGet("/progress.xlsx", DownloadAsync).WithName("DownloadTemplate").WithSummary("下载填报模板")
            .WithDescription("生成单位（organizationId，填报员默认本单位且只能是本单位；管理员、督查员为数据范围内的单位）某周期的 .xlsx 填报模板：“进展填报”每个应报任务分工一行，"
                             + "“指标填报”每个该单位负责的指标一行，已有内容预先填入。周期：periodId（已存储的周期）或 period（周期内任一天，yyyy-MM-dd），都不给时为当前应报周期。")
            .Produces(StatusCodes.Status200OK, contentType: XlsxWorkbook.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        var writes = api.MapGroup("/templates").WithTags("填报模板").RequireAuthorization(DubanPolicies.Reporter).ProducesProblem(StatusCodes.Status403Forbidden);
        writes.MapPost("/import", ImportAsync).WithName("ImportTemplate").WithSummary("导入填好的填报模板")
            .WithDescription("multipart/form-data，file 为填好的 .xlsx 模板（默认不超过 5 MB）。逐行校验，任何一行有误则整个文件不导入，返回 400，"
                             + "errors 为 [{sheet, row, column, message}]；全部正确时在一个事务中为每个有改动的行新增一次修订。进展报告默认保存为草稿；submitForReview=true 时同时提交审核（未改动的草稿或已退回报告也一并提交）。")
            .Produces<TemplateImportResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return api;
    }

    public static IServiceCollection AddSpreadsheets(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SpreadsheetLimits(
            sp.GetRequiredService<IConfiguration>().GetValue<long?>("Spreadsheets:MaxBytes") ?? SpreadsheetLimits.DefaultMaxBytes));
        services.AddScoped<TemplateGenerator>();
        services.AddScoped<TemplateImport>();
        return services;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        long? organizationId, long? periodId, string? period, HttpContext context, TemplateGenerator generator, CancellationToken ct)
    {
        if (!TryDay(period, out var day))
            return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "period 必须是日期（yyyy-MM-dd），表示周期内的任一天。", "period");
        var outcome = await generator.GenerateAsync(DubanUser.Required(context.User), new TemplateRequest(organizationId, periodId, day), ct);
        if (outcome.Error is { } error) return ApiResults.From(error);
        return TypedResults.File(outcome.Value!.Content, XlsxWorkbook.ContentType, outcome.Value.FileName);
    }

    public static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        day = parsed;
        return true;
    }

    private static async Task<Results<Ok<TemplateImportResult>, ProblemHttpResult>> ImportAsync(
        HttpContext context, TemplateImport import, SpreadsheetLimits limits, CancellationToken ct)
    {
        var (form, problem) = await MultipartForms.ReadAsync(context.Request, ct);
        if (form is null) return problem!;
        var file = form.Files.GetFile("file");
        if (file is null) return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "请选择要导入的填报模板（file）。", "file");
        var read = await ReadAsync(file, limits, ct);
        if (read.Error is { } refused) return ApiResults.From(refused);
        var outcome = await import.ImportAsync(DubanUser.Required(context.User), TrackingApi.ActorOf(context), read.Value!, SubmitAsked(form), ct);
        if (outcome.Refusal is { } refusal) return ApiResults.From(refusal);
        if (outcome.Errors.Count > 0) return RowErrors(outcome.Errors);
        return TypedResults.Ok(outcome.Result!);
    }

    /// <summary>The form's <c>submitForReview</c> field: true (or a checked box's "on") submits every imported report for review.</summary>
    public static bool SubmitAsked(IFormCollection form) =>
        form["submitForReview"].ToString().Trim().ToLowerInvariant() is "true" or "on" or "1";

    /// <summary>The upload's bytes, refused by name and size before anything is unpacked.</summary>
    public static async Task<Outcome<byte[]>> ReadAsync(IFormFile file, SpreadsheetLimits limits, CancellationToken ct)
    {
        if (!Path.GetExtension(file.FileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
            return Outcome<byte[]>.Invalid("file", "只能导入 .xlsx 格式的填报模板。");
        if (file.Length > limits.MaxBytes)
            return Outcome<byte[]>.Invalid("file", $"文件超过 {limits.MaxBytes / 1024 / 1024} MB，请只导入系统生成的模板。");
        using var buffer = new MemoryStream((int)file.Length);
        await using (var stream = file.OpenReadStream()) await stream.CopyToAsync(buffer, ct);
        return Outcome<byte[]>.Ok(buffer.ToArray());
    }

    /// <summary>400 listing every wrong cell: errors is [{sheet, row, column, message}].</summary>
    public static ProblemHttpResult RowErrors(IReadOnlyList<TemplateRowError> errors)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = RowErrorsTitle,
            Detail = $"模板中有 {errors.Count} 处错误，整个文件未导入；请按错误清单逐行修改后重新导入。",
        };
        problem.Extensions["field"] = "file";
        problem.Extensions["errors"] = errors;
        return TypedResults.Problem(problem);
    }
}
