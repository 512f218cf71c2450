using System.Text;
using Duban.Parsing.Model;

namespace Duban.Parsing.Input.Pdf;

/// <summary>A piece of a cell's text read from one line of one page, with the box it stands in.</summary>
internal sealed class PdfFragment
{
    public required string Text { get; init; }
    public required int Page { get; init; }
    public required double Left { get; init; }
    public required double Right { get; init; }
    public required double Bottom { get; init; }
    public required double Top { get; init; }
    public required double FontSize { get; init; }

    /// <summary>The width of the first word (one CJK character, or a Latin word): what would have had to fit on the line above.</summary>
    public required double FirstTokenWidth { get; init; }

    /// <summary>The width available for text in the cell (its width less its padding), when the cell's borders are known; NaN otherwise.</summary>
    public double InnerWidth { get; set; } = double.NaN;

    public double Width => Right - Left;

    /// <summary>The glyphs of one line as a fragment: a gap of a quarter character is a space.</summary>
    public static PdfFragment? Of(IReadOnlyList<PdfGlyph> glyphs, PdfLine line, int page)
    {
        if (glyphs.Count == 0) return null;
        var sb = new StringBuilder();
        var lastRight = double.NaN;
        foreach (var glyph in glyphs)
        {
            var gap = double.IsNaN(lastRight) ? 0 : glyph.Left - lastRight;
            if (sb.Length > 0 && gap >= line.FontSize * 0.25 && sb[^1] != ' ') sb.Append(' ');
            sb.Append(glyph.Value);
            lastRight = glyph.Right;
        }
        var text = sb.ToString().Trim();
        if (text.Length == 0) return null;
        return new PdfFragment
        {
            Text = text, Page = page, Left = glyphs[0].Left, Right = lastRight, Bottom = line.Bottom, Top = line.Top, FontSize = line.FontSize,
            FirstTokenWidth = FirstToken(glyphs, line.FontSize),
        };
    }

    /// <summary>
    /// The width of what a line break could not have split: a Latin word up to a space; one CJK character with the
    /// punctuation that may not start a line after it (、。，）…) and that may not end one before it (（“《…).
    /// </summary>
    private static double FirstToken(IReadOnlyList<PdfGlyph> glyphs, double fontSize)
    {
        var i = 0;
        while (i < glyphs.Count - 1 && IsOpening(glyphs[i].Value)) i++;
        if (glyphs[i].Value.Length > 0 && PdfTextUtil.IsCjk(glyphs[i].Value[0]))
        {
            while (i + 1 < glyphs.Count && IsClosing(glyphs[i + 1].Value) && glyphs[i + 1].Left - glyphs[i].Right < fontSize * 0.25) i++;
            return glyphs[i].Right - glyphs[0].Left;
        }
        while (i + 1 < glyphs.Count && glyphs[i + 1].Left - glyphs[i].Right < fontSize * 0.25
               && !(glyphs[i + 1].Value.Length > 0 && PdfTextUtil.IsCjk(glyphs[i + 1].Value[0]))) i++;
        while (i + 1 < glyphs.Count && IsClosing(glyphs[i + 1].Value) && glyphs[i + 1].Left - glyphs[i].Right < fontSize * 0.25) i++;
        return glyphs[i].Right - glyphs[0].Left;
    }

    private static bool IsOpening(string s) => s.Length == 1 && "（(“‘《〈【[「『".Contains(s[0]);

    private static bool IsClosing(string s) => s.Length == 1 && "、。，．,.；;：:？?！!）)”’》〉】]」』…·%％".Contains(s[0]);
}

/// <summary>
/// A table cell: its text, line by line. A cell merged down several rows is one object shared by those rows; a cell
/// merged across columns is shared by those columns.
/// </summary>
internal sealed class PdfCell
{
    public List<PdfFragment> Fragments { get; } = [];

    public bool IsEmpty => Fragments.Count == 0;

    /// <summary>
    /// The cell's text: its lines joined as wrapped text (no space between CJK characters), except where a line ended
    /// before the cell was full — the next word would have fitted, so the line was broken on purpose (two units, one a
    /// line): there a space, as between the paragraphs of a .docx cell.
    /// </summary>
    public string Text(List<(int Start, int End, PdfFragment Fragment)>? ranges = null)
    {
        if (Fragments.Count == 1 && ranges is null) return Fragments[0].Text;
        var sb = new StringBuilder();
        for (var k = 0; k < Fragments.Count; k++)
        {
            var f = Fragments[k];
            if (k > 0 && BrokenOnPurpose(Fragments[k - 1], f) && sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
            PdfTextUtil.AppendJoined(sb, f.Text);
            ranges?.Add((sb.Length - f.Text.Length, sb.Length, f));
        }
        return sb.ToString();
    }

    private static bool BrokenOnPurpose(PdfFragment line, PdfFragment next) =>
        !double.IsNaN(line.InnerWidth) && line.Width + next.FirstTokenWidth + line.FontSize * 0.25 <= line.InnerWidth;
}

/// <summary>A table row: one cell per column (null for none).</summary>
internal sealed class PdfRow(int columns)
{
    public PdfCell?[] Cells { get; } = new PdfCell?[columns];

