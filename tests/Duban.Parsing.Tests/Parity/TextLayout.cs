namespace Duban.Parsing.Tests.Parity;

/// <summary>One block of a plain-text document as an office would set it in Word or a site in HTML.</summary>
internal abstract record TextBlock;

/// <summary>A line of text: one paragraph (Word) or one &lt;p&gt; (HTML).</summary>
internal sealed record ParagraphBlock(string Text) : TextBlock;

/// <summary>An empty line: an empty paragraph in Word; a site leaves it out.</summary>
internal sealed record BlankBlock : TextBlock;

/// <summary>
/// A table the text holds (tab-separated lines, or '|' rows as Markdown writes them): the first row is the header;
/// a row whose first cell alone is filled and is not a number is a group row spanning the table.
/// </summary>
internal sealed record TableBlock(IReadOnlyList<string[]> Rows) : TextBlock
{
    public int Columns => Rows.Max(r => r.Length);

    public static bool IsGroupRow(string[] row) =>
        row.Length > 1 && row[0].Trim().Length > 0 && !row[0].Trim().All(char.IsAsciiDigit) && row.Skip(1).All(c => c.Trim().Length == 0);
}

/// <summary>
/// Splits a text sample into the blocks its Word or HTML twin is made of. A table's header repeated further down (the
/// text copies it at a page break) is left out: Word and HTML repeat a header row by themselves, they do not hold it
/// twice. Empty lines inside a table (a page break in the text) do not end it.
/// </summary>
internal static class TextLayout
{
    public static IReadOnlyList<TextBlock> Split(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var blocks = new List<TextBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var kind = RowKind(lines[i]);
            if (kind == Row.None)
            {
                blocks.Add(lines[i].Trim().Length == 0 ? new BlankBlock() : new ParagraphBlock(lines[i]));
                continue;
            }
            var rows = new List<string[]>();
            var j = i;
            for (; j < lines.Length; j++)
            {
                if (lines[j].Trim().Length == 0)
                {
                    // A page break inside the table: the table goes on if the next line with text is a row of it.
                    var next = j;
                    while (next < lines.Length && lines[next].Trim().Length == 0) next++;
                    if (next < lines.Length && RowKind(lines[next]) == kind) { j = next - 1; continue; }
                    break;
                }
                if (RowKind(lines[j]) != kind) break;
                if (kind == Row.Markdown && IsRule(lines[j])) continue;
                var cells = kind == Row.Tab ? lines[j].Split('\t') : MarkdownCells(lines[j]);
                if (rows.Count > 0 && cells.Select(c => c.Trim()).SequenceEqual(rows[0].Select(c => c.Trim()))) continue;
                rows.Add(cells);
            }
            blocks.Add(new TableBlock(rows));
            i = j - 1;
        }
        while (blocks.Count > 0 && blocks[^1] is BlankBlock) blocks.RemoveAt(blocks.Count - 1);
        return blocks;
    }

    private enum Row { None, Tab, Markdown }

    private static Row RowKind(string line)
    {
        if (line.Contains('\t')) return Row.Tab;
        var t = line.Trim();
        return t.Length > 2 && t[0] == '|' && t[^1] == '|' && t.Count(c => c == '|') >= 3 ? Row.Markdown : Row.None;
    }

    private static bool IsRule(string line) => line.Trim().Trim('|').Split('|').All(c => c.Trim().Trim(':').Length > 0 && c.Trim().Trim(':').All(ch => ch == '-'));

    private static string[] MarkdownCells(string line) => line.Trim()[1..^1].Split('|').Select(c => c.Trim()).ToArray();
}
