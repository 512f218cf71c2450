using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Tables;

/// <summary>
/// Rows of a 分工表 flattened one cell per line and copied without the header row (an excerpt, a table printed without
/// one): the columns are read from the shapes of the rows' lines (LineCellTableReader.TryReadHeaderless).
/// </summary>
public sealed class HeaderlessCellPerLineTests
{
    private readonly PlanParser _parser = new();

    private List<PlanTask> Tasks(string text) => _parser.ParseText(text).TaskLists.SelectMany(l => l.Tasks).ToList();

    private static string Roles(PlanTask task) => string.Join(" ", task.Units.Select(u => $"{u.Name}/{u.Role}"));

    [Fact]
    public void Numbered_rows_without_blank_lines_read_number_task_lead_cooperating_and_deadline()
    {
        var tasks = Tasks("""
            1
            实施高素质农民培育计划，依托涉农职业院校每年培训高素质农民2000人。
            市农业农村局
            市教育局、市财政局
            2026年12月底前
            2
            建设乡村振兴学院，面向村“两委”干部开展学历提升教育，
            推动学历教育与技能培训相结合。
            市教育局
            市委组织部、市农业农村局、
            市乡村振兴局
            2026年6月底前
            """);
        tasks.Select(t => t.No).ShouldBe(["1", "2"]);
        tasks[1].Text.ShouldBe("建设乡村振兴学院，面向村“两委”干部开展学历提升教育，推动学历教育与技能培训相结合。");
        Roles(tasks[0]).ShouldBe("市农业农村局/Lead 市教育局/Cooperating 市财政局/Cooperating");
        Roles(tasks[1]).ShouldBe("市教育局/Lead 市委组织部/Cooperating 市农业农村局/Cooperating 市乡村振兴局/Cooperating");
        tasks[1].Deadline!.Due.ShouldBe(new DateOnly(2026, 6, 30));
    }

    [Fact]
    public void One_units_line_in_every_row_is_the_responsible_units_column()
    {
        var tasks = Tasks("""
            5
            开展职业教育活动周宣传活动，全年不少于2次。
            县教育局、县总工会
            每年5月
            6
            建立职业院校毕业生就业跟踪调查制度。
            县人社局
            2026年9月底前
            """);
        tasks.Select(t => t.No).ShouldBe(["5", "6"]);
        Roles(tasks[0]).ShouldBe("县教育局/Lead 县总工会/Lead");
        Roles(tasks[1]).ShouldBe("县人社局/Lead");
    }

    [Fact]
    public void Numbered_rows_without_a_deadline_column_end_at_the_prose_after_them()
    {
        var tasks = Tasks("""
            8

            推进县职教中心与本地企业共建实训车间2个。

            县教育局

            县工业园区管委会

            9

            开展新型学徒制培训，全年培训学徒120人。

            县人社局

            县总工会、县财政局

            各单位要于每季度末报送进展情况。
            """);
        tasks.Select(t => t.No).ShouldBe(["8", "9"]);
        Roles(tasks[1]).ShouldBe("县人社局/Lead 县总工会/Cooperating 县财政局/Cooperating");
        tasks[1].Text.ShouldNotContain("每季度末");
    }

    [Fact]
    public void A_units_cell_wrapped_inside_a_name_is_one_cell()
    {
        var tasks = Tasks("""
            3
            开展工程建设项目审批制度改革，实行联合审图、联合验收。
            市住房城乡建设局
            市自然资源和规划局、市政务服务管
            理局
            2026年12月底前
            4
            建立重点项目审批“绿色通道”，实行专人帮办代办。
            市发展改革委
            市政务服务管理局、市住房城乡建
            设局
            2026年9月底前
            """);
        tasks[0].Text.ShouldBe("开展工程建设项目审批制度改革，实行联合审图、联合验收。");
        Roles(tasks[0]).ShouldBe("市住房城乡建设局/Lead 市自然资源和规划局/Cooperating 市政务服务管理局/Cooperating");
        Roles(tasks[1]).ShouldBe("市发展改革委/Lead 市政务服务管理局/Cooperating 市住房城乡建设局/Cooperating");
    }

    [Fact]
    public void Rows_without_numbers_end_at_their_deadline_lines()
    {
        var tasks = Tasks("""
            推进农村生活垃圾分类减量，行政村分类覆盖率达到60%以上。
            县住房城乡建设局
            各乡镇人民政府
            2026年11月底前
            完成农村户用卫生厕所改造1500户，
            同步建立管护机制。
            县农业农村局
            2026年10月底前
            """);
        tasks.Select(t => t.No).ShouldBe(["1", "2"]);
        tasks[1].Text.ShouldBe("完成农村户用卫生厕所改造1500户，同步建立管护机制。");
        Roles(tasks[0]).ShouldBe("县住房城乡建设局/Lead 各乡镇人民政府/Cooperating");
        Roles(tasks[1]).ShouldBe("县农业农村局/Lead");
    }

    [Fact]
    public void A_pipe_excerpt_one_cell_per_line_keeps_its_first_rows_wrapped_cell()
    {
        var tasks = Tasks("""
            2 |
            在县职教中心机电、护理两个专业开展现代学徒制试点，与合作企业
            共同制定人才培养方案。 |
            县人社局 县教育局 |
            2026年 |
            3 |
            建立县级职业教育专项经费，每年安排不少于300万元用于实训基地建设。 |
            县财政局 |
            2026年起实施 |
            """);
        tasks.Select(t => t.No).ShouldBe(["2", "3"]);
        tasks[0].Text.ShouldBe("在县职教中心机电、护理两个专业开展现代学徒制试点，与合作企业共同制定人才培养方案。");
    }

    [Theory]
    // A page number over a paragraph of prose, then another: no units line, no table.
    [InlineData("3\n各地要加强组织领导，把职业教育摆在更加突出的位置，统筹推进各项改革。\n4\n要完善经费投入机制，落实生均拨款制度。\n")]
    // Rows whose "task" is a unit name: not a task cell.
    [InlineData("1\n市教育局\n市财政局\n2026年底前\n2\n市人社局\n市总工会\n2026年底前\n")]
    // A single row: too little to read columns from.
    [InlineData("7\n开展职业技能竞赛，每年举办一次。\n市总工会\n2026年10月\n")]
    // Prose, then a signature and a date: one "row" only.
    [InlineData("请各单位认真贯彻落实，确保各项任务按期完成。\n青禾市教育局\n2026年3月1日\n")]
    public void Text_that_only_resembles_rows_is_no_table(string text)
    {
        _parser.ParseText(text).TaskLists.Where(l => l.Layout == TaskListLayout.Table).ShouldBeEmpty();
    }
}
