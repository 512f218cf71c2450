using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/annex-pipe-leader-cells.txt: a 目标任务分解表 published by itself, as the annex of a notice printed alone
/// (附件, then the table's title, nothing before); a '|' table one cell per line whose rows keep the numbers of the
/// whole report (41–44), a person column whose header a page spaced out (分 管 县领导) and whose cell may hold two
/// names on two lines, 牵头责任单位 / 责任单位 columns, a task cell over two lines with a deadline inside it.
/// </summary>
public sealed class AnnexPipeLeaderCellsSample : SampleTest
{
    protected override string FileName => "annex-pipe-leader-cells.txt";

    // The document is the annex: its title is the annex's.
    protected override string ExpectedTitle => "云岭县2025年《政府工作报告》重点工作目标任务分解表";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Table, Annex, "云岭县2025年《政府工作报告》重点工作目标任务分解表",
            T("41", "深化产教融合", "县教育局 | 县人社局; 县经信局", null),
            T("42", "实施职业教育扩容提质工程，新增中职学位800个，2025年底前完成", "县教育局 | 县发改委; 县财政局; 县住建局", "2025年底前", "due=2025-12-31"),
            T("43", "支持县职教中心申报省级高水平中职学校", "县教育局 | 县各有关单位", null),
            T("44", "实施新时代技能人才培养工程", "县人社局 | 县教育局; 县总工会", null)),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["县各有关单位"] = CollectiveKind.Departments };

    [Fact]
    public void The_leaders_named_are_neither_units_nor_task_text() =>
        AllTasks.ShouldAllBe(t => !t.Text.Contains("何") && t.Units.All(u => !u.Name.Contains("何") && !u.Name.Contains("周")));
}
