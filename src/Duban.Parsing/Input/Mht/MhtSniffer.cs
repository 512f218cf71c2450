using System.Text;
using System.Text.RegularExpressions;

namespace Duban.Parsing.Input.Mht;

/// <summary>
/// Recognises a web archive (.mht/.mhtml) by its first bytes: MIME header lines (From:, Subject:, MIME-Version:…) from
/// the first byte, with a multipart/related Content-Type among them — or, for a file named .mht/.mhtml, any
/// Content-Type header (a page saved as a single text/html part).
/// </summary>
internal static partial class MhtSniffer
{
    private const int HeadBytes = 4096;

    public static bool LooksLikeMht(ReadOnlySpan<byte> content, string? fileName)
    {
        var head = Encoding.Latin1.GetString(content[..Math.Min(content.Length, HeadBytes)]);
        if (!HeaderLine().IsMatch(head)) return false;
        if (MultipartRelated().IsMatch(head)) return true;
        return (InputSniffer.HasExtension(fileName, ".mht") || InputSniffer.HasExtension(fileName, ".mhtml")) && ContentType().IsMatch(head);
    }

    [GeneratedRegex(@"\A\s*[A-Za-z][A-Za-z0-9\-]*:[ \t]*\S")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^content-type:\s*multipart/related", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MultipartRelated();

    [GeneratedRegex(@"^content-type:\s*\S", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex ContentType();
}
