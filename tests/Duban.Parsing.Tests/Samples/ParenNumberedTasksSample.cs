using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>samples/paren-numbered-tasks.txt: tasks （1）（2）… each closed by （牵头单位：…；配合单位：…；完成时限：…）.</summary>
public sealed class ParenNumberedTasksSample : SampleTest
{
    protected override string FileName => "paren-numbered-tasks.txt";

    protected override string ExpectedTitle => "云岭县推进中等职业教育提质培优行动实施方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "重点任务",
            // 县发展和改革局、人力资源和社会保障局 → the second takes the prefix 县; 县委编办、财政局 → 县财政局 (委 stays with the party organ).
            T("1", "优化专业布局。", "县教育和体育局 | 县发展和改革局; 县人力资源和社会保障局; 县农业农村局", "2022年12月底前", "due=2022-12-31"),
            T("2", "改善办学条件。", "县教育和体育局 | 县财政局; 县自然资源局; 县住房和城乡建设局", "2023年6月", "due=2023-06-30"),
            T("3", "加强“双师型”教师队伍建设。", "县人力资源和社会保障局 | 县教育和体育局; 县委编办; 县财政局", "2023年", "due=2023-12-31"),
            T("4", "深化校企合作。", "县工业和信息化局; 县教育和体育局 | 县职业技术学校", "2022年", "due=2022-12-31"),
            // YYYY年M月前: before M begins.
            T("5", "推进职普融通。", "县教育和体育局", "2023年9月前", "due=2023-08-31")),
    ];

    [Fact]
    public void Basis_is_the_cited_provincial_plan()
    {
        var basis = Doc.Basis.ShouldHaveSingleItem();
        basis.Title.ShouldBe("江岚省职业教育提质培优行动计划（2021—2023年）");
        basis.DocNumber.ShouldBe("江教职成〔2021〕9号");
    }

    [Fact]
    public void Tasks_sit_under_the_task_heading()
    {
        foreach (var task in AllTasks) task.SectionPath.ShouldBe(["三、重点任务"], $"task {task.No}");
    }
}
