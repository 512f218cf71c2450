using Duban.Data;
using Duban.Data.Import;
using Duban.Data.Regions;
using Duban.Divisions;
using Duban.Parsing;
using Duban.Parsing.Model;
using Microsoft.Data.Sqlite;
using Duban.Data.Audit;

namespace Duban.Cli;

/// <summary>
/// Carries out an <see cref="ImportRequest"/>: each file analysed and confirmed with the proposals as they stand (no one
/// is there to review them), one line per file on stdout, one line per problem on stderr, then the exit code.
/// </summary>
internal sealed class ImportRun(CliConsole console)
{
    /// <summary>Above this many, a file's warnings are counted rather than all listed.</summary>
    private const int MaxListedWarnings = 10;

    private readonly ImportOptions options = ImportOptions.Default;

    public async Task<int> ExecuteAsync(ImportRequest request, CancellationToken ct)
    {
        DivisionRoot divisions;
        try
        {
            divisions = DivisionRoot.Parse(request.Divisions, DivisionCatalog.China);
        }
        catch (DivisionRootException e)
        {
            console.Error.WriteLine(new InputProblem("db.divisions", e.Message.Replace(DivisionRoot.Key, "--divisions")).ToLine());
            return ExitCodes.InputError;
        }

        DubanDbContext db;
        try
        {
            db = await CliDatabase.OpenAsync(request.Database, divisions, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine(new InputProblem("db.unusable", $"无法打开数据库：{e.Message}").ToLine(request.Database));
            return ExitCodes.InputError;
        }

        var failed = false;
        var warned = false;
        await using (db)
        {
            var (maps, mapProblems) = await ResolvedUnitMappings.ResolveAsync(db, request.Maps, ct);
            if (maps is null)
            {
                foreach (var problem in mapProblems) console.Error.WriteLine(problem.ToLine());
                return ExitCodes.InputError;
            }
            ImportDecisions? fromFile = null;
            if (request.Decisions is { } decisionsPath)
            {
                var (read, problem) = ReadDecisions(decisionsPath);
                if (problem is not null)
                {
                    console.Error.WriteLine(problem.ToLine(decisionsPath));
                    return ExitCodes.InputError;
                }
                fromFile = read;
            }
            var service = new PlanImportService(db, TimeProvider.System, new AuditLog(db, TimeProvider.System), new PlanParser(), options);
            var actor = new ImportActor("cli:" + Environment.UserName);
            PlanRegion region = request.Region is { } name ? new PlanRegion.Named(name) : new PlanRegion.FromDocument();
            foreach (var path in request.Files)
            {
                var outcome = await ImportOneAsync(service, region, actor, request, maps, fromFile, path, ct);
                failed |= outcome == FileStatus.Failed;
                warned |= outcome == FileStatus.StoredWithWarnings;
            }
            foreach (var unit in maps.Unused)
            {
                console.Error.WriteLine(new InputProblem("import.mapUnused", $"--map 的单位「{unit}」没有出现在任何导入的文件中").ToLine());
                warned = true;
            }
        }
        console.Out.Flush();
        console.Error.Flush();
        return failed ? ExitCodes.InputError : warned ? ExitCodes.Warnings : ExitCodes.Success;
    }

    private async Task<FileStatus> ImportOneAsync(
        PlanImportService service, PlanRegion region, ImportActor actor, ImportRequest request, ResolvedUnitMappings maps, ImportDecisions? fromFile,
        string path, CancellationToken ct)
    {
        try
        {
            if (Read(path) is not { } content) return FileStatus.Failed;
            // The command line runs as the machine's operator, who holds the database itself: full authority
            // (ImportAuthority.Unrestricted), every plan matched, new regions at the top of the tree (docs/import.md).
            var (analysis, result) = await service.ImportAsync(
                new ImportFile(content, Path.GetFileName(path)), region, fromFile?.TaskEdits, a => maps.Apply(a, request.CreateUnits, fromFile), actor, ct);
            console.Out.WriteLine($"{path}: {Describe(analysis, result)}");
            if (result.Outcome == ImportOutcome.Unchanged || analysis.Warnings.Count == 0) return FileStatus.Stored;
            WriteWarnings(analysis.Warnings);
            return FileStatus.StoredWithWarnings;
        }
        catch (UnmappedUnitsException e)
        {
            var hint = request.CreateUnits
                ? "这些单位有多个同样匹配的组织，用 --map 单位名=组织编号 指定"
                : "加 --create-units 可为它们新建组织，或用 --map 单位名=组织 指定已有组织";
            console.Error.WriteLine(new InputProblem(e.Code, $"{e.Message.TrimEnd('。')}；{hint}").ToLine(path));
        }
        catch (PlanImportException e)
        {
            console.Error.WriteLine(new InputProblem(e.Code, e.Message).ToLine(path));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            console.Error.WriteLine(InputProblem.Internal(e).ToLine(path));
        }
        return FileStatus.Failed;
    }

    /// <summary>The file's bytes, or null after reporting why there are none.</summary>
    private byte[]? Read(string path)
    {
        try
        {
            InputProblem? problem = null;
            if (Directory.Exists(path)) problem = InputProblem.IsDirectory();
            else if (!File.Exists(path)) problem = InputProblem.NotFound();
            // Checked before reading, so that a huge file is refused without loading it into memory.
            else if (new FileInfo(path).Length is var length && length > options.MaxFileBytes) problem = InputProblem.TooLarge(length, options.MaxFileBytes);
            if (problem is null) return File.ReadAllBytes(path);
            console.Error.WriteLine(problem.ToLine(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine(InputProblem.Unreadable(e).ToLine(path));
        }
        return null;
    }

    private static string Describe(ImportAnalysis analysis, ImportResult result) => result.Outcome switch
    {
        ImportOutcome.Imported =>
            $"已导入：计划 {result.PlanId}「{analysis.Title}」第 1 版：{result.TasksCreated} 项任务，{result.AssignmentsCreated} 条分工，"
            + $"新建 {result.OrganizationsCreated} 个单位，记住 {result.AliasesLearnt} 个别名（地区：{analysis.Region.Name}{(analysis.Region.Code is { } code ? " " + code : "")}）",
        ImportOutcome.NewVersion when result.Diff is { } diff =>
            $"新版本：计划 {result.PlanId}「{analysis.Title}」第 {result.VersionNumber} 版：+{diff.Added} −{diff.Removed} ~{diff.Changed}"
            + $"（{diff.Unchanged} 项未变），新建 {result.OrganizationsCreated} 个单位",
        _ => $"未变化：与计划 {result.PlanId} 第 {result.VersionNumber} 版"
            + (analysis.Duplicate?.Reason == DuplicateReason.SameText ? "文字相同" : "是同一文件") + "，没有写入任何内容",
    };

    private void WriteWarnings(IReadOnlyList<ParseWarning> warnings)
    {
        foreach (var warning in warnings.Take(MaxListedWarnings)) console.Out.WriteLine($"  警告 {warning.Code}：{warning.Message}");
        if (warnings.Count > MaxListedWarnings) console.Out.WriteLine($"  …另有 {warnings.Count - MaxListedWarnings} 条警告，用 duban parse --json 查看全部");
    }

    private enum FileStatus
    {
        Stored,
        StoredWithWarnings,
        Failed,
    }

    /// <summary>The decisions of a --decisions file, or the problem naming what is wrong with it.</summary>
    private static (ImportDecisions? Decisions, InputProblem? Problem) ReadDecisions(string path)
    {
        try
        {
            var input = System.Text.Json.JsonSerializer.Deserialize<ImportDecisionsInput>(File.ReadAllText(path), ImportDecisionsInput.Json);
            var (decisions, error) = (input ?? new ImportDecisionsInput(null)).ToDecisions();
            return error is null ? (decisions, null) : (null, new InputProblem("import.badDecisions", error));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return (null, new InputProblem("import.badDecisions", $"无法读取 decisions JSON：{e.Message}"));
        }
    }
}