    /// <summary>For a row of a ruled table: its grid and its row in it.</summary>
    public PdfGrid? Grid { get; init; }
    public int GridRow { get; init; }

    /// <summary>The last grid row the cell in column <paramref name="column"/> reaches down to.</summary>
    public int Bottom(int column) => Grid is null ? GridRow : Grid.Extent(Grid.CellAt(GridRow, column)).Bottom;

    /// <summary>Whether the cell in column <paramref name="column"/> spreads over several columns.</summary>
    public bool Across(int column) => Grid is not null && Grid.Extent(Grid.CellAt(GridRow, column)) is var e && e.Left != e.Right;
}

/// <summary>One line of the extracted text under construction, with the page boxes of its pieces (offsets within the line).</summary>
internal sealed class PdfOutputLine
{
    public StringBuilder Text { get; } = new();
    public List<PageRegion> Regions { get; } = [];

    /// <summary>Adds a region for text[start..end) from the given fragments (all on one page), their boxes united.</summary>
    public void AddRegion(int start, int end, IReadOnlyList<PdfFragment> fragments)
    {
        if (end <= start || fragments.Count == 0) return;
        double left = fragments.Min(f => f.Left), bottom = fragments.Min(f => f.Bottom);
        double right = fragments.Max(f => f.Right), top = fragments.Max(f => f.Top);
        Regions.Add(PageRegion.Create(start, end, fragments[0].Page, left, bottom, right, top));
    }
}

/// <summary>
/// Writes table rows as text lines, cells separated by tabs (the shape of a .docx table row). A cell merged across
/// columns gives its text to the first and leaves the others empty, as a .docx gridSpan does. A cell merged down
/// several rows gives its text to every row it covers when its column holds a value for each row (a 牵头单位, 配合单位
/// or 完成时限 column: <see cref="MergedCells"/>) and the row starts a record of its own (its first cell is not empty
/// or merged from above); elsewhere the covered rows stay empty, as a vertically merged Word cell does.
/// </summary>
internal static class PdfTableWriter
{
    public static IEnumerable<PdfOutputLine> Write(PdfRow? header, IReadOnlyList<string> names, IEnumerable<PdfRow> rows, int columns)
    {
        if (header is not null) yield return Line(header, columns, null, names, startsRecord: true);
        PdfRow? previous = null;
        foreach (var row in rows)
        {
            var first = row.Cells[0];
            var startsRecord = first is { IsEmpty: false } && (previous is null || !ReferenceEquals(previous.Cells[0], first));
            var line = Line(row, columns, previous, names, startsRecord);
            previous = row;
            if (line.Text.Length > columns - 1) yield return line;
        }
    }

    private static PdfOutputLine Line(PdfRow row, int columns, PdfRow? above, IReadOnlyList<string> names, bool startsRecord)
    {
        var line = new PdfOutputLine();
        var ranges = new List<(int Start, int End, PdfFragment Fragment)>();
        for (var c = 0; c < columns; c++)
        {
            if (c > 0) line.Text.Append('\t');
            var cell = row.Cells[c];
            if (cell is null || cell.IsEmpty || c > 0 && ReferenceEquals(row.Cells[c - 1], cell)) continue;
            if (above is not null && ReferenceEquals(above.Cells[c], cell)
                && !(startsRecord && MergedCells.HoldsForEachRow(c < names.Count ? names[c] : null))) continue;
            ranges.Clear();
            var text = cell.Text(ranges);
            var offset = line.Text.Length;
            line.Text.Append(text);
            // One region per page the cell's lines stand on.
            for (var k = 0; k < ranges.Count;)
            {
                var j = k;
                while (j + 1 < ranges.Count && ranges[j + 1].Fragment.Page == ranges[k].Fragment.Page) j++;
                line.AddRegion(offset + ranges[k].Start, offset + ranges[j].End, ranges.Skip(k).Take(j - k + 1).Select(r => r.Fragment).ToList());
                k = j + 1;
            }
        }
        return line;
    }
}
