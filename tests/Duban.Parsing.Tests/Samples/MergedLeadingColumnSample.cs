using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/merged-leading-column.txt: a 年度任务清单 copied from a page as tab-separated text, whose first column
/// (领域) stands before 序号 and was merged down over each group's rows: only a group's first row has the cell, the
/// rows under it are one cell short and start with their number. Columns 项目名称 / 主要内容 / 计划节点 / 牵头部门 /
/// 配合部门; prose after the table.
/// </summary>
public sealed class MergedLeadingColumnSample : SampleTest
{
    protected override string FileName => "merged-leading-column.txt";

    protected override string ExpectedTitle => "东川区职业教育三年行动计划2025年度任务清单";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Table, Body, null,
            T("1", "建设区级公共实训基地1个", "区人社局 | 区财政局; 区教育局", "2025年9月", "due=2025-09-30"),
            T("2", "改造东川职业中专老旧校舍1.2万平方米", "区教育局 | 区住房和城乡建设局", "2025年底前", "due=2025-12-31"),
            T("3", "建成智慧教室20间", "区教育局 | 区大数据中心", "2025年10月底前", "due=2025-10-31"),
            T("4", "培训“双师型”教师200人次", "区教育局 | 区人社局", "2025年12月", "due=2025-12-31"),
            T("5", "聘请企业技术骨干担任兼职教师60人", "区教育局 | 区国资委; 区工商联", "每学期", "ongoing semester"),
            T("6", "与区内龙头企业共建产业学院2个", "区教育局 | 区工业和信息化局", "2025年下半年", "due=2025-12-31")),
    ];
}
