using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Duban.Parsing.Model;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// A .docx sample built at test time (no binary in git): title, preamble and headings as paragraphs, then a task table
/// with a header row, group rows spanning all four columns (gridSpan), and task rows, one of whose cells holds two
/// paragraphs.
/// </summary>
public sealed class DocxSample : SampleTest
{
    protected override string FileName => "task-table.docx";

    protected override PlanDocument Load() => SampleFiles.Parse("generated:" + FileName, Build, FileName);

    protected override string ExpectedTitle => "南浦县职业院校实训基地建设实施方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(TaskListLayout.Table, TaskListLocation.Body, "南浦县职业院校实训基地建设任务分工表",
            T("1", "建设县级公共实训基地", "县教育局; 县发展和改革局; 县财政局", "2023年6月底前", "due=2023-06-30"),
            T("2", "改造县职教中心汽修、电子商务实训室", "县教育局; 县职教中心", "2022年秋季学期开学前", "due=2022-09-01"),
            T("3", "建立实训基地开放共享机制", "县教育局; 县人力资源和社会保障局", "长期坚持", "ongoing"),
            T("4", "开展实训教师专项培训", "县人力资源和社会保障局; 县教育局", "2022年", "due=2022-12-31")),
    ];

    [Fact]
    public void Read_as_docx()
    {
        Doc.Source.Format.ShouldBe("docx");
        Doc.Source.Encoding.ShouldBeNull();
        Doc.Source.FileName.ShouldBe(FileName);
    }

    [Fact]
    public void Group_rows_spanning_the_table_become_section_paths()
    {
        AllTasks.Select(t => $"{t.No} {(t.SectionPath.Count > 0 ? t.SectionPath[^1] : "")}").ShouldBe(
        [
            "1 一、建设共享实训基地",
            "2 一、建设共享实训基地",
            "3 二、提升实训教学水平",
            "4 二、提升实训教学水平",
        ]);
    }

    [Fact]
    public void A_cell_of_two_paragraphs_is_one_text()
    {
        AllTasks.Single(t => t.No == "2").Text.ShouldBe("改造县职教中心汽修、电子商务实训室。更新实训设备，满足1+X证书考核需要。");
    }

    private static byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(
                Para("南浦县职业院校实训基地建设实施方案"),
                Para("为提升职业院校实践教学水平，推动实训基地共建共享，结合我县实际，制定本方案。"),
                Para("一、总体目标"),
                Para("到2023年，建成县级公共实训基地1个，职业院校实训设备值生均达到1万元以上。"),
                Para("二、任务分工"),
                Para("南浦县职业院校实训基地建设任务分工表"),
                TaskTable(),
                Para("各责任单位要按照任务分工抓好落实，县教育局每半年通报一次进展情况。"),
                new W.SectionProperties()));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static W.Table TaskTable()
    {
        var table = new W.Table(
            new W.TableProperties(
                new W.TableBorders(
                    new W.TopBorder { Val = W.BorderValues.Single, Size = 4 },
                    new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
                    new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 },
                    new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
                    new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 },
                    new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 })),
            new W.TableGrid(
                new W.GridColumn { Width = "800" }, new W.GridColumn { Width = "5000" },
                new W.GridColumn { Width = "2400" }, new W.GridColumn { Width = "1600" }));
        table.Append(
            Row("序号", "工作任务", "责任单位", "完成时限"),
            GroupRow("一、建设共享实训基地"),
            Row("1", "建设县级公共实训基地，面向全县职业院校和企业开放。", "县教育局、县发展和改革局、县财政局", "2023年6月底前"),
            Row(["2"], ["改造县职教中心汽修、电子商务实训室。", "更新实训设备，满足1+X证书考核需要。"], ["县教育局、县职教中心"], ["2022年秋季学期开学前"]),
            GroupRow("二、提升实训教学水平"),
            Row("3", "建立实训基地开放共享机制，制定开放管理办法。", "县教育局、县人力资源和社会保障局", "长期坚持"),
            Row("4", "开展实训教师专项培训，每年培训不少于50人次。", "县人力资源和社会保障局、县教育局", "2022年"));
        return table;
    }

    private static W.Paragraph Para(string text) => new(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static W.TableRow Row(params string[] cells) => Row(cells.Select(c => new[] { c }).ToArray());

    private static W.TableRow Row(params string[][] cells) =>
        new(cells.Select(paragraphs => new W.TableCell(paragraphs.Select(Para))));

    /// <summary>A row with one cell spanning all four columns.</summary>
    private static W.TableRow GroupRow(string text) =>
        new(new W.TableCell(new W.TableCellProperties(new W.GridSpan { Val = 4 }), Para(text)));
}
