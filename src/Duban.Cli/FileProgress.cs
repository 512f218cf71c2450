using Spectre.Console;

namespace Duban.Cli;

/// <summary>Runs a step per input file, with a progress bar when there are enough files to wait for.</summary>
internal sealed class FileProgress(IAnsiConsole? console)
{
    /// <summary>Up to this many files, parsing is quick enough that a bar would only flicker.</summary>
    public const int Threshold = 3;

    public void ForEach(IReadOnlyList<string> files, Action<int> step)
    {
        if (console is null || files.Count <= Threshold)
        {
            for (var i = 0; i < files.Count; i++) step(i);
            return;
        }

        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("解析", maxValue: files.Count);
                for (var i = 0; i < files.Count; i++)
                {
                    task.Description = Markup.Escape($"解析 {Path.GetFileName(files[i])}");
                    step(i);
                    task.Increment(1);
                }
            });
    }
}
