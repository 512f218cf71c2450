using System.CommandLine;
using System.CommandLine.Invocation;

namespace Duban.Cli;

/// <summary>The <c>duban</c> command line: builds the commands and runs them against a <see cref="CliConsole"/>.</summary>
internal static class DubanCli
{
    public static RootCommand CreateRoot(CliConsole console, PlanFileReader reader)
    {
        var root = new RootCommand("duban：读取实施方案，提取任务清单 (reads Chinese plan documents and their task lists)")
        {
            new ParseCommand(console, reader),
            new ImportCommand(console),
        };
        // Help and version speak for duban, also when it runs inside another process (the tests).
        root.HelpName = "duban";
        foreach (var version in root.Options.OfType<VersionOption>()) version.Action = new VersionAction();
        return root;
    }

    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(IReadOnlyList<string> args, CliConsole console, PlanFileReader? reader = null)
    {
        var root = CreateRoot(console, reader ?? PlanFileReader.Default);
        try
        {
            if (args.Count == 0)
            {
                // Nothing asked: show what can be asked, on stderr since it is not the program's output.
                root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = console.Error, Error = console.Error });
                return ExitCodes.InputError;
            }

            var result = root.Parse(args);
            if (result.Action is ParseErrorAction)
            {
                // One line per error; the library's own handler would add the whole help text and exit with 1.
                foreach (var error in result.Errors) console.Error.WriteLine($"duban: {error.Message}");
                return ExitCodes.InputError;
            }
            return result.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            // Per-file failures are caught where they happen; this is the last line of defence against a stack trace.
            console.Error.WriteLine(InputProblem.Internal(e).ToLine());
            return ExitCodes.InputError;
        }
    }
}
