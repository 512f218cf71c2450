using System.Text.Json;
using Duban.Core.Import;
using Duban.Data.Import;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Import;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Duban.Web.Api;

/// <param name="NewMembers">For a collective: the members not registered yet, which an expand decision may create (its create list).</param>
public sealed record ImportUnitView(string Name, string Canonical, string Proposal, IReadOnlyList<ImportOrganizationRef> Organizations, string Reason,
    NewOrganization? Suggestion, IReadOnlyList<NewOrganization> NewMembers);

public sealed record ImportOrganizationRef(long Id, string Name);

public sealed record ImportWarningView(string Code, string Message);

/// <param name="Tasks">The tasks as read (after the review's corrections): their keys are what taskEdits name.</param>
public sealed record ImportTaskListView(string Name, int TaskCount, IReadOnlyList<ImportTaskView> Tasks);

public sealed record ImportTaskView(string Key, string No, string Text, string? Deadline, DateOnly? Due, bool Ongoing, IReadOnlyList<ImportTaskUnitView> Units);

public sealed record ImportTaskUnitView(string Name, string Role, bool Primary);

/// <param name="Code">行政区划代码; for a region to create, the division of the national catalogue it will be.</param>
/// <param name="PathNames">The names from the top of the tree down, the region last: 山东省, 济南市, 平阴县.</param>
/// <param name="RecognisedFrom">Where the document names it (发文机关「平阴县人民政府」); null when the caller chose it.</param>
public sealed record ImportRegionView(long? Id, string Name, bool IsNew, string? Code, IReadOnlyList<string> PathNames, string? RecognisedFrom);

public sealed record ImportDuplicateView(long PlanId, long VersionId, int VersionNumber, string PlanTitle, string Reason);

public sealed record ImportRevisionView(long PlanId, string PlanTitle, int CurrentVersionNumber, int NextVersionNumber, string MatchedBy,
    int Added, int Removed, int Changed, int Unchanged);

/// <summary>What an upload would import, and the token to confirm it with (sent back with the same file).</summary>
public sealed record ImportAnalysisView(
    string Token, string FileName, string Sha256, long Size, string Format, string Title, string? DocNumber, string? Issuer, DateOnly? IssueDate,
    ImportRegionView Region, int TaskCount, IReadOnlyList<ImportTaskListView> TaskLists, IReadOnlyList<ImportWarningView> Warnings,
    IReadOnlyList<ImportUnitView> Units, ImportDuplicateView? Duplicate, ImportRevisionView? Revision)
{
    public static ImportAnalysisView From(AnalyzedImport analyzed)
    {
        var a = analyzed.Analysis;
        return new(analyzed.Token, a.File.FileName, a.Sha256, a.Size, a.Format, a.Title, a.Document.DocNumber, a.Document.Issuer, a.Document.IssueDate,
            new ImportRegionView(a.Region.Id, a.Region.Name, a.Region.IsNew, a.Region.Code, a.Region.Lineage, a.Region.Clue), a.TaskCount,
            a.Document.TaskLists.Select((l, li) => new ImportTaskListView(l.Name, l.Tasks.Count,
                TaskKeys.Of(a.Document).Where(k => k.ListIndex == li).Select(k => new ImportTaskView(k.Key, k.Task.No, k.Task.Text, k.Task.Deadline?.Raw,
                    k.Task.Deadline?.Due, k.Task.Deadline?.Ongoing ?? false,
                    k.Task.Units.Select(u => new ImportTaskUnitView(u.Name, JsonNamingPolicy.CamelCase.ConvertName(u.Role.ToString()), u.Primary)).ToList())).ToList())).ToList(),
            a.Warnings.Select(w => new ImportWarningView(w.Code, w.Message)).ToList(),
            a.UnitProposals.Select(p => new ImportUnitView(p.Unit.Name, p.Unit.Canonical, JsonNamingPolicy.CamelCase.ConvertName(p.Kind.ToString()),
                p.OrganizationIds.Select(id => new ImportOrganizationRef(id, analyzed.OrganizationNames.GetValueOrDefault(id, ""))).ToList(), p.Reason, p.Suggestion,
                p.MembersToCreate)).ToList(),
            a.Duplicate is { } d ? new ImportDuplicateView(d.PlanId, d.VersionId, d.VersionNumber, d.PlanTitle, JsonNamingPolicy.CamelCase.ConvertName(d.Reason.ToString())) : null,
            a.RevisionOf is { } r ? new ImportRevisionView(r.PlanId, r.PlanTitle, r.CurrentNumber, r.NextNumber, JsonNamingPolicy.CamelCase.ConvertName(r.MatchedBy.ToString()),
                r.Diff.Added, r.Diff.Removed, r.Diff.Changed, r.Diff.Unchanged) : null);
    }
}

