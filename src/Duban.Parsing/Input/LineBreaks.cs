using Duban.Parsing.Text;

namespace Duban.Parsing.Input;

/// <summary>
/// Turns every mandatory line break of Unicode (UAX #14 class BK/CR/LF/NL: CRLF, CR, LF, VT, FF, NEL, U+2028, U+2029)
/// into \n, so that the parser sees one kind of line ending whatever produced the file.
/// </summary>
internal static class LineBreaks
{
    // A CharSet, not SearchValues: searched over the whole text once (CharSet says why).
    private static readonly CharSet NonLfBreaks = new("\r\v\f\u0085\u2028\u2029");

    public static string Normalize(string text)
    {
        var first = NonLfBreaks.IndexOfAny(text);
        if (first < 0) return text;

        var buffer = new char[text.Length];
        text.AsSpan(0, first).CopyTo(buffer);
        var length = first;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue; // the \n that follows is kept
            buffer[length++] = NonLfBreaks.Contains(c) ? '\n' : c;
        }

        return new string(buffer, 0, length);
    }

    /// <summary>Where character <paramref name="index"/> of <paramref name="text"/> lands after <see cref="Normalize"/>.</summary>
    public static int NormalizedIndex(string text, int index)
    {
        // Only CRLF changes the length: the CR of each pair before the index is dropped.
        var prefix = text.AsSpan(0, index);
        var removed = 0;
        for (var at = prefix.IndexOf("\r\n"); at >= 0; at = prefix.IndexOf("\r\n"))
        {
            removed++;
            prefix = prefix[(at + 2)..];
        }

        return index - removed;
    }
}
