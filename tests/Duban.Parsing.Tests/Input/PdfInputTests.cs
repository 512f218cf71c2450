using Duban.Parsing.Input;
using Duban.Parsing.Model;
using Duban.Parsing.Tests.Samples;

namespace Duban.Parsing.Tests.Input;

/// <summary>
/// PDF input. The PDFs under samples/pdf/ were printed by LibreOffice from the text samples (samples/pdf/make-pdfs.py):
/// a running header and a page-number footer on every page, body lines wrapped at the page width, and for the table
/// sample a bordered table with cells wrapped over several lines and merged group rows.
/// </summary>
public class PdfInputTests
{
    private static byte[] Pdf(string name) => File.ReadAllBytes(SampleFiles.PathOf(Path.Combine("pdf", name)));

    private static SourceText Read(byte[] bytes, string? fileName = "方案.pdf", InputLimits? limits = null) =>
        InputReader.Read(bytes, fileName, limits ?? InputLimits.Default);

    private static PlanInputException Refused(byte[] bytes, string? fileName = "方案.pdf", InputLimits? limits = null) =>
        Should.Throw<PlanInputException>(() => Read(bytes, fileName, limits));

    private static List<string> Summary(PlanDocument doc) =>
        doc.TaskLists.SelectMany(l => l.Tasks.Select(t => $"{l.Layout} {t.No} | {Render.Units(t)} | {Render.Deadline(t)}")).ToList();

    [Theory]
    [InlineData("deadline-forms")]
    [InlineData("tab-table")]
    [InlineData("tab-table", "tab-table-two-pages")]
    [InlineData("tab-table", "tab-table-unruled")]
    public void A_text_pdf_gives_the_tasks_units_and_deadlines_of_its_text_original(string sample, string? pdf = null)
    {
        pdf = (pdf ?? sample) + ".pdf";
        var fromText = SampleFiles.Parse(sample + ".txt");
        var fromPdf = new PlanParser().Parse(Pdf(pdf), pdf);

        fromPdf.Source.Format.ShouldBe("pdf");
        Summary(fromPdf).ShouldBe(Summary(fromText));
        fromPdf.TaskLists.Count.ShouldBe(fromText.TaskLists.Count);
        fromPdf.Title.ShouldBe(fromText.Title);
    }

    [Fact]
    public void Lines_wrapped_at_the_page_width_are_joined()
    {
        var text = Read(Pdf("deadline-forms.pdf")).Text;
        text.ShouldContain("1.实施办学条件达标工程。对照中等职业学校办学标准，逐校制定达标计划，补齐校舍、设备短板。（责任单位：市教育局、市财政局；完成时限：2022年第三季度）\n");
    }

    [Fact]
    public void Running_headers_footers_and_page_numbers_are_dropped()
    {
        foreach (var name in new[] { "deadline-forms.pdf", "tab-table.pdf" })
        {
            var source = Read(Pdf(name));
            source.Text.ShouldNotContain("— 1 —");
            source.Text.ShouldNotContain("— 2 —");
            source.Text.ShouldNotContain("页");
            source.Text.ShouldNotContain("西岭市人民政府办公室");
            source.Text.ShouldNotContain("东川区人民政府办公室文件");
        }
    }

    [Fact]
    public void Every_page_has_its_start_in_the_text()
    {
        var pdf = Pdf("deadline-forms.pdf");
        var source = Read(pdf);
        source.PageStarts.ShouldNotBeNull();
        source.PageStarts.Count.ShouldBeGreaterThan(1);
        source.PageStarts[0].ShouldBe(0);
        source.PageStarts.ShouldBe(source.PageStarts.Order().ToList());

        var doc = new PlanParser().Parse(pdf, "deadline-forms.pdf");
        doc.Source.PageOf(0).ShouldBe(1);
        var last = doc.TaskLists.SelectMany(l => l.Tasks).Last();
        doc.Source.PageOf(last.Span.Start).ShouldBe(source.PageStarts.Count);
    }

    [Fact]
    public void Table_rows_are_rebuilt_from_positions_with_wrapped_cells_and_group_rows()
    {
        var lines = Read(Pdf("tab-table.pdf")).Text.Split('\n');
        lines.ShouldContain("序号\t重点任务\t牵头单位\t配合单位\t完成时间");
        lines.ShouldContain("一、优化职业教育布局\t\t\t\t");
        lines.ShouldContain("1\t制定全区职业教育布局调整方案，推动东川职业中专与区技工学校资源整合。\t区教育局\t区人力资源社会保障局 区委编办\t2022年6月底前");
    }

