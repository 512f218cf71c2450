using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/first-listed-leads.txt: tasks closed by a bracket that only lists units, without labels or role words
/// （市人社局，市财政局，市教育局）, and a note in the first one, 排在第一位的为牵头单位，下同, that holds for the whole
/// document: the first unit of each list leads and the others cooperate. 各县&lt;市、区&gt;人民政府 is written with angle
/// brackets; a bracket that explains the text (（含技工学校）) stays text; a clause with its own 牵头 keeps its roles.
/// </summary>
public sealed class FirstListedLeadsSample : SampleTest
{
    protected override string FileName => "first-listed-leads.txt";

    protected override string ExpectedTitle => "西岭市职业教育质量提升行动重点任务分工方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, null,
            T("1", "调整中等职业学校布局", "市教育局 | 市发展改革委; 市财政局; 各县（市、区）人民政府", "2025年底前", "due=2025-12-31"),
            T("2", "建设市级公共实训基地", "市人社局 | 市财政局; 市教育局", null),
            T("3", "支持每个县（市、区）办好一所中等职业学校（含技工学校）", "各县（市、区）人民政府 | 市教育局; 市人社局", null),
            T("4", "推进职业院校与普通高中学分互认", "市教育局 | 市人社局", null),
            T("5", "培育产教融合型企业", "市发展改革委 | 市工业和信息化局; 市教育局; 市国资委", null),
            T("6", "组建产教融合共同体", "市教育局 | 市直有关部门; 各县（市、区）人民政府", null),
            // 等部门 after the last unit is no unit of its own.
            T("7", "开展职业教育宣传周活动", "市委宣传部 | 市教育局", null),
            T("8", "落实职业院校生均拨款制度", "市财政局", "2024年6月底前", "due=2024-06-30"),
            T("9", "建立职业教育督导评估制度", "市政府教育督导室 | 市教育局", null)),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind>
        {
            ["各县（市、区）人民政府"] = CollectiveKind.SubordinateGovernments,
            ["市直有关部门"] = CollectiveKind.Departments,
        };

    [Fact]
    public void The_note_is_neither_a_unit_nor_text()
    {
        var first = AllTasks.First();
        first.Text.ShouldBe("调整中等职业学校布局，2025年底前将规模不足千人的学校整合到位。");
        first.Units.ShouldNotContain(u => u.Name.Contains("牵头"));
    }

    [Fact]
    public void Without_the_note_every_listed_unit_is_responsible()
    {
        var text = File.ReadAllText(SampleFiles.PathOf(FileName)).Replace("，排在第一位的为牵头单位，下同", "", StringComparison.Ordinal);
        var task = new PlanParser().ParseText(text, "no-note.txt").TaskLists.SelectMany(l => l.Tasks).ElementAt(1);
        task.Units.Select(u => (u.Name, u.Role)).ShouldBe(
            [("市人社局", UnitRole.Lead), ("市财政局", UnitRole.Lead), ("市教育局", UnitRole.Lead)]);
    }
}
