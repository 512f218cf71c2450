using System.Text.Json;
using Duban.Cli.Tests.Support;
using Duban.Parsing.Serialization;

namespace Duban.Cli.Tests;

public sealed class JsonOutputTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Json_for_one_file_is_the_plan_document_alone_on_stdout()
    {
        var file = temp.Write("plan.txt", SamplePlans.WithDeadlines);

        var result = InProcessCli.Run("parse", file, "--json");

        result.Error.ShouldBeEmpty();
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        root.GetProperty("title").GetString().ShouldBe(SamplePlans.Title);
        root.GetProperty("docNumber").GetString().ShouldBe(SamplePlans.DocNumber);
        root.GetProperty("source").GetProperty("fileName").GetString().ShouldBe("plan.txt");
        var tasks = root.GetProperty("taskLists")[0].GetProperty("tasks");
        tasks.GetArrayLength().ShouldBe(3);
        tasks[0].GetProperty("units")[0].GetProperty("name").GetString().ShouldBe("市教育局");
        tasks[2].GetProperty("deadline").GetProperty("raw").GetString().ShouldBe("2022年底");
    }

    [Fact]
    public void Json_on_stdout_reads_back_as_the_same_plan()
    {
        var file = temp.Write("plan.txt", SamplePlans.Clean());

        var result = InProcessCli.Run("parse", "--json", file);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        var plan = PlanJson.Deserialize(result.Out);
        plan.Title.ShouldBe(SamplePlans.Title);
        plan.TaskLists.Single().Tasks.Select(t => t.No).ShouldBe(["1", "2", "3"]);
    }

    [Fact]
    public void Json_written_to_the_standard_output_stream_is_the_same_as_through_the_text_writer()
    {
        var file = temp.Write("plan.txt", SamplePlans.WithDeadlines);
        var throughWriter = InProcessCli.Run("parse", file, "--json");
        using var stdout = new MemoryStream();
        using var text = new StreamWriter(stdout, new System.Text.UTF8Encoding(false)) { AutoFlush = false };
        using var error = new StringWriter();

        var exitCode = DubanCli.Run(["parse", file, "--json"], CliConsole.ForWriters(text, error) with { OutStream = stdout });

        exitCode.ShouldBe(throughWriter.ExitCode);
        System.Text.Encoding.UTF8.GetString(stdout.ToArray()).ShouldBe(throughWriter.Out);
    }

    [Fact]
    public void Json_with_several_files_and_no_out_is_refused_before_anything_is_parsed()
    {
        var first = temp.Write("a.txt", SamplePlans.Clean());
        var second = temp.Write("b.txt", SamplePlans.Clean());

        var result = InProcessCli.Run("parse", first, second, "--json");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("--json");
        result.ErrorLines[0].ShouldContain("--out");
    }

    [Fact]
    public void Json_and_table_together_are_refused()
    {
        var file = temp.Write("a.txt", SamplePlans.Clean());

        var result = InProcessCli.Run("parse", file, "--json", "--table");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("--table");
    }
}
