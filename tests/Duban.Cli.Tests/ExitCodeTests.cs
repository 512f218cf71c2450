using System.Text.Json;
using Duban.Cli.Tests.Support;

namespace Duban.Cli.Tests;

public sealed class ExitCodeTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_plan_without_warnings_exits_0()
    {
        var file = temp.Write("plan.txt", SamplePlans.Clean());

        InProcessCli.Run("parse", file, "--json").ExitCode.ShouldBe(ExitCodes.Success);
    }

    [Fact]
    public void The_sample_plan_with_deadlines_exits_0()
    {
        // Needs the real deadline reader (feat/deadlines): the stub warns deadline.unreadable on 2022年底.
        var file = temp.Write("plan.txt", SamplePlans.WithDeadlines);

        var result = InProcessCli.Run("parse", file, "--json");

        result.ExitCode.ShouldBe(ExitCodes.Success);
    }

    [Fact]
    public void A_plan_that_parses_with_warnings_exits_1_and_the_json_carries_them()
    {
        var file = temp.Write("notice.txt", SamplePlans.WithoutTaskList);

        var result = InProcessCli.Run("parse", file, "--json");

        result.ExitCode.ShouldBe(ExitCodes.Warnings);
        result.Error.ShouldBeEmpty();
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("warnings").EnumerateArray()
            .Select(w => w.GetProperty("code").GetString())
            .ShouldContain("document.noTaskList");
    }

    [Fact]
    public void Warnings_in_one_file_and_a_clean_other_exit_1()
    {
        var clean = temp.Write("clean.txt", SamplePlans.Clean());
        var warned = temp.Write("notice.txt", SamplePlans.WithoutTaskList);

        InProcessCli.Run("parse", clean, warned, "--out", temp.Combine("out")).ExitCode.ShouldBe(ExitCodes.Warnings);
    }

    [Fact]
    public void An_input_error_outranks_warnings()
    {
        var warned = temp.Write("notice.txt", SamplePlans.WithoutTaskList);

        InProcessCli.Run("parse", warned, temp.Combine("missing.txt")).ExitCode.ShouldBe(ExitCodes.InputError);
    }
}
