using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/host-office-labels.txt: a bureau dividing its year's work among its own offices (股室) with the labels of
/// 督办 and 办理 documents: 主办单位 / 协办单位, 主办部门 / 协办部门, 牵头科室 / 配合科室, 责任科室, 参与部门; deadlines
/// 年中前 and 年初; 2025年中职 in a task's text, which is no mid-year.
/// </summary>
public sealed class HostOfficeLabelsSample : SampleTest
{
    protected override string FileName => "host-office-labels.txt";

    protected override string ExpectedTitle => "南浦县2025年职业教育重点工作任务分解";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, null,
            T("1", "完成县职教中心实训楼主体工程", "县教育和体育局 | 县发展和改革局; 县财政局", "2025年年中前", "due=2025-06-30"),
            T("2", "改造职业学校学生宿舍", "县教育和体育局 | 县住房和城乡建设局", "2025年初", "due=2025-03-31"),
            T("3", "新增智能网联汽车技术专业", "职业教育股 | 计划财务股; 人事股", "2025年秋季学期开学前", "due=2025-09-01"),
            T("4", "组织专业课教师到企业实践", "人事股; 职业教育股", "2025年年底", "due=2025-12-31"),
            T("5", "开展2025年中职学校招生宣传", "职业教育股 | 县人力资源和社会保障局", "2025年9月", "due=2025-09-30")),
    ];
}
