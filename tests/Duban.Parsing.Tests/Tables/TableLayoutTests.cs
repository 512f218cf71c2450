using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Tables;

/// <summary>Table layouts beyond the seeds: rows continued on the next page, tables without a number column.</summary>
public sealed class TableLayoutTests
{
    private readonly PlanParser _parser = new();

    [Fact]
    public void A_row_continued_on_the_next_page_joins_the_task_above()
    {
        const string text =
            "重点任务分工表\n" +
            "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n" +
            "1\t建设市级公共实训基地，\t市人社局\t市财政局\t2023年底\n" +
            "\t面向全市开放共享。\t\t市教育局\t\n" +
            "2\t开展职业技能竞赛。\t市总工会\t市人社局\t每年\n";
        var tasks = _parser.ParseText(text).TaskLists.Single().Tasks;
        tasks.Count.ShouldBe(2);
        tasks[0].No.ShouldBe("1");
        tasks[0].Text.ShouldBe("建设市级公共实训基地，面向全市开放共享。");
        tasks[0].Units.Select(u => $"{u.Name}/{u.Role}").ShouldBe(["市人社局/Lead", "市财政局/Cooperating", "市教育局/Cooperating"]);
        tasks[0].Deadline!.Due.ShouldBe(new DateOnly(2023, 12, 31));
        tasks[1].No.ShouldBe("2");
    }

    [Fact]
    public void A_header_over_two_rows_names_the_lead_and_cooperating_columns_under_the_merged_cell()
    {
        // As HTML (rowspan / colspan) and Word (vMerge / gridSpan) tables reach the parser: the merged 责任单位 over
        // 牵头单位 | 配合单位, the covered cells empty.
        const string text =
            "序号\t重点任务\t责任单位\t\t完成时限\n" +
            "\t\t牵头单位\t配合单位\t\n" +
            "1\t建设市级公共实训基地。\t市人社局\t市财政局、市教育局\t2025年底前\n" +
            "2\t开展职业技能竞赛。\t市总工会\t市人社局\t每年\n" +
            // The header repeated on the next page, both rows.
            "序号\t重点任务\t责任单位\t\t完成时限\n" +
            "\t\t牵头单位\t配合单位\t\n" +
            "3\t推进学分银行建设。\t市教育局\t\t2026年\n";
        var tasks = _parser.ParseText(text).TaskLists.Single().Tasks;
        tasks.Select(t => t.No).ShouldBe(["1", "2", "3"]);
        tasks[0].Units.Select(u => $"{u.Name}/{u.Role}").ShouldBe(["市人社局/Lead", "市财政局/Cooperating", "市教育局/Cooperating"]);
        tasks[1].Units.Select(u => $"{u.Name}/{u.Role}").ShouldBe(["市总工会/Lead", "市人社局/Cooperating"]);
        tasks[2].Units.Select(u => $"{u.Name}/{u.Role}").ShouldBe(["市教育局/Lead"]);
    }

    [Fact]
    public void A_first_data_row_under_a_header_is_no_second_header()
    {
        // The row under the header holds a unit in the 责任单位 column: data, not the header's second row.
        const string text =
            "序号\t重点任务\t责任单位\t完成时限\n" +
            "\t开展职业技能竞赛。\t市总工会\t每年\n" +
            "2\t推进学分银行建设。\t市教育局\t2026年\n";
        var doc = _parser.ParseText(text);
        doc.TaskLists.Single().Tasks.Last().Units.Single().Name.ShouldBe("市教育局");
    }

    [Fact]
    public void A_table_without_a_number_column_numbers_its_tasks_in_order()
    {
        const string text =
            "重点任务\t责任单位\t完成时限\n" +
            "一、办学条件\t\t\n" +
            "改善中职学校办学条件。\t市教育局\t2022年\n" +
            "建设实训基地。\t市发展改革委、市教育局\t2023年\n";
        var list = _parser.ParseText(text).TaskLists.Single();
        list.Tasks.Select(t => t.No).ShouldBe(["1", "2"]);
        list.Tasks[1].Units.Select(u => u.Canonical).ShouldBe(["市发展和改革委员会", "市教育局"]);
        list.Tasks.ShouldAllBe(t => t.SectionPath.Single() == "一、办学条件");
    }
}

/// <summary>Lead units marked inside a field: 市教育局（牵头）、市财政局.</summary>
public sealed class MarkedLeadTests
{
    [Theory]
    [InlineData("1. 建设实训基地。（责任单位：市教育局（牵头）、市财政局、市人社局；完成时限：2023年）")]
    [InlineData("1. 建设实训基地。(责任单位:市教育局(牵头),市财政局,市人社局;完成时限:2023年)")]
    public void The_unit_marked_as_lead_leads_and_the_others_cooperate(string text)
    {
        var task = new PlanParser().ParseText(text).TaskLists.Single().Tasks.Single();
        task.Units.Select(u => $"{u.Name}/{u.Role}{(u.Primary ? "*" : "")}").ShouldBe(
            ["市教育局/Lead*", "市财政局/Cooperating", "市人社局/Cooperating"]);
    }

    [Fact]
    public void A_marked_lead_in_a_table_cell_leads()
    {
        const string text = "序号\t工作任务\t责任单位\t完成时限\n1\t开展培训。\t市人社局（牵头） 市教育局\t2022年\n2\t建设基地。\t市教育局\t2023年\n";
        var task = new PlanParser().ParseText(text).TaskLists.Single().Tasks[0];
        task.Units.Select(u => $"{u.Name}/{u.Role}").ShouldBe(["市人社局/Lead", "市教育局/Cooperating"]);
    }

    [Fact]
    public void A_group_row_with_its_ordinal_in_the_number_column_names_the_group()
    {
        // 一 in 序号 and the group's name merged across the other cells, as 分工表 in Excel, Word and HTML print it.
        const string text =
            "序号\t重点任务\t牵头单位\t完成时限\n" +
            "一\t搭建产教融合平台\t\t\n" +
            "1\t组建区域产教联合体。\t区教育局\t2024年底前\n" +
            "（二）\t深化校企合作\t\t\n" +
            "2\t推行现代学徒制。\t区人社局\t长期坚持\n";
        var tasks = new PlanParser().ParseText(text).TaskLists.Single().Tasks;
        tasks.Select(t => $"{t.No} {string.Join("/", t.SectionPath)}").ShouldBe(["1 一、搭建产教融合平台", "2 （二）深化校企合作"]);
        tasks[1].Units.Single().Name.ShouldBe("区人社局");
    }

    [Fact]
    public void A_task_numbered_with_a_chinese_ordinal_that_names_units_stays_a_task()
    {
        const string text =
            "序号\t重点任务\t牵头单位\t完成时限\n" +
            "一\t组建区域产教联合体。\t区教育局\t2024年底前\n" +
            "二\t推行现代学徒制。\t区人社局\t长期坚持\n";
        var tasks = new PlanParser().ParseText(text).TaskLists.Single().Tasks;
        tasks.Select(t => $"{t.No} {t.Units.Single().Name}").ShouldBe(["一 区教育局", "二 区人社局"]);
    }
}
