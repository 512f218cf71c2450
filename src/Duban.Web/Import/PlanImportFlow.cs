using System.Text.Json;
using Duban.Core.Import;
using Duban.Core.Import.Review;
using Duban.Core.Organizations;
using Duban.Data;
using Duban.Data.Import;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Parsing.Model;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Import;

/// <summary>A problem of an import request, as the API and the wizard report it.</summary>
/// <param name="Regions">For an ambiguous region: the regions to choose from, best first.</param>
public sealed record ImportProblem(int Status, string Code, string Field, string Message, IReadOnlyList<string>? Units = null,
    IReadOnlyList<RegionCandidate>? Regions = null)
{
    public string Title => (Status, Code) switch
    {
        (_, ImportErrorCodes.StoredElsewhere) => "文件已导入过",
        (400, ImportErrorCodes.RegionOutOfScope) => "地区不在管理范围内",
        (400, ImportErrorCodes.AmbiguousRegion) => "请指定地区",
        _ => Status switch
        {
            413 => "文件过大",
        415 => "不支持的文件类型",
            409 => "计划已有新的版本",
            _ => "导入失败",
        },
    };
}

/// <summary>The analysis with the token to confirm it with.</summary>
public sealed record AnalyzedImport(ImportAnalysis Analysis, string Token, IReadOnlyDictionary<long, string> OrganizationNames);

/// <summary>
/// The web side of importing: reads the upload, analyses it, signs what the analysis was based on, and on confirmation
/// checks the re-sent file against that, analyses it again and confirms with the caller's decisions. Stateless. Every
/// analysis, the confirmation's included, is made with what the signed-in administrator answers for
/// (<see cref="ImportAuthorities"/>): plans it may not revise are neither matched nor named, regions outside its scope
/// are refused.
/// </summary>
public sealed class PlanImportFlow(PlanImportService service, ImportTokens tokens, ImportOptions options, DubanDbContext db, Plans.AssignmentNotices notices, TimeProvider time)
{
    public ImportOptions Options => options;

    /// <summary>The region a token's analysis was asked for (null: from the document, or a bad token, which confirmation refuses).</summary>
    public RegionChoice RegionOf(string token) => tokens.Read(token) is { } ticket ? new RegionChoice(ticket.RegionId, ticket.RegionCode) : RegionChoice.FromDocument;

    /// <summary>The upload's bytes, or the problem with it (missing, wrong type, too large) before anything is read.</summary>
    public async Task<(ImportFile? File, ImportProblem? Problem)> ReadAsync(IFormFile? upload, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0)
            return (null, new ImportProblem(400, "import.noFile", ImportFields.File, $"请选择要导入的计划文件（{options.AllowedList}）。"));
        var extension = Path.GetExtension(upload.FileName);
        if (!options.AllowedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            return (null, new ImportProblem(415, ImportErrorCodes.FileType, ImportFields.File,
                ImportOptions.RefusalOf(extension) ?? $"不支持的文件类型「{extension}」：只能导入 {options.AllowedList} 文件。"));
        if (upload.Length > options.MaxFileBytes)
            return (null, new ImportProblem(413, ImportErrorCodes.FileTooLarge, ImportFields.File, $"文件过大：最大 {options.MaxFileBytes / 1024 / 1024.0:0.#} MB。"));
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        return (new ImportFile(buffer.ToArray(), Path.GetFileName(upload.FileName)), null);
    }

    public Task<(AnalyzedImport? Result, ImportProblem? Problem)> AnalyzeAsync(ImportFile file, long? regionId, DubanUser user, CancellationToken ct,
        IReadOnlyList<ReviewEdit>? edits = null) =>
        AnalyzeAsync(file, new RegionChoice(regionId, null), user, ct, edits);

    public async Task<(AnalyzedImport? Result, ImportProblem? Problem)> AnalyzeAsync(ImportFile file, RegionChoice region, DubanUser user, CancellationToken ct,
        IReadOnlyList<ReviewEdit>? edits = null)
    {
        try
        {
            var analysis = await service.AnalyzeAsync(file, region.ToPlanRegion(), ImportAuthorities.For(user), edits, ct);
            var token = tokens.Create(new ImportTicket(analysis.Sha256, region.Id, analysis.RevisionOf?.CurrentVersionId, analysis.Duplicate?.VersionId, region.Code));
            var ids = analysis.UnitProposals.SelectMany(p => p.OrganizationIds).Distinct().ToList();
            var names = await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            return (new AnalyzedImport(analysis, token, names), null);
        }
        catch (PlanImportException e)
        {
            return (null, ToProblem(e));
        }
    }

