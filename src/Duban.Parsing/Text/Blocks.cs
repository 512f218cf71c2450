using Duban.Parsing.Model;

namespace Duban.Parsing.Text;

/// <summary>A unit of document structure: a logical paragraph (wrapped lines joined) or a table row.</summary>
internal abstract record Block(SourceSpan Span);

/// <summary>A logical paragraph: physical lines joined where the document wrapped them.</summary>
/// <param name="Raw">The joined text as written, line breaks removed, mapped to the source.</param>
/// <param name="Folded">The same text folded by <see cref="CharFolding"/>; same length, same indices.</param>
/// <param name="LineCount">How many physical lines were joined.</param>
internal sealed record ParagraphBlock(MappedText Raw, string Folded, SourceSpan Span, int LineCount) : Block(Span)
{
    public static ParagraphBlock From(MappedText raw, int lineCount) =>
        new(raw, CharFolding.Fold(raw.Value), raw.SourceSpan, lineCount);
}

/// <summary>A table row, cells kept apart, each mapped to the source.</summary>
internal sealed record TableRowBlock(IReadOnlyList<MappedText> Cells, SourceSpan Span) : Block(Span)
{
    /// <summary>Cells folded and with all white space removed, for matching column names (政 策 内 容 → 政策内容).</summary>
    public IReadOnlyList<string> CompactCells { get; } = CompactAll(Cells);

    public bool IsBlank => CompactCells.All(c => c.Length == 0);

    private static string[] CompactAll(IReadOnlyList<MappedText> cells)
    {
        var compact = new string[cells.Count];
        for (var i = 0; i < compact.Length; i++) compact[i] = Compact(cells[i].Span);
        return compact;
    }

    private static string Compact(ReadOnlySpan<char> s)
    {
        // Read from the cell's span: a cell that is a window on the source has no string of its own, and asking for
        // its Value here would make one for every cell of every row. Counted first, then written straight into the
        // string.
        var n = 0;
        foreach (var c in s)
            if (!char.IsWhiteSpace(CharFolding.Fold(c))) n++;
        if (n == 0) return "";
        if (n == s.Length) return CharFolding.Fold(s);
        return string.Create(n, s, static (chars, s) =>
        {
            var k = 0;
            foreach (var c in s)
            {
                var f = CharFolding.Fold(c);
                if (!char.IsWhiteSpace(f)) chars[k++] = f;
            }
        });
    }
}
