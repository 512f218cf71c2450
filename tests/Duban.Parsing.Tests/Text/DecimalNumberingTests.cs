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
}
