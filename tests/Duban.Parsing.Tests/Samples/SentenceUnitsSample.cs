using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/sentence-units.txt: a city's 数字政府 工作要点 whose tasks are headings （一）…（七）. Units stand in a bracket on
/// the heading line over numbered parts without units (1.2025年6月底前… / 2.…: the task's text, its deadline in a part),
/// in a closing clause, on a label line, and as the subject of the task's last sentence — 由X牵头，Y配合，推动…,
/// X、Y、Z按职责分工负责，9月底前完成…, …由X负责。 A unit named inside an earlier sentence of a 保障措施 item
/// (市大数据局牵头，市级有关部门参加，每季度召开…) is not the item's; under 四、保障措施 only the item naming its units is a task.
/// </summary>
public sealed class SentenceUnitsSample : SampleTest
{
    protected override string FileName => "sentence-units.txt";

    protected override string ExpectedTitle => "青禾市2025年数字政府建设工作要点";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "任务清单",
            T("1", "推进政务云资源整合。", "市大数据局 | 市财政局", "2025年6月底前", "due=2025-06-30"),
            T("2", "建设城市数据底座。", "市大数据局 | 各区县人民政府", "年底前", "due=2025-12-31"),
            T("3", "深化“一网通办”。", "市政务服务中心 | 市级各有关部门; 各区县人民政府", null),
            T("4", "推进“高效办成一件事”。", "市政务服务中心; 市级各有关部门", null),
            T("5", "优化12345热线服务。", "市政务服务中心", null),
            T("6", "落实数据安全责任制。", "市委网信办; 市公安局; 市大数据局", "9月底前", "due=2025-09-30"),
            T("7", "开展网络安全攻防演练。", "市公安局; 市大数据局", null),
            T("3", "加强督查考核。", "市政府督查室", null)),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind>
        {
            ["各区县人民政府"] = CollectiveKind.SubordinateGovernments,
            ["市级各有关部门"] = CollectiveKind.Departments,
        };

    [Fact]
    public void Numbered_parts_under_a_task_are_its_text_not_headings()
    {
        Doc.TaskLists[0].Tasks[0].Text.ShouldBe(
            "推进政务云资源整合。1.2025年6月底前完成市级部门非涉密业务系统迁移上云。2.建立政务云资源动态调配机制，资源利用率提高到70%以上。");
        Flatten(Doc.Sections).ShouldNotContain(s => s.Title.StartsWith("建立政务云资源") || s.Title.StartsWith("2025年6月"));
    }

    [Fact]
    public void A_clause_opening_the_last_sentence_is_cut_and_the_sentence_goes_on()
    {
        Doc.TaskLists[0].Tasks[2].Text.ShouldBe("深化“一网通办”。推动高频事项“全程网办”比例达到85%。");
        Doc.TaskLists[0].Tasks[5].Text.ShouldBe("落实数据安全责任制。9月底前完成重要数据目录备案。");
    }

    [Fact]
    public void Headings_of_the_closing_part_without_units_are_no_tasks()
    {
        Doc.Warnings.ShouldNotContain(w => w.Code == "task.noUnits");
        Doc.Warnings.ShouldNotContain(w => w.Code == "task.outsideList");
    }

    private static IEnumerable<Section> Flatten(IEnumerable<Section> sections) =>
        sections.SelectMany(s => Flatten(s.Children).Prepend(s));
}
