using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Duban.Parsing.Input;
using Duban.Parsing.Tests.Samples;

namespace Duban.Parsing.Tests.Input;

/// <summary>
/// .xls and WPS .et workbooks (BIFF in an OLE2 file, or OOXML) and .ods: recognised by their bytes, read into the same
/// lines as an .xlsx, and refused with a code and a message naming the format when broken, encrypted or too big.
/// </summary>
public class LegacySpreadsheetTests
{
    private static SourceText Read(byte[] bytes, string? name, InputLimits? limits = null) => InputReader.Read(bytes, name, limits ?? InputLimits.Default);

    private static PlanInputException Refused(byte[] bytes, string? name, InputLimits? limits = null) =>
        Should.Throw<PlanInputException>(() => Read(bytes, name, limits));

    private static byte[] Sample(string name) => File.ReadAllBytes(SampleFiles.PathOf(name));

    private static string XlsxText => Read(Sample("task-table.xlsx"), "task-table.xlsx").Text;

    // --- .xls / .et ---

    [Theory]
    [InlineData("task-table.xls")]
    [InlineData("分工表.et")]
    [InlineData("分工表.doc")]
    [InlineData(null)]
    public void A_biff_workbook_is_read_by_its_bytes_whatever_its_name(string? name)
    {
        var source = Read(Sample("task-table.xls"), name);
        source.Format.ShouldBe("xls");
        source.Text.ShouldBe(XlsxText);
    }

    [Fact]
    public void An_et_saved_as_ooxml_is_read_as_xlsx()
    {
        var source = Read(Sample("task-table.xlsx"), "分工表.et");
        source.Format.ShouldBe("xlsx");
        source.Text.ShouldBe(XlsxText);
    }

    [Fact]
    public void A_word_97_document_is_still_refused_as_doc()
    {
        var error = Refused(CompoundFile("WordDocument"), "plan.doc");
        error.Code.ShouldBe(InputErrorCodes.UnsupportedFormat);
        error.Message.ShouldContain("Word 97-2003");
    }

    [Fact]
    public void A_truncated_xls_is_corrupt_naming_the_format()
    {
        var bytes = Sample("task-table.xls");
        var error = Refused(bytes[..(bytes.Length / 2)], "分工表.xls");
        error.Code.ShouldBe(InputErrorCodes.XlsCorrupt);
        error.Message.ShouldContain(".xls");
        error.Message.ShouldContain("损坏");
    }

    [Fact]
    public void A_workbook_stream_of_garbage_is_corrupt()
    {
        var bytes = Sample("task-table.xls");
        var bof = BiffGlobalsOffset(bytes);
        new Random(7).NextBytes(bytes.AsSpan(bof, 1024));
        Refused(bytes, "分工表.xls").Code.ShouldBe(InputErrorCodes.XlsCorrupt);
    }

    [Fact]
    public void An_xls_with_an_open_password_is_refused_as_encrypted()
    {
        var error = Refused(Encrypted(Sample("task-table.xls")), "分工表.xls");
        error.Code.ShouldBe(InputErrorCodes.XlsEncrypted);
        error.Message.ShouldContain(".xls");
        error.Message.ShouldContain("密码");
    }

    [Fact]
    public void An_xls_beyond_the_cell_limit_is_refused()
    {
        var error = Refused(Sample("task-table.xls"), "分工表.xls", InputLimits.Default with { MaxXlsxCells = 10 });
        error.Code.ShouldBe(InputErrorCodes.XlsTooLarge);
        error.Message.ShouldContain("该 .xls 文件的单元格超过 10 个的上限");
    }

    [Fact]
    public void An_xls_beyond_the_text_limit_is_refused()
    {
        var error = Refused(Sample("task-table.xls"), "分工表.xls", InputLimits.Default with { MaxDocxTextCharacters = 100 });
        error.Code.ShouldBe(InputErrorCodes.XlsTooLarge);
        error.Message.ShouldContain("字符的上限");
    }

    // --- .ods ---

    [Fact]
    public void Repeated_empty_cells_and_rows_cost_nothing()
    {
        var source = Read(Ods(Table("分工", """
            <table:table-row><table:table-cell office:value-type="string"><text:p>序号</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>重点任务</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>牵头单位</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16381"/></table:table-row>
            <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            <table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>建设实训基地</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>市教育局</text:p></table:table-cell></table:table-row>
            """)), "a.ods");
        source.Format.ShouldBe("ods");
        source.Text.ShouldBe("分工\n序号\t重点任务\t牵头单位\n1\t建设实训基地\t市教育局");
    }

