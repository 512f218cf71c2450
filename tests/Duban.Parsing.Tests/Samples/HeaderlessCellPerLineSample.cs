using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/headerless-cell-per-line.txt: one bureau's rows of a 任务分解表 copied one cell per line with a blank line
/// after each cell and WITHOUT the header row: rows keep the whole table's numbers (7, 8, 15, 16), a group heading
/// above the first row and one between rows, a task cell over two lines, a 配合 cell typed as a sentence (…，各乡镇人民政府。),
/// a row with a single units line (its 牵头 unit), and prose after the last deadline. The columns are read from the
/// rows' shapes: number, task, two units columns (牵头 then 配合), deadline.
/// </summary>
public sealed class HeaderlessCellPerLineSample : SampleTest
{
    protected override string FileName => "headerless-cell-per-line.txt";

    protected override string ExpectedTitle => "云岭县2026年职业教育重点工作任务分解表（县人社局承担部分）";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Table, Body, "云岭县2026年职业教育重点工作任务分解表（县人社局承担部分）",
            T("7", "支持云岭职业技术学校与县工业园区企业共建实训基地2个，每年接收学生实习不少于300人次。", "县人社局 | 县教育局; 县工业园区管委会", "2026年10月底前", "due=2026-10-31"),
            T("8", "开展企业新型学徒制培训，全年培训学徒150人。", "县人社局 | 县总工会", "2026年12月底前", "due=2026-12-31"),
            T("15", "举办全县职业技能大赛，设置竞赛项目不少于8个。", "县人社局 | 县教育局; 县总工会; 各乡镇人民政府", "2026年9月底前", "due=2026-09-30"),
            T("16", "落实技能人才评价制度，新增取得职业技能等级证书人员1200人。", "县人社局", "2026年12月底前", "due=2026-12-31")),
    ];

    protected override IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives =>
        new Dictionary<string, CollectiveKind> { ["各乡镇人民政府"] = CollectiveKind.SubordinateGovernments };

    [Fact]
    public void Each_row_stands_under_the_last_group_heading_above_it_and_the_prose_after_is_no_cell()
    {
        AllTasks.Select(t => $"{t.No} {string.Join("/", t.SectionPath)}").ShouldBe([
            "7 二、深化产教融合", "8 二、深化产教融合", "15 四、加强技能人才队伍建设", "16 四、加强技能人才队伍建设"]);
        AllTasks.ShouldAllBe(t => !t.Text.Contains("每季度末"));
    }
}
