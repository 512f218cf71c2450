using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/merged-cells-copied.txt: a 分解表 copied out of a web page one cell per line, whose merged cells stand only
/// in the first row of their group: a 牵头单位 merged over rows 1–2 (row 2 goes straight from its task to its 配合单位,
/// which names a unit of row 1's 配合单位), a 完成时限 merged over rows 3–4 (row 4 ends at its units), a 备注 column
/// filled in two rows, group rows between rows, a task cell over two lines ending in 、, and a row without 配合单位
/// (row 6, whose one units line names none of row 5's units: its 牵头单位).
/// </summary>
public sealed class MergedCellsCopiedSample : SampleTest
{
    protected override string FileName => "merged-cells-copied.txt";

    protected override string ExpectedTitle => "西岭市2026年优化营商环境重点任务分解表";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Table, Body, null,
            T("1", "推行企业开办“一网通办”", "市政务服务管理局 | 市市场监管局; 市税务局", "2026年6月底前", "due=2026-06-30"),
            // The 牵头单位 merged down from row 1; the units line is the 配合单位.
            T("2", "推广电子营业执照在招投标、银行开户等场景应用。", "市政务服务管理局 | 市市场监管局; 市大数据中心", "2026年9月底前", "due=2026-09-30"),
            T("3", "开展工程建设项目审批制度改革", "市住房城乡建设局 | 市自然资源和规划局; 市政务服务管理局", "2026年12月底前", "due=2026-12-31"),
            // The 完成时限 merged down from row 3.
            T("4", "建立重点项目审批“绿色通道”", "市发展改革委 | 市政务服务管理局; 市住房城乡建设局", "2026年12月底前", "due=2026-12-31"),
            T("5", "开展涉企违规收费专项整治。", "市市场监管局 | 市财政局; 市发展改革委", "2026年10月底前", "due=2026-10-31"),
            T("6", "建立企业诉求“接诉即办”机制，诉求办结率达到95%以上。", "市政府办公室", "2026年6月底前", "due=2026-06-30"),
            T("7", "清理拖欠中小企业账款", "市工业和信息化局 | 市财政局; 市国资委", "2026年11月底前", "due=2026-11-30")),
    ];

    [Fact]
    public void Group_rows_are_section_paths_and_remarks_are_no_task_text()
    {
        var tasks = Doc.TaskLists.ShouldHaveSingleItem().Tasks;
        tasks[0].SectionPath.ShouldContain("一、提升政务服务效能");
        tasks[4].SectionPath.ShouldContain("二、加强市场主体保护");
        tasks[3].SectionPath.ShouldNotContain("二、加强市场主体保护");
        tasks.ShouldAllBe(t => !t.Text.Contains("考核"));
        Doc.Text.ShouldContain("各牵头单位要于每月25日前将工作进展报市营商环境建设局。");
        tasks.ShouldAllBe(t => !t.Text.Contains("各牵头单位"));
    }
}
