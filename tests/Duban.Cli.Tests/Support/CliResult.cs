namespace Duban.Cli.Tests.Support;

/// <summary>What a run of duban produced.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> ErrorLines => Lines(Error);

    public IReadOnlyList<string> OutLines => Lines(Out);

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
}
