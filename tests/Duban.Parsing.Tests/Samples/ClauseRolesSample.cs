using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/clause-roles.txt: a county's 分工方案 whose units are written without labels. A bracket parting lead and
/// partners by a semicolon （县教育局；县发展和改革局、县自然资源局） (the lead before it), and one parting the county's
/// departments from the townships （县级有关部门；各乡镇人民政府） (two levels, both responsible); 会同 in a clause
/// （县教育局会同县人力资源和社会保障局负责） and as a task's subject (县教育局会同县财政局制定…); units as the subject of
/// an earlier sentence than the last and after a comma without 由, each closing its sentence or followed only by a
/// deadline; a 会同 subject beside a unit clause (task 7) and in a 保障措施 paragraph, neither read. Its headings
/// （一）（二） are run-in titles holding a comma, in their tasks' section path.
/// </summary>
public sealed class ClauseRolesSample : SampleTest
{
    protected override string FileName => "clause-roles.txt";

    protected override string ExpectedTitle => "南浦县职业教育提质培优重点任务分工方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "重点任务",
            T("1", "建设县域职业教育中心", "县教育局 | 县发展和改革局; 县自然资源局", null),
            T("2", "改善中职学校办学条件", "县级有关部门; 各乡镇人民政府", "2026年底前", "due=2026-12-31"),
            T("3", "县教育局会同县财政局制定中职学校生均公用经费标准", "县教育局 | 县财政局", "2025年底前", "due=2025-12-31"),
            T("4", "建立校企合作企业名录", "县教育局 | 县人力资源和社会保障局", null),
            T("5", "实施职业院校教师素质提升计划。", "县教育局; 县人力资源和社会保障局", "2025年底前", "due=2025-12-31"),
            T("6", "开展现代学徒制试点", "县人力资源和社会保障局 | 县教育局", null),
            T("7", "县教育局会同县商务局开展电子商务人才培训", "县教育局 | 县总工会", null)),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind>
        {
            ["县级有关部门"] = CollectiveKind.Departments,
            ["各乡镇人民政府"] = CollectiveKind.SubordinateGovernments,
        };

    [Fact]
    public void Run_in_titles_with_a_comma_head_their_tasks()
    {
        AllTasks.ElementAt(0).SectionPath.ShouldBe(["一、重点任务", "（一）整合中职学校资源，提升办学水平"]);
        AllTasks.ElementAt(3).SectionPath.ShouldBe(["一、重点任务", "（二）深化产教融合，推进校企合作"]);
        Doc.Sections[0].Children.Select(s => s.Title).ShouldBe(["整合中职学校资源，提升办学水平", "深化产教融合，推进校企合作"]);
    }

    [Fact]
    public void A_clause_read_from_a_sentence_is_cut_from_the_text()
    {
        AllTasks.ElementAt(4).Text.ShouldBe("实施职业院校教师素质提升计划。2025年底前完成全员轮训。每年选派专业教师到企业实践。");
        AllTasks.ElementAt(5).Text.ShouldBe("开展现代学徒制试点，每年新增试点专业2个。");
        // A 会同 subject stays in the sentence it opens.
        AllTasks.ElementAt(2).Text.ShouldStartWith("县教育局会同县财政局制定");
    }

    [Fact]
    public void A_safeguards_paragraph_with_a_subject_and_会同_is_no_task()
    {
        AllTasks.Count().ShouldBe(7);
        AllTasks.ShouldNotContain(t => t.Units.Any(u => u.Name == "有关部门" || u.Name == "县商务局"));
        Doc.Warnings.ShouldNotContain(w => w.Code == "task.noUnits" || w.Code == "task.outsideList");
    }
}
