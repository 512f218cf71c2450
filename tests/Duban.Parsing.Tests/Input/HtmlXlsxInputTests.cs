using System.IO.Compression;
using System.Text;
using Duban.Parsing.Input;

namespace Duban.Parsing.Tests.Input;

/// <summary>HTML and .xlsx input: charsets, refusals of .doc/.wps/.ofd, and the limits that keep hostile files cheap.</summary>
public class HtmlXlsxInputTests
{
    private static SourceText Read(byte[] bytes, string? name, InputLimits? limits = null) => InputReader.Read(bytes, name, limits ?? InputLimits.Default);

    private static PlanInputException Refused(byte[] bytes, string? name, InputLimits? limits = null) =>
        Should.Throw<PlanInputException>(() => Read(bytes, name, limits));

    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

    // --- HTML ---

    [Fact]
    public void A_page_is_html_by_its_markup_whatever_its_name()
    {
        var page = "<!DOCTYPE html><html><body><p>一、总体要求</p><p>加快发展现代职业教育。</p></body></html>"u8.ToArray();
        Read(page, "plan.doc").Format.ShouldBe("html");
        Read(page, null).Format.ShouldBe("html");
        Read(page, null).Text.ShouldBe("一、总体要求\n加快发展现代职业教育。");
    }

    [Fact]
    public void Plain_text_with_a_tag_in_it_stays_text()
    {
        Read("加快发展现代职业教育<b>实施方案</b>"u8.ToArray(), "plan.txt").Format.ShouldBe("text");
    }

    [Fact]
    public void Gbk_page_declared_with_meta_charset_is_decoded_as_gb18030()
    {
        var page = Gbk.GetBytes("<html><head><meta charset=\"gbk\"></head><body><div>各县（区）人民政府：<br>现将方案印发给你们。</div></body></html>");
        var source = Read(page, "a.htm");
        source.Encoding.ShouldBe("gb18030");
        source.Text.ShouldBe("各县（区）人民政府：\n现将方案印发给你们。");
    }

    [Fact]
    public void Undeclared_gbk_page_is_detected_like_text()
    {
        var page = Gbk.GetBytes("<html><body><p>牵头单位：县教育局；完成时限：2022年底前</p></body></html>");
        var source = Read(page, "a.html");
        source.Encoding.ShouldBe("gb18030");
        source.Text.ShouldBe("牵头单位：县教育局；完成时限：2022年底前");
    }

    [Fact]
    public void Page_saved_as_utf8_but_still_declaring_gb2312_is_detected()
    {
        var page = Encoding.UTF8.GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>责任单位：市教育局</p></body></html>");
        var source = Read(page, "a.html");
        source.Encoding.ShouldBe("utf-8");
        source.Text.ShouldBe("责任单位：市教育局");
    }

    [Fact]
    public void Big5_page_from_a_mirror_is_decoded_by_its_declaration()
    {
        var big5 = CodePagesEncodingProvider.Instance.GetEncoding(950)!;
        var page = big5.GetBytes("<html><head><meta charset=\"big5\"></head><body><p>牽頭單位：市教育局；完成時限：2023年底前</p></body></html>");
        Read(page, "a.html").Text.ShouldBe("牽頭單位：市教育局；完成時限：2023年底前");
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var page = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "加快发展" + "</body></html>";
        var error = Refused(Encoding.UTF8.GetBytes(page), "deep.html");
        error.Code.ShouldBe(InputErrorCodes.HtmlTooLarge);
        error.Message.ShouldContain("嵌套超过 512 层");
    }

    [Fact]
    public void Less_than_signs_in_scripts_and_comments_are_not_nesting()
    {
        var script = "<script>" + string.Concat(Enumerable.Repeat("for(i=0;i<n;i++){if(a<b)x();}", 2_000)) + "</script>";
        var page = "<html><head>" + script + "</head><body><!-" + "- <div><div><div> -->" + script + "<p>牵头单位：市教育局</p></body></html>";
        Read(Encoding.UTF8.GetBytes(page), "a.html").Text.ShouldBe("牵头单位：市教育局");
    }

