using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/headerless-unnumbered-cell-per-line.txt: rows of a 重点任务 table copied one cell per line with a blank line
/// after each cell, with neither a header row nor a 序号 column: each row is a task cell (one over two lines), one or two
/// units lines (牵头 then 配合) and a deadline line that ends it; group headings above the first row and between rows;
/// prose after the last row. The tasks are numbered 1, 2, … in order.
/// </summary>
public sealed class HeaderlessUnnumberedCellPerLineSample : SampleTest
{
    protected override string FileName => "headerless-unnumbered-cell-per-line.txt";

    protected override string ExpectedTitle => "南浦县2026年农村人居环境整治重点任务（摘录）";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Table, Body, "南浦县2026年农村人居环境整治重点任务（摘录）",
            T("1", "推进农村生活垃圾分类减量，行政村分类覆盖率达到60%以上。", "县住房城乡建设局 | 各乡镇人民政府", "2026年11月底前", "due=2026-11-30"),
            T("2", "建立农村保洁员队伍，每个行政村配备保洁员不少于2名。", "县城市管理局", "2026年6月底前", "due=2026-06-30"),
            T("3", "完成农村户用卫生厕所改造1500户，同步建立管护机制。", "县农业农村局 | 县卫生健康局; 县财政局", "2026年10月底前", "due=2026-10-31"),
            T("4", "开展农村公厕问题排查整改，整改完成率达到100%。", "县农业农村局", "每季度", "ongoing quarterly")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各乡镇人民政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void Group_headings_and_the_prose_after_the_table()
    {
        AllTasks.Select(t => t.SectionPath[^1]).ShouldBe(["一、农村生活垃圾治理", "一、农村生活垃圾治理", "二、农村厕所革命", "二、农村厕所革命"]);
        AllTasks.ShouldAllBe(t => !t.Text.Contains("每月25日"));
    }
}
