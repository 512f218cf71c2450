using Duban.Parsing.Model;
using Duban.Parsing.Structure;
using Duban.Parsing.Text;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/decimal-county-task-book.txt: a county's 任务书 numbered as standards are, its parents written without a dot
/// (1 总体要求, 2 重点任务, 3 保障措施) above 1.1 1.2 / 2.1 … 2.5 / 3.1 3.2; 2.3 groups the tasks 2.3.1 2.3.2, which
/// stand in the list beside 2.1 2.2 2.4 2.5. Figures open lines where a number would: 3 年内… and 2 所学校… under 1.2,
/// 2.1公顷… on a wrapped line of task 2.4 (under 2 重点任务, so shaped like its first child) and right under 二、 in
/// the annex (docs/parsing-rules.md, *Decimal numbering*).
/// </summary>
public sealed class DecimalCountyTaskBookSample : SampleTest
{
    protected override string FileName => "decimal-county-task-book.txt";

    protected override string ExpectedTitle => "云岭县职业教育产教融合实训基地建设任务书";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "重点任务",
            T("2.1", "编制实训基地建设规划。", "县教育局 | 县自然资源局; 县发展改革局", "2025年6月底前", "due=2025-06-30"),
            T("2.2", "落实建设用地。", "县自然资源局 | 县教育局", "2025年9月底前", "due=2025-09-30"),
            T("2.3.1", "建设茶叶加工实训中心，", "县职业教育中心 | 县农业农村局", "2026年6月底前", "due=2026-06-30"),
            T("2.3.2", "建设新能源装备实训车间，", "县工业和信息化局 | 县职业教育中心", "2026年9月底前", "due=2026-09-30"),
            T("2.4", "保障二期发展用地。在公共实训基地周边为二期建设预留用地2.1公顷，", "县自然资源局 | 县教育局; 县住房城乡建设局",
                "2026年12月底前", "due=2026-12-31"),
            T("2.5", "完善运行管理机制。", "县教育局 | 县财政局; 县人力资源社会保障局", "2026年12月底前", "due=2026-12-31")),
    ];

    [Fact]
    public void Parents_numbered_without_a_dot_are_headings_over_their_decimal_children()
    {
        var roots = Doc.Sections.Where(s => s.Kind == SectionKind.Heading).ToList();
        roots.Select(s => (s.Marker, s.Style, s.Number, s.Title)).ShouldBe([
            ("1", MarkerStyle.Arabic, 1, "总体要求"), ("2", MarkerStyle.Arabic, 2, "重点任务"), ("3", MarkerStyle.Arabic, 3, "保障措施")]);
        roots.Select(s => string.Join(" ", s.Children.Select(c => c.Marker))).ShouldBe(["1.1 1.2", "2.3", "3.1 3.2"]);
        AllTasks.Select(t => string.Join(" › ", t.SectionPath)).Distinct().ShouldBe(["2重点任务", "2重点任务 › 2.3建设公共实训基地"]);
    }

    [Fact]
    public void Tasks_a_decimal_level_down_are_in_the_list_of_their_grouping_heading()
    {
        // One list in the order written; 2.3 names no units and groups 2.3.1 2.3.2: a heading, not a task.
        Doc.TaskLists.ShouldHaveSingleItem().Tasks.Select(t => t.No).ShouldBe(["2.1", "2.2", "2.3.1", "2.3.2", "2.4", "2.5"]);
        var group = Doc.Sections.Single(s => s.Marker == "2").Children.Single();
        (group.Marker, group.Style, group.Number, group.Title).ShouldBe(("2.3", MarkerStyle.Decimal, 3, "建设公共实训基地"));
        Doc.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Figures_opening_a_line_are_text_where_a_number_would_fit()
    {
        // 2.1公顷 under 2 重点任务 is shaped like its first child but opens with a unit: text of task 2.4, which keeps
        // its fields (read as a marker, it would have taken them).
        AllTasks.Single(t => t.No == "2.4").Units.Select(u => u.Name).ShouldBe(["县自然资源局", "县教育局", "县住房城乡建设局"]);
        // 3 年内… and 2 所学校… under 1.2 are sentences opening with figures, not headings 3 and 2.
        Doc.Sections.Single(s => s.Marker == "1").Children.Single(c => c.Marker == "1.2").Children.ShouldBeEmpty();
    }

    [Fact]
    public void A_lone_first_child_in_a_part_with_no_decimal_numbering_is_a_figure()
    {
        // The annex numbers nothing decimally: 2.1公顷土地… right under 二、新增用地 is its text, not its child 2.1.
        var blocks = BlockBuilder.Build(Doc.Text);
        var outline = Outline.Build(blocks);
        var figure = Enumerable.Range(0, blocks.Count)
            .Single(i => blocks[i] is ParagraphBlock p && p.Folded.StartsWith("2.1公顷土地", StringComparison.Ordinal));
        outline.NodeOf(figure).ShouldBeNull();
        outline.ParentOf(figure)!.Marker.ShouldBe("二、");
    }
}
