using System.Text;
using Duban.Parsing.Model;
using FsCheck;
using FsCheck.Fluent;

namespace Duban.Parsing.Tests.Robustness;

/// <summary>
/// Text no plan looks like must not crash the parser or make it hang: huge lists, one enormous line, brackets that never
/// close, random characters. (How fast it is belongs to the benchmarks; these only check that it finishes and stays sane.)
/// </summary>
public sealed class HostileTextTests
{
    private readonly PlanParser _parser = new();

    [Fact]
    public void A_hundred_thousand_numbered_tasks_are_all_read()
    {
        var sb = new StringBuilder("青禾市重点任务分工方案\n一、重点任务\n");
        for (var i = 1; i <= 100_000; i++) sb.Append(i).Append(". 开展第").Append(i).Append("项工作。（责任单位：市教育局；完成时限：2022年）\n");
        var doc = _parser.ParseText(sb.ToString());
        doc.TaskLists.Count.ShouldBe(1);
        doc.TaskLists[0].Tasks.Count.ShouldBe(100_000);
        doc.TaskLists[0].Tasks[^1].No.ShouldBe("100000");
        doc.TaskLists[0].Tasks[^1].Deadline!.Due.ShouldBe(new DateOnly(2022, 12, 31));
    }

    [Fact]
    public void A_hundred_thousand_numbered_lines_without_units_are_not_tasks()
    {
        var sb = new StringBuilder();
        for (var i = 1; i <= 100_000; i++) sb.Append(i).Append(". 加强第").Append(i).Append("项工作。\n");
        var doc = _parser.ParseText(sb.ToString());
        doc.TaskLists.ShouldBeEmpty();
        doc.Warnings.ShouldContain(w => w.Code == WarningCodes.NoTaskList);
    }

    [Fact]
    public void A_hundred_thousand_column_name_lines_are_no_table_and_finish()
    {
        var sb = new StringBuilder("序号\n");
        for (var i = 0; i < 100_000; i++) sb.Append("责任单位\n");
        sb.Append("1\n开展工作。\n市教育局\n");
        var doc = _parser.ParseText(sb.ToString());
        doc.TaskLists.ShouldBeEmpty();
    }

    [Fact]
    public void A_cell_per_line_table_of_nine_thousand_rows_is_read()
    {
        var sb = new StringBuilder("青禾市重点任务推进表\n序号\n重点任务\n牵头单位\n完成时限\n");
        for (var i = 1; i <= 9_000; i++) sb.Append(i).Append("\n开展第").Append(i).Append("项工作。\n市教育局\n2024年底前\n");
        var doc = _parser.ParseText(sb.ToString());
        doc.TaskLists.ShouldHaveSingleItem().Tasks.Count.ShouldBe(9_000);
    }

    [Fact]
    public void One_enormous_line_is_read_as_one_paragraph()
    {
        var text = string.Concat(Enumerable.Repeat("推进职业教育改革，", 400_000)); // 3.6 M characters, no line break
        var doc = _parser.ParseText(text);
        doc.Text.Length.ShouldBe(text.Length);
        doc.TaskLists.ShouldBeEmpty();
    }

    [Fact]
    public void One_enormous_task_line_keeps_its_units()
    {
        var text = "1. " + string.Concat(Enumerable.Repeat("推进职业教育改革，", 200_000)) + "（责任单位：市教育局、市财政局；完成时限：2023年底）";
        var task = _parser.ParseText(text).TaskLists.Single().Tasks.Single();
        task.Units.Select(u => u.Name).ShouldBe(["市教育局", "市财政局"]);
        task.Deadline!.Due.ShouldBe(new DateOnly(2023, 12, 31));
    }

    [Theory]
    [InlineData('(')]
    [InlineData('（')]
    [InlineData('《')]
    [InlineData('|')]
    [InlineData('\t')]
    [InlineData('一')]
    public void Runs_of_one_structural_character_do_not_break_the_parser(char c)
    {
        var text = "1. 任务" + new string(c, 200_000) + "\n2. " + new string(c, 1000) + "（责任单位：市教育局）\n" + new string(c, 50_000);
        Should.NotThrow(() => _parser.ParseText(text));
    }

    [Fact]
    public void Random_text_never_throws_and_spans_stay_inside_the_text()
    {
        var alphabet = "一二三、（）()1234567890.：:；;，,。责任单位牵头配合完成时限年月底前长期坚持市县区局委办政府各|\t\n 《》〔〕附件领导小组联席会议组长成员每年召开次%人万元以上不低于";
        var gen = Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray())).Select(chars => new string(chars));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithEndSize(400), Prop.ForAll(gen.ToArbitrary(), text =>
        {
            var doc = _parser.ParseText(text);
            foreach (var task in doc.TaskLists.SelectMany(l => l.Tasks))
            {
                InBounds(task.Span, text.Length).ShouldBeTrue();
                task.Units.ShouldAllBe(u => InBounds(u.Span, text.Length));
            }
            doc.Sections.ShouldAllBe(s => InBounds(s.Span, text.Length));
        }));
    }

    private static bool InBounds(SourceSpan span, int length) => span.Start >= 0 && span.End <= length && span.Start <= span.End;
}
