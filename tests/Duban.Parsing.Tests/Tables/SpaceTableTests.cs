using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Tables;

/// <summary>
/// Tables whose cells are separated by spaces (copied out of a PDF, or typed into a mail): a header line of column
/// names, then numbered rows split at aligned gaps or single spaces (docs/parsing-rules.md, "Tables"). Written here,
/// not in samples/: every sample there is also printed to PDF, and a PDF of such a table is drawn as a table.
/// </summary>
public class SpaceTableTests
{
    private static IEnumerable<string> Rows(PlanDocument doc) =>
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t =>
            $"{t.No} {t.Text} | {string.Join("、", t.Units.Where(u => u.Role == UnitRole.Lead).Select(u => u.Name))} | "
            + $"{string.Join("、", t.Units.Where(u => u.Role == UnitRole.Cooperating).Select(u => u.Name))} | {t.Deadline?.Raw}");

    [Fact]
    public void A_table_copied_with_aligned_columns_is_read_with_its_group_rows()
    {
        var doc = new PlanParser().ParseText("""
            云岭县教育局关于报送职业教育重点任务分工表的函

            县人民政府办公室：
              按照《云岭县职业教育提质培优行动方案》要求，现将我局牵头梳理的重点任务分工报送如下，请审阅。

            云岭县职业教育重点任务分工表

            序号  重点任务                              牵头单位        配合单位                    完成时限
            一、办学条件
            1     改扩建县职业中学实训楼                县教育局        县发展改革局、县财政局        2025年8月底前
            2     建设县级公共实训基地                  县人社局        县教育局                    2025年12月底前
            二、人才培养
            3     开展职业技能培训每年3000人次以上      县人社局        县农业农村局、县总工会        每年
            4     推行现代学徒制试点                    县教育局        县工业和信息化局            2026年6月底前
            5     落实中职学生资助政策                  县财政局        县教育局                    长期坚持

              联系人：王敏，电话：0871-5550123

            云岭县教育局
            2025年3月10日
            """);

        var list = doc.TaskLists.ShouldHaveSingleItem();
        list.Layout.ShouldBe(TaskListLayout.Table);
        Rows(doc).ShouldBe([
            "1 改扩建县职业中学实训楼 | 县教育局 | 县发展改革局、县财政局 | 2025年8月底前",
            "2 建设县级公共实训基地 | 县人社局 | 县教育局 | 2025年12月底前",
            "3 开展职业技能培训每年3000人次以上 | 县人社局 | 县农业农村局、县总工会 | 每年",
            "4 推行现代学徒制试点 | 县教育局 | 县工业和信息化局 | 2026年6月底前",
            "5 落实中职学生资助政策 | 县财政局 | 县教育局 | 长期坚持",
        ]);
        list.Tasks[2].SectionPath.ShouldContain("二、人才培养");
        doc.Title.ShouldBe("云岭县职业教育重点任务分工表");
    }

    [Fact]
    public void A_cell_may_hold_single_spaces_where_the_columns_are_aligned_by_wide_gaps()
    {
        var doc = new PlanParser().ParseText("""
            南浦县职业教育重点任务分工表
            序号  工作任务                  牵头单位    配合单位                完成时限
            1     改扩建县职业中学实训楼    县教育局    县发展改革局 县财政局   2024年12月
            2     开展职业技能培训          县人社局    县农业农村局            每年
            """);

        Rows(doc).ShouldBe([
            "1 改扩建县职业中学实训楼 | 县教育局 | 县发展改革局、县财政局 | 2024年12月",
            "2 开展职业技能培训 | 县人社局 | 县农业农村局 | 每年",
        ]);
    }

    [Fact]
    public void Single_spaces_separate_cells_when_each_row_has_one_per_column()
    {
        var doc = new PlanParser().ParseText("""
            南浦县职业教育重点任务分工表
            序号 工作任务 责任单位 完成时限
            1 制定职业教育提质培优实施方案 县教育局 2024年3月
            2 改扩建县职业中学实训楼 县教育局、县发展改革局、县财政局 2024年12月
            3 开展职业技能培训3000人次 县人社局、县农业农村局 每年
            """);

        Rows(doc).ShouldBe([
            "1 制定职业教育提质培优实施方案 | 县教育局 |  | 2024年3月",
            "2 改扩建县职业中学实训楼 | 县教育局、县发展改革局、县财政局 |  | 2024年12月",
            "3 开展职业技能培训3000人次 | 县人社局、县农业农村局 |  | 每年",
        ]);
    }

    [Fact]
    public void A_row_whose_cells_hold_spaces_in_unaligned_columns_is_read_by_the_shapes_of_its_pieces()
    {
        // Issue 12: the task cell holds spaces (the table was not aligned), so the row splits into too many pieces:
        // the deadline is the last piece, the units the unit-like pieces before it, the task what is left.
        var doc = new PlanParser().ParseText("""
            南浦市2026年安全生产专项整治任务分工
            序号 重点任务 牵头单位 配合单位 完成时限
            1 开展危险化学品 企业安全隐患排查 市应急管理局 市公安局 市交通运输局 2026年6月底前
            2 推进城镇燃气管道老化更新改造 市住房城乡建设局 市发展改革委 2026年12月底前
            3 开展“两客一危”车辆动态监控 市交通运输局 市公安局
            4 整治 消防通道堵塞问题 市消防救援支队 各区人民政府 2026年9月底前
            """);

        Rows(doc).ShouldBe([
            "1 开展危险化学品企业安全隐患排查 | 市应急管理局 | 市公安局、市交通运输局 | 2026年6月底前",
            "2 推进城镇燃气管道老化更新改造 | 市住房城乡建设局 | 市发展改革委 | 2026年12月底前",
            // The 完成时限 merged down from row 2, printed only there.
            "3 开展“两客一危”车辆动态监控 | 市交通运输局 | 市公安局 | 2026年12月底前",
            "4 整治消防通道堵塞问题 | 市消防救援支队 | 各区人民政府 | 2026年9月底前",
        ]);
    }

    [Fact]
    public void A_remark_after_the_deadline_is_no_unit()
    {
        var doc = new PlanParser().ParseText("""
            云岭县2026年农村供水保障任务分工
            序号 工作任务 责任单位 完成时限 备注
            1 新建 改造农村供水工程12处 县水务局 2026年10月底前 省民生实事
            2 开展农村饮用水水质检测 县卫生健康局、县水务局 每季度
            """);

        Rows(doc).ShouldBe([
            "1 新建改造农村供水工程12处 | 县水务局 |  | 2026年10月底前",
            "2 开展农村饮用水水质检测 | 县卫生健康局、县水务局 |  | 每季度",
        ]);
    }

    [Fact]
    public void A_row_that_fits_no_way_ends_the_table_and_stays_text()
    {
        var doc = new PlanParser().ParseText("""
            南浦县职业教育重点任务分工表
            序号 工作任务 责任单位 完成时限
            1 制定职业教育提质培优实施方案 县教育局 2024年3月
            2 改扩建 县职业中学 实训楼 另行 安排
            """);

        Rows(doc).ShouldHaveSingleItem().ShouldStartWith("1 制定职业教育提质培优实施方案 | 县教育局");
        doc.Text.ShouldContain("2 改扩建 县职业中学 实训楼");
    }

    [Theory]
    [InlineData("我们 要求 各单位 按时 报送。")]
    [InlineData("序号 名称 备注")]
    public void Prose_with_spaces_or_a_header_without_units_is_no_table(string line)
    {
        var doc = new PlanParser().ParseText($"南浦县职业教育工作要点\n{line}\n1 某项工作 县教育局 2024年\n");
        doc.TaskLists.ShouldBeEmpty();
    }
}