    [Fact]
    public void A_repeated_cells_bomb_hits_the_cell_limit()
    {
        var error = Refused(Ods(Table("Sheet1", """
            <table:table-row table:number-rows-repeated="1000000000"><table:table-cell table:number-columns-repeated="1000000000" office:value-type="string"><text:p>市教育局</text:p></table:table-cell></table:table-row>
            """)), "bomb.ods");
        error.Code.ShouldBe(InputErrorCodes.OdsTooLarge);
        error.Message.ShouldContain("该 .ods 文件的单元格超过 200,000 个的上限");
    }

    [Fact]
    public void Rows_of_repeated_filled_cells_count_each_copy()
    {
        var error = Refused(Ods(Table("Sheet1", """
            <table:table-row table:number-rows-repeated="300000"><table:table-cell office:value-type="string"><text:p>市教育局</text:p></table:table-cell></table:table-row>
            """)), "rows.ods");
        error.Code.ShouldBe(InputErrorCodes.OdsTooLarge);
    }

    [Fact]
    public void The_text_of_a_repeated_cell_counts_once_per_copy()
    {
        var cell = new string('任', 600);
        string Row(int repeat) => $"""<table:table-row><table:table-cell table:number-columns-repeated="{repeat}" office:value-type="string"><text:p>{cell}</text:p></table:table-cell></table:table-row>""";
        var limits = InputLimits.Default with { MaxDocxTextCharacters = 1000 };

        Read(Ods(Table("Sheet1", Row(1))), "a.ods", limits).Text.ShouldBe(cell);
        var error = Refused(Ods(Table("Sheet1", Row(2))), "a.ods", limits);
        error.Code.ShouldBe(InputErrorCodes.OdsTooLarge);
        error.Message.ShouldContain("该 .ods 文件的文字超过 1,000 个字符的上限");
    }

    [Fact]
    public void Covered_cells_spaces_line_breaks_dates_and_notes()
    {
        var source = Read(Ods(Table("Sheet1", """
            <table:table-row><table:table-cell office:value-type="string"><text:p>序号</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>重点任务</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>牵头单位</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>完成时限</text:p></table:table-cell></table:table-row>
            <table:table-row><table:table-cell><text:p>1</text:p></table:table-cell><table:table-cell office:value-type="string"><office:annotation><text:p>批注：请核实</text:p></office:annotation><text:p>建设<text:s text:c="2"/>实训<text:line-break/>基地</text:p><text:p>新建<text:span>实训楼</text:span></text:p></table:table-cell><table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>市教育局</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2023-06-30"><text:p>06/30/23</text:p></table:table-cell></table:table-row>
            <table:table-row><table:table-cell><text:p>2</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>更新设备</text:p></table:table-cell><table:covered-table-cell><text:p>旧值</text:p></table:covered-table-cell><table:table-cell office:value-type="string"><text:p>2023年底前</text:p></table:table-cell></table:table-row>
            """)), "a.ods");
        source.Text.ShouldBe("Sheet1\n序号\t重点任务\t牵头单位\t完成时限\n1\t建设  实训 基地 新建实训楼\t市教育局\t2023年6月30日\n2\t更新设备\t市教育局\t2023年底前");
    }

    [Theory]
    [InlineData("sectioned-task-table.xls")]
    [InlineData("sectioned-task-table.ods")]
    public void A_date_formatted_to_the_month_reads_as_the_month_as_in_the_xlsx(string name)
    {
        // 2024-12-01 shown as 2024年12月 (yyyy"年"m"月"): the month, due on its last day, not its first day.
        var text = Read(Sample(name), name).Text;
        text.ShouldContain("\t2024年12月\t");
        text.ShouldNotContain("2024年12月1日");
        text.ShouldBe(Read(Sample("sectioned-task-table.xlsx"), "sectioned-task-table.xlsx").Text);
    }

    [Fact]
    public void An_ods_date_takes_the_shape_of_its_own_or_its_columns_style()
    {
        var source = Read(Ods("""
            <office:automatic-styles>
              <number:date-style style:name="N1"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text></number:date-style>
              <number:date-style style:name="N2"><number:year/><number:text>-</number:text><number:month/><number:text>-</number:text><number:day/></number:date-style>
              <style:style style:name="month" style:family="table-cell" style:data-style-name="N1"/>
              <style:style style:name="monthChild" style:family="table-cell" style:parent-style-name="month"/>
              <style:style style:name="day" style:family="table-cell" style:data-style-name="N2"/>
            </office:automatic-styles>
            """ + Table("Sheet1", """
            <table:table-column table:default-cell-style-name="day"/><table:table-column table:default-cell-style-name="month"/>
            <table:table-row><table:table-cell office:value-type="date" office:date-value="2024-12-01"/><table:table-cell office:value-type="date" office:date-value="2025-06-01"/><table:table-cell table:style-name="monthChild" office:value-type="date" office:date-value="2026-03-01T00:00:00"/><table:table-cell table:style-name="day" office:value-type="date" office:date-value="2026-03-01"/></table:table-row>
            """)), "a.ods");
        source.Text.ShouldBe("Sheet1\n2024年12月1日\t2025年6月\t2026年3月\t2026年3月1日");
    }

