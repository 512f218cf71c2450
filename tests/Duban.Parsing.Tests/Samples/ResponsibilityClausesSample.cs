using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/responsibility-clauses.txt: unlabelled closing clauses of several segments, each a unit list and a role
/// word: （X牵头负责，Y组织落实）, （X牵头，Y、Z按职责分工负责；W组织落实）, （X负责，Y配合）, （X、Y按职责分工负责）; a branch office named by its place (公安东川分局) keeps no borrowed prefix.
/// 负责 / 按职责分工负责 / 组织落实 lead when the clause names no 牵头 and cooperate when it does.
/// </summary>
public sealed class ResponsibilityClausesSample : SampleTest
{
    protected override string FileName => "responsibility-clauses.txt";

    protected override string ExpectedTitle => "南浦市推进职业教育产教融合重点任务分工方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, null,
            T("1", "推进中等职业学校达标建设", "市住房城乡建设管理委 | 各区政府", null),
            T("2", "加强职业院校实训设备安全管理", "市局特种设备安全监察处 | 执法稽查处; 信用监督管理处; 区市场监管局", null),
            T("3", "建设市级产教融合实训基地", "市发展改革委 | 市教育局; 市财政局", null),
            T("4", "完善职业院校生均拨款制度", "市财政局; 市教育局", null),
            T("5", "培育产教融合型企业", "市发展改革委 | 市教育局; 市人力资源社会保障局", null),
            T("6", "推行中国特色学徒制", "市人力资源社会保障局 | 市教育局; 市总工会; 各区政府", null),
            T("7", "组建市域产教联合体", "市教育局 | 市科委; 市经济信息化委", null),
            // A branch office that names its place takes no prefix from 区教育局.
            T("8", "加强职业院校周边治安综合治理", "区教育局; 公安东川分局", null),
            // X牵头，Y、Z等按职责分工负责，W落实: three segments with a comma between them, the last with a bare 落实.
            T("9", "推进职业学校布局调整", "市教育局 | 市发展改革委; 市财政局; 市规划资源局; 各区（县）政府", null),
            T("10", "落实职业院校教师绩效工资倾斜政策", "市人力资源社会保障局 | 各区政府", null)),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各区政府"] = CollectiveKind.SubordinateGovernments, ["各区（县）政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void The_clause_is_cut_from_the_text()
    {
        AllTasks.ElementAt(1).Text.ShouldBe("加强职业院校实训设备安全管理，开展实训场所特种设备安全检查。");
        AllTasks.ElementAt(5).Text.ShouldBe("推行中国特色学徒制，支持企业与职业院校联合招生、联合培养。");
    }
}
