using Spectre.Console;

namespace Duban.Cli;

/// <summary>
/// Where the program writes. Injected so that tests can run commands in-process with captured writers.
/// </summary>
/// <param name="Out">Standard output: the JSON or the table, and nothing else, so that it can be piped.</param>
/// <param name="Error">Standard error: one line per problem.</param>
/// <param name="Table">The console the table is rendered to; it writes to <paramref name="Out"/>.</param>
/// <param name="Progress">Where the progress bar goes (stderr), or null to show none.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, IAnsiConsole Table, IAnsiConsole? Progress)
{
    /// <summary>
    /// The bytes behind <see cref="Out"/> when it is the process's standard output: JSON is written there as UTF-8
    /// directly, not built as a string and encoded again (megabytes for a large plan). Null for captured writers.
    /// </summary>
    public Stream? OutStream { get; init; }

    /// <summary>Width of the table when stdout is a file or pipe and there is no terminal to measure.</summary>
    public const int RedirectedWidth = 160;

    public static CliConsole FromSystemConsole()
    {
        var table = Console.IsOutputRedirected
            ? PlainConsole(Console.Out, RedirectedWidth)
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        // A progress bar only makes sense on a terminal; in a log file it would be noise.
        var progress = Console.IsErrorRedirected
            ? null
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return new CliConsole(Console.Out, Console.Error, table, progress) { OutStream = Console.OpenStandardOutput() };
    }

    /// <summary>A console over plain writers, for tests and redirected output: no colours, no escape codes.</summary>
    public static CliConsole ForWriters(TextWriter output, TextWriter error, IAnsiConsole? progress = null, int width = 120) =>
        new(output, error, PlainConsole(output, width), progress);

    public static IAnsiConsole PlainConsole(TextWriter writer, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }
}
