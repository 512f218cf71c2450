using System.CommandLine;
using System.CommandLine.Parsing;

namespace Duban.Cli;

/// <summary><c>duban parse FILE... [--json|--table] [--out DIR]</c>.</summary>
internal sealed class ParseCommand : Command
{
    private readonly Argument<string[]> files = new("FILE")
    {
        Arity = ArgumentArity.OneOrMore,
        Description = "要解析的 .txt / .docx / .pdf / .html / .xlsx 文件 (plan files to parse)",
    };

    private readonly Option<bool> json = new("--json")
    {
        Description = "把 PlanDocument JSON 写到标准输出，只用于一个文件；与 --out 同用时写入目录 (write the plan JSON to stdout; one file only)",
    };

    private readonly Option<bool> table = new("--table")
    {
        Description = "输出可读的任务表（未指定 --json 或 --out 时的默认输出） (print a readable summary; the default)",
    };

    private readonly Option<string?> outDirectory = new("--out", "-o")
    {
        Description = "每个输入写一个 JSON 文件到 DIR/<文件名>.json，重名时加 -2、-3 (write DIR/<name>.json per input)",
        HelpName = "DIR",
    };

    public ParseCommand(CliConsole console, PlanFileReader reader)
        : base("parse", "解析实施方案，提取标题、文号、任务清单 (parse plan documents)")
    {
        Add(files);
        Add(json);
        Add(table);
        Add(outDirectory);
        Validators.Add(Validate);
        SetAction(result => new ParseRun(console, reader).Execute(ParseRequest.From(
            result.GetValue(files) ?? [],
            result.GetValue(json),
            result.GetValue(table),
            result.GetValue(outDirectory))));
    }

    private void Validate(CommandResult result)
    {
        var inputs = result.GetValue(files) ?? [];
        var wantsJson = result.GetValue(json);
        if (wantsJson && result.GetValue(table)) result.AddError("--json 与 --table 不能同时使用。");
        // One document or an array depending on how many files a glob matched would surprise scripts; refuse instead.
        if (wantsJson && result.GetValue(outDirectory) is null && inputs.Length > 1)
        {
            result.AddError($"--json 只能用于一个文件（收到 {inputs.Length} 个）；多个文件请用 --out DIR，每个文件写一个 JSON。");
        }
        // The parser hands unknown options to FILE; a misspelt option should not be reported as a missing file.
        foreach (var input in inputs.Where(i => i.StartsWith('-') && i.Length > 1 && !File.Exists(i)))
        {
            result.AddError($"未知选项：{input}");
        }
    }
}
