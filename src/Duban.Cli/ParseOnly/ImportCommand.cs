using System.CommandLine;

namespace Duban.Cli;

/// <summary>
/// <c>duban import</c> in the Native AOT build, which is parse-only (docs/cli.md, "A faster duban parse"): importing
/// needs EF Core, whose migrations and LINQ queries cannot run without a JIT. The command stays known so that a user
/// of that build is told what to run instead rather than "unknown command".
/// </summary>
internal sealed class ImportCommand : Command
{
    private readonly Argument<string[]> files = new("FILE") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };

    public ImportCommand(CliConsole console)
        : base("import", "导入实施方案（此 Native AOT 版本只能解析，不能导入） (not in this parse-only build)")
    {
        Add(files);
        TreatUnmatchedTokensAsErrors = false;
        SetAction(_ =>
        {
            console.Error.WriteLine("duban: 此版本是只含 parse 的 Native AOT 版本，不能导入；请用 dotnet run --project src/Duban.Cli -- import … 或 ReadyToRun 版本（docs/cli.md）。");
            return ExitCodes.InputError;
        });
    }
}
