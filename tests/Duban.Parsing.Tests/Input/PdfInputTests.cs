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
    [InlineData("pdf/merged-cells-table", "merged-cells-table")]
    [InlineData("pdf/two-row-header-table", "two-row-header-table")]
    [InlineData("pdf/two-columns", "two-columns")]
    [InlineData("pdf/three-columns", "three-columns")]
    [InlineData("pdf/headerless-unruled", "headerless-unruled")]
    [InlineData("pdf/four-columns", "four-columns")]
    [InlineData("pdf/sidebar", "sidebar")]
    [InlineData("pdf/sidebar-unframed", "sidebar-unframed")]
    [InlineData("pdf/text-boxes", "text-boxes")]
    [InlineData("pdf/box-both-sides", "box-both-sides")]
    [InlineData("pdf/shaded-box", "shaded-box")]
    [InlineData("pdf/note-over-page-break", "note-over-page-break")]
    [InlineData("pdf/shaped-boxes", "shaped-boxes")]
    [InlineData("pdf/box-over-gutter", "box-over-gutter")]
    [InlineData("pdf/sidebar-inset", "sidebar-inset")]
    [InlineData("pdf/sidebar-short", "sidebar-short")]
    [InlineData("pdf/note-after-page-break", "note-after-page-break")]
    [InlineData("pdf/header-on-first-page", "header-on-first-page")]
    [InlineData("pdf/space-aligned-table", "space-aligned-table")]
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

    [Theory]
    [InlineData("tab-table.pdf")]
    [InlineData("merged-cells-table.pdf")]
    public void Damaged_bytes_are_read_or_refused_never_a_crash(string name)
    {
        var original = Pdf(name);
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

    private static List<string> Lines(string name) => Read(Pdf(name)).Text.Split('\n').ToList();

    private static PlanTask Task(PlanDocument doc, string no) => doc.TaskLists.SelectMany(l => l.Tasks).Single(t => t.No == no);

    [Fact]
    public void Cells_merged_down_a_ruled_table_give_their_text_to_each_row_they_cover()
    {
        // 牵头单位 市教育局 is one cell over tasks 1–3 and another over 5–6, 完成时限 2025年底前 one over 2–3 and 5–6; the
        // text is centred vertically, so it stands beside task 2 or between 5 and 6. Task 6 has no 配合单位.
        var lines = Lines("merged-cells-table.pdf");
        lines.ShouldContain("3\t推进中高职贯通培养，贯通培养专业点达到20个以上。\t市教育局\t南屏职业技术学院\t2025年底前");
        lines.ShouldContain("6\t组建市域产教联合体2个，吸纳行业企业、科研院所共同参与。\t市教育局\t\t2025年底前");

        var doc = new PlanParser().Parse(Pdf("merged-cells-table.pdf"), "merged-cells-table.pdf");
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2", "3", "4", "5", "6", "7", "8"]);
        Render.Units(Task(doc, "1")).ShouldBe("1: 市教育局* | 市人力资源社会保障局; 市发展改革委");
        Render.Units(Task(doc, "2")).ShouldBe("2: 市教育局* | 市工业和信息化局; 市农业农村局; 市文化旅游局");
        Render.Units(Task(doc, "3")).ShouldBe("3: 市教育局* | 南屏职业技术学院");
        Render.Units(Task(doc, "6")).ShouldBe("6: 市教育局*");
        Render.Deadline(Task(doc, "1")).ShouldBe("1: 2024年6月底前 → due=2024-06-30");
        foreach (var no in new[] { "2", "3", "5", "6" })
            Render.Deadline(Task(doc, no)).ShouldBe($"{no}: 2025年底前 → due=2025-12-31");
        // Task 8 is cut by the page break in every cell, 市人力资源 | 社会保障局 included.
        Render.Units(Task(doc, "8")).ShouldBe("8: 市人力资源社会保障局* | 市教育局; 市国资委");
        Task(doc, "8").Text.ShouldBe("建立企业工程技术人员到职业院校兼职任教制度，兼职教师占专业课教师比例达到20%。");
    }

    [Fact]
    public void A_header_cell_wrapped_over_two_lines_still_names_its_column()
    {
        // 牵头\n单位 broken by hand (a space, as a line break in a .docx cell), 完成时限 wrapped by its narrow column.
        Lines("merged-cells-table.pdf").ShouldContain("序号\t重点任务\t牵头 单位\t配合单位\t完成时限");
        // Without borders the header's two lines are read together; the header repeated on page 2 over two lines is
        // dropped and task 8, cut by the page break, continues below it.
        var unruled = Lines("merged-cells-unruled.pdf");
        unruled.Count(l => l.StartsWith("序号\t", StringComparison.Ordinal)).ShouldBe(1);
        unruled.ShouldContain("序号\t重点任务\t牵头单位\t配合单位\t完成时限");
        unruled.ShouldContain("8\t建立企业工程技术人员到职业院校兼职任教制度，兼职教师占专业课教师比例达到20%。\t市人力资源社会保障局\t市教育局、市国资委\t2025年底前");
    }

    [Theory]
    [InlineData("two-row-header-table.pdf")]
    [InlineData("two-row-header-unruled.pdf")]
    public void A_header_over_two_rows_is_named_by_its_lower_cells(string name)
    {
        // 责任单位 over 牵头单位 | 配合单位; 序号, 工作任务 and 完成时限 merged down both rows.
        var lines = Lines(name);
        lines.Count(l => l.Contains('\t') && l.Contains("序号")).ShouldBe(1);
        lines.ShouldContain("序号\t工作任务\t牵头单位\t配合单位\t完成时限");
        lines.ShouldNotContain(l => l.Contains('\t') && l.Contains("责任单位"));
    }

    [Fact]
    public void A_ruled_table_continues_on_the_next_page_without_its_header()
    {
        // Page 2 repeats no header; task 12 is cut by the page break, and the 牵头单位 of tasks 12–14 is one cell over
        // the break, its text too (县人力资源 | 社会保障局).
        var doc = new PlanParser().Parse(Pdf("two-row-header-table.pdf"), "two-row-header-table.pdf");
        doc.TaskLists.Count.ShouldBe(1);
        doc.TaskLists[0].Tasks.Count.ShouldBe(15);
        Task(doc, "12").Text.ShouldBe("建立职业学校教师职称评审绿色通道，向专业课教师倾斜。");
        Render.Deadline(Task(doc, "12")).ShouldBe("12: 2025年6月底前 → due=2025-06-30");
        foreach (var no in new[] { "12", "13", "14" })
            Task(doc, no).Units.Where(u => u.Role == UnitRole.Lead).Select(u => u.Name).ShouldBe(["县人力资源社会保障局"], customMessage: no);
        Render.Units(Task(doc, "15")).ShouldBe("15: 县政府督查室* | 县教育局");
        doc.Source.PageOf(Task(doc, "15").Span.Start).ShouldBe(2);
    }

    [Fact]
    public void An_unruled_table_continues_on_the_next_page_without_its_header()
    {
        var fromPdf = new PlanParser().Parse(Pdf("two-row-header-unruled.pdf"), "two-row-header-unruled.pdf");
        var fromText = SampleFiles.Parse("pdf/two-row-header-table.txt");
        fromPdf.TaskLists.Count.ShouldBe(1);
        // Without borders a merged cell cannot be seen: 县人力资源社会保障局, printed once at the top of the cell it
        // shares with tasks 13 and 14, stays with task 12 (the task-table reader gives a row without any unit the
        // units of the row above, but tasks 13 and 14 name a 配合单位).
        var differ = new[] { "13", "14" };
        Summary(fromPdf).Where(s => !differ.Any(d => s.StartsWith($"Table {d} ", StringComparison.Ordinal)))
            .ShouldBe(Summary(fromText).Where(s => !differ.Any(d => s.StartsWith($"Table {d} ", StringComparison.Ordinal))));
        Render.Units(Task(fromPdf, "13")).ShouldBe("13:  | 县教育局");
        Render.Deadline(Task(fromPdf, "15")).ShouldBe("15: 每年12月底前 → ongoing Yearly");
    }

    [Fact]
    public void Cells_merged_in_an_unruled_table_stay_in_the_row_they_stand_beside()
    {
        // Top-aligned, without borders: 市教育局 and 2025年底前 stand in the first row of their merged cells; nothing
        // shows that the rows below share them, and the reader invents nothing.
        var lines = Lines("merged-cells-unruled.pdf");
        lines.ShouldContain("2\t围绕先进制造、现代农业、文化旅游等产业集群，每所中职学校重点建设2至3个骨干专业。\t\t市工业和信息化局、市农业农村局、市文化旅游局\t2025年底前");
        lines.ShouldContain("3\t推进中高职贯通培养，贯通培养专业点达到20个以上。\t\t南屏职业技术学院\t");
    }

    [Fact]
    public void An_unruled_table_centred_vertically_is_cut_into_rows_at_its_numbers()
    {
        // Without borders, every cell centred vertically: a row's number stands in its middle, below the first lines
        // of its task, and each run of lines goes to the row whose middle it stands nearest. 2025年底前, centred
        // between tasks 2 and 3 (and between 5 and 6), is one cell over both; 市教育局, centred beside task 2 over
        // tasks 1–3, cannot be told from a value of task 2 alone and stays there.
        var lines = Lines("merged-cells-centred.pdf");
        lines.ShouldContain("1\t制定全市职业院校专业设置指导目录，建立专业预警和退出机制，每年发布专业设置情况报告。\t\t市人力资源社会保障局、市发展改革委\t2024年6月底前");
        lines.ShouldContain("3\t推进中高职贯通培养，贯通培养专业点达到20个以上。\t\t南屏职业技术学院\t2025年底前");
        lines.ShouldContain("6\t组建市域产教联合体2个，吸纳行业企业、科研院所共同参与。\t市教育局\t\t2025年底前");

        var fromPdf = new PlanParser().Parse(Pdf("merged-cells-centred.pdf"), "merged-cells-centred.pdf");
        var fromText = SampleFiles.Parse("pdf/merged-cells-table.txt");
        static IEnumerable<string> Others(PlanDocument doc) =>
            Summary(doc).Where(s => !s.StartsWith("Table 1 ", StringComparison.Ordinal) && !s.StartsWith("Table 3 ", StringComparison.Ordinal));
        Others(fromPdf).ShouldBe(Others(fromText));
        Render.Units(Task(fromPdf, "2")).ShouldBe("2: 市教育局* | 市工业和信息化局; 市农业农村局; 市文化旅游局");
    }

    [Fact]
    public void A_page_in_two_columns_is_read_column_by_column()
    {
        // Under a title across the page, the text runs down the left column and on in the right one: lines built
        // across the page hold a piece of each. Task 4 begins the right column, beside the 方案's preamble.
        var doc = new PlanParser().Parse(Pdf("two-columns.pdf"), "two-columns.pdf");
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2", "3", "4", "5", "6"]);
        Task(doc, "3").Text.ShouldBe("组织技能大师进校园。邀请技能大师、劳动模范到职业院校开展讲座和现场教学。");
        var fourth = doc.Source.RegionsOf(Task(doc, "4").Span);
        fourth.ShouldAllBe(r => r.Left > 297);
        var first = doc.Source.RegionsOf(Task(doc, "1").Span);
        first.ShouldAllBe(r => r.Right < 297);
        fourth[0].Top.ShouldBeGreaterThan(first[0].Top);
    }

    [Fact]
    public void A_page_in_three_columns_is_read_column_by_column()
    {
        // A title and a 文号 across the page, then three columns whose headings have space above them (the columns'
        // lines stand on different baselines); the third column ends short. The 文号, centred over the middle column,
        // stays above the columns; a heading under a paragraph whose last line is full is not joined to it.
        var doc = new PlanParser().Parse(Pdf("three-columns.pdf"), "three-columns.pdf");
        var lines = doc.Text.Split('\n');
        lines.Take(4).ShouldBe([
            "澄溪市人民政府办公室关于做好职业院校技能人才培养重点工作的通知",
            "澄政办发〔2025〕9号",
            "各区人民政府，市政府各部门，各职业院校：",
            "为落实全市技能人才工作会议部署，加快培养产业发展急需的高技能人才，经市政府同意，现就今年职业院校技能人才培养重点工作通知如下。",
        ]);
        lines.ShouldContain("一、扩大培养规模");
        lines.ShouldNotContain(l => l.Contains('\t'));
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2", "3", "4", "5", "6", "7", "8"]);
        Task(doc, "3").Text.ShouldBe("开展社会人员学历提升。面向退役军人、新型职业农民和在岗职工开展学历与技能双提升，职业院校扩大社会招生规模。");
        Render.Units(Task(doc, "3")).ShouldBe("3: 市教育局* | 市退役军人事务局; 市农业农村局");
        Render.Units(Task(doc, "5")).ShouldBe("5: 市工业和信息化局* | 市教育局; 市国资委; 各区人民政府");
        Render.Deadline(Task(doc, "6")).ShouldBe("6: 每年5月底前 → due=2025-05-31 ongoing Yearly");
        Render.Deadline(Task(doc, "8")).ShouldBe("8: 2026年底前 → due=2026-12-31");
        // Task 2 ends the first column, task 3 begins the second, task 6 runs from the second column into the third.
        doc.Source.RegionsOf(Task(doc, "2").Span).ShouldAllBe(r => r.Right < 220);
        doc.Source.RegionsOf(Task(doc, "3").Span).ShouldAllBe(r => r.Left > 220 && r.Right < 380);
        var sixth = doc.Source.RegionsOf(Task(doc, "6").Span);
        sixth.ShouldContain(r => r.Left > 220 && r.Right < 380);
        sixth.ShouldContain(r => r.Left > 380);
        doc.Source.RegionsOf(Task(doc, "7").Span).ShouldAllBe(r => r.Left > 380);
    }

    [Fact]
    public void A_page_in_four_columns_is_read_column_by_column()
    {
        // A 图解 page: a title across the page, then four narrow columns in small type; a task runs from the foot of
        // one column to the head of the next. The text is that of the document, paragraph by paragraph.
        Unspaced(Lines("four-columns.pdf")).ShouldBe(TextOriginal("four-columns.txt"));
        var doc = new PlanParser().Parse(Pdf("four-columns.pdf"), "four-columns.pdf");
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2", "3", "4", "5", "6"]);
        Render.Units(Task(doc, "4")).ShouldBe("4: 市人力资源社会保障局* | 市财政局; 市教育局");
        // Task 1 stands in the first column; task 2 runs from the first column into the second, task 5 from the
        // third into the fourth.
        doc.Source.RegionsOf(Task(doc, "1").Span).ShouldAllBe(r => r.Right < 180);
        var fifth = doc.Source.RegionsOf(Task(doc, "5").Span);
        fifth.ShouldContain(r => r.Left > 300 && r.Right < 415);
        fifth.ShouldContain(r => r.Left > 415);
        fifth.ShouldAllBe(r => r.Left > 300);
        var second = doc.Source.RegionsOf(Task(doc, "2").Span);
        second.ShouldContain(r => r.Right < 180);
        second.ShouldContain(r => r.Left > 180 && r.Right < 300);
    }

    [Fact]
    public void A_sidebar_is_read_after_the_paragraph_it_stands_beside()
    {
        // A 链接 note in a grey frame at the right of task 1, in smaller type on baselines of its own: task 1 is read
        // whole, then the note as paragraphs of its own, then task 2.
        var lines = Lines("sidebar.pdf");
        Unspaced(lines).ShouldBe(TextOriginal("sidebar.txt"));
        var doc = new PlanParser().Parse(Pdf("sidebar.pdf"), "sidebar.pdf");
        Task(doc, "1").Text.ShouldNotContain("链接");
        Render.Deadline(Task(doc, "1")).ShouldBe("1: 2026年底前 → due=2026-12-31");
        var note = lines.IndexOf("链接：“双师型”教师");
        lines[note - 1].ShouldStartWith("1.开展“双师型”教师认定。");
        lines[note + 2].ShouldStartWith("2.落实教师企业实践制度。");
        // The note's lines point at the sidebar, the task's beside it at the body left of it.
        var regions = doc.Source.Regions!;
        var noteStart = doc.Text.IndexOf("本方案所称“双师型”教师", StringComparison.Ordinal);
        noteStart.ShouldBeGreaterThan(0);
        regions.Where(r => r.Start >= noteStart && r.Start < noteStart + 60).ShouldAllBe(r => r.Left > 380);
        doc.Source.RegionsOf(Task(doc, "1").Span).ShouldAllBe(r => r.Right < 400);
    }

    [Fact]
    public void An_unframed_sidebar_is_read_after_the_paragraph_beside_its_top_and_splits_none()
    {
        // Two notes without rule or shading, set off by their gutter and smaller type: 名词解释 at the right of task 1,
        // 政策依据 at the left of task 3, each taller than its task, so the first lines of the next task run beside it.
        // Each note is read after the task beside its top, as paragraphs of its own; no task is cut by a note.
        var lines = Lines("sidebar-unframed.pdf");
        Unspaced(lines).ShouldBe(TextOriginal("sidebar-unframed.txt"));
        lines[lines.IndexOf("名词解释") - 1].ShouldStartWith("1.扩大订单班培养规模。");
        lines[lines.IndexOf("名词解释") + 2].ShouldStartWith("2.共同制定培养方案。");
        lines[lines.IndexOf("政策依据") - 1].ShouldStartWith("3.保障订单班学生权益。");
        lines[lines.IndexOf("政策依据") + 2].ShouldStartWith("4.落实校企合作激励政策。");

        var doc = new PlanParser().Parse(Pdf("sidebar-unframed.pdf"), "sidebar-unframed.pdf");
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2", "3", "4"]);
        Task(doc, "2").Text.ShouldBe("共同制定培养方案。学校与合作企业共同研究确定订单班的课程设置、实习安排和考核标准，企业技术人员承担不少于三分之一的专业课教学任务。");
        Render.Units(Task(doc, "2")).ShouldBe("2: 县教育局* | 县人力资源社会保障局");
        Render.Deadline(Task(doc, "4")).ShouldBe("4: 2026年6月底前 → due=2026-06-30");
        // The notes' lines point at their columns: the right note right of the body, the left one left of it.
        var right = doc.Text.IndexOf("订单班：职业学校", StringComparison.Ordinal);
        var left = doc.Text.IndexOf("校企合作开展订单培养", StringComparison.Ordinal);
        doc.Source.RegionsOf(new SourceSpan(right, right + 40)).ShouldAllBe(r => r.Left > 380);
        doc.Source.RegionsOf(new SourceSpan(left, left + 40)).ShouldAllBe(r => r.Right < 210);
        doc.Source.RegionsOf(Task(doc, "1").Span).ShouldAllBe(r => r.Right < 380);
    }

    [Fact]
    public void A_text_box_is_read_as_a_block_of_its_own()
    {
        // 专栏1, a framed box at the left of task 1 and the first line of task 2, is read after task 2 (the paragraph
        // the body runs on in beside it); 专栏2, a box across the text under task 2, follows it. Each box's lines are
        // joined among themselves, never to the body.
        var lines = Lines("text-boxes.pdf");
        Unspaced(lines).ShouldBe(TextOriginal("text-boxes.txt"));
        var doc = new PlanParser().Parse(Pdf("text-boxes.pdf"), "text-boxes.pdf");
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2", "3"]);
        Task(doc, "1").Text.ShouldNotContain("专栏");
        Task(doc, "2").Text.ShouldBe("推进校舍安全改造。开展职业院校校舍安全排查，对存在隐患的校舍实施加固或改造，新建学生宿舍一批。");
        Unspaced(lines).IndexOf("专栏1：重点建设项目").ShouldBe(lines.FindIndex(l => l.StartsWith("1.实施实训条件改善计划", StringComparison.Ordinal)) + 1);
    }

    [Fact]
    public void A_box_with_the_body_on_both_sides_is_read_after_the_paragraph_beside_its_top()
    {
        // A framed 专栏 centred in the text, task 2 and the first line of task 3 running on both sides of it: each
        // line beside the box is read left piece, then right piece, and the box after task 2, whole.
        var lines = Lines("box-both-sides.pdf");
        Unspaced(lines).ShouldBe(TextOriginal("box-both-sides.txt"));
        var doc = new PlanParser().Parse(Pdf("box-both-sides.pdf"), "box-both-sides.pdf");
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2", "3"]);
        Task(doc, "2").Text.ShouldNotContain("不得");
        Render.Units(Task(doc, "2")).ShouldBe("2: 市教育局* | 市工业和信息化局; 市商务局");
        Render.Deadline(Task(doc, "2")).ShouldBe("2: 2025年12月底前 → due=2025-12-31");
        Render.Units(Task(doc, "3")).ShouldBe("3: 市人力资源社会保障局* | 市教育局; 市金融工作局");
        // Task 2's lines beside the box have a region on each side of it; the box's lines are between them.
        var box = doc.Text.IndexOf("不得安排一年级学生顶岗实习", StringComparison.Ordinal);
        box.ShouldBeGreaterThan(0);
        doc.Source.RegionsOf(new SourceSpan(box, box + 13)).ShouldAllBe(r => r.Left > 220 && r.Right < 365);
        var second = doc.Source.RegionsOf(Task(doc, "2").Span);
        second.ShouldContain(r => r.Right < 220);
        second.ShouldContain(r => r.Left > 360);
    }

    [Fact]
    public void A_shaded_box_with_nothing_beside_it_is_read_as_a_block()
    {
        // A grey 专栏 without rules, centred between task 1 and task 2 in smaller type: its items are paragraphs of their
        // own, joined over their wrapped lines, never to the body.
        var lines = Lines("shaded-box.pdf");
        Unspaced(lines).ShouldBe(TextOriginal("shaded-box.txt"));
        var doc = new PlanParser().Parse(Pdf("shaded-box.pdf"), "shaded-box.pdf");
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2", "3"]);
        Task(doc, "1").Text.ShouldNotContain("专栏");
        Render.Units(Task(doc, "2")).ShouldBe("2: 县商务局* | 县人力资源社会保障局; 团县委");
    }

    [Fact]
    public void A_note_running_over_a_page_break_is_read_whole_after_the_paragraph_beside_it()
    {
        // A 链接 note at the right of task 6, in a box at the foot of page 1 carried on in a box at the top of page 2;
        // task 6 runs from page 1 to page 2 beside it. Task 6 is read whole, then the note whole, then 三、保障措施.
        var lines = Lines("note-over-page-break.pdf");
        Unspaced(lines).ShouldBe(TextOriginal("note-over-page-break.txt"));
        var doc = new PlanParser().Parse(Pdf("note-over-page-break.pdf"), "note-over-page-break.pdf");
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2", "3", "4", "5", "6"]);
        Render.Units(Task(doc, "6")).ShouldBe("6: 县教育局* | 县财政局");
        Render.Deadline(Task(doc, "6")).ShouldBe("6: 每年12月底前 → ongoing Yearly");
        doc.Source.RegionsOf(Task(doc, "6").Span).Select(r => r.Page).Distinct().ShouldBe([1, 2]);
        var note = doc.Text.IndexOf("育人是指学校和企业", StringComparison.Ordinal);
        note.ShouldBeGreaterThan(0);
        var noteEnd = doc.Text.IndexOf("入校即入企。", StringComparison.Ordinal) + 6;
        doc.Source.RegionsOf(new SourceSpan(note, noteEnd)).Select(r => r.Page).Distinct().ShouldBe([1, 2]);
        doc.Source.RegionsOf(new SourceSpan(note, noteEnd)).ShouldAllBe(r => r.Left > 380);
    }

    [Fact]
    public void An_unframed_note_with_the_body_on_both_sides_is_read_after_the_paragraph_beside_its_top()
    {
        // A 名词解释 note without rule or shading in the middle of the text, task 2 running on both sides of it: each
        // line beside it is read left piece then right piece, the note after task 2, whole.
        var lines = Lines("sidebar-inset.pdf");
        Unspaced(lines).ShouldBe(TextOriginal("sidebar-inset.txt"));
        var doc = new PlanParser().Parse(Pdf("sidebar-inset.pdf"), "sidebar-inset.pdf");
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2", "3"]);
        Task(doc, "2").Text.ShouldNotContain("岗课赛证：指");
        Render.Units(Task(doc, "2")).ShouldBe("2: 市教育局* | 市工业和信息化局; 各职业院校");
        // Task 2's lines beside the note have a region on each side of it; the note's lines stand between them.
        var note = doc.Text.IndexOf("岗课赛证：指", StringComparison.Ordinal);
        doc.Source.RegionsOf(new SourceSpan(note, note + 20)).ShouldAllBe(r => r.Left > 220 && r.Right < 360);
        var task = doc.Source.RegionsOf(Task(doc, "2").Span);
        task.ShouldContain(r => r.Right < 220);
        task.ShouldContain(r => r.Left > 370);
    }

    [Fact]
    public void An_unframed_note_beside_three_body_lines_or_fewer_is_read_as_a_block()
    {
        // A 注 of two lines at the right of task 1 (three lines) and a 提示 at the left of task 3 (three lines), in
        // smaller type, no rule or shading: each is read after its task, which is read whole.
        var lines = Lines("sidebar-short.pdf");
        Unspaced(lines).ShouldBe(TextOriginal("sidebar-short.txt"));
        lines[lines.IndexOf("注") - 1].ShouldStartWith("1.公布补贴目录。");
        lines[lines.IndexOf("提示") - 1].ShouldStartWith("3.加强资金监管。");
        var doc = new PlanParser().Parse(Pdf("sidebar-short.pdf"), "sidebar-short.pdf");
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2", "3", "4"]);
        Render.Units(Task(doc, "1")).ShouldBe("1: 县人力资源社会保障局* | 县财政局");
        Render.Units(Task(doc, "3")).ShouldBe("3: 县财政局* | 县审计局");
        Task(doc, "3").Text.ShouldNotContain("线上申领不收取");
    }

    [Fact]
    public void A_note_carried_on_at_the_top_of_the_next_page_is_read_whole_where_its_paragraph_ends_on_the_page()
    {
        // A 链接 note in a box beside task 4, the last paragraph of page 1, its text carried on mid-word into a box at
        // the top of page 2, beside 三、保障措施 and task 5: the note is read whole after task 4, not in two pieces with
        // the heading between them.
        var lines = Lines("note-after-page-break.pdf");
        Unspaced(lines).ShouldBe(TextOriginal("note-after-page-break.txt"));
        var doc = new PlanParser().Parse(Pdf("note-after-page-break.pdf"), "note-after-page-break.pdf");
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2", "3", "4", "5", "6"]);
        Render.Units(Task(doc, "4")).ShouldBe("4: 县发展和改革局* | 县财政局; 县教育局");
        var note = doc.Text.IndexOf("职业教育集团是由", StringComparison.Ordinal);
        var noteEnd = doc.Text.IndexOf("紧密对接。", StringComparison.Ordinal) + 5;
        doc.Text[note..noteEnd].ShouldNotContain("\n");
        doc.Source.RegionsOf(new SourceSpan(note, noteEnd)).Select(r => r.Page).Distinct().ShouldBe([1, 2]);
    }

    [Fact]
    public void Boxes_drawn_as_shapes_are_read_as_blocks()
    {
        // 专栏1 in a box with rounded corners (its outline curves) at the left of task 1, 专栏3 in an octagon at the
        // right of task 3, 专栏2 in a grey box with rounded corners and no outline across the text: none is an upright
        // rectangle of rules, each is read as a block after the paragraph beside (or above) it, its items paragraphs.
        var lines = Lines("shaped-boxes.pdf");
        Unspaced(lines).ShouldBe(TextOriginal("shaped-boxes.txt"));
        var doc = new PlanParser().Parse(Pdf("shaped-boxes.pdf"), "shaped-boxes.pdf");
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2", "3"]);
        Task(doc, "1").Text.ShouldNotContain("智能制造：机电");
        Render.Units(Task(doc, "1")).ShouldBe("1: 县教育局* | 县发展和改革局; 县财政局");
        Task(doc, "3").Text.ShouldNotContain("撤并专业");
        Render.Deadline(Task(doc, "3")).ShouldBe("3: 2025年9月底前 → due=2025-09-30");
    }

    [Fact]
    public void A_box_over_the_gutter_of_two_columns_is_read_column_by_column()
    {
        // A framed 专栏 across the gutter of a page in two columns, each column wrapping close round it: the lines
        // beside it are pieces of two columns (not one line read across the box), each column joined at the margins
        // the box narrows it to; the box after task 2, the paragraph beside its top in the left column.
        var lines = Lines("box-over-gutter.pdf");
        Unspaced(lines).ShouldBe(TextOriginal("box-over-gutter.txt"));
        var doc = new PlanParser().Parse(Pdf("box-over-gutter.pdf"), "box-over-gutter.pdf");
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2", "3", "4", "5", "6"]);
        Render.Units(Task(doc, "2")).ShouldBe("2: 市教育局* | 市国资委; 市工业和信息化局");
        Render.Units(Task(doc, "5")).ShouldBe("5: 市人力资源社会保障局* | 市总工会; 市财政局");
        // Task 2 stands in the left column only, task 5 in the right column only.
        doc.Source.RegionsOf(Task(doc, "2").Span).ShouldAllBe(r => r.Right < 300);
        doc.Source.RegionsOf(Task(doc, "5").Span).ShouldAllBe(r => r.Left > 300);
    }

    /// <summary>
    /// The paragraphs of a text original, spaces left out, to compare with <see cref="Unspaced"/>: in small type the
    /// line builder reads LibreOffice's gap between a Chinese character and a digit as a space (专栏 1 ：), which is
    /// not a matter of reading order.
    /// </summary>
    private static List<string> TextOriginal(string name) =>
        File.ReadAllText(SampleFiles.PathOf(Path.Combine("pdf", name))).Split("\n\n").Select(p => p.Trim('\n').Replace(" ", "")).ToList();

    private static List<string> Unspaced(List<string> lines) => lines.Select(l => l.Replace(" ", "")).ToList();

    [Fact]
    public void A_table_aligned_with_typed_spaces_keeps_its_runs_of_spaces_and_is_not_cut_at_positions()
    {
        // Printed in a proportional font the typed columns no longer line up; the space glyphs show they were typed.
        // Each wide gap reads as two spaces, a single typed space (市人社局 市发改委) as one, and no row is joined to
        // the row above although the rows reach as far right as the text does.
        var lines = Lines("space-aligned-table.pdf");
        lines.ShouldContain("序号  重点任务  牵头单位  配合单位  完成时限");
        lines.ShouldContain("1  建设市级骨干专业5个  市教育局  市财政局  2025年9月底前");
        lines.ShouldContain("2  开展专业设置预警  市教育局  市人社局 市发改委  每年");
        lines.ShouldNotContain(l => l.Contains('\t'));
        var doc = new PlanParser().Parse(Pdf("space-aligned-table.pdf"), "space-aligned-table.pdf");
        doc.TaskLists.ShouldHaveSingleItem().Layout.ShouldBe(TaskListLayout.Table);
        Render.Units(Task(doc, "2")).ShouldBe("2: 市教育局* | 市人社局; 市发改委");
    }

    [Fact]
    public void An_unruled_table_without_a_header_is_read_by_the_alignment_of_its_cells()
    {
        // No header row, no rules: the five columns show only in how the cells line up over the rows. Task 1's
        // 配合单位 and 完成时限 wrap over more lines than its task; task 10 is cut by the page break in two cells.
        var lines = Lines("headerless-unruled.pdf");
        lines.ShouldNotContain(l => l.StartsWith("序号", StringComparison.Ordinal));
        lines.ShouldContain("1\t实施县职业中专新校区建设工程，新增校舍面积3万平方米，2026年秋季学期投入使用。\t县教育局\t县发展改革局、县自然资源局、县住房城乡建设局\t2026年8月底前");
        lines.ShouldContain("二、深化校企合作\t\t\t\t");

        var doc = new PlanParser().Parse(Pdf("headerless-unruled.pdf"), "headerless-unruled.pdf");
        var list = doc.TaskLists.ShouldHaveSingleItem();
        list.Name.ShouldBe("石湾县中等职业教育扩容提质行动任务清单");
        list.Tasks.Select(t => t.No).ShouldBe(Enumerable.Range(1, 14).Select(n => n.ToString()));
        Render.Units(Task(doc, "1")).ShouldBe("1: 县教育局* | 县发展改革局; 县自然资源局; 县住房城乡建设局");
        Render.Deadline(Task(doc, "1")).ShouldBe("1: 2026年8月底前 → due=2026-08-31");
        Render.Units(Task(doc, "10")).ShouldBe("10: 县人力资源社会保障局* | 县教育局; 县工商联");
        Render.Deadline(Task(doc, "10")).ShouldBe("10: 每年4月 → due=2025-04-30 ongoing Yearly");
        doc.Source.RegionsOf(Task(doc, "10").Span).Select(r => r.Page).Distinct().ShouldBe([1, 2]);
        Render.Units(Task(doc, "14")).ShouldBe("14: 县人力资源社会保障局* | 县教育局");
        Task(doc, "12").SectionPath.ShouldContain(p => p.Contains("加强队伍建设"));
    }

    [Fact]
    public void An_unruled_table_whose_header_is_on_the_first_page_only_reads_on()
    {
        // 序号 | 工作任务 | 责任单位 | 时间节点 printed once; the rows run on over page 2, task 11 cut by the break.
        var doc = new PlanParser().Parse(Pdf("header-on-first-page.pdf"), "header-on-first-page.pdf");
        doc.TaskLists.ShouldHaveSingleItem().Tasks.Count.ShouldBe(14);
        Task(doc, "11").Text.ShouldBe("推进职业学校与区内中小学合作开展劳动教育和职业启蒙教育。");
        Render.Units(Task(doc, "12")).ShouldBe("12: 区人力资源社会保障局* | 区教育局; 区统计局");
        Render.Deadline(Task(doc, "14")).ShouldBe("14: 长期坚持 → ongoing");
        doc.Source.PageOf(Task(doc, "14").Span.Start).ShouldBe(2);
    }

    [Fact]
    public void Every_line_and_cell_has_its_page_and_box()
    {
        foreach (var name in new[] { "deadline-forms.pdf", "tab-table-two-pages.pdf", "merged-cells-table.pdf", "merged-cells-centred.pdf", "two-row-header-unruled.pdf", "two-columns.pdf", "three-columns.pdf", "headerless-unruled.pdf", "four-columns.pdf", "sidebar.pdf", "sidebar-unframed.pdf", "text-boxes.pdf", "box-both-sides.pdf", "shaded-box.pdf", "note-over-page-break.pdf" })
        {
            var source = Read(Pdf(name));
            var regions = source.Regions.ShouldNotBeNull();
            var covered = new bool[source.Text.Length];
            var end = 0;
            foreach (var r in regions)
            {
                r.Start.ShouldBeGreaterThanOrEqualTo(end, name);
                r.End.ShouldBeGreaterThan(r.Start, name);
                r.End.ShouldBeLessThanOrEqualTo(source.Text.Length, name);
                r.Page.ShouldBeInRange(1, source.PageStarts!.Count, name);
                r.Left.ShouldBeLessThan(r.Right, name);
                r.Bottom.ShouldBeLessThan(r.Top, name);
                r.Left.ShouldBeGreaterThanOrEqualTo(0, name);
                r.Top.ShouldBeLessThanOrEqualTo(842, name);
                source.Text[r.Start..r.End].ShouldNotContain('\n', name);
                source.Text[r.Start..r.End].ShouldNotContain('\t', name);
                for (var i = r.Start; i < r.End; i++) covered[i] = true;
                end = r.End;
            }
            // Every character but the separators comes from somewhere on a page.
            for (var i = 0; i < source.Text.Length; i++)
                if (source.Text[i] is not ('\n' or '\t' or ' ')) covered[i].ShouldBeTrue($"{name}: offset {i} '{source.Text[i]}'");
        }
    }

    [Fact]
    public void A_fact_can_be_shown_where_it_stands()
    {
        var doc = new PlanParser().Parse(Pdf("merged-cells-table.pdf"), "merged-cells-table.pdf");
        doc.Source.Regions.ShouldNotBeNull();

        // Task 8 runs over the page break: its regions are on both pages.
        doc.Source.RegionsOf(Task(doc, "8").Span).Select(r => r.Page).Distinct().ShouldBe([1, 2]);

        // The deadline of tasks 2 and 3 is one merged cell: both point at the same box, in the 完成时限 column, right
        // of the 配合单位 of either task.
        var second = doc.Source.RegionsOf(Task(doc, "2").Deadline!.Span).ShouldHaveSingleItem();
        var third = doc.Source.RegionsOf(Task(doc, "3").Deadline!.Span).ShouldHaveSingleItem();
        (third with { Start = 0, End = 0 }).ShouldBe(second with { Start = 0, End = 0 });
        doc.Text[third.Start..third.End].ShouldBe("2025年底前");
        var partner = doc.Source.RegionsOf(Task(doc, "3").Units.Single(u => u.Role == UnitRole.Cooperating).Span).ShouldHaveSingleItem();
        third.Left.ShouldBeGreaterThan(partner.Right);

        // A paragraph has a region per printed line, top to bottom.
        var notice = doc.Source.RegionsOf(new SourceSpan(0, doc.Text.IndexOf('\n'))).ToList();
        notice.Count.ShouldBe(2);
        notice[0].Top.ShouldBeGreaterThan(notice[1].Top);
        notice.ShouldAllBe(r => r.Page == 1);

        // An empty span: the region holding it; none for a source without regions.
        doc.Source.RegionsOf(new SourceSpan(1, 1)).ShouldHaveSingleItem().Start.ShouldBe(0);
        new PlanParser().ParseText("一、任务").Source.RegionsOf(new SourceSpan(0, 2)).ShouldBeEmpty();
        Read("一、任务\n"u8.ToArray(), "a.txt").Regions.ShouldBeNull();
    }

    [Fact]
    public void Regions_go_through_the_plan_json_and_back()
    {
        var doc = new PlanParser().Parse(Pdf("two-row-header-table.pdf"), "two-row-header-table.pdf");
        var json = Duban.Parsing.Serialization.PlanJson.Serialize(doc, indented: false);
        json.ShouldContain("\"regions\":[{\"start\":0,");
        var back = Duban.Parsing.Serialization.PlanJson.Deserialize(json);
        back.Source.Regions.ShouldBe(doc.Source.Regions);
        back.Source.RegionsOf(Task(back, "15").Span).ShouldBe(doc.Source.RegionsOf(Task(doc, "15").Span));
    }

    /// <summary>A PDF drawn with PdfPig's writer: Latin text in Helvetica at the given positions, and lines.</summary>
    private static byte[] Drawn(IEnumerable<(string Text, double X, double Y)> texts, IEnumerable<(double X1, double Y1, double X2, double Y2)> rules)
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        foreach (var (text, x, y) in texts) page.AddText(text, 10, new UglyToad.PdfPig.Core.PdfPoint(x, y), font);
        foreach (var (x1, y1, x2, y2) in rules) page.DrawLine(new UglyToad.PdfPig.Core.PdfPoint(x1, y1), new UglyToad.PdfPig.Core.PdfPoint(x2, y2), 0.5);
        return builder.Build();
    }

    [Fact]
    public void Grid_cells_without_a_rule_between_them_are_one_merged_cell()
    {
        // Four columns; rows at y 700–680 (header), 680–640, 640–600, 600–560. The third column has no rule at 640 and
        // 600: one cell over the three rows, its text centred beside the middle one. Its text goes to the first row it
        // covers, as a vertically merged .docx cell's does; the header names no units or deadline column (a Latin
        // font has no 单位), so the rows below are left empty.
        double[] xs = [100, 140, 300, 400, 500];
        double[] ys = [700, 680, 640, 600, 560];
        var rules = new List<(double, double, double, double)>();
        foreach (var x in xs) rules.Add((x, 560, x, 700));
        foreach (var y in ys)
            for (var c = 0; c < 4; c++)
                if (c != 2 || y is 700 or 680 or 560) rules.Add((xs[c], y, xs[c + 1], y));
        var texts = new List<(string, double, double)>
        {
            ("No", 105, 687), ("Task", 145, 687), ("Lead", 305, 687), ("Deadline", 405, 687),
            ("1", 105, 657), ("Build a training centre", 145, 657), ("2025", 405, 657),
            ("2", 105, 617), ("Open it to firms", 145, 617), ("City office", 305, 617), ("2026", 405, 617),
            ("3", 105, 577), ("Train teachers", 145, 577), ("2027", 405, 577),
        };
        var source = Read(Drawn(texts, rules));
        source.Text.Split('\n').ShouldBe([
            "No\tTask\tLead\tDeadline",
            "1\tBuild a training centre\tCity office\t2025",
            "2\tOpen it to firms\t\t2026",
            "3\tTrain teachers\t\t2027",
        ]);
        // The merged cell's text keeps the box where it is printed.
        var office = source.Regions!.Single(r => source.Text[r.Start..r.End] == "City office");
        office.Bottom.ShouldBeLessThan(620);
        office.Top.ShouldBeGreaterThan(617);
    }

    [Fact]
    public void A_header_line_above_the_header_belongs_to_it_only_in_a_column_of_its_own()
    {
        // Without rules: "Due" above and "date" below the header line, in a column the header line has no cell in (a
        // cell wrapped over two lines beside cells centred between them); "Tasks" above it stands over "Task": a title.
        var texts = new List<(string, double, double)>
        {
            ("Tasks", 150, 722),
            ("Due", 405, 709),
            ("No", 105, 700), ("Task", 145, 700), ("Lead", 305, 700),
            ("date", 405, 691),
            ("1", 105, 670), ("Build a centre", 145, 670), ("City office", 305, 670), ("2025", 405, 670),
            ("2", 105, 650), ("Train teachers", 145, 650), ("Port office", 305, 650), ("2026", 405, 650),
        };
        Read(Drawn(texts, [])).Text.Split('\n').ShouldBe([
            "Tasks",
            "No\tTask\tLead\tDue date",
            "1\tBuild a centre\tCity office\t2025",
            "2\tTrain teachers\tPort office\t2026",
        ]);
    }

    [Fact]
    public void A_table_with_borders_round_its_columns_only_is_read_line_by_line()
    {
        // A frame, the column borders and a rule under the header, none between the rows: the grid has one body row
        // holding three row numbers, so the rows come from the lines.
        double[] xs = [100, 140, 300, 400, 500];
        var rules = xs.Select(x => (x, 560.0, x, 700.0)).Concat([(100.0, 700.0, 500.0, 700.0), (100.0, 680.0, 500.0, 680.0), (100.0, 560.0, 500.0, 560.0)]);
        var texts = new List<(string, double, double)>
        {
            ("No", 105, 687), ("Task", 145, 687), ("Lead unit", 305, 687), ("Deadline", 405, 687),
            ("1", 105, 660), ("Build a training centre", 145, 660), ("City office", 305, 660), ("2025", 405, 660),
            ("2", 105, 630), ("Open it to firms", 145, 630), ("Port office", 305, 630), ("2026", 405, 630),
            ("3", 105, 600), ("Train teachers", 145, 600), ("Labour office", 305, 600), ("2027", 405, 600),
        };
        var lines = Read(Drawn(texts, rules)).Text.Split('\n');
        lines.ShouldBe([
            "No\tTask\tLead unit\tDeadline",
            "1\tBuild a training centre\tCity office\t2025",
            "2\tOpen it to firms\tPort office\t2026",
            "3\tTrain teachers\tLabour office\t2027",
        ]);
    }

    [Fact]
    public void A_page_of_many_rules_is_read_in_reasonable_time()
    {
        // A vector drawing of 3 000 short strokes beside a line of text: no table, no time lost joining rules.
        var rules = new List<(double, double, double, double)>();
        for (var i = 0; i < 1500; i++)
        {
            var (x, y) = (50 + i % 50 * 10, 100 + i / 50 * 10);
            rules.Add((x, y, x, y + 8));
            rules.Add((x, y, x + 8, y));
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var source = Read(Drawn([("A drawing of many strokes", 50, 750)], rules));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        source.Text.ShouldBe("A drawing of many strokes");
    }

    [Theory]
    [InlineData(12, true)]
    [InlineData(30, false)]
    public void A_body_line_on_both_sides_of_a_box_is_one_line_only_when_it_wraps_close_round_it(double gap, bool oneLine)
    {
        // A frame from x 200 to 320, three lines of 12 pt glyphs beside it: the left piece ends 12 pt before the frame,
        // the right piece starts `gap` after it. Within a character and a half, the body runs round the box (one line,
        // left piece then right); further off, the right piece is text of its own (the next column beyond a gutter).
        static Duban.Parsing.Input.Pdf.PdfLine Line(double y, double rightStart)
        {
            var glyphs = new List<Duban.Parsing.Input.Pdf.PdfGlyph>();
            for (var x = 68.0; x + 12 <= 188; x += 12) glyphs.Add(new("左", x, x + 12, 12, y));
            for (var x = rightStart; x + 12 <= 520; x += 12) glyphs.Add(new("右", x, x + 12, 12, y));
            var cut = glyphs.FindIndex(g => g.Value == "右");
            return new()
            {
                Segments = [new(string.Concat(glyphs.Take(cut).Select(g => g.Value)), glyphs[0].Left, glyphs[cut - 1].Right),
                            new(string.Concat(glyphs.Skip(cut).Select(g => g.Value)), glyphs[cut].Left, glyphs[^1].Right)],
                Glyphs = glyphs, Baseline = y, FontSize = 12, Bottom = y - 2, Top = y + 10,
            };
        }
        var lines = new List<Duban.Parsing.Input.Pdf.PdfLine> { Line(700, 320 + gap), Line(684, 320 + gap), Line(668, 320 + gap) };
        var frame = new Duban.Parsing.Input.Pdf.PdfFrame(200, 320, 715, 660);
        var (body, boxes) = Duban.Parsing.Input.Pdf.PdfAsides.Boxes(lines, [frame], 1);
        boxes.ShouldBeEmpty(); // nothing inside the frame: no box, the lines as they were
        body.Count.ShouldBe(3);
        var withText = lines.Select(l => l).ToList();
        withText.Add(new() { Segments = [new("框", 230, 242)], Glyphs = [new("框", 230, 242, 12, 690)], Baseline = 690, FontSize = 12, Bottom = 688, Top = 700 });
        (body, boxes) = Duban.Parsing.Input.Pdf.PdfAsides.Boxes(withText.OrderByDescending(l => l.Baseline).ToList(), [frame], 1);
        boxes.ShouldHaveSingleItem().Lines.ShouldHaveSingleItem().Text.ShouldBe("框");
        body.Count.ShouldBe(3);
        body.ShouldAllBe(l => (l.Segments.Count == 1) == oneLine);
        if (oneLine) body[0].Text.ShouldBe(new string('左', 10) + new string('右', 15));
    }

    [Fact]
    public void Random_layouts_of_glyphs_and_rules_never_break_the_layout_reader()
    {
        // Lines of glyphs at random places, some in columns, with rules across and down the page at random: the
        // paragraph, grid and table code must give text and regions without throwing (the extractor would otherwise
        // fall back to plain lines, hiding the bug).
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var pages = new List<Duban.Parsing.Input.Pdf.PdfPageLines>();
            for (var p = 1; p <= 1 + round % 3; p++)
            {
                var lines = new List<Duban.Parsing.Input.Pdf.PdfLine>();
                var y = 800.0;
                for (var l = 0; l < random.Next(0, 40) && y > 40; l++)
                {
                    y -= random.Next(0, 4) == 0 ? random.Next(1, 40) : 14;
                    var size = random.Next(0, 5) == 0 ? random.Next(4, 30) : 10.5;
                    var glyphs = new List<Duban.Parsing.Input.Pdf.PdfGlyph>();
                    var x = 60.0 + random.Next(0, 60);
                    for (var g = 0; g < random.Next(1, 30) && x < 560; g++)
                    {
                        var value = random.Next(0, 6) switch { 0 => "1", 1 => "、", 2 => "一", 3 => "（", 4 => "单", _ => "位" };
                        if (g == 0 && random.Next(0, 3) == 0) value = random.Next(1, 20).ToString();
                        glyphs.Add(new(value, x, x + size));
                        x += size + (random.Next(0, 4) == 0 ? random.Next(0, 60) : 0);
                    }
                    var segments = new List<Duban.Parsing.Input.Pdf.PdfSegment>();
                    var start = 0;
                    for (var i = 1; i <= glyphs.Count; i++)
                    {
                        if (i < glyphs.Count && glyphs[i].Left - glyphs[i - 1].Right < size * 1.8) continue;
                        segments.Add(new(string.Concat(glyphs.Skip(start).Take(i - start).Select(v => v.Value)), glyphs[start].Left, glyphs[i - 1].Right));
                        start = i;
                    }
                    lines.Add(new() { Segments = segments, Glyphs = glyphs, Baseline = y, FontSize = size, Bottom = y - size * 0.2, Top = y + size * 0.8 });
                }
                var vertical = Enumerable.Range(0, random.Next(0, 12)).Select(_ =>
                {
                    var (x, a, b) = (random.Next(50, 560), random.Next(40, 800), random.Next(40, 800));
                    return new Duban.Parsing.Input.Pdf.PdfRule(x, Math.Min(a, b), Math.Max(a, b) + 6);
                }).ToList();
                if (random.Next(0, 2) == 0)
                    foreach (var x in new[] { 60.0, 100, 300, 400, 560 }) vertical.Add(new(x, 100, 700));
                var horizontal = Enumerable.Range(0, random.Next(0, 20)).Select(_ =>
                {
                    var (y0, a, b) = (random.Next(100, 700), random.Next(50, 560), random.Next(50, 560));
                    return new Duban.Parsing.Input.Pdf.PdfHorizontalRule(y0, Math.Min(a, b), Math.Max(a, b) + 6);
                }).ToList();
                var shades = Enumerable.Range(0, random.Next(0, 4)).Select(_ =>
                {
                    var (x0, x1, y0, y1) = (random.Next(50, 560), random.Next(50, 560), random.Next(40, 800), random.Next(40, 800));
                    return new Duban.Parsing.Input.Pdf.PdfShade(Math.Min(x0, x1), Math.Max(x0, x1) + 21, Math.Min(y0, y1), Math.Max(y0, y1) + 11);
                }).ToList();
                pages.Add(new(p, 595, 842, lines) { Rules = vertical, HorizontalRules = horizontal, Shades = shades });
            }
            var (text, starts, regions) = Duban.Parsing.Input.Pdf.PdfParagraphs.Write(pages);
            starts.Count.ShouldBe(pages.Count);
            var end = 0;
            foreach (var r in regions)
            {
                r.Start.ShouldBeGreaterThanOrEqualTo(end, $"round {round}");
                r.End.ShouldBeLessThanOrEqualTo(text.Length, $"round {round}");
                end = r.End;
            }
        }
    }
}
