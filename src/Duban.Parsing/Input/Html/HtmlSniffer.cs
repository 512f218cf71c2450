using System.Text;
using System.Text.RegularExpressions;

namespace Duban.Parsing.Input;

/// <summary>
/// Recognises a saved web page and the character set it declares. Only the first bytes are looked at: a page starts
/// with a doctype, &lt;html&gt; or &lt;head&gt; (after a BOM, white space or comments), and declares its charset in
/// the head.
/// </summary>
internal static partial class HtmlSniffer
{
    private const int HeadBytes = 4096;

    private static readonly string[] HtmlExtensions = [".html", ".htm", ".shtml", ".xhtml"];

    public static bool LooksLikeHtml(ReadOnlySpan<byte> content, string? fileName)
    {
        var head = Ascii(content);
        if (StartMarkup().IsMatch(head)) return true;
        foreach (var extension in HtmlExtensions)
            if (InputSniffer.HasExtension(fileName, extension) && head.Contains('<')) return true;
        return false;
    }

    /// <summary>The charset of &lt;meta charset&gt; or &lt;meta http-equiv content="…; charset=…"&gt;, lower case; null when none.</summary>
    public static string? DeclaredCharset(ReadOnlySpan<byte> content)
    {
        var match = CharsetDeclaration().Match(Ascii(content));
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    /// <summary>The first bytes as Latin-1: enough to find ASCII markup whatever the page's encoding (UTF-16 aside).</summary>
    private static string Ascii(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, HeadBytes)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        return Encoding.Latin1.GetString(head);
    }

    [GeneratedRegex(@"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|meta[\s>]|\?xml[^>]*>\s*<!doctype\s+html)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex StartMarkup();

    [GeneratedRegex(@"<meta[^>]*?charset\s*=\s*[""']?\s*([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetDeclaration();
}
