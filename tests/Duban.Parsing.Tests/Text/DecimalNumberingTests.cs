using Duban.Parsing.Model;
using Duban.Parsing.Structure;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tests.Text;

/// <summary>
/// Decimal numbering (docs/parsing-rules.md, *Decimal numbering*): what looks like a decimal marker, and when the
/// outline takes it for one (the numbers around it fit) or leaves it as a figure.
/// </summary>
public class DecimalNumberingTests
{
    [Theory]
    [InlineData("1.1 优化专业布局。", "1.1", 1, 4)]
    [InlineData("1.1优化专业布局。", "1.1", 1, 3)]
    [InlineData("1.1. 优化专业布局。", "1.1", 1, 5)]
    [InlineData("2.3、推行学徒制。", "2.3", 3, 4)]
    [InlineData("１．２ 建设骨干专业。", "1.2", 2, 4)]
    [InlineData("2.1.10 “双师型”教师培养。", "2.1.10", 10, 7)]
    [InlineData("12.3 《方案》修订。", "12.3", 3, 5)]
    public void Decimal_markers(string paragraph, string path, int number, int length)
    {
        var marker = HeadingMarker.ReadDecimal(CharFolding.Fold(paragraph)).ShouldNotBeNull();
        (marker.Style, marker.Path, marker.Number, marker.Length).ShouldBe((MarkerStyle.Decimal, path, number, length));
        HeadingMarker.Read(CharFolding.Fold(paragraph)).ShouldBeNull("the integer reader leaves decimals alone");
    }

    [Theory]
    [InlineData("1.5亿元专项资金分三年安排。")]
    [InlineData("1.2倍于上年。")]
    [InlineData("2.5 个百分点。")]
    [InlineData("95.5%以上。")]
    [InlineData("3.0版标准。")]
    [InlineData("2024.6前完成。")]
    [InlineData("1.05 亿元。")]
    [InlineData("1.125 优化。")]
    [InlineData("1.2")]
    [InlineData("1.2.3.4.5 细项。")]
    [InlineData("v1.2 版本说明。")]
    public void Figures_are_not_decimal_markers(string paragraph) =>
        HeadingMarker.ReadDecimal(CharFolding.Fold(paragraph)).ShouldBeNull();

    [Fact]
    public void Decimal_ranks_fall_between_arabic_and_paren_arabic()
    {
        HeadingMarker.Rank(MarkerStyle.Arabic).ShouldBeLessThan(HeadingMarker.Rank(MarkerStyle.Decimal, 2));
        HeadingMarker.Rank(MarkerStyle.Decimal, 2).ShouldBeLessThan(HeadingMarker.Rank(MarkerStyle.Decimal, 3));
        HeadingMarker.Rank(MarkerStyle.Decimal, 3).ShouldBeLessThan(HeadingMarker.Rank(MarkerStyle.ParenArabic));
    }

    [Fact]
    public void Decimal_tasks_under_chinese_numeral_headings_form_one_list()
    {
        var doc = new PlanParser().ParseText("""
            某县职业教育工作任务分解

            一、优化布局

            1.1 调整专业结构。（责任单位：县教育局）

            1.2 建设骨干专业。（责任单位：县教育局、县财政局）

            二、提升质量

            2.1 实施教师培养计划。（牵头单位：县教育局；配合单位：县人社局）
            """);
        var tasks = doc.TaskLists.Single().Tasks;
        tasks.Select(t => $"{t.No} {t.SectionPath.Single()}").ShouldBe(["1.1 一、优化布局", "1.2 一、优化布局", "2.1 二、提升质量"]);
    }

    [Fact]
    public void A_flat_decimal_list_restarting_under_the_next_number_is_one_list()
    {
        var doc = new PlanParser().ParseText("""
            某县职业教育工作任务分解

            二、重点任务

            1.1 调整专业结构。（责任单位：县教育局）

            1.2 建设骨干专业。（责任单位：县教育局）

            2.1 实施教师培养计划。（责任单位：县人社局）

            2.2 办好技能大赛。（责任单位：县教育局）
            """);
        doc.TaskLists.Single().Tasks.Select(t => t.No).ShouldBe(["1.1", "1.2", "2.1", "2.2"]);
    }

