using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/headerless-tab-excerpt.txt: rows 4–8 of a 任务清单 copied as tab-separated text WITHOUT the header row,
/// whose first column (领域) stands before the number and is merged down over each group's rows: only a group's first
/// row has the cell, the rows under it are one cell short and start with their number. The columns are read from the
/// cells (the short rows aligned under the full ones): 领域 | 序号 | 项目名称 | 主要内容 | deadline | 牵头 | 配合.
/// </summary>
public sealed class HeaderlessTabExcerptSample : SampleTest
{
    protected override string FileName => "headerless-tab-excerpt.txt";

    protected override string ExpectedTitle => "东川区2026年职业教育提质培优任务清单（节选）";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Table, Body, "东川区2026年职业教育提质培优任务清单（节选）",
            T("4", "推动区职业中专实训基地向社会开放，年培训企业职工2000人次。", "区教育局 | 区人社局; 区财政局", "2026年6月底前", "due=2026-06-30"),
            T("5", "撤并就业率连续两年低于70%的专业点，新增智能制造类专业2个。", "区教育局 | 区发展改革局", "2026年9月", "due=2026-09-30"),
            T("6", "为顶岗实习学生全部购买实习责任保险。", "区教育局 | 区应急管理局; 区财政局", "每学期", "ongoing semester"),
            T("7", "建设区级名师工作室5个，每室结对培养青年教师3名。", "区教育局 | 区人社局", "2026年12月底前", "due=2026-12-31"),
            T("8", "专业课教师每年到企业实践累计不少于1个月。", "区教育局 | 区工商联", "长期坚持", "ongoing")),
    ];
}
