using Duban.Parsing.Model;
using Duban.Parsing.Structure;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tests.Text;

/// <summary>
/// The rules added for real layouts (docs/parsing-rules.md): enclosed numbers as markers, a page's index box as debris,
/// titles set over several lines, and the limits of each (what must not be taken for them).
/// </summary>
public class LayoutRuleTests
{
    [Theory]
    [InlineData("⒈推进中职学校布局调整。", MarkerStyle.Arabic, 1)]
    [InlineData("⒛完善制度。", MarkerStyle.Arabic, 20)]
    [InlineData("⑴每年选派专业教师；", MarkerStyle.ParenArabic, 1)]
    [InlineData("⒇加强宣传。", MarkerStyle.ParenArabic, 20)]
    [InlineData("⑳做好总结。", MarkerStyle.Circled, 20)]
    [InlineData("1.推进产教融合。", MarkerStyle.Arabic, 1)]
    public void Enclosed_numbers_are_markers_of_the_style_they_stand_for(string paragraph, MarkerStyle style, int number)
    {
        var marker = HeadingMarker.Read(CharFolding.Fold(paragraph)).ShouldNotBeNull();
        marker.Style.ShouldBe(style);
        marker.Number.ShouldBe(number);
        marker.Length.ShouldBe(paragraph.StartsWith('1') ? 2 : 1);
    }

    [Theory]
    [InlineData("1.5万人次参加培训。")]
    [InlineData("2.0版标准发布。")]
    [InlineData("培训⒈5万人。")]
    public void Numbers_in_a_sentence_are_no_markers(string paragraph) =>
        HeadingMarker.Read(CharFolding.Fold(paragraph)).ShouldBeNull();

    [Fact]
    public void Enclosed_numbers_nest_like_the_numbers_they_stand_for()
    {
        var doc = new PlanParser().ParseText("""
            某县职业教育工作要点

            一、提升质量

            ⒈实施教师培养计划。主要包括：
            ⑴选派专业教师赴企业实践；
            ⑵聘请兼职教师。
            责任股室：人事股
            完成时限：2025年底前

            ⒉办好技能大赛。（责任股室：职成股；完成时限：每年5月）
            """);
        var tasks = doc.TaskLists.Single().Tasks;
        tasks.Select(t => t.No).ShouldBe(["1", "2"]);
        tasks[0].Text.ShouldContain("⑵聘请兼职教师。");
        tasks.ShouldAllBe(t => t.SectionPath.SequenceEqual(new[] { "一、提升质量" }));
    }

    [Fact]
    public void A_qualified_label_is_one_label_not_a_unit_of_the_field_before()
    {
        var doc = new PlanParser().ParseText("""
            某县职业教育重点任务分工方案

            一、重点任务

            1.建设公共实训基地。（主要责任单位：县人社局；协同配合单位：县教育局、县财政局；完成时限：2025年底前）

            2.开展技能培训。
            主要牵头单位：县人社局
            协同配合单位：县教育局
            具体责任单位：各乡镇人民政府
            """);
        var tasks = doc.TaskLists.Single().Tasks;
        tasks[0].Units.Select(u => $"{u.Name}/{u.Role}").ShouldBe(["县人社局/Lead", "县教育局/Cooperating", "县财政局/Cooperating"]);
        tasks[1].Units.Select(u => $"{u.Name}/{u.Role}").ShouldBe(["县人社局/Lead", "县教育局/Cooperating", "各乡镇人民政府/Cooperating"]);
    }

    [Theory]
    [InlineData("索引号：11340000MB1234567X/202504-00017 组配分类：决策部署落实情况")]
    [InlineData("发布机构：南浦县教育体育局 主题分类：科技、教育")]
    [InlineData("名称：南浦县教育体育局重点工作任务分解表 文号：")]
    [InlineData("发文日期：2025-04-18 发布日期：2025-04-18")]
    [InlineData("信息来源：南浦县教育体育局")]
    public void The_lines_of_a_pages_index_box_are_page_info(string line) =>
        LineShapes.IsPageInfo(CharFolding.Fold(line)).ShouldBeTrue();