    [Fact]
    public void Page_of_more_tags_than_an_article_has_is_refused()
    {
        var page = "<html><body>" + string.Concat(Enumerable.Repeat("<i>职</i>", 600_000)) + "</body></html>";
        Refused(Encoding.UTF8.GetBytes(page), "huge.html").Code.ShouldBe(InputErrorCodes.HtmlTooLarge);
    }

    [Fact]
    public void Article_text_beyond_the_character_limit_is_refused()
    {
        var page = "<html><body>" + string.Concat(Enumerable.Repeat("<p>加快发展现代职业教育，深化产教融合。</p>", 2_000)) + "</body></html>";
        var error = Refused(Encoding.UTF8.GetBytes(page), "long.html", InputLimits.Default with { MaxDocxTextCharacters = 10_000 });
        error.Code.ShouldBe(InputErrorCodes.HtmlTooLarge);
    }

    [Fact]
    public void Page_with_no_text_is_empty()
    {
        Refused("<html><body><script>var a='职业教育';</script></body></html>"u8.ToArray(), "a.html").Code.ShouldBe(InputErrorCodes.Empty);
    }

    // --- refused formats ---

    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

    [Fact]
    public void Word_97_doc_is_refused_asking_for_docx_or_pdf()
    {
        var error = Refused(Ole2, "plan.doc");
        error.Code.ShouldBe(InputErrorCodes.UnsupportedFormat);
        error.Message.ShouldContain(".doc");
        error.Message.ShouldContain(".docx");
        error.Message.ShouldContain("PDF");
    }

    [Fact]
    public void Wps_file_is_refused_by_name()
    {
        var error = Refused(Ole2, "方案.wps");
        error.Code.ShouldBe(InputErrorCodes.UnsupportedFormat);
        error.Message.ShouldContain("WPS 文字（.wps）");
        error.Message.ShouldContain(".docx");
    }

    [Fact]
    public void Ofd_is_refused_by_its_ofd_xml_whatever_its_name()
    {
        var ofd = Zip(("OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"), ("Doc_0/Document.xml", "<ofd:Document/>"));
        foreach (var name in new[] { "plan.ofd", "plan.zip", null })
        {
            var error = Refused(ofd, name);
            error.Code.ShouldBe(InputErrorCodes.UnsupportedFormat);
            error.Message.ShouldContain("OFD");
            error.Message.ShouldContain("PDF");
        }
    }

    // --- .xlsx ---

    [Fact]
    public void A_million_cell_sheet_is_refused_with_xlsx_too_large()
    {
        var sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 1; r <= 100_000; r++)
        {
            sheet.Append("<row>");
            for (var c = 0; c < 10; c++) sheet.Append("<c><v>").Append(r % 997 + c).Append("</v></c>");
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData></worksheet>");
        var error = Refused(Workbook(sheet.ToString()), "big.xlsx", InputLimits.Default with { MaxCompressionRatio = 10_000 });
        error.Code.ShouldBe(InputErrorCodes.XlsxTooLarge);
        error.Message.ShouldContain("单元格超过 200,000 个");
    }

    [Fact]
    public void A_zip_bomb_named_xlsx_is_refused_before_decompression()
    {
        var bomb = Workbook("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>", spaces: 200);
        var error = Refused(bomb, "bomb.xlsx");
        error.Code.ShouldBe(InputErrorCodes.XlsxTooLarge);
        error.Message.ShouldContain(".xlsx");
    }

    [Fact]
    public void A_workbook_without_its_workbook_part_is_corrupt()
    {
        Refused(Zip(("xl/worksheets/sheet1.xml", "<worksheet/>")), "a.xlsx").Code.ShouldBe(InputErrorCodes.XlsxCorrupt);
    }

