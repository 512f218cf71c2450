using Duban.Parsing.Input.Html;
using MimeKit;

namespace Duban.Parsing.Input.Mht;

/// <summary>
/// Reads a web page saved as a single file (.mht/.mhtml: "网页，单个文件" in IE, Edge, WPS): a MIME message,
/// multipart/related, whose root part is the page's HTML in quoted-printable or base64. MimeKit undoes the MIME and
/// transfer encoding; the page is then read by the HTML reader, in the charset the part declares (gb2312, gbk,
/// utf-8…) unless the bytes say otherwise. Pictures and style sheets in the other parts are not read.
/// See docs/input-formats.md, ".mht".
/// </summary>
internal static class MhtTextExtractor
{
    public const string Format = "mht";

    // Saved pages are multipart/related holding leaf parts; a deeper tree is not a saved page.
    private const int MaxMimeDepth = 16;

    public static SourceText Extract(ReadOnlySpan<byte> content, InputLimits limits)
    {
        byte[] html;
        string? charset;
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            var message = MimeMessage.Load(new ParserOptions { MaxMimeDepth = MaxMimeDepth }, stream);
            var page = PageOf(message) ?? throw new PlanInputException(InputErrorCodes.MhtCorrupt,
                "该 .mht 文件中没有网页正文（找不到 text/html 部分），可能已损坏或不是另存的网页。请在浏览器中重新另存，或另存为 .html 后再导入。");
            using var decoded = new MemoryStream();
            page.Content?.DecodeTo(decoded);
            html = decoded.ToArray();
            charset = page.ContentType.Charset?.Trim().ToLowerInvariant();
        }
        catch (Exception e) when (e is FormatException or ParseException or InvalidOperationException or IOException or ArgumentException)
        {
            throw new PlanInputException(InputErrorCodes.MhtCorrupt, "不是有效的 .mht 文件（MIME 结构已损坏，无法读取）。请在浏览器中重新另存，或另存为 .html 后再导入。");
        }
        if (html.Length == 0)
            throw new PlanInputException(InputErrorCodes.Empty, "该 .mht 文件的网页部分是空的，没有可读取的正文文字。");
        var source = HtmlTextExtractor.Extract(html, limits, charset);
        return source with { Format = Format };
    }

    /// <summary>The page: the root of multipart/related (its start parameter, else its first part), else the first HTML part.</summary>
    private static TextPart? PageOf(MimeMessage message)
    {
        if (message.Body is MultipartRelated related && related.Root is TextPart { IsHtml: true } root) return root;
        return message.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.IsHtml);
    }
}
