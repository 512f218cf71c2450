using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/label-variants.txt: a bureau's 任务分解 of its county's 政府工作报告 with the labels such documents use
/// beside the usual ones, on lines of their own: 牵头责任单位 / 主要协作单位 / 完成节点, labels naming what they hold in
/// brackets (牵头单位（部门）, 配合单位（部门）, 责任单位（部门）), 协作单位 / 计划节点 / 办结时限, 主办单位 / 会办单位 /
/// 完成期限; then an annex table whose columns are 责任单位或牵头单位 / 协助单位 / 计划节点.
/// </summary>
public sealed class LabelVariantsSample : SampleTest
{
    protected override string FileName => "label-variants.txt";

    protected override string ExpectedTitle => "南浦县《政府工作报告》职业教育重点工作任务分解";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "任务清单",
            T("1", "推进南浦县职业教育中心新校区二期建设", "县教育和体育局 | 县发展和改革局; 县自然资源局; 县住房和城乡建设局", "2025年10月底前", "due=2025-10-31"),
            T("2", "改造提升中职学校实训室12间", "县教育和体育局 | 县财政局", "2025年8月底前", "due=2025-08-31"),
            T("3", "建成县级产教融合实训基地1个", "县人力资源和社会保障局 | 县教育和体育局; 县工业和信息化局; 县总工会", "2025年12月底前", "due=2025-12-31"),
            T("4", "组织中职学校与县经济开发区企业开展订单培养", "县教育和体育局 | 县经济开发区管委会; 县工商联", "2025年秋季学期", "due=2025-09-01")),
        List(Table, Annex, "南浦县职业教育重点工作任务推进表",
            T("5", "开展职业院校“双师型”教师认定", "县教育和体育局 | 县人力资源和社会保障局", "2025年11月", "due=2025-11-30"),
            T("6", "落实中职学生资助政策", "县教育和体育局 | 县财政局; 县民政局", "按学期", "ongoing semester"),
            T("7", "举办全县职业技能大赛", "县总工会 | 县人力资源和社会保障局; 县教育和体育局", "2025年9月20日前", "due=2025-09-20")),
    ];

    [Fact]
    public void No_label_is_left_in_a_unit_or_a_task_text()
    {
        AllTasks.SelectMany(t => t.Units).ShouldAllBe(u => !u.Name.Contains("单位") && !u.Name.Contains("部门") && !u.Name.Contains("节点"));
        AllTasks.ShouldAllBe(t => !t.Text.Contains("单位") && !t.Text.Contains("时限") && !t.Text.Contains("节点"));
    }
}