public sealed record ImportResultView(string Outcome, long PlanId, long VersionId, int VersionNumber, int TasksCreated, int AssignmentsCreated,
    int OrganizationsCreated, int AliasesLearnt, int? Added, int? Removed, int? Changed);

/// <summary>
/// Plan import for administrators. Stateless: the analysis answers with a token signed with the data-protection keys
/// (the file's SHA-256, the region, the version a revision was compared with); the confirmation sends the same file
/// again with the token and the decisions, and is refused if the file differs or the plan moved on (409).
/// The bodies are read by hand (multipart/form-data), so that every problem is answered in this API's shape.
/// </summary>
public static class ImportEndpoints
{
    public static void MapImport(this RouteGroupBuilder api)
    {
        var import = api.MapGroup("/plans/import").WithTags("计划导入").RequireAuthorization(DubanPolicies.Admin)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        import.MapPost("", AnalyzeAsync).WithName("AnalyzeImport").WithSummary("分析计划文件")
            .WithDescription("multipart/form-data：file 为 .txt、.docx、.pdf（带文字层）、.html / .mht（另存的网页）或 .xlsx / .xls / .et / .ods（分工表）计划文件，可选 regionId 或 regionCode（6 位行政区划代码；都不给时按发文机关、标题、发文字号、主送机关识别地区）。不写入任何数据；返回解析结果、识别出的地区（id、名称、代码、上级名称、依据）、单位匹配建议、重复或新版本信息，以及用于确认的 token（2 小时有效）。"
                + "同名地区无法区分时返回 400（code 为 import.ambiguousRegion，regions 列出候选地区的 id、名称、代码和上级名称），请用 regionId 或 regionCode 指定后重新分析。"
                + "同一文件已作为范围以外的计划导入时返回 409（code 为 import.storedElsewhere，不说明是哪个计划）。");
        import.MapPost("/{token}/confirm", ConfirmAsync).WithName("ConfirmImport").WithSummary("确认导入")
            .WithDescription("multipart/form-data：file 为分析时的同一文件，decisions 为 JSON：{\"units\":{\"单位名称\":{\"action\":\"map|create|expand\",\"organizationIds\":[1],\"rememberAlias\":true,\"name\":\"…\",\"kind\":\"department\",\"regionId\":null}},\"allowWithoutTasks\":false}。每个需要处理的单位都须给出决定；所选组织与新建地区须在管理员的数据范围内，并属于计划的地区及其上下级地区（否则 400，code 为 import.outOfScope）。成功返回 201；文件已导入过返回 200（未变化）；计划在分析后有了新版本返回 409。")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ImportAnalysisView>, ProblemHttpResult>> AnalyzeAsync(HttpRequest request, PlanImportFlow flow, CancellationToken ct)
    {
        var (form, formProblem) = await ReadFormAsync(request, ct);
        if (formProblem is not null) return Problem(formProblem);
        long? regionId = null;
        if (form!.TryGetValue("regionId", out var region) && !string.IsNullOrEmpty(region))
        {
            if (!long.TryParse(region, out var id)) return Problem(new ImportProblem(400, "import.badRegion", "regionId", "regionId 必须是地区编号。"));
            regionId = id;
        }
        string? regionCode = null;
        if (form.TryGetValue("regionCode", out var code) && !string.IsNullOrWhiteSpace(code))
        {
            regionCode = Duban.Divisions.DivisionCodes.Normalize(code);
            if (regionCode is null) return Problem(new ImportProblem(400, "import.badRegion", "regionCode", "regionCode 必须是 2、4 或 6 位行政区划代码（如 620800）。"));
        }
        var (file, fileProblem) = await flow.ReadAsync(form.Files.GetFile("file"), ct);
        if (fileProblem is not null) return Problem(fileProblem);
        var (analyzed, problem) = await flow.AnalyzeAsync(file!, new RegionChoice(regionId, regionCode), DubanUser.Required(request.HttpContext.User), ct);
        return problem is not null ? Problem(problem) : TypedResults.Ok(ImportAnalysisView.From(analyzed!));
    }

    private static async Task<Results<Created<ImportResultView>, Ok<ImportResultView>, ProblemHttpResult>> ConfirmAsync(
        string token, HttpRequest request, PlanImportFlow flow, CancellationToken ct)
    {
        var (form, formProblem) = await ReadFormAsync(request, ct);
        if (formProblem is not null) return Problem(formProblem);
        var (file, fileProblem) = await flow.ReadAsync(form!.Files.GetFile("file"), ct);
        if (fileProblem is not null) return Problem(fileProblem);
        ImportDecisionsInput? input;
        try
        {
            input = form.TryGetValue("decisions", out var json) && !string.IsNullOrWhiteSpace(json)
                ? JsonSerializer.Deserialize<ImportDecisionsInput>(json.ToString(), ImportDecisionsInput.Json)
                : new ImportDecisionsInput(null);
        }
        catch (JsonException)
        {
            return Problem(new ImportProblem(400, "import.badDecisions", "decisions", "decisions 不是有效的 JSON。"));
        }
        var (decisions, error) = (input ?? new ImportDecisionsInput(null)).ToDecisions();
        if (error is not null) return Problem(new ImportProblem(400, ImportErrorCodes.InvalidDecision, ImportFields.Units, error));

        var (_, result, problem) = await flow.ConfirmAsync(token, file!, decisions!, Actor.From(request.HttpContext), DubanUser.Required(request.HttpContext.User), ct);
        if (problem is not null) return Problem(problem);
        var r = result!;
        var view = new ImportResultView(JsonNamingPolicy.CamelCase.ConvertName(r.Outcome.ToString()), r.PlanId, r.VersionId, r.VersionNumber, r.TasksCreated,
            r.AssignmentsCreated, r.OrganizationsCreated, r.AliasesLearnt, r.Diff?.Added, r.Diff?.Removed, r.Diff?.Changed);
        return r.Outcome == ImportOutcome.Unchanged ? TypedResults.Ok(view) : TypedResults.Created($"{ApiEndpoints.Prefix}/plans/{r.PlanId}", view);
    }

    private static async Task<(IFormCollection? Form, ImportProblem? Problem)> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return (null, new ImportProblem(415, "import.notMultipart", "file", "请求体必须是 multipart/form-data，文件放在 file 字段。"));
        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        // The form reader says "too large" and "not multipart at all" with the same exception type; only a limit's
        // message names the limit, so anything else is a malformed body (400), not an oversized one (413).
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new ImportProblem(413, ImportErrorCodes.FileTooLarge, "file", "请求内容超过了允许的大小。"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, new ImportProblem(413, ImportErrorCodes.FileTooLarge, "file", "请求内容超过了允许的大小。"));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, new ImportProblem(400, "import.badMultipart", "file", "请求体不是完整的 multipart/form-data：请检查边界（boundary）和各部分的头。"));
        }
    }

    private static ProblemHttpResult Problem(ImportProblem problem)
    {
        var result = ApiResults.Problem(problem.Status, problem.Title, problem.Message, problem.Field);
        result.ProblemDetails.Extensions["code"] = problem.Code;
        if (problem.Units is { Count: > 0 }) result.ProblemDetails.Extensions["units"] = problem.Units;
        if (problem.Regions is { Count: > 0 })
            result.ProblemDetails.Extensions["regions"] = problem.Regions.Select(r => new { r.Id, r.Name, r.Code, PathNames = r.Lineage }).ToList();
        return result;
    }
}
