using Duban.Parsing.Input;
using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/task-table.xlsx (written by samples/tools/make-task-table-xlsx.py): a 分工表 workbook. Sheet 重点任务分工 has
/// a title row merged across, a header over two rows (责任单位 above 牵头单位 | 配合单位), section rows merged across,
/// a 牵头单位 merged down over two tasks and a deadline stored as an Excel date; Sheet2 a second short table; a hidden
/// sheet is not read.
/// </summary>
public class XlsxSample : SampleTest
{
    protected override string FileName => "task-table.xlsx";

    /// <summary>The <c>Source.Format</c> the file is read as.</summary>
    protected virtual string Format => "xlsx";

    protected override string ExpectedTitle => "南浦市职业教育质量提升行动重点任务分工表";

    protected override IReadOnlyList<string> ExpectedWarningCodes => [];

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(TaskListLayout.Table, Body, "南浦市职业教育质量提升行动重点任务分工表",
            T("1", "整合中职学校资源", "市教育局 | 市财政局; 市自然资源和规划局", "2023年5月31日", "due=2023-05-31"),
            T("2", "建设高水平专业群", "市教育局 | 市工业和信息化局", "2023年12月底前", "due=2023-12-31"),
            T("3", "推行现代学徒制", "市人力资源和社会保障局 | 市教育局; 市总工会", "长期坚持", "ongoing")),
        List(TaskListLayout.Table, Body, "Sheet2",
            T("1", "开展职业教育活动周宣传", "市教育局; 市委宣传部", "每年5月", "ongoing yearly")),
    ];

    private SourceText Source => InputReader.Read(File.ReadAllBytes(SampleFiles.PathOf(FileName)), FileName, InputLimits.Default);

    [Fact]
    public void Read_as_its_format()
    {
        Doc.Source.Format.ShouldBe(Format);
        Doc.Source.Encoding.ShouldBeNull();
    }

    [Fact]
    public void Sheets_become_tab_separated_rows_like_a_word_table()
    {
        Source.Text.Split('\n').ShouldBe(
        [
            "南浦市职业教育质量提升行动重点任务分工表",
            "序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限",
            "一、优化职业教育布局\t\t\t\t\t",
            "1\t整合中职学校资源\t将市第二职业中学并入市职教中心，统筹使用校舍和设备。\t市教育局\t市财政局、市自然资源和规划局\t2023年5月31日",
            "2\t建设高水平专业群\t围绕本市汽车零部件、电子信息产业建设3个市级骨干专业群。\t市教育局\t市工业和信息化局\t2023年12月底前",
            "二、深化校企合作\t\t\t\t\t",
            "3\t推行现代学徒制\t在5家以上企业开展现代学徒制试点，校企联合招生、联合培养。\t市人力资源和社会保障局\t市教育局、市总工会\t长期坚持",
            "",
            "Sheet2",
            "序号\t工作任务\t责任单位\t完成时间",
            "1\t开展职业教育活动周宣传，展示技能人才风采。\t市教育局、市委宣传部\t每年5月",
        ]);
    }
}

/// <summary>
/// samples/task-table.xls: the same workbook saved by LibreOffice as Excel 97-2003 (BIFF8; tools/make-task-table-sheets.sh),
/// read with ExcelDataReader into the same grid: the same lines and tasks as the .xlsx.
/// </summary>
public sealed class XlsSample : XlsxSample
{
    protected override string FileName => "task-table.xls";

    protected override string Format => "xls";
}

/// <summary>
/// samples/task-table.ods: the same workbook saved by LibreOffice as OpenDocument (tools/make-task-table-sheets.sh):
/// merged cells as number-columns/rows-spanned with covered cells, a million empty repeated columns on each row, the
/// hidden sheet as a table style with display="false". The same lines and tasks as the .xlsx.
/// </summary>
public sealed class OdsSample : XlsxSample
{
    protected override string FileName => "task-table.ods";

    protected override string Format => "ods";
}
