using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/unnumbered-cell-per-line.txt: a 任务清单 without a 序号 column copied one cell per line (重点任务 / 责任单位 /
/// 完成时限): each row ends with its deadline line, a task cell runs over two lines, group headings stand between rows,
/// and the prose after a blank line is not a row. The tasks are numbered 1, 2, … in order.
/// </summary>
public sealed class UnnumberedCellPerLineSample : SampleTest
{
    protected override string FileName => "unnumbered-cell-per-line.txt";

    protected override string ExpectedTitle => "南浦县2026年河湖长制重点任务清单";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Table, Body, null,
            T("1", "开展县级以上集中式饮用水水源地规范化建设。", "县水务局; 县生态环境局", "2026年10月底前", "due=2026-10-31"),
            T("2", "完成取水口核查登记问题整改，整改销号率达到100%。", "县水务局", "2026年6月底前", "due=2026-06-30"),
            T("3", "开展河湖“清四乱”常态化整治。", "各乡镇人民政府", "每季度", "ongoing quarterly"),
            T("4", "完成主要河道管理范围划界成果复核。", "县水务局; 县自然资源局", "2026年12月底前", "due=2026-12-31")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各乡镇人民政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void Group_headings_between_rows_and_the_prose_after_the_table()
    {
        var tasks = Doc.TaskLists.ShouldHaveSingleItem().Tasks;
        tasks[1].SectionPath.ShouldContain("一、水资源保护");
        tasks[2].SectionPath.ShouldContain("二、河湖岸线管理");
        tasks.ShouldAllBe(t => !t.Text.Contains("县河长办"));
    }
}
