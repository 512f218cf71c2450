using System.IO.Compression;
using System.Text;
using Duban.Parsing.Input;
using static Duban.Parsing.Tests.Input.DocxBuilder;

namespace Duban.Parsing.Tests.Input;

/// <summary>
/// A .docx is read as a stream with bounds: the main part's bytes (<see cref="InputLimits.MaxDocxPartBytes"/>) and the
/// characters of text it yields (<see cref="InputLimits.MaxDocxTextCharacters"/>). Memory itself is measured in
/// docs/benchmarks.md ("A large .docx"); these tests show structurally that reading stops at the limits.
/// </summary>
public class DocxLimitsTests
{
    private const string DocumentStart =
        """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""";

    private const string DocumentEnd = "</w:body></w:document>";

    private static string Paragraph(string text) => $"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>";

    /// <summary>A package of word/document.xml alone (the main part is found by its conventional name).</summary>
    private static byte[] Docx(string documentXml)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = archive.CreateEntry("word/document.xml").Open())
            entry.Write(Encoding.UTF8.GetBytes(documentXml));
        return stream.ToArray();
    }

    private static InputLimits Characters(long max) => InputLimits.Default with { MaxDocxTextCharacters = max };

    [Fact]
    public void Text_beyond_the_character_limit_is_refused_with_a_message_naming_the_limit()
    {
        var docx = WithBody([.. Enumerable.Range(1, 50).Select(i => P($"第{i}条　" + new string('职', 100)))]);

        var error = Should.Throw<PlanInputException>(() => InputReader.Read(docx, "long.docx", Characters(1000)));

        error.Code.ShouldBe(InputErrorCodes.DocxTooLarge);
        error.Message.ShouldContain("正文超过 1,000 个字符");
        // The same file is read whole under the default limit.
        InputReader.Read(docx, "long.docx", InputLimits.Default).Text.Split('\n').Length.ShouldBe(50);
    }

    [Fact]
    public void Text_within_the_limit_is_read_and_never_longer_than_the_limit()
    {
        // Ten paragraphs of nine characters, a table row of three cells: 90 + 9 + 3 + 2 separators + 11 line breaks.
        var docx = WithBody([.. Enumerable.Range(0, 10).Select(_ => P(new string('字', 9))), Table(Row("甲乙丙", "丁戊己", "庚辛壬"))]);

        var text = InputReader.Read(docx, "fits.docx", Characters(120)).Text;

        text.Length.ShouldBeLessThanOrEqualTo(120);
        text.Split('\n')[^1].ShouldBe("甲乙丙\t丁戊己\t庚辛壬");
        Should.Throw<PlanInputException>(() => InputReader.Read(docx, "fits.docx", Characters(100))).Code.ShouldBe(InputErrorCodes.DocxTooLarge);
    }

    [Fact]
    public void Reading_stops_at_the_character_limit_and_never_reaches_the_rest_of_the_part()
    {
        // Well-formed paragraphs, then a broken tail far beyond the limit: only a reader that went on would find it.
        var docx = Docx(DocumentStart + string.Concat(Enumerable.Repeat(Paragraph(new string('教', 100)), 500))
            + "<w:p><w:r><w:t>未闭合</w:r></w:p>" + DocumentEnd);

        Should.Throw<PlanInputException>(() => InputReader.Read(docx, "tail.docx", Characters(1000))).Code.ShouldBe(InputErrorCodes.DocxTooLarge);
        Should.Throw<PlanInputException>(() => InputReader.Read(docx, "tail.docx", InputLimits.Default)).Code.ShouldBe(InputErrorCodes.DocxCorrupt);
    }

    [Fact]
    public void One_long_text_node_is_read_in_chunks_and_reading_stops_inside_it_at_the_limit()
    {
        // One w:t of 200 000 characters with an invalid character reference at its end: reading the node whole would
        // reach the reference and call the file corrupt; reading it in chunks stops at the limit first.
        var docx = Docx(DocumentStart + "<w:p><w:r><w:t>" + new string('育', 200_000) + "&#1;</w:t></w:r></w:p>" + DocumentEnd);

        Should.Throw<PlanInputException>(() => InputReader.Read(docx, "node.docx", Characters(10_000))).Code.ShouldBe(InputErrorCodes.DocxTooLarge);
        Should.Throw<PlanInputException>(() => InputReader.Read(docx, "node.docx", InputLimits.Default)).Code.ShouldBe(InputErrorCodes.DocxCorrupt);
    }

    [Fact]
    public void Text_read_in_chunks_is_the_same_text()
    {
        // Longer than a chunk, with entities, a CDATA section and white space, across chunk boundaries.
        var text = string.Concat(Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? "&amp;" : "职业教育"[i % 4].ToString()));
        var docx = Docx(DocumentStart + "<w:p><w:r><w:t xml:space=\"preserve\">  " + text + "<![CDATA[<甲>]]> 乙</w:t></w:r></w:p>" + DocumentEnd);

        InputReader.Read(docx, "chunks.docx", InputLimits.Default).Text.ShouldBe("  " + text.Replace("&amp;", "&") + "<甲> 乙");
    }

    [Fact]
    public void Document_xml_over_the_configured_part_limit_is_refused_with_a_clear_error()
    {
        var docx = Docx(DocumentStart + string.Concat(Enumerable.Range(0, 2000).Select(i => Paragraph($"第{i}条　加强职业院校建设。"))) + DocumentEnd);
        var limits = InputLimits.Default with { MaxDocxPartBytes = 64 * 1024 };

        var error = Should.Throw<PlanInputException>(() => InputReader.Read(docx, "big.docx", limits));

        error.Code.ShouldBe(InputErrorCodes.DocxTooLarge);
        error.Message.ShouldContain("word/document.xml");
        error.Message.ShouldContain("上限 65,536 字节");
        InputReader.Read(docx, "big.docx", InputLimits.Default).Text.ShouldStartWith("第0条");
    }
}
