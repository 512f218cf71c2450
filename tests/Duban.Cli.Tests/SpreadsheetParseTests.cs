using Duban.Cli.Tests.Support;
using Duban.Parsing.Serialization;

namespace Duban.Cli.Tests;

/// <summary><c>duban parse 分工表.xls</c>: an Excel 97-2003 task table reads like its .xlsx; a broken one is one line naming it.</summary>
public sealed class SpreadsheetParseTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static byte[] Sample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", name);
            if (File.Exists(candidate)) return File.ReadAllBytes(candidate);
        }
        throw new FileNotFoundException($"samples/{name} not found");
    }

    [Fact]
    public void An_xls_task_table_parses_to_its_tasks()
    {
        var file = temp.WriteBytes("分工表.xls", Sample("task-table.xls"));

        var result = InProcessCli.Run("parse", "--json", file);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        var plan = PlanJson.Deserialize(result.Out);
        plan.Source.Format.ShouldBe("xls");
        plan.Title.ShouldBe("南浦市职业教育质量提升行动重点任务分工表");
        plan.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2", "3", "1"]);
    }

    [Fact]
    public void A_truncated_xls_is_one_line_naming_it()
    {
        var bytes = Sample("task-table.xls");
        var file = temp.WriteBytes("分工表.xls", bytes[..(bytes.Length / 2)]);

        var result = InProcessCli.Run("parse", file, "--json");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Out.ShouldBeEmpty();
        var line = result.ErrorLines.ShouldHaveSingleItem();
        line.ShouldStartWith($"duban: {file}: ");
        line.ShouldEndWith("（xls.corrupt）");
    }
}
