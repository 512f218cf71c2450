using System.Text.Json;
using Duban.Cli.Tests.Support;
using Duban.Parsing.Serialization;

namespace Duban.Cli.Tests;

public sealed class OutDirectoryTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Out_writes_one_json_file_per_input_named_after_it_and_creates_the_directory()
    {
        var first = temp.Write("in/first.txt", SamplePlans.Clean("第一个实施方案"));
        var second = temp.Write("in/second.plan.txt", SamplePlans.Clean("第二个实施方案"));
        var outDirectory = temp.Combine("out/nested");

        var result = InProcessCli.Run("parse", first, second, "--out", outDirectory);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Out.ShouldBeEmpty();
        result.Error.ShouldBeEmpty();
        Directory.GetFiles(outDirectory).Select(Path.GetFileName).Order().ShouldBe(["first.json", "second.plan.json"]);
        PlanJson.Deserialize(File.ReadAllText(Path.Combine(outDirectory, "first.json"))).Title.ShouldBe("第一个实施方案");
        PlanJson.Deserialize(File.ReadAllText(Path.Combine(outDirectory, "second.plan.json"))).Title.ShouldBe("第二个实施方案");
    }

    [Fact]
    public void Inputs_that_share_a_name_get_a_counter_in_argument_order()
    {
        var first = temp.Write("x/plan.txt", SamplePlans.Clean("甲市关于加强学校管理的实施方案"));
        var second = temp.Write("y/plan.txt", SamplePlans.Clean("乙市关于加强学校管理的实施方案"));
        var third = temp.Write("z/PLAN.docx.txt", SamplePlans.Clean("丙市关于加强学校管理的实施方案"));
        var fourth = temp.Write("z/Plan.txt", SamplePlans.Clean("丁市关于加强学校管理的实施方案"));
        var outDirectory = temp.Combine("out");

        var result = InProcessCli.Run("parse", "-o", outDirectory, first, second, third, fourth);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        TitleIn(outDirectory, "plan.json").ShouldBe("甲市关于加强学校管理的实施方案");
        TitleIn(outDirectory, "plan-2.json").ShouldBe("乙市关于加强学校管理的实施方案");
        TitleIn(outDirectory, "PLAN.docx.json").ShouldBe("丙市关于加强学校管理的实施方案");
        TitleIn(outDirectory, "Plan-3.json").ShouldBe("丁市关于加强学校管理的实施方案");
    }

    [Fact]
    public void A_second_run_replaces_the_files_and_leaves_no_temporary_files()
    {
        var file = temp.Write("plan.txt", SamplePlans.Clean("旧市关于加强学校管理的实施方案"));
        var outDirectory = temp.Combine("out");
        InProcessCli.Run("parse", file, "--out", outDirectory).ExitCode.ShouldBe(ExitCodes.Success);
        temp.Write("plan.txt", SamplePlans.Clean("新市关于加强学校管理的实施方案"));

        InProcessCli.Run("parse", file, "--out", outDirectory).ExitCode.ShouldBe(ExitCodes.Success);

        Directory.GetFiles(outDirectory).Select(Path.GetFileName).ShouldBe(["plan.json"]);
        TitleIn(outDirectory, "plan.json").ShouldBe("新市关于加强学校管理的实施方案");
    }

    [Fact]
    public void Out_with_json_writes_the_files_and_keeps_stdout_empty()
    {
        var first = temp.Write("a.txt", SamplePlans.Clean());
        var second = temp.Write("b.txt", SamplePlans.Clean());
        var outDirectory = temp.Combine("out");

        var result = InProcessCli.Run("parse", first, second, "--json", "--out", outDirectory);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Out.ShouldBeEmpty();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDirectory, "b.json")));
        json.RootElement.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Out_with_table_writes_the_files_and_prints_the_table()
    {
        var file = temp.Write("a.txt", SamplePlans.Clean());
        var outDirectory = temp.Combine("out");

        var result = InProcessCli.Run("parse", file, "--table", "--out", outDirectory);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        File.Exists(Path.Combine(outDirectory, "a.json")).ShouldBeTrue();
        result.Out.ShouldContain(SamplePlans.Title);
    }

    [Fact]
    public void An_out_path_that_is_a_file_is_one_input_error_and_nothing_is_parsed()
    {
        var file = temp.Write("a.txt", SamplePlans.Clean());
        var blocker = temp.Write("out", "not a directory");

        var result = InProcessCli.Run("parse", file, "--out", blocker);

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        var line = result.ErrorLines.ShouldHaveSingleItem();
        line.ShouldStartWith($"duban: {blocker}: ");
        line.ShouldEndWith("（out.unwritable）");
    }

    private static string? TitleIn(string directory, string name) =>
        PlanJson.Deserialize(File.ReadAllText(Path.Combine(directory, name))).Title;
}
