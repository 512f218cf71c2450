using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/unit-clauses.txt: no labels; units named in a closing clause: （市教育局牵头，…配合）, （…负责）, 由…负责。,
/// 由…牵头，…配合。, （…牵头负责）. No deadlines.
/// </summary>
public sealed class UnitClausesSample : SampleTest
{
    protected override string FileName => "unit-clauses.txt";

    protected override string ExpectedTitle => "西岭市关于加快发展职业教育的若干措施";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, null,
            T("1", "实施中职学校标准化建设。", "市教育局 | 市发展改革委; 市财政局", null),
            T("2", "支持西岭职业技术学院创建省级高水平高职学校", "市教育局; 西岭职业技术学院", null),
            T("3", "扩大五年制高职招生规模", "市教育局", null),
            T("4", "建立产教融合型企业认定制度", "市发展改革委 | 市教育局; 市人力资源社会保障局", null),
            T("5", "鼓励行业龙头企业牵头组建职业教育集团", "市工业和信息化局", null)),
    ];

    [Fact]
    public void The_clause_is_cut_from_the_text()
    {
        AllTasks.Select(t => t.Text).ShouldBe(
        [
            "实施中职学校标准化建设。到2023年，全市中等职业学校全部达到国家设置标准。",
            "支持西岭职业技术学院创建省级高水平高职学校，建设2个省级高水平专业群。",
            "扩大五年制高职招生规模，每年安排五年制高职招生计划1000人以上。",
            "建立产教融合型企业认定制度，对认定企业按规定给予金融、财政、土地、信用等支持。",
            "鼓励行业龙头企业牵头组建职业教育集团，吸纳中小企业和职业院校参与。",
        ]);
    }
}