    [Fact]
    public void A_table_row_cut_by_a_page_break_continues_below_the_repeated_header()
    {
        var lines = Read(Pdf("tab-table-two-pages.pdf")).Text.Split('\n');
        lines.Count(l => l.StartsWith("序号\t", StringComparison.Ordinal)).ShouldBe(1);
        lines.ShouldContain("6\t开展现代学徒制试点，试点专业覆盖面达到30%以上。\t区人力资源社会保障局\t区教育局\t持续实施");
        lines.ShouldContain("7\t面向农民、退役军人、下岗失业人员开展技能培训，年培训5000人次以上。\t区人力资源社会保障局、区农业农村局\t区退役军人事务局、各镇人民政府\t长期坚持");
    }

    [Fact]
    public void Text_and_docx_have_no_page_map()
    {
        Read("一、任务\n"u8.ToArray(), "a.txt").PageStarts.ShouldBeNull();
        new PlanParser().ParseText("一、任务").Source.PageOf(0).ShouldBeNull();
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_refused_as_a_scan()
    {
        var e = Refused(Pdf("scan.pdf"));
        e.Code.ShouldBe(InputErrorCodes.PdfNoText);
        e.Message.ShouldContain("没有文字层");
        e.Message.ShouldContain(".docx");
    }

    [Fact]
    public void An_encrypted_pdf_is_refused()
    {
        var e = Refused(Pdf("encrypted.pdf"));
        e.Code.ShouldBe(InputErrorCodes.PdfEncrypted);
        e.Message.ShouldContain("密码");
    }

    [Theory]
    [InlineData("%PDF-1.7\ngarbage")]
    [InlineData("%PDF-")]
    [InlineData("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nxref\n0 1\nzzzz\ntrailer << /Root 1 0 R >>\n%%EOF")]
    public void Garbage_after_the_pdf_marker_is_a_clear_error(string content)
    {
        var e = Refused(System.Text.Encoding.ASCII.GetBytes(content));
        e.Code.ShouldBeOneOf(InputErrorCodes.PdfCorrupt, InputErrorCodes.PdfNoText);
    }

    [Fact]
    public void A_pdf_cut_short_is_a_clear_error()
    {
        var pdf = Pdf("deadline-forms.pdf");
        foreach (var length in new[] { 100, 1000, pdf.Length / 2, pdf.Length - 200 })
        {
            var e = Should.Throw<Exception>(() => Read(pdf[..length]));
            // Either read leniently (no throw would fail Should.Throw) or refused with a PDF code, never another exception.
            e.ShouldBeOfType<PlanInputException>().Code.ShouldStartWith("pdf.");
        }
    }

    [Fact]
    public void More_pages_than_the_limit_are_refused_before_reading()
    {
        var e = Refused(Pdf("deadline-forms.pdf"), limits: InputLimits.Default with { MaxPdfPages = 1 });
        e.Code.ShouldBe(InputErrorCodes.PdfTooManyPages);
        e.Message.ShouldContain("上限");
    }

    [Fact]
    public void More_text_than_the_limit_is_refused()
    {
        var e = Refused(Pdf("deadline-forms.pdf"), limits: InputLimits.Default with { MaxDocxTextCharacters = 100 });
        e.Code.ShouldBe(InputErrorCodes.PdfTooLarge);
    }

    [Fact]
    public void A_2000_page_pdf_is_refused_by_its_page_count()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        for (var i = 0; i < 2000; i++) builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var pdf = builder.Build();

        var e = Refused(pdf);
        e.Code.ShouldBe(InputErrorCodes.PdfTooManyPages);
        e.Message.ShouldContain("2,000 页");
    }

    [Fact]
    public void A_pdf_of_blank_pages_has_no_text()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        Refused(builder.Build()).Code.ShouldBe(InputErrorCodes.PdfNoText);
    }

    [Fact]
    public void Damaged_bytes_are_read_or_refused_never_a_crash()
    {
        var original = Pdf("tab-table.pdf");
        var random = new Random(12);
        for (var i = 0; i < 60; i++)
        {
            var damaged = (byte[])original.Clone();
            for (var j = 0; j < 1 + i % 8; j++) damaged[random.Next(16, damaged.Length)] = (byte)random.Next(256);
            try
            {
                Read(damaged);
            }
            catch (PlanInputException e)
            {
                e.Code.ShouldStartWith("pdf.", customMessage: $"damage {i}");
            }
        }
    }
}