    [Fact]
    public void A_hidden_sheet_is_not_read()
    {
        var content = """
            <office:automatic-styles><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>
            <office:body><office:spreadsheet>
            <table:table table:name="可见"><table:table-row><table:table-cell office:value-type="string"><text:p>任务一</text:p></table:table-cell></table:table-row></table:table>
            <table:table table:name="隐藏" table:style-name="ta2"><table:table-row><table:table-cell office:value-type="string"><text:p>草稿</text:p></table:table-cell></table:table-row></table:table>
            </office:spreadsheet></office:body>
            """;
        Read(Ods(content), "a.ods").Text.ShouldBe("任务一");
    }

    [Fact]
    public void An_ods_is_recognised_by_its_mimetype_whatever_its_name()
    {
        Read(Sample("task-table.ods"), "分工表.zip").Format.ShouldBe("ods");
        Read(Sample("task-table.ods"), null).Text.ShouldBe(XlsxText);
    }

    [Fact]
    public void A_truncated_ods_is_corrupt_naming_the_format()
    {
        var bytes = Sample("task-table.ods");
        var error = Refused(bytes[..(bytes.Length / 2)], "分工表.ods");
        error.Code.ShouldBe(InputErrorCodes.OdsCorrupt);
        error.Message.ShouldContain(".ods");
    }

    [Fact]
    public void Malformed_content_xml_is_corrupt()
    {
        var error = Refused(Ods("<office:body><office:spreadsheet><table:table>"), "a.ods");
        error.Code.ShouldBe(InputErrorCodes.OdsCorrupt);
        error.Message.ShouldContain(".ods");
    }

    [Fact]
    public void An_ods_without_content_xml_is_corrupt()
    {
        var error = Refused(Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet")), "a.ods");
        error.Code.ShouldBe(InputErrorCodes.OdsCorrupt);
        error.Message.ShouldContain("content.xml");
    }

    // --- helpers ---

    private static string Table(string name, string rows) =>
        $"""<office:body><office:spreadsheet><table:table table:name="{name}">{rows}</table:table></office:spreadsheet></office:body>""";

    internal static byte[] Ods(string body) => Zip(
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", """<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.3">"""
                        + body + "</office:document-content>"));

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Fastest).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        return stream.ToArray();
    }

    /// <summary>Where the workbook globals begin: the BIFF8 BOF record (0x0809, 16 bytes, version 0x0600, type 0x0005).</summary>
    private static int BiffGlobalsOffset(byte[] xls)
    {
        var offset = xls.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]);
        offset.ShouldBeGreaterThan(0);
        return offset;
    }

    /// <summary>
    /// The workbook as Excel writes it with an open password: a FILEPASS record (RC4, with a salt and verifier that no
    /// password matches) right after the globals' BOF. It takes the place of the records that follow BOF, and a filler
    /// record the rest of their bytes, so the stream keeps its length.
    /// </summary>
    private static byte[] Encrypted(byte[] xls)
    {
        var bytes = xls.ToArray();
        var at = BiffGlobalsOffset(bytes) + 4 + 16;
        var replaced = 0;
        while (replaced < 4 + 54 + 4)
            replaced += 4 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + replaced + 2));
        var span = bytes.AsSpan(at, replaced);
        BinaryPrimitives.WriteUInt16LittleEndian(span, 0x002F);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 54);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], 1); // RC4
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], 1);
        new Random(3).NextBytes(span.Slice(10, 48)); // salt, verifier, verifier hash
        BinaryPrimitives.WriteUInt16LittleEndian(span[58..], 0x00E2 + 0x100); // an unknown record type: skipped
        BinaryPrimitives.WriteUInt16LittleEndian(span[60..], (ushort)(replaced - 62));
        return bytes;
    }

    /// <summary>A minimal OLE2 file whose directory names one stream.</summary>
    private static byte[] CompoundFile(string stream)
    {
        var bytes = new byte[1024];
        ((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x1E), 9);
        var entry = bytes.AsSpan(512 + 128);
        Encoding.Unicode.GetBytes(stream).CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)((stream.Length + 1) * 2));
        entry[66] = 2;
        return bytes;
    }
}
