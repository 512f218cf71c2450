using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/heading-level-tasks.txt: under 二、重点任务, （一） groups numbered tasks 1. 2. and names no units itself, so
/// it is a heading, not a task; （二）（三）（四） each have a one-paragraph body ending with a unit clause, so each is a
/// task. The headings of 三、保障措施 name no units: no task list. Deadlines are written in the text (…年底前完成…,
/// 于…月底前建成…), not in a 完成时限 field.
/// </summary>
public sealed class HeadingLevelTasksSample : SampleTest
{
    protected override string FileName => "heading-level-tasks.txt";

    protected override string ExpectedTitle => "云岭县职业教育提质培优行动任务分工方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        // In the order the tasks are written: 1. 2. under （一） come before （二）（三）（四）.
        List(Paragraphs, Body, "重点任务",
            T("1", "整合县域中职学校资源", "县教育局 | 县人力资源社会保障局; 县财政局", null),
            T("2", "推进县职教中心新校区建设", "县教育局; 县住房城乡建设局", "2024年底前", "due=2024-12-31")),
        List(Paragraphs, Body, "重点任务",
            T("2", "加强“双师型”教师队伍建设。", "县教育局 | 县人力资源社会保障局", null),
            T("3", "深化产教融合校企合作。", "县发展改革委; 县教育局", "2025年6月底前", "due=2025-06-30"),
            T("4", "提升社会服务能力。", "县农业农村局 | 县退役军人事务局; 各乡镇人民政府", null)),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各乡镇人民政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void The_group_heading_stays_in_the_section_path()
    {
        Doc.TaskLists[0].Tasks[0].SectionPath.ShouldBe(["二、重点任务", "（一）优化职业教育布局"]);
    }

    [Fact]
    public void A_heading_task_keeps_its_title_and_body()
    {
        Doc.TaskLists[1].Tasks[0].Text.ShouldBe(
            "加强“双师型”教师队伍建设。完善专业教师企业实践制度，每五年累计到企业实践不少于6个月，落实兼职教师聘用办法。");
    }
}
