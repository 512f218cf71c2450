using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/leader-column-table.txt: a 任务分解表 with a 牵头市领导 column (a person: not a 牵头 column, although its
/// name contains 牵头) and one 责任单位 column, under a note 责任单位中排在第一位的为牵头单位: the first unit of each
/// cell leads, unless the cell marks its lead itself (〔牵头〕); units separated by 、, spaces or ，.
/// </summary>
public sealed class LeaderColumnTableSample : SampleTest
{
    protected override string FileName => "leader-column-table.txt";

    protected override string ExpectedTitle => "青禾市职业教育重点任务分解表";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Table, Body, null,
            T("1", "推进职业院校专业结构调整", "市教育局 | 市人社局; 市发展改革委", "每年", "ongoing yearly"),
            T("2", "建设市级高水平专业群10个", "市教育局 | 市财政局", "2025年底前", "due=2025-12-31"),
            T("3", "实施职业技能提升行动", "市人社局 | 市财政局; 市教育局", "2023年起长期坚持", "start=2023-01-01 ongoing"),
            T("4", "推动企业新型学徒制扩面", "市人社局 | 市总工会; 各县（市、区）人民政府", "持续推进", "ongoing")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各县（市、区）人民政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void The_note_may_stand_in_the_header_cell()
    {
        const string text = "青禾市重点任务分解表\n\n序号\t重点任务\t责任单位（排在第一位的为牵头单位）\t完成时限\n" +
            "1\t建设市级高水平专业群。\t市教育局、市财政局\t2025年底前\n2\t开展职业技能提升行动。\t市人社局 市教育局\t每年\n";
        var tasks = new PlanParser().ParseText(text, "header-note.txt").TaskLists.SelectMany(l => l.Tasks).ToList();
        tasks.Select(t => string.Join("; ", t.Units.Select(u => $"{u.Name} {u.Role}"))).ShouldBe(
            ["市教育局 Lead; 市财政局 Cooperating", "市人社局 Lead; 市教育局 Cooperating"]);
    }

    [Fact]
    public void The_leader_column_names_no_unit() =>
        AllTasks.SelectMany(t => t.Units).ShouldNotContain(u => u.Name == "周明远" || u.Name == "吴建华");
}
