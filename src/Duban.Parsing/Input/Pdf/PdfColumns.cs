namespace Duban.Parsing.Input.Pdf;

/// <summary>
/// Reading order of a page set in two columns. Lines are built across the whole page, so a band of two columns gives
/// lines that hold a piece of each column side by side. Such a band is found by its gutter: a vertical strip at least
/// a character wide, in the middle half of the page's text, that no glyph of four or more consecutive lines covers, with
/// text on both sides of it. It is read as two columns only when both sides are running text — at least three lines on
/// each side reach that side's right edge (wrapped prose fills its column) and four lines in five are of one piece (a
/// table row's cells are apart) — and no line is inside a ruled grid or a table header. The band's lines are then cut at the gutter and given left column first, each piece
/// with its column's margins for joining wrapped lines.
/// </summary>
internal static class PdfColumns
{
    private const int MinLines = 4;

    /// <summary>Most lines of a page looked at (a page of text has tens).</summary>
    private const int MaxLines = 2_000;

    public static List<PdfLine> Read(List<PdfLine> lines, IReadOnlyList<PdfGrid> grids)
    {
        if (lines.Count < MinLines || lines.Count > MaxLines) return lines;
        var body = lines.Where(l => !grids.Any(g => g.Holds(l))).ToList();
        if (body.Count < MinLines) return lines;
        var left = body.Min(l => l.Left);
        var right = body.Max(l => l.Right);
        var (from, to) = (left + (right - left) * 0.25, right - (right - left) * 0.25);

        var result = new List<PdfLine>(lines.Count);
        var i = 0;
        while (i < lines.Count)
        {
            var (band, end) = Band(lines, i, from, to, grids);
            if (band is not null)
            {
                result.AddRange(band);
                i = end;
                continue;
            }
            // The lines up to where the strip closed are no band; a band starting among them would end there too.
            for (var k = i; k < Math.Max(i + 1, end); k++) result.Add(lines[k]);
            i = Math.Max(i + 1, end);
        }
        return result;
    }

    /// <summary>
    /// The two-column band starting at line <paramref name="start"/>, read column by column, or null; and where the
    /// free strip closed (the end of the band, or of the lines looked at).
    /// </summary>
    private static (List<PdfLine>? Lines, int End) Band(List<PdfLine> lines, int start, double from, double to, IReadOnlyList<PdfGrid> grids)
    {
        // The free strips of the middle zone, narrowed line by line while at least one a character wide is left.
        List<(double Left, double Right)> free = [(from, to)];
        var end = start;
        double gutterLeft = 0, gutterRight = 0;
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            if (grids.Any(g => g.Holds(line)) || PdfTable.IsHeader(line)) break;
            var narrowed = Subtract(free, line.Glyphs);
            var wide = narrowed.Where(s => s.Right - s.Left >= line.FontSize).ToList();
            if (wide.Count == 0) break;
            free = wide;
            end = i + 1;
        }
        if (end - start < MinLines) return (null, end);
        var gutter = free.MaxBy(s => s.Right - s.Left);
        (gutterLeft, gutterRight) = gutter;
        var middle = (gutterLeft + gutterRight) / 2;

        var band = lines.GetRange(start, end - start);
        var both = band.Count(l => l.Glyphs[0].Center < middle && l.Glyphs[^1].Center > middle);
        if (both < MinLines) return (null, end);
        var leftParts = new List<PdfLine>();
        var rightParts = new List<PdfLine>();
        foreach (var line in band)
        {
            var (l, r) = (line.Glyphs.Where(g => g.Center < middle).ToList(), line.Glyphs.Where(g => g.Center >= middle).ToList());
            if (l.Count > 0 && PdfLine.Of(l, line) is { } lp) leftParts.Add(lp);
            if (r.Count > 0 && PdfLine.Of(r, line) is { } rp) rightParts.Add(rp);
        }
        if (!Prose(leftParts) || !Prose(rightParts)) return (null, end);

        var result = new List<PdfLine>(leftParts.Count + rightParts.Count);
        foreach (var part in new[] { leftParts, rightParts })
        {
            var (columnLeft, columnRight) = (part.Min(p => p.Left), part.Max(p => p.Right));
            result.AddRange(part.Select(p => p.InColumn(columnLeft, columnRight)));
        }
        return (result, end);
    }

    /// <summary>
    /// Running text: at least three lines reach the column's right edge (within a character and a half), and the lines
    /// are of one piece (four in five without a gap of two characters; the cells of a table row have such gaps).
    /// </summary>
    private static bool Prose(List<PdfLine> column) =>
        column.Count >= 3 && column.Count(l => l.Right >= column.Max(c => c.Right) - l.FontSize * 1.5) >= 3
        && column.Count(l => l.Segments.Count == 1) * 5 >= column.Count * 4;

    private static List<(double Left, double Right)> Subtract(List<(double Left, double Right)> strips, List<PdfGlyph> glyphs)
    {
        var result = strips;
        foreach (var glyph in glyphs)
        {
            if (!result.Any(s => glyph.Right > s.Left && glyph.Left < s.Right)) continue;
            var next = new List<(double, double)>();
            foreach (var (l, r) in result)
            {
                if (glyph.Right <= l || glyph.Left >= r) { next.Add((l, r)); continue; }
                if (glyph.Left > l) next.Add((l, glyph.Left));
                if (glyph.Right < r) next.Add((glyph.Right, r));
            }
            result = next;
        }
        return result;
    }
}
