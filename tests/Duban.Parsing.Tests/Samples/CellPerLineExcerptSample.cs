using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/cell-per-line-excerpt.txt: a 政府信息公开 page copied as text — site name, breadcrumbs, the lines of its
/// index box (索引号：… 发布机构：… 名称：… 文号：…, 发文日期：… 发布日期：…) — holding one department's excerpt of a
/// 分解表: one cell per line with a blank line after each, the rows keeping the numbers of the whole table (4, 27, 63,
/// 64, 66), group headings between them, several in a row where the department has no task in a group, and the
/// columns 主要责任单位 / 协同配合单位.
/// </summary>
public sealed class CellPerLineExcerptSample : SampleTest
{
    protected override string FileName => "cell-per-line-excerpt.txt";

    protected override string ExpectedTitle => "南浦县教育体育局2025年政府工作报告重点工作任务分解表";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Table, Body, "南浦县教育体育局2025年政府工作报告重点工作任务分解表",
            T("4", "城镇新增就业2800人以上", "县人社局 | 县教体局; 县财政局; 各乡镇人民政府", null),
            T("27", "支持南浦职业技术学校与县经开区企业共建产业学院2个", "县教体局 | 县经开区管委会; 县人社局", null),
            T("63", "推进县职教中心实训楼建设", "县教体局 | 县发改委; 县财政局; 县住建局", "2025年9月底前", "due=2025-09-30"),
            T("64", "实施中职学校办学条件达标工程", "县教体局 | 县财政局", null),
            T("66", "开展职业启蒙教育进中小学活动", "县教体局 | 各乡镇人民政府; 县团委", null)),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各乡镇人民政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void Each_row_stands_under_the_last_group_heading_before_it()
    {
        AllTasks.Select(t => $"{t.No} {t.SectionPath[^1]}").ShouldBe([
            "4 一、2025年经济社会发展的主要预期目标",
            // 二、三、 have no row of this department: the row is under the last heading before it.
            "27 四、深化改革开放，增强发展活力",
            "63 五、坚持民生优先，办好民生实事",
            "64 五、坚持民生优先，办好民生实事",
            "66 五、坚持民生优先，办好民生实事",
        ]);
    }

    [Fact]
    public void The_pages_index_box_is_neither_title_nor_text()
    {
        Doc.Title!.ShouldNotContain("发文日期");
        AllTasks.ShouldAllBe(t => !t.Text.Contains("索引号") && !t.Text.Contains("发布机构"));
    }
}
