using System.Text;
using Duban.Parsing.Input;

namespace Duban.Parsing.Tests.Input;

/// <summary>Web pages saved as a single file (.mht/.mhtml): the HTML part is found, decoded and read as a page.</summary>
public class MhtInputTests
{
    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

    private static SourceText Read(byte[] bytes, string? name) => InputReader.Read(bytes, name, InputLimits.Default);

    private static PlanInputException Refused(byte[] bytes, string? name) => Should.Throw<PlanInputException>(() => Read(bytes, name));

    private const string Page = "<html><body><div class=\"nav\"><a href=\"/\">首页</a></div><div id=\"zoom\"><p>一、重点任务</p><p>（一）建设实训基地。（牵头单位：市教育局；完成时限：2023年底前）</p></div></body></html>";

    private static byte[] Archive(string headers, params string[] parts)
    {
        const string boundary = "----=_NextPart_01D9";
        var text = new StringBuilder(headers.Replace("BOUNDARY", boundary, StringComparison.Ordinal)).Append("\r\n\r\n");
        foreach (var part in parts) text.Append("--").Append(boundary).Append("\r\n").Append(part).Append("\r\n");
        text.Append("--").Append(boundary).Append("--\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private const string IeHeaders = "From: <Saved by Windows Internet Explorer 8>\r\nSubject: plan\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"BOUNDARY\"";

    private static string QuotedPrintable(byte[] bytes)
    {
        var text = new StringBuilder();
        var column = 0;
        foreach (var b in bytes)
        {
            var piece = b is >= 33 and <= 126 and not (byte)'=' ? ((char)b).ToString() : $"={b:X2}";
            if (column + piece.Length > 75) { text.Append("=\r\n"); column = 0; }
            text.Append(piece);
            column += piece.Length;
        }
        return text.ToString();
    }

    [Fact]
    public void Quoted_printable_gb2312_page_from_ie_is_read_in_its_charset()
    {
        var mht = Archive(IeHeaders,
            "Content-Type: text/html;\r\n\tcharset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + QuotedPrintable(Gbk.GetBytes(Page)),
            "Content-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\r\nR0lGODlhAQABAAAAACw=");
        var source = Read(mht, "方案.mht");
        source.Format.ShouldBe("mht");
        source.Encoding.ShouldBe("gb18030");
        source.Text.ShouldBe("一、重点任务\n（一）建设实训基地。（牵头单位：市教育局；完成时限：2023年底前）");
    }

    [Fact]
    public void Base64_utf8_page_saved_by_a_browser_is_read_whatever_the_name()
    {
        var headers = "From: <Saved by Blink>\r\nSnapshot-Content-Location: http://example.gov.cn/a.html\r\nSubject: plan\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"BOUNDARY\"";
        var mht = Archive(headers,
            "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\nContent-Location: http://example.gov.cn/a.html\r\n\r\n"
            + Convert.ToBase64String(Encoding.UTF8.GetBytes(Page), Base64FormattingOptions.InsertLineBreaks));
        foreach (var name in new[] { "page.mhtml", "page.doc", null })
            Read(mht, name).Text.ShouldStartWith("一、重点任务\n（一）建设实训基地");
    }

    [Fact]
    public void A_single_part_mht_is_read_by_its_name()
    {
        var mht = Encoding.ASCII.GetBytes("MIME-Version: 1.0\r\nContent-Type: text/html; charset=\"gbk\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
            .Concat(Encoding.ASCII.GetBytes(QuotedPrintable(Gbk.GetBytes(Page)))).ToArray();
        Read(mht, "方案.mht").Text.ShouldEndWith("完成时限：2023年底前）");
    }

    [Fact]
    public void An_archive_without_a_page_is_corrupt()
    {
        var mht = Archive(IeHeaders, "Content-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\r\nR0lGODlhAQABAAAAACw=");
        var error = Refused(mht, "a.mht");
        error.Code.ShouldBe(InputErrorCodes.MhtCorrupt);
        error.Message.ShouldContain(".mht");
        error.Message.ShouldContain("text/html");
    }

    [Fact]
    public void An_archive_cut_off_after_its_headers_is_corrupt()
    {
        var mht = Encoding.ASCII.GetBytes(IeHeaders.Replace("BOUNDARY", "----=_NextPart_01D9", StringComparison.Ordinal) + "\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n------=_Next");
        Refused(mht, "a.mht").Code.ShouldBe(InputErrorCodes.MhtCorrupt);
    }

    [Fact]
    public void A_page_with_an_empty_body_part_is_empty()
    {
        var mht = Archive(IeHeaders, "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        Refused(mht, "a.mht").Code.ShouldBe(InputErrorCodes.Empty);
    }

    [Fact]
    public void Text_that_only_mentions_mime_headers_stays_text()
    {
        var text = "加快发展现代职业教育实施方案\nContent-Type: multipart/related 不是开头\n"u8.ToArray();
        Read(text, "plan.txt").Format.ShouldBe("text");
    }
}
