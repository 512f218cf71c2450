using System.Text.RegularExpressions;
using Duban.Cli.Tests.Support;

namespace Duban.Cli.Tests;

public sealed class TableOutputTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_table_is_the_default_and_shows_title_doc_number_and_issue_date()
    {
        var file = temp.Write("plan.txt", SamplePlans.Clean());

        var result = InProcessCli.Run("parse", file);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Error.ShouldBeEmpty();
        result.Out.ShouldContain(file);
        result.Out.ShouldContain(SamplePlans.Title);
        result.Out.ShouldContain(SamplePlans.DocNumber);
        result.Out.ShouldContain("2022-03-01");
        result.Out.ShouldContain("任务清单：重点任务（3 项）");
    }

    [Fact]
    public void Each_task_row_shows_its_number_text_and_units_with_the_primary_unit_marked()
    {
        var file = temp.Write("plan.txt", SamplePlans.Clean());

        var result = InProcessCli.Run("parse", file, "--table");

        var first = RowOf(result, "加强师资队伍建设");
        NumberCell(first).ShouldBe("1");
        first.ShouldContain("市教育局★");
        first.ShouldContain("市财政局、市人社局");
        var second = RowOf(result, "改善办学条件");
        NumberCell(second).ShouldBe("2");
        second.ShouldContain("市财政局★、市教育局");
        // Square brackets in document text are text, not Spectre markup.
        var third = RowOf(result, "落实[2022]1号文件要求");
        NumberCell(third).ShouldBe("3");
        third.ShouldContain("市人社局★");
    }

    [Fact]
    public void The_deadline_shows_as_written_and_as_a_due_date()
    {
        // Needs the real deadline reader (feat/deadlines); the stub in this branch reads no deadline.
        var file = temp.Write("plan.txt", SamplePlans.WithDeadlines);

        var result = InProcessCli.Run("parse", file, "--table");

        RowOf(result, "完善评价机制").ShouldContain("2022年底 → 2022-12-31");
    }

    [Fact]
    public void Warnings_are_listed_under_the_plan()
    {
        var file = temp.Write("notice.txt", SamplePlans.WithoutTaskList);

        var result = InProcessCli.Run("parse", file);

        result.ExitCode.ShouldBe(ExitCodes.Warnings);
        result.Out.ShouldContain("未找到任务清单");
        result.Out.ShouldContain("警告 1 条");
        result.Out.ShouldContain("document.noTaskList");
    }

    [Fact]
    public void Several_files_end_with_a_count_of_what_happened()
    {
        var clean = temp.Write("clean.txt", SamplePlans.Clean());
        var warned = temp.Write("notice.txt", SamplePlans.WithoutTaskList);
        var missing = temp.Combine("missing.txt");

        var result = InProcessCli.Run("parse", clean, warned, missing);

        result.OutLines[^1].ShouldBe("共 3 个文件：解析 2 个（其中 1 个有警告），失败 1 个。");
    }

    private static string RowOf(CliResult result, string taskText) =>
        result.OutLines.Where(l => l.Contains(taskText, StringComparison.Ordinal)).ShouldHaveSingleItem();

    /// <summary>The first cell of a table row: │    1 │ … → "1".</summary>
    private static string NumberCell(string row) => Regex.Match(row, @"^\s*│\s*(\S+)\s*│").Groups[1].Value;
}
