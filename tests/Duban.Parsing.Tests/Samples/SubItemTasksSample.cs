using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/sub-item-tasks.txt: tasks 1. that list their parts as sub-items ①② or （1）（2） and name their fields once,
/// on label lines after the last part: the parts are the task's text, not tasks. Under 二、 a task whose sub-items name
/// units of their own: there the sub-items are the tasks and their parent is a group.
/// </summary>
public sealed class SubItemTasksSample : SampleTest
{
    protected override string FileName => "sub-item-tasks.txt";

    protected override string ExpectedTitle => "东川区推进职业教育高质量发展重点任务分工";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "夯实办学基础",
            // The label's 完成时限 is the deadline, not the 2024年底前 of a part.
            T("1", "实施中职学校办学条件达标工程", "区教育局; 区财政局", "2025年底前", "due=2025-12-31"),
            T("2", "建设区级公共实训基地", "区人力资源社会保障局 | 区财政局; 区教育局", "2024年12月底前", "due=2024-12-31"),
            T("3", "实施“双师型”教师培养计划", "区教育局 | 区人力资源社会保障局", "每年", "ongoing yearly")),
        List(Paragraphs, Body, "深化产教融合",
            T("1", "支持东川职业中专与园区企业共建产业学院1个", "区教育局", "2024年", "due=2024-12-31"),
            T("2", "支持企业设立职工培训中心", "区工业和信息化局", "2025年", "due=2025-12-31")),
    ];

    [Fact]
    public void The_parts_are_in_the_task_text()
    {
        var first = AllTasks.First();
        first.Text.ShouldContain("①改造职业学校校舍");
        first.Text.ShouldContain("②补充实训设备");
        first.Text.ShouldNotContain("责任单位");
        AllTasks.ElementAt(1).Text.ShouldContain("（2）改造现有汽修实训场地");
    }
}
