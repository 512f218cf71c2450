using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/leader-fields.txt: a 任务清单 whose tasks name people beside the units, on label lines of their own
/// (责任领导：, 牵头县领导：, 责任人：, 分管领导：, 联系人：) — never units, never task text; the lead marked inside a
/// 责任单位 list as 〔牵头〕 or （牵头单位）, or by a clause 县教育和体育局牵头，…配合 after the label; 配合单位 separated by
/// '/' or by spaces; 牵头责任单位 / 协同责任单位; numbering 1. under the first heading and （1） under the second; deadlines 2023年起长期坚持,
/// 2023—2025年, 每年, 持续推进.
/// </summary>
public sealed class LeaderFieldsSample : SampleTest
{
    protected override string FileName => "leader-fields.txt";

    protected override string ExpectedTitle => "云岭县职业教育重点任务清单";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, null,
            T("1", "推进中职学校达标建设", "县教育和体育局 | 县财政局; 县住房城乡建设局", "2025年底前", "due=2025-12-31"),
            T("2", "扩大中高职贯通培养规模", "县教育和体育局 | 县发展和改革局; 县人社局", "2023年起长期坚持", "start=2023-01-01 ongoing"),
            T("3", "建设县域产教融合实训基地", "县发展和改革局 | 县财政局; 县教育和体育局", "2023—2025年", "due=2025-12-31 start=2023-01-01")),
        List(Paragraphs, Body, null,
            T("1", "开展职业院校教师全员培训", "县教育和体育局 | 县人社局; 县财政局; 县总工会", "每年", "ongoing yearly"),
            T("2", "举办职业技能大赛", "县人社局 | 县教育和体育局; 县总工会; 团县委", "持续推进", "ongoing"),
            T("3", "加强职业院校招生管理", "各乡镇人民政府; 各有关单位", "2024年9月底前", "due=2024-09-30"),
            // 牵头责任单位 / 协同责任单位 split 责任单位 into lead and cooperating.
            T("4", "推进职业院校数字化校园建设", "县教育和体育局 | 县工业和信息化局; 县财政局", "2024年12月", "due=2024-12-31")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind>
        {
            ["各乡镇人民政府"] = CollectiveKind.SubordinateGovernments,
            ["各有关单位"] = CollectiveKind.Departments,
        };

    [Fact]
    public void People_are_neither_units_nor_text()
    {
        string[] people = ["刘一平", "陈小东", "赵子安", "孙明"];
        foreach (var task in AllTasks)
        {
            task.Text.ShouldNotContain("领导");
            task.Units.ShouldNotContain(u => people.Any(p => u.Name.Contains(p)) || u.Name.Contains("领导") || u.Name.EndsWith("人"));
        }
    }
}
