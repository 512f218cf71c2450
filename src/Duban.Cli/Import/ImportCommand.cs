using System.CommandLine;
using System.CommandLine.Parsing;

namespace Duban.Cli;

/// <summary><c>duban import FILE... [--region NAME|CODE] [--create-units] [--map UNIT=ORG]... [--db PATH] [--divisions ROOT]</c>.</summary>
internal sealed class ImportCommand : Command
{
    public const string DefaultDatabase = "data/duban.db";

    private readonly Argument<string[]> files = new("FILE")
    {
        Arity = ArgumentArity.OneOrMore,
        Description = "要导入的 .txt / .docx / .pdf / .html / .xlsx 文件 (plan files to import)",
    };

    private readonly Option<string?> region = new("--region")
    {
        Description = "计划所属地区（名称或行政区划代码），没有则新建；默认按发文机关、标题等识别 (the plan's region by name or code, created if missing; default: recognised from the document)",
        HelpName = "NAME|CODE",
    };

    private readonly Option<bool> createUnits = new("--create-units")
    {
        Description = "为找不到对应组织的单位新建组织；不加时这些单位是错误 (create organisations for unmatched units)",
    };

    private readonly Option<string[]> maps = new("--map")
    {
        Description = "把文件中的单位名指定为某个已有组织（组织编号或全称），或 none（不作为单位）、new / new:名称（新建）、expand（展开集合单位，新建未登记的成员），可重复 (map a unit: UNIT=ID, UNIT=NAME, UNIT=none, UNIT=new[:NAME], UNIT=expand; repeatable)",
        HelpName = "UNIT=ORG",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> decisions = new("--decisions")
    {
        Description = "JSON 文件：与 API 确认导入时相同的 decisions（units 的 map/create/expand/none 及 taskEdits 的任务修改），在其他选项之后生效；只用于一个文件 (the API's decisions JSON: unit choices and task edits; one file only)",
        HelpName = "PATH",
    };

    private readonly Option<string> database = new("--db")
    {
        Description = $"SQLite 数据库文件，没有则创建 (the SQLite database; default {DefaultDatabase})",
        HelpName = "PATH",
        DefaultValueFactory = _ => DefaultDatabase,
    };

    /// <summary>The environment variable the web host reads Divisions:Root from; the command line reads the same one.</summary>
    public const string DivisionsVariable = "Divisions__Root";

    private readonly Option<string?> divisions = new("--divisions")
    {
        Description = $"打开数据库时载入的行政区划：全国（默认）、省市县代码（62、620800、370124）或 none；默认取环境变量 {DivisionsVariable} (the national regions to load: 全国, a code, or none)",
        HelpName = "ROOT",
    };

    public ImportCommand(CliConsole console)
        : base("import", "导入实施方案：任务、责任单位、分工，重复导入不变，修订稿成为新版本 (import plans into the database)")
    {
        Add(files);
        Add(region);
        Add(createUnits);
        Add(maps);
        Add(decisions);
        Add(database);
        Add(divisions);
        Validators.Add(Validate);
        SetAction((result, ct) => new ImportRun(console).ExecuteAsync(new ImportRequest(
            result.GetValue(files) ?? [],
            result.GetValue(region),
            result.GetValue(createUnits),
            (result.GetValue(maps) ?? []).Select(m => UnitMapping.Parse(m)!).ToList(),
            result.GetValue(database) ?? DefaultDatabase,
            result.GetValue(divisions) ?? Environment.GetEnvironmentVariable(DivisionsVariable),
            result.GetValue(decisions)), ct));
    }

    private void Validate(CommandResult result)
    {
        if (result.GetValue(region) is { } name && string.IsNullOrWhiteSpace(name)) result.AddError("--region 的地区名称不能为空。");
        if (result.GetValue(decisions) is { } path)
        {
            if (!File.Exists(path)) result.AddError($"--decisions {path}：文件不存在。");
            if ((result.GetValue(files) ?? []).Length > 1) result.AddError("--decisions 只能与一个文件同用：其中的单位和任务属于那一个文件。");
        }
        foreach (var map in (result.GetValue(maps) ?? []).Where(m => UnitMapping.Parse(m) is null))
            result.AddError($"--map {map}：应写成 单位名=组织编号 或 单位名=组织全称，两边都不能为空。");
        // The parser hands unknown options to FILE; a misspelt option should not be reported as a missing file.
        foreach (var input in (result.GetValue(files) ?? []).Where(i => i.StartsWith('-') && i.Length > 1 && !File.Exists(i)))
            result.AddError($"未知选项：{input}");
    }
}

/// <summary>What <c>duban import</c> was asked to do.</summary>
/// <param name="Region">The region's name, or null for the one the document's issuer names.</param>
/// <param name="CreateUnits">Create an organisation for every unit without a match (ambiguous ones still fail).</param>
/// <param name="Maps">Units the user mapped by hand (<c>--map</c>), applied before the proposals' defaults.</param>
/// <param name="Database">The SQLite file.</param>
/// <param name="Divisions">The part of the national tree to load when opening the database (Divisions:Root): null or 全国 for all.</param>
/// <param name="Decisions">A JSON file of decisions as the API takes them (units and task edits), applied last.</param>
internal sealed record ImportRequest(IReadOnlyList<string> Files, string? Region, bool CreateUnits, IReadOnlyList<UnitMapping> Maps, string Database,
    string? Divisions = null, string? Decisions = null);
