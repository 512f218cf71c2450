using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/responsibility-breakdown.txt: a notice issuing the 责任分解 of a plan. Tasks 1. numbered through 一、二、三、
/// are title lines without punctuation, their parts （1）（2）… follow, and the fields close the whole task in a bracket
/// standing on a paragraph of its own — labelled （责任单位：…）, （牵头单位：…；配合单位：…；完成时限：…） or unlabelled
/// （市教育局牵头，…配合）. Tasks 3 and 8 are one paragraph closed by their own bracket. Branch offices that name
/// their place (人行青禾市中心支行、青禾银保监分局) take no prefix from each other.
/// </summary>
public sealed class ResponsibilityBreakdownSample : SampleTest
{
    protected override string FileName => "responsibility-breakdown.txt";

    protected override string ExpectedTitle => "青禾市职业教育提质培优行动计划责任分解";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "体系建设任务",
            T("1", "完善中高职贯通培养机制", "市教育局; 市人社局; 各县（市、区）人民政府", null),
            T("2", "推进职业院校布局结构调整", "市教育局 | 市发展改革委; 市自然资源和规划局", "2026年底前", "due=2026-12-31"),
            T("3", "健全职业教育经费投入机制", "市财政局 | 市教育局", null),
            T("4", "加强“双师型”教师队伍建设", "市教育局 | 市人社局; 市财政局", null),
            T("5", "建设高水平专业群", "市教育局; 市工业和信息化局", "2025年12月底前", "due=2025-12-31"),
            T("6", "加强职业教育金融支持", "人行青禾市中心支行; 青禾银保监分局; 市财政局", null),
            T("7", "强化督导评估", "市政府教育督导室; 市教育局", "每年12月底前", "due=2024-12-31 ongoing yearly"),
            T("8", "营造良好社会氛围", "市委宣传部; 市教育局; 市总工会", null)),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各县（市、区）人民政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void The_parts_are_in_the_task_text_and_not_tasks()
    {
        var first = AllTasks.First();
        first.Text.ShouldContain("（1）扩大五年一贯制");
        first.Text.ShouldContain("（3）建立贯通培养质量年度监测制度");
        first.Text.ShouldNotContain("责任单位");
        AllTasks.ElementAt(3).Text.ShouldContain("（3）落实职业学校教师职称评审单列");
        AllTasks.ElementAt(3).Text.ShouldNotContain("牵头");
    }

    [Fact]
    public void Every_task_stays_under_its_heading()
    {
        AllTasks.Select(t => $"{t.No} {t.SectionPath[0]}").ShouldBe(
        [
            "1 一、体系建设任务", "2 一、体系建设任务", "3 一、体系建设任务",
            "4 二、能力建设任务", "5 二、能力建设任务", "6 二、能力建设任务",
            "7 三、保障任务", "8 三、保障任务",
        ]);
    }
}