    [Fact]
    public void A_figure_at_a_line_start_that_fits_no_numbering_stays_text_of_the_task_above()
    {
        // 12.5 opens a paragraph, but nothing around it is numbered 12.x: it is more of task 1's text.
        var doc = new PlanParser().ParseText("""
            某县职业教育工作任务分解

            一、重点任务

            1.改善办学条件。全县中职学校生均校舍面积达到
            12.5 平方米以上的学校比例达到80%。（责任单位：县教育局）

            2.办好技能大赛。（责任单位：县教育局）
            """);
        var tasks = doc.TaskLists.Single().Tasks;
        tasks.Select(t => t.No).ShouldBe(["1", "2"]);
        tasks[0].Text.ShouldContain("12.5");
        doc.Sections.Single().Children.ShouldBeEmpty();
    }

    [Fact]
    public void A_lone_second_number_without_its_first_is_no_marker()
    {
        // 2.3 under 二、 would fit as a child only as 2.1; with no 2.2 before it nor 2.4 after it, it is a figure.
        var doc = new PlanParser().ParseText("""
            某县职业教育工作任务分解

            二、重点任务

            1.改善办学条件。（责任单位：县教育局）

            2.3 公顷实训基地用地已落实。

            2.办好技能大赛。（责任单位：县教育局）
            """);
        doc.TaskLists.Single().Tasks.Select(t => t.No).ShouldBe(["1", "2"]);
    }

    [Fact]
    public void A_lone_first_child_is_a_figure_where_nothing_else_is_numbered_decimally()
    {
        // 2.1 right under 二、 with no 2.2 after it, in a document that numbers nothing else 1.1: 2.1宗 is a figure,
        // whatever word follows it (宗 is in no list).
        var doc = new PlanParser().ParseText("""
            某县职业教育工作任务分解

            一、重点任务

            1.改善办学条件。（责任单位：县教育局）

            二、建设用地

            2.1宗地块已完成征收，用于实训基地建设。

            三、保障措施

            县财政安排专项资金。
            """);
        doc.TaskLists.Single().Tasks.Select(t => t.No).ShouldBe(["1"]);
        doc.Sections.Single(s => s.Marker == "二、").Children.ShouldBeEmpty();
        Lone("2.1宗地块已完成征收，用于实训基地建设。", decimalsBefore: false).ShouldBeNull();
        Lone("2.1 实施教师培养计划。", decimalsBefore: false).ShouldBeNull();
    }

    [Theory]
    [InlineData("2.1公顷土地用于实训基地建设。", false)]
    [InlineData("2.1 平方公里产业园区纳入规划。", false)]
    [InlineData("2.1所学校达标。", false)]
    [InlineData("2.1 学时以上的培训。", false)]
    [InlineData("2.1 实施教师培养计划。", true)]
    [InlineData("2.1 名师工作室建设。", true)]
    [InlineData("2.1 项目建设。", true)]
    public void A_lone_first_child_where_the_document_numbers_decimally_is_a_figure_when_a_unit_follows(string paragraph, bool read) =>
        (Lone(paragraph, decimalsBefore: true) is not null).ShouldBe(read);

    /// <summary>The node <paramref name="paragraph"/> makes as the only paragraph under 二、 (1.1 1.2 under 一、 before it
    /// when <paramref name="decimalsBefore"/>), nothing numbered 2.x after it.</summary>
    private static OutlineNode? Lone(string paragraph, bool decimalsBefore)
    {
        var text = (decimalsBefore ? "一、总体要求\n1.1 指导思想\n1.2 建设目标\n" : "一、总体要求\n") + "二、重点任务\n" + paragraph + "\n三、保障措施\n";
        var blocks = BlockBuilder.Build(text);
        var outline = Outline.Build(blocks);
        var at = Enumerable.Range(0, blocks.Count).Single(i => blocks[i] is ParagraphBlock p && p.Folded.StartsWith("2.1", StringComparison.Ordinal));
        return outline.NodeOf(at);
    }

    [Theory]
    [InlineData("1 总体要求", 1, 2)]
    [InlineData("2　重点任务", 2, 2)]
    [InlineData("3保障措施", 3, 1)]
    [InlineData("12 附则", 12, 3)]
    [InlineData("2 所属学校管理", 2, 2)]
    public void Numbers_without_a_dot_shaped_like_a_parent(string paragraph, int number, int length)
    {
        var marker = HeadingMarker.ReadUndotted(CharFolding.Fold(paragraph)).ShouldNotBeNull();
        (marker.Style, marker.Number, marker.Length).ShouldBe((MarkerStyle.Arabic, number, length));
    }

