using Duban.Cli.Tests.Support;
using Spectre.Console;

namespace Duban.Cli.Tests;

public sealed class ProgressTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void More_than_three_files_show_progress_on_the_progress_console_and_stdout_stays_clean()
    {
        var files = Enumerable.Range(1, FileProgress.Threshold + 1)
            .Select(i => temp.Write($"plan{i}.txt", SamplePlans.Clean($"第{i}个实施方案"))).ToArray();
        using var progressOutput = new StringWriter();

        var result = InProcessCli.Run(reader: null, TerminalLike(progressOutput), ["parse", .. files]);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        progressOutput.ToString().ShouldContain("解析");
        result.Out.ShouldNotContain("\u001b");
        result.Out.ShouldNotContain("%");
        result.Error.ShouldBeEmpty();
        foreach (var i in Enumerable.Range(1, files.Length)) result.Out.ShouldContain($"第{i}个实施方案");
    }

    [Fact]
    public void Three_files_or_fewer_show_no_progress()
    {
        var files = Enumerable.Range(1, FileProgress.Threshold)
            .Select(i => temp.Write($"plan{i}.txt", SamplePlans.Clean())).ToArray();
        using var progressOutput = new StringWriter();

        var result = InProcessCli.Run(reader: null, TerminalLike(progressOutput), ["parse", .. files]);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        progressOutput.ToString().ShouldBeEmpty();
    }

    /// <summary>A console that behaves like a terminal (live rendering, escape codes) but writes to a string.</summary>
    private static IAnsiConsole TerminalLike(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.Yes,
        });
        console.Profile.Width = 100;
        return console;
    }
}
