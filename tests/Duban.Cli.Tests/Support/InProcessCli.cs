using Spectre.Console;

namespace Duban.Cli.Tests.Support;

/// <summary>Runs duban inside the test process with captured writers.</summary>
internal static class InProcessCli
{
    public static CliResult Run(params string[] args) => Run(reader: null, progress: null, args);

    public static CliResult Run(PlanFileReader? reader, IAnsiConsole? progress, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = DubanCli.Run(args, CliConsole.ForWriters(output, error, progress), reader);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
