using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/cell-per-line-table.txt: two tables flattened one cell per line with no separators (a copy out of a PDF
/// or a web page): column names on lines of their own, each row's cells after its number, a task cell and a units
/// cell over two lines, a row without 配合部门, and a second table whose 推进单位 is printed only on the first row of a
/// group (a merged cell that holds for the row below).
/// </summary>
public sealed class CellPerLineTableSample : SampleTest
{
    protected override string FileName => "cell-per-line-table.txt";

    protected override string ExpectedTitle => "青禾市职业教育服务乡村振兴重点任务推进表";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Table, Body, null,
            T("1", "实施高素质农民培育计划", "市农业农村局 | 市教育局; 市财政局", "每年12月底前", "ongoing yearly"),
            T("2", "建设乡村振兴学院，面向村“两委”干部开展学历提升教育，推动学历教育与技能培训相结合。",
                "市教育局 | 市委组织部; 市农业农村局; 市乡村振兴局", "2024年6月底前", "due=2024-06-30"),
            T("3", "支持涉农专业学生到农业企业顶岗实习", "市人力资源社会保障局 | 市教育局", "2024年底前", "due=2024-12-31"),
            // One units line under two unit columns: it is the 牵头部门.
            T("4", "建设县域职业教育中心农业实训基地3个。", "市发展改革委; 市财政局", "2025年底前", "due=2025-12-31"),
            T("1", "完成县域职业教育中心布局调整方案。", "各县（市、区）人民政府", "2024年9月底前", "due=2024-09-30"),
            // The 推进单位 cell merged with the row above.
            T("2", "推动县域职业教育中心与县域产业园区结对共建。", "各县（市、区）人民政府", "2024年底前", "due=2024-12-31"),
            T("3", "建立涉农专业毕业生返乡创业扶持清单。", "市人力资源社会保障局", "2025年6月底前", "due=2025-06-30")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各县（市、区）人民政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void The_prose_after_the_table_is_no_cell()
    {
        Doc.TaskLists.ShouldHaveSingleItem().Tasks.Count.ShouldBe(7);
        Doc.Text.ShouldContain("各牵头部门每季度末将推进情况报市教育局汇总。");
        Doc.TaskLists[0].Tasks.ShouldAllBe(t => !t.Text.Contains("各牵头部门"));
    }
}