    /// <summary>The organisations and regions <paramref name="user"/> may choose for the units of a plan of <paramref name="region"/>.</summary>
    public Task<ImportChoices> ChoicesAsync(DubanUser user, AnalyzedRegion region, CancellationToken ct) => ImportChoices.LoadAsync(db, user, region, ct);

    public async Task<(ImportAnalysis? Analysis, ImportResult? Result, ImportProblem? Problem)> ConfirmAsync(
        string token, ImportFile file, ImportDecisions decisions, Actor actor, DubanUser user, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } ticket)
            return (null, null, new ImportProblem(400, "import.badToken", "token", "导入凭据无效或已过期（有效期 2 小时），请重新上传文件。"));
        try
        {
            var analysis = await service.AnalyzeAsync(file, new RegionChoice(ticket.RegionId, ticket.RegionCode).ToPlanRegion(), ImportAuthorities.For(user),
                decisions.TaskEdits, ct);
            if (analysis.Sha256 != ticket.Sha256)
                return (analysis, null, new ImportProblem(400, "import.fileMismatch", ImportFields.File, "上传的文件与分析时的文件不同，请重新上传并分析。"));
            // Stored meanwhile (by this or another request): the service answers Unchanged and writes nothing. Otherwise the
            // plan must still be where the analysis found it: no other current version, no plan that appeared since.
            if (analysis.Duplicate is null && analysis.RevisionOf?.CurrentVersionId != ticket.RevisedVersionId)
                return (analysis, null, new ImportProblem(409, ImportErrorCodes.Stale, ImportFields.File, "分析之后该计划已有变化（另有人导入了新版本），请重新上传并分析。"));
            // Decisions reaching outside the administrator's scope or the plan's region are refused before anything is written.
            if (analysis.Duplicate is null && (await ChoicesAsync(user, analysis.Region, ct)).Refusal(decisions) is { } refusal)
                return (analysis, null, refusal);
            var before = analysis.Duplicate is null && analysis.RevisionOf is { } revised ? await notices.CurrentAssignmentsAsync(revised.PlanId, ct) : null;
            var result = await service.ConfirmAsync(analysis, decisions, new ImportActor(actor.Name, actor.UserId, actor.RemoteAddress), ct);
            // Work a revision gives an organisation of a published plan is announced as the publication announced the rest.
            if (result.Outcome == ImportOutcome.NewVersion && before is not null)
                await notices.RevisionImportedAsync(result.PlanId, result.VersionNumber, before, time.GetUtcNow(), ct);
            return (analysis, result, null);
        }
        catch (PlanImportException e)
        {
            return (null, null, ToProblem(e));
        }
    }

    public static ImportProblem ToProblem(PlanImportException e) => e switch
    {
        UnmappedUnitsException u => new ImportProblem(400, u.Code, u.Field, u.Message, u.UnitNames),
        AmbiguousRegionException a => new ImportProblem(400, a.Code, a.Field, a.Message, Regions: a.Candidates),
        { Code: ImportErrorCodes.FileType } => new ImportProblem(415, e.Code, e.Field, e.Message),
        { Code: ImportErrorCodes.FileTooLarge } => new ImportProblem(413, e.Code, e.Field, e.Message),
        { Code: ImportErrorCodes.Stale or ImportErrorCodes.RemovesReportedWork or ImportErrorCodes.StoredElsewhere } => new ImportProblem(409, e.Code, e.Field, e.Message),
        _ => new ImportProblem(400, e.Code, e.Field, e.Message),
    };
}

/// <summary>
/// The region an import is asked for: by id, by 行政区划代码 (a division the database may not hold yet), or neither —
/// recognised from the document.
/// </summary>
public sealed record RegionChoice(long? Id, string? Code)
{
    public static RegionChoice FromDocument { get; } = new(null, null);

    public PlanRegion ToPlanRegion() => (Id, Code) switch
    {
        ({ } id, _) => new PlanRegion.Existing(id),
        (_, { Length: > 0 } code) => new PlanRegion.Coded(code),
        _ => new PlanRegion.FromDocument(),
    };
}