    [Theory]
    [InlineData("3 年内建成公共实训基地1个。")]
    [InlineData("2 所学校纳入达标工程。")]
    [InlineData("5 名教师到企业实践。")]
    [InlineData("4 项任务已完成")]
    [InlineData("2 公顷用地")]
    [InlineData("30 万元")]
    [InlineData("2025 年重点任务")]
    [InlineData("0 总则")]
    [InlineData("1 |")]
    [InlineData("1.总体要求")]
    public void Figures_are_not_numbers_without_a_dot(string paragraph) =>
        HeadingMarker.ReadUndotted(CharFolding.Fold(paragraph)).ShouldBeNull();

    [Fact]
    public void Parents_numbered_without_a_dot_are_read_where_their_children_and_siblings_fit()
    {
        var doc = new PlanParser().ParseText("""
            某县职业教育工作任务书

            1 总体要求

            1.1 指导思想

            坚持服务县域产业发展。

            1.2 建设目标

            3 年内建成公共实训基地1个。

            2 重点任务

            2.1 调整专业结构。（责任单位：县教育局）

            2.2 建设骨干专业。（责任单位：县教育局、县财政局）

            3 保障措施

            县财政安排专项资金。
            """);
        doc.Sections.Select(s => $"{s.Marker} {s.Title}: {string.Join(" ", s.Children.Select(c => c.Marker))}")
            .ShouldBe(["1 总体要求: 1.1 1.2", "2 重点任务: ", "3 保障措施: "]);
        doc.TaskLists.Single().Tasks.Select(t => $"{t.No} {t.SectionPath.Single()}").ShouldBe(["2.1 2重点任务", "2.2 2重点任务"]);
    }

    [Fact]
    public void A_number_without_a_dot_and_without_numbered_siblings_is_no_heading()
    {
        // One parent alone fits no numbering: 1 总体要求 with 1.1 1.2 under it but no 2 … is text; so is a short line
        // 2 重点任务 whose 2.1 does not follow.
        var doc = new PlanParser().ParseText("""
            某县职业教育工作任务书

            1 总体要求

            1.1 调整专业结构。（责任单位：县教育局）

            1.2 建设骨干专业。（责任单位：县教育局）

            2 重点任务

            县教育局牵头抓好落实。
            """);
        doc.Sections.ShouldAllBe(s => s.Style == MarkerStyle.Decimal);
        doc.TaskLists.Single().Tasks.Select(t => t.No).ShouldBe(["1.1", "1.2"]);
    }

    [Fact]
    public void Decimal_tasks_a_level_down_join_the_list_of_their_parent_also_when_the_parent_is_a_task()
    {
        var doc = new PlanParser().ParseText("""
            某县职业教育工作任务分解

            二、重点任务

            2.1 调整专业结构。（责任单位：县教育局）

            2.2 建设实训基地。（牵头单位：县教育局；配合单位：县财政局）

            2.2.1 建设茶叶加工实训中心。（责任单位：县职教中心）

            2.2.2 建设新能源实训车间。（责任单位：县工业和信息化局）

            2.3 完善管理机制。（责任单位：县教育局）
            """);
        doc.TaskLists.Single().Tasks.Select(t => t.No).ShouldBe(["2.1", "2.2", "2.2.1", "2.2.2", "2.3"]);
    }

    [Fact]
    public void Decimal_tasks_under_headings_that_are_no_task_list_stay_a_list_of_their_own()
    {
        // 1.1 指导思想 and 1.2 重点任务 are headings of a plan's parts, not tasks: the tasks 1.2.1 1.2.2 do not make them ones.
        var doc = new PlanParser().ParseText("""
            某县职业教育工作任务分解

            1.1 指导思想

            坚持服务县域产业发展。

            1.2 重点任务

            1.2.1 调整专业结构。（责任单位：县教育局）

            1.2.2 建设骨干专业。（责任单位：县教育局）
            """);
        doc.TaskLists.Single().Tasks.Select(t => t.No).ShouldBe(["1.2.1", "1.2.2"]);
        doc.Warnings.ShouldBeEmpty();
    }
}
