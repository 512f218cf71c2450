namespace Duban.Parsing.Text;

/// <summary>
/// Detects whether a document was hard-wrapped at a fixed width (text converted from PDF), and at which width:
/// the most common length of lines that end mid-sentence, when enough lines share it.
/// </summary>
internal static class WrapWidth
{
    public static int? Detect(IReadOnlyList<SourceLine> lines)
    {
        var counts = new int[201];
        var total = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var width = Of(line.Folded);
            if (line.Kind != LineKind.Text || width < 8 || width > 200) continue;
            var last = line.Folded[^1];
            if (last is '。' or ';' or ':' or '!' or '?' or ')') continue;
            // Headings, labels and member lists have their own lengths; only running text shows the wrap width.
            if (BlockBuilder.StartsBlock(line.Folded)) continue;
            counts[width]++;
            total++;
        }
        if (total < 5) return null;
        var mode = 0;
        for (var n = 1; n < counts.Length; n++)
            if (counts[n] > counts[mode]) mode = n;
        var near = 0;
        for (var n = Math.Max(0, mode - 2); n <= Math.Min(200, mode + 1); n++) near += counts[n];
        return near >= 5 && near * 10 >= total * 3 ? mode : null;
    }

    /// <summary>Width in full-width character cells: ASCII letters and digits take half a cell.</summary>
    public static int Of(string folded) => Of(folded.AsSpan());

    /// <summary>Width in full-width character cells: ASCII letters and digits take half a cell.</summary>
    public static int Of(ReadOnlySpan<char> folded)
    {
        var halves = 0;
        foreach (var c in folded) halves += c < 0x80 ? 1 : 2;
        return (halves + 1) / 2;
    }

    /// <summary>Whether a line is as wide as the wrapped lines of the document, i.e. was itself wrapped.</summary>
    public static bool IsWrapped(string folded, int? wrapWidth)
    {
        if (wrapWidth is not { } w) return false;
        var width = Of(folded);
        return width >= w - 3 && width <= w + 2;
    }
}
