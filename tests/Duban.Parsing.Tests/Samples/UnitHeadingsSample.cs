using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/unit-headings.txt: work divided by unit (按单位分工). Each unit is a heading of its own (一、县教育和体育局,
/// 三、县发展和改革局、县财政局, 四、各乡镇人民政府) and its tasks are the numbered items under it, naming no unit: the
/// heading's units are theirs. 五、工作要求 is a topic, not a unit, and its paragraph no task.
/// </summary>
public sealed class UnitHeadingsSample : SampleTest
{
    protected override string FileName => "unit-headings.txt";

    protected override string ExpectedTitle => "南浦县职业教育产教融合重点工作责任分工";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, TaskList.PlainName,
            T("1", "统筹全县职业教育产教融合工作", "县教育和体育局", "2025年3月底前", "due=2025-03-31"),
            T("2", "推进县职教中心实训楼建设", "县教育和体育局", "2025年9月底前", "due=2025-09-30"),
            T("3", "组织中职学校与县内规模以上企业开展订单培养", "县教育和体育局", null),
            T("1", "将县职教中心纳入职业技能等级认定机构", "县人力资源和社会保障局", "2025年6月底前", "due=2025-06-30"),
            T("2", "开展企业新型学徒制培训", "县人力资源和社会保障局", null),
            T("1", "将产教融合实训基地建设纳入县重点项目库", "县发展和改革局; 县财政局", null),
            T("2", "落实中职学校生均公用经费拨款标准", "县发展和改革局; 县财政局", null),
            T("1", "摸清本乡镇劳动力培训需求", "各乡镇人民政府", null),
            T("2", "组织农村劳动力参加职业技能培训", "各乡镇人民政府", null)),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各乡镇人民政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void Each_task_stands_under_its_units_heading_and_its_units_point_at_it()
    {
        var tasks = Doc.TaskLists.Single().Tasks;
        tasks[3].SectionPath.ShouldBe(["二、县人力资源和社会保障局"]);
        var unit = tasks[3].Units.Single();
        At(Doc.Text, unit.Span).ShouldBe("县人力资源和社会保障局");
        unit.Span.Start.ShouldBeLessThan(tasks[3].Span.Start);
    }

    [Fact]
    public void A_lone_unit_heading_among_topics_gives_its_items_no_units()
    {
        const string text = """
            东川区职业教育工作要点

            一、加强组织领导
            1.健全工作机制。
            2.完善考核办法。
            二、区教育局
            1.制定年度计划。
            2.开展专项督导。
            """;
        new PlanParser().ParseText(text).TaskLists.ShouldBeEmpty();
    }
}
