using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/two-line-header-cells.txt: a 任务清单 copied one cell per line whose narrow header cells wrap (重点 / 任务,
/// 责任 / 单位, 完成 / 时限), with a 具体措施 column whose cells list numbered measures (1. … 2. …, （1）…), a 责任单位
/// merged over rows 1–2 (row 2 has no units line) and group rows (一、… 二、…) between rows.
/// </summary>
public sealed class TwoLineHeaderCellsSample : SampleTest
{
    protected override string FileName => "two-line-header-cells.txt";

    protected override string ExpectedTitle => "东川区2027年城乡环境综合整治任务清单";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Table, Body, null,
            T("1", "背街小巷改造", "区城市管理局", "2027年10月底前", "due=2027-10-31"),
            T("2", "违法建设治理", "区城市管理局", "2027年12月底前", "due=2027-12-31"),
            T("3", "农村生活垃圾治理", "区农业农村局; 各镇人民政府", "2027年11月底前", "due=2027-11-30"),
            T("4", "厕所革命", "区农业农村局; 区卫生健康局", "2027年9月底前", "due=2027-09-30")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各镇人民政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void Measures_are_the_second_text_column_not_the_task_or_a_unit()
    {
        var tasks = Doc.TaskLists.ShouldHaveSingleItem().Tasks;
        tasks.ShouldAllBe(t => !t.Text.Contains("1.") && !t.Text.Contains("（1）"));
        tasks.SelectMany(t => t.Units).ShouldAllBe(u => !u.Name.Contains("违法建设"));
        tasks[0].SectionPath.ShouldContain("一、市容环境整治");
        tasks[2].SectionPath.ShouldContain("二、农村人居环境提升");
    }
}