    [Fact]
    public void Inline_strings_formulas_and_vertical_merges_outside_unit_columns()
    {
        var sheet = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>重点任务</t></is></c><c r="C1" t="inlineStr"><is><t>具体措施</t></is></c><c r="D1" t="inlineStr"><is><t>完成时限</t></is></c></row>
            <row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><r><t>建设</t></r><r><t>实训基地</t></r></is></c><c r="C2" t="str"><f>"新建"&amp;"实训楼"</f><v>新建实训楼</v></c><c r="D2" t="inlineStr"><is><t>2023年底前</t></is></c></row>
            <row r="3"><c r="C3" t="inlineStr"><is><t>更新设备</t></is></c></row>
            </sheetData><mergeCells><mergeCell ref="A2:A3"/><mergeCell ref="B2:B3"/><mergeCell ref="D2:D3"/></mergeCells></worksheet>
            """;
        Read(Workbook(sheet), "a.xlsx").Text.ShouldBe(
            "Sheet1\n序号\t重点任务\t具体措施\t完成时限\n1\t建设实训基地\t新建实训楼\t2023年底前\n\t\t更新设备\t2023年底前");
    }

    /// <param name="spaces">Megabytes of spaces written after <paramref name="sheetXml"/> in the sheet (a zip bomb).</param>
    internal static byte[] Workbook(string sheetXml, int spaces = 0)
    {
        const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        return Zip(
            ("_rels/.rels", $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""),
            ("xl/workbook.xml", $"""<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""),
            ("xl/_rels/workbook.xml.rels", $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""),
            ("xl/worksheets/sheet1.xml", sheetXml)) is var zip && spaces == 0 ? zip : ZipWithSpaces(zip, "xl/worksheets/sheet1.xml", spaces);
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        return stream.ToArray();
    }

    /// <summary>The archive with <paramref name="megabytes"/> MB of spaces appended to one entry, written in chunks.</summary>
    private static byte[] ZipWithSpaces(byte[] archive, string entryName, int megabytes)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read))
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)' ');
            foreach (var old in source.Entries)
            {
                using var entry = zip.CreateEntry(old.FullName, CompressionLevel.Optimal).Open();
                using (var content = old.Open()) content.CopyTo(entry);
                if (old.FullName == entryName)
                    for (var i = 0; i < megabytes; i++) entry.Write(chunk);
            }
        }
        return output.ToArray();
    }

    [Fact]
    public void A_page_table_with_a_header_over_two_rows_and_merged_cells_reads_leads_and_partners()
    {
        // A 分工表 as a site's editor exports it: 序号 / 重点任务 / 完成时限 merged down two header rows, 责任单位 merged
        // across 牵头单位 | 配合单位, one task over two rows with its number, name and lead merged down.
        var page = Encoding.UTF8.GetBytes("""
            <html><head><meta charset="utf-8"><title>任务分工_区政府文件_东川区人民政府</title></head><body><div class="TRS_Editor">
            <p>东川区职业教育改革重点任务分工</p>
            <table border="1">
            <tr><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td colspan="2">责任单位</td><td rowspan="2">完成时限</td></tr>
            <tr><td>牵头单位</td><td>配合单位</td></tr>
            <tr><td rowspan="2">1</td><td>整合区内中职学校资源，组建区职教集团。</td><td rowspan="2">区教育局</td><td>区发展改革委、区财政局</td><td>2024年底前</td></tr>
            <tr><td>推动职业学校与产业园区同步规划。</td><td>区工信局</td><td>2025年6月底前</td></tr>
            <tr><td>2</td><td>每年新增校企合作项目10个以上。</td><td>区人社局</td><td>区教育局、区工商联</td><td>每年年底</td></tr>
            </table></div></body></html>
            """);
        var tasks = new PlanParser().Parse(page, "fengong.html").TaskLists.Single().Tasks;
        tasks.Select(t => t.No).ShouldBe(["1", "2"]);
        tasks[0].Units.Select(u => $"{u.Name}/{u.Role}").ShouldBe(["区教育局/Lead", "区发展改革委/Cooperating", "区财政局/Cooperating", "区工信局/Cooperating"]);
        tasks[0].Deadline!.Due.ShouldBe(new DateOnly(2025, 6, 30));
        tasks[1].Units.Select(u => $"{u.Name}/{u.Role}").ShouldBe(["区人社局/Lead", "区教育局/Cooperating", "区工商联/Cooperating"]);
    }
}