    [Theory]
    [InlineData("名称：职业院校技能大赛")] // one key: a field of the document may open so
    [InlineData("发布日期：2025年3月")]
    [InlineData("完成时限：2025年底前")]
    [InlineData("建立信息来源多元的监测体系。")]
    public void Document_lines_are_not_page_info(string line) =>
        LineShapes.IsPageInfo(CharFolding.Fold(line)).ShouldBeFalse();

    private const string Tasks = """

        一、重点任务

        1.建设实训基地。（牵头单位：县教育局；完成时限：2025年底前）
        2.开展技能培训。（牵头单位：县人社局；完成时限：每年12月）
        """;

    [Fact]
    public void A_title_over_three_lines_is_one_title()
    {
        var doc = new PlanParser().ParseText("青川县推进职业教育\n\n产教融合提质增效\n\n三年行动计划\n" + Tasks);
        doc.Title.ShouldBe("青川县推进职业教育产教融合提质增效三年行动计划");
    }

    [Fact]
    public void An_organisation_or_a_sentence_above_the_title_is_not_part_of_it()
    {
        new PlanParser().ParseText("青川县人民政府办公室\n\n青川县职业教育重点任务分工方案\n" + Tasks)
            .Title.ShouldBe("青川县职业教育重点任务分工方案");
        new PlanParser().ParseText("现将方案印发给你们，请认真贯彻落实。\n青川县职业教育重点任务分工方案\n" + Tasks)
            .Title.ShouldBe("青川县职业教育重点任务分工方案");
    }

    [Fact]
    public void A_table_named_分解表_titles_its_document()
    {
        new PlanParser().ParseText("青川县教育局2025年重点工作任务分解表\n" + Tasks).Title.ShouldBe("青川县教育局2025年重点工作任务分解表");
    }

    [Fact]
    public void A_cell_per_line_table_ends_at_a_heading_that_no_row_follows()
    {
        var doc = new PlanParser().ParseText("""
            青川县重点任务推进表

            序号
            重点任务
            牵头部门
            配合部门
            1
            建设公共实训基地。
            县人社局
            县教育局
            二、保障措施
            各部门要加强协作，每季度报送进展。
            """);
        var table = doc.TaskLists.Single();
        table.Tasks.Select(t => t.No).ShouldBe(["1"]);
        table.Tasks[0].Text.ShouldNotContain("保障措施");
        doc.Text.ShouldContain("各部门要加强协作");
    }

    [Fact]
    public void A_smaller_number_in_a_row_is_not_taken_for_the_next_row()
    {
        // Rows 7 and 8: a "3" on a line of its own inside row 7 is not row 3 (numbers only grow).
        var doc = new PlanParser().ParseText("""
            序号

            重点任务

            牵头单位

            配合单位

            7

            新建实训室

            3

            个。

            县教育局

            县财政局

            8

            开展技能培训。

            县人社局

            县教育局
            """);
        var tasks = doc.TaskLists.Single().Tasks;
        tasks.Select(t => t.No).ShouldBe(["7", "8"]);
        // With a blank line after every cell, a cell over several lines stays one cell.
        tasks[0].Text.ShouldBe("新建实训室3个。");
        tasks[0].Units.Select(u => u.Name).ShouldBe(["县教育局", "县财政局"]);
    }

    [Fact]
    public void Prose_after_the_last_row_of_a_blank_separated_table_is_no_cell()
    {
        var doc = new PlanParser().ParseText("""
            序号

            重点任务

            牵头单位

            配合单位

            1

            开展技能培训。

            县人社局

            县教育局

            各单位要于每季度末报送进展情况。
            """);
        var task = doc.TaskLists.Single().Tasks.Single();
        task.Text.ShouldBe("开展技能培训。");
        task.Units.Select(u => u.Name).ShouldBe(["县人社局", "县教育局"]);
    }
}
