using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Tables;

/// <summary>
/// Task tables without a header row (a 分工表 printed without one, or whose header stands on an earlier page): the
/// columns' roles are taken from the table before (same number of columns) or read from what the cells hold.
/// </summary>
public sealed class HeaderlessTableTests
{
    private readonly PlanParser _parser = new();

    [Fact]
    public void Columns_are_read_from_the_cells_when_there_is_no_header()
    {
        const string text =
            "附件\n" +
            "重点任务清单\n" +
            "1\t建设市级公共实训基地，面向全市开放共享。\t市人社局\t市财政局、市教育局\t2026年底前\n" +
            "2\t开展职业技能竞赛，每年举办一次。\t市总工会\t市人社局\t每年10月\n" +
            "3\t落实职业院校生均拨款制度。\t市财政局\t\t长期坚持\n";
        var list = _parser.ParseText(text).TaskLists.ShouldHaveSingleItem();
        list.Layout.ShouldBe(TaskListLayout.Table);
        list.Tasks.Select(t => t.No).ShouldBe(["1", "2", "3"]);
        list.Tasks[0].Text.ShouldBe("建设市级公共实训基地，面向全市开放共享。");
        list.Tasks[0].Units.Select(u => $"{u.Name}/{u.Role}").ShouldBe(["市人社局/Lead", "市财政局/Cooperating", "市教育局/Cooperating"]);
        list.Tasks[0].Deadline!.Due.ShouldBe(new DateOnly(2026, 12, 31));
        list.Tasks[2].Units.Select(u => $"{u.Name}/{u.Role}").ShouldBe(["市财政局/Lead"]);
    }

    [Fact]
    public void One_units_column_without_a_header_is_the_responsible_units()
    {
        const string text =
            "1\t编制职业教育发展规划。\t区教育局（牵头）、区发展改革局\t2025年6月底前\n" +
            "2\t建立产教融合联席会议制度。\t区教育局、区人社局\t2025年3月底前\n";
        var tasks = _parser.ParseText(text).TaskLists.ShouldHaveSingleItem().Tasks;
        tasks[0].Units.Select(u => $"{u.Name}/{u.Role}").ShouldBe(["区教育局/Lead", "区发展改革局/Cooperating"]);
        tasks[1].Units.Select(u => $"{u.Name}/{u.Role}").ShouldBe(["区教育局/Lead", "区人社局/Lead"]);
    }

    [Fact]
    public void A_table_whose_header_was_printed_before_takes_its_columns()
    {
        // The second part follows a line of prose (a footnote left on the page): no header of its own, the same columns.
        const string text =
            "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n" +
            "1\t建设实训基地。\t市人社局\t市财政局\t2026年底前\n" +
            "注：各单位于每季度末报送进展。\n" +
            "2\t举办技能竞赛。\t市总工会\t市人社局\t每年10月\n" +
            "3\t建设技能大师工作室。\t市人社局\t\t2027年底前\n";
        var tasks = _parser.ParseText(text).TaskLists.SelectMany(l => l.Tasks).ToList();
        tasks.Select(t => t.No).ShouldBe(["1", "2", "3"]);
        var second = tasks[1];
        second.Units.Select(u => $"{u.Name}/{u.Role}").ShouldBe(["市总工会/Lead", "市人社局/Cooperating"]);
    }

    [Theory]
    [InlineData("甲\t乙\t丙\n丁\t戊\t己\n")]
    [InlineData("1\t市教育局\t2025年\n2\t市财政局\t2026年\n")]
    [InlineData("各区人民政府，市政府各\t开展社会人员学历提升。\t能大赛，赛项覆盖主要\n部门，各职业院校：\t面向退役军人、新型职业\t类，获奖选手优先推荐\n")]
    public void Rows_that_do_not_read_as_tasks_make_no_task_list(string text) =>
        _parser.ParseText(text).TaskLists.ShouldBeEmpty();
}
