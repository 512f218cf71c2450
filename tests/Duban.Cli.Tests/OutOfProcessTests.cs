using System.Text.Json;
using Duban.Cli.Tests.Support;

namespace Duban.Cli.Tests;

/// <summary>Runs the built duban as its own process: real stdout/stderr, real exit codes, real console detection.</summary>
public sealed class OutOfProcessTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Json_on_stdout_is_pure_json_and_the_exit_code_is_0()
    {
        temp.Write("plan.txt", SamplePlans.Clean());

        var result = DubanProcess.Run(temp.Path, "parse", "plan.txt", "--json");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Error);
        result.Error.ShouldBeEmpty();
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        json.RootElement.GetProperty("title").GetString().ShouldBe(SamplePlans.Title);
    }

    [Fact]
    public void A_missing_file_exits_2_with_one_line_and_no_stack_trace()
    {
        var result = DubanProcess.Run(temp.Path, "parse", "data/x.txt", "--json");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe("duban: data/x.txt: 文件不存在（file.notFound）");
    }

    [Fact]
    public void Warnings_exit_1()
    {
        temp.Write("notice.txt", SamplePlans.WithoutTaskList);

        DubanProcess.Run(temp.Path, "parse", "notice.txt", "--json").ExitCode.ShouldBe(ExitCodes.Warnings);
    }

    [Fact]
    public void A_table_for_many_files_into_a_pipe_has_no_escape_codes_and_no_progress()
    {
        var names = Enumerable.Range(1, FileProgress.Threshold + 2).Select(i => $"plan{i}.txt").ToArray();
        foreach (var (name, i) in names.Select((n, i) => (n, i))) temp.Write(name, SamplePlans.Clean($"第{i + 1}个实施方案"));

        var result = DubanProcess.Run(temp.Path, ["parse", .. names]);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Error);
        result.Error.ShouldBeEmpty();
        result.Out.ShouldNotContain("\u001b");
        result.Out.ShouldContain("第5个实施方案");
        result.Out.ShouldContain("市财政局★、市教育局");
    }
}
