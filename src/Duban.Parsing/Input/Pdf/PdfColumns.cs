namespace Duban.Parsing.Input.Pdf;

/// <summary>
/// Reading order of a page set in two or more columns. Lines are built across the whole page, so a band of columns gives
/// lines that hold a piece of each column side by side. Such a band is found by its gutters: vertical strips at least
/// half a character wide (punctuation may hang into the gutter), in the middle half of the page's text, that no glyph
/// of four or more consecutive lines covers. It is read as columns only when every column is running text — at least
/// three lines reach its right edge (wrapped prose fills its column) and four lines in five are of one piece (a table
/// row's cells are apart) — the columns are of one width, and no line is inside a ruled grid or is a table header of
/// short names. With two or more gutters the band is cut at each (three columns or more); otherwise at the widest, which
/// needs text on both sides of it on four lines or more. The band's lines are then given column by column, left first,
/// each piece with its column's margins for joining wrapped lines.
/// </summary>
internal static class PdfColumns
{
    private const int MinLines = 4;

    /// <summary>The share of the text's width at each side where no gutter is looked for (the indent of a first line is there).</summary>
    private const double Edge = 0.12;

    /// <summary>Most lines of a page looked at (a page of text has tens).</summary>
    private const int MaxLines = 2_000;

    public static List<PdfLine> Read(List<PdfLine> lines, IReadOnlyList<PdfGrid> grids, int firstAside = 1)
    {
        if (lines.Count < MinLines || lines.Count > MaxLines) return lines;
        var body = lines.Where(l => !grids.Any(g => g.Holds(l))).ToList();
        if (body.Count < MinLines) return lines;
        var left = body.Min(l => l.Left);
        var right = body.Max(l => l.Right);
        // Gutters are looked for in the text's width less an eighth at each side: a page of four columns has its
        // outer gutters at a quarter from each edge, a sidebar a fifth of the width wide its gutter a fifth from one.
        var (from, to) = (left + (right - left) * Edge, right - (right - left) * Edge);
        var aside = firstAside;

        var result = new List<PdfLine>(lines.Count);
        var i = 0;
        while (i < lines.Count)
        {
            var (band, end) = Band(lines, i, from, to, grids, (left, right), aside);
            if (band is not null)
            {
                result.AddRange(band);
                if (band.Any(l => l.Aside != 0)) aside++;
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
    /// The band of columns starting at line <paramref name="start"/>, read column by column, or null; and where the
    /// free strip closed (the end of the band, or of the lines looked at).
    /// </summary>
    private static (List<PdfLine>? Lines, int End) Band(List<PdfLine> lines, int start, double from, double to, IReadOnlyList<PdfGrid> grids,
        (double Left, double Right) text, int aside)
    {
        // The free strips of the middle zone, narrowed line by line while at least one a character wide is left.
        List<(double Left, double Right)> free = [(from, to)];
        var end = start;
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            if (grids.Any(g => g.Holds(line)) || PdfHeaderBlock.IsHeaderLine(line)) break;
            var narrowed = FreeStrips.Subtract(free, line.Cover());
            var wide = narrowed.Where(s => s.Right - s.Left >= line.FontSize * 0.5).ToList();
            if (wide.Count == 0) break;
            free = wide;
            end = i + 1;
        }
        if (end - start < 2) return (null, end);
        var band = lines.GetRange(start, end - start);
        // Two or three lines: only a sidebar in smaller type than the body beside it (a short note).
        if (end - start < MinLines) return (Sidebar(band, free, text, aside, fewLines: true), end);
        return (Several(band, free) ?? Two(band, free) ?? Inset(band, free, text, aside, (from, to)) ?? Sidebar(band, free, text, aside, fewLines: false), end);
    }

    /// <summary>
    /// Three or more columns: every free strip with text on both sides on four lines or more is a gutter. Each column
    /// must be running text (<see cref="Prose"/>) and the columns of one width (<see cref="OneWidth"/>). Lines at the top
    /// of the band centred on the page within one column — a 文号 or a subtitle over the columns — stay above them.
    /// </summary>
    private static List<PdfLine>? Several(List<PdfLine> band, List<(double Left, double Right)> free)
    {
        var gutters = free.Where(s => band.Count(l => l.Glyphs[0].Center < s.Left) >= MinLines && band.Count(l => l.Glyphs[^1].Center > s.Right) >= MinLines)
            .OrderBy(s => s.Left).ToList();
        if (gutters.Count < 2) return null;
        var cuts = gutters.Select(g => (g.Left + g.Right) / 2).ToArray();
        var (textLeft, textRight) = (band.Min(l => l.Left), band.Max(l => l.Right));
        var lead = 0;
        while (lead < band.Count && Math.Abs((band[lead].Left + band[lead].Right) / 2 - (textLeft + textRight) / 2) <= band[lead].FontSize
               && Column(band[lead].Glyphs[0], cuts) == Column(band[lead].Glyphs[^1], cuts)) lead++;

        var parts = Enumerable.Range(0, cuts.Length + 1).Select(_ => new List<PdfLine>()).ToList();
        foreach (var line in band.Skip(lead))
            foreach (var group in line.Glyphs.GroupBy(g => Column(g, cuts)))
                if (Part(group.ToList(), line) is { } part) parts[group.Key].Add(part);
        if (!parts.All(Prose) || !OneWidth(parts)) return null;

        var result = band.Take(lead).ToList();
        foreach (var part in parts) result.AddRange(WithMargins(part));
        return result;

        static int Column(PdfGlyph glyph, double[] cuts)
        {
            var k = 0;
            while (k < cuts.Length && glyph.Center >= cuts[k]) k++;
            return k;
        }
    }

    /// <summary>Two columns: the widest free strip is the gutter, with text on both sides of it on four lines or more.</summary>
    private static List<PdfLine>? Two(List<PdfLine> band, List<(double Left, double Right)> free)
    {
        var (gutterLeft, gutterRight) = free.MaxBy(s => s.Right - s.Left);
        var middle = (gutterLeft + gutterRight) / 2;
        var both = band.Count(l => l.Glyphs[0].Center < middle && l.Glyphs[^1].Center > middle);
        if (both < MinLines) return null;
        var leftParts = new List<PdfLine>();
        var rightParts = new List<PdfLine>();
        foreach (var line in band)
        {
            var (l, r) = (line.Glyphs.Where(g => g.Center < middle).ToList(), line.Glyphs.Where(g => g.Center >= middle).ToList());
            if (l.Count > 0 && Part(l, line) is { } lp) leftParts.Add(lp);
            if (r.Count > 0 && Part(r, line) is { } rp) rightParts.Add(rp);
        }
        if (!Prose(leftParts) || !Prose(rightParts) || !OneWidth([leftParts, rightParts])) return null;

        var result = new List<PdfLine>(leftParts.Count + rightParts.Count);
        result.AddRange(WithMargins(leftParts));
        result.AddRange(WithMargins(rightParts));
        return result;
    }

    /// <summary>A line of some of a line's glyphs (<see cref="PdfLine.Of"/>), still marked as beside a box if the line was.</summary>
    private static PdfLine? Part(List<PdfGlyph> glyphs, PdfLine line) =>
        PdfLine.Of(glyphs, line) is { } part ? line.Beside is { } top ? part.BesideBox(top) : part : null;

    /// <summary>
    /// A column's lines with the column's margins for joining wrapped lines; those beside a box set over the gutter
    /// (<see cref="PdfLine.Beside"/>) with the margins of the column's lines beside that box, which it narrows.
    /// </summary>
    private static IEnumerable<PdfLine> WithMargins(List<PdfLine> part)
    {
        var (columnLeft, columnRight) = (part.Min(p => p.Left), part.Max(p => p.Right));
        foreach (var p in part)
        {
            if (p.Beside is not { } top) { yield return p.InColumn(columnLeft, columnRight); continue; }
            var (left, right) = (double.MaxValue, double.MinValue);
            foreach (var q in part)
                if (q.Beside == top) (left, right) = (Math.Min(left, q.Left), Math.Max(right, q.Right));
            yield return p.InColumn(left, right);
        }
    }

    /// <summary>
    /// A sidebar: a narrow block beside the body (a 链接 note, a column of remarks) that is not a column of one width
    /// with it. Tried at each free strip, widest first: the lines' glyphs on either side of it; the wider side is the
    /// body when it is running text (<see cref="Prose"/>) and keeps to the text's edge on its outer side; the narrower
    /// is the sidebar when it is at most three fifths of the body's width, at least four characters wide, of one piece
    /// and one block (no line more than 2.5 of its characters below the one above: the labels of a two-column table
    /// beside wrapped values stand apart). The body's lines are given with their margins, then the sidebar's, as a
    /// block of its own after the first body line beside its top (<see cref="PdfAsides"/> moves it on to the end of that
    /// line's paragraph).
    /// </summary>
    private static List<PdfLine>? Sidebar(List<PdfLine> band, List<(double Left, double Right)> free, (double Left, double Right) text, int aside, bool fewLines)
    {
        foreach (var (gutterLeft, gutterRight) in free.OrderByDescending(s => s.Right - s.Left))
        {
            var middle = (gutterLeft + gutterRight) / 2;
            var leftParts = new List<PdfLine>();
            var rightParts = new List<PdfLine>();
            foreach (var line in band)
            {
                var (l, r) = (line.Glyphs.Where(g => g.Center < middle).ToList(), line.Glyphs.Where(g => g.Center >= middle).ToList());
                if (l.Count > 0 && PdfLine.Of(l, line) is { } lp) leftParts.Add(lp);
                if (r.Count > 0 && PdfLine.Of(r, line) is { } rp) rightParts.Add(rp);
            }
            if (leftParts.Count < 2 || rightParts.Count < 2) continue;
            var bodyOnLeft = Width(leftParts) >= Width(rightParts);
            var (body, side) = bodyOnLeft ? (leftParts, rightParts) : (rightParts, leftParts);
            var size = body[0].FontSize;
            // A note in smaller type than the body beside it may stand beside two or three of its lines: its type sets
            // it apart where its height does not (the labels of a table beside their values are in the body's type).
            var smaller = Median(side) <= Median(body) - 0.5;
            if (!smaller && (fewLines || leftParts.Count < 3 || rightParts.Count < 3)) continue;
            if (Width(side) > Width(body) * 0.6 || Width(side) < side[0].FontSize * 4) continue;
            if (bodyOnLeft ? body.Min(l => l.Left) > text.Left + size * 2.5 : body.Max(l => l.Right) < text.Right - size * 2.5) continue;
            if (!(Prose(body) || smaller && Wrapped(body)) || !OneBlock(side)) continue;

            var (bodyLeft, bodyRight) = (body.Min(p => p.Left), body.Max(p => p.Right));
            var (sideLeft, sideRight) = (side.Min(p => p.Left), side.Max(p => p.Right));
            // The sidebar after the first body line beside its top: it belongs with the paragraph it starts beside.
            var first = body.FindIndex(p => p.Baseline <= side[0].Top);
            if (first < 0) first = body.Count - 1;
            var result = body.Take(first + 1).Select(p => p.InColumn(bodyLeft, bodyRight)).ToList();
            result.AddRange(side.Select(p => p.InColumn(sideLeft, sideRight, aside)));
            result.AddRange(body.Skip(first + 1).Select(p => p.InColumn(bodyLeft, bodyRight)));
            return result;
        }
        return null;
    }

    private static double Width(List<PdfLine> part) => part.Max(l => l.Right) - part.Min(l => l.Left);

    private static double Median(List<PdfLine> part) => part.Select(l => l.FontSize).Order().ElementAt(part.Count / 2);

    /// <summary>A block of one piece: four lines in five without a gap, none more than 2.5 of its characters below the one above.</summary>
    private static bool OneBlock(List<PdfLine> side) =>
        side.Count(l => l.Segments.Count == 1) * 5 >= side.Count * 4
        && side.Zip(side.Skip(1)).All(p => p.First.Baseline - p.Second.Baseline <= p.Second.FontSize * 2.5);

    /// <summary>
    /// Body text wrapped round a short note: two lines or more reach the body's right edge (within a character and a
    /// half) and four lines in five are of one piece. <see cref="Prose"/> asks three, which a note beside two or three
    /// lines — the last a paragraph's end — does not give.
    /// </summary>
    private static bool Wrapped(List<PdfLine> body) =>
        body.Count(l => l.Right >= body.Max(c => c.Right) - l.FontSize * 1.5) >= 2
        && body.Count(l => l.Segments.Count == 1) * 5 >= body.Count * 4;

    /// <summary>
    /// A note set in the middle of the text, the body running on both sides of it (a layout program's 环绕 on both
    /// sides, without rule or shading): two free strips, the block between them and body text left and right. The
    /// middle is the note when it is one block (<see cref="OneBlock"/>), at least four characters wide and at most three
    /// fifths of the text's width, on two lines or more, in smaller type than the body or on baselines of its own (half
    /// its lines or more: the middle column of a table without rules stands on its rows' baselines); the body's left pieces start at the text's left edge and two
    /// or more reach the first strip (within a character and a half), its right pieces start after the second strip,
    /// two or more right at it, two or more reach the text's right edge, six characters or more from the strip. Each body line is then one line read
    /// left piece then right piece (<see cref="PdfLine.Bridged"/>), as across a framed box; the note is a block of its
    /// own after the first body line beside its top.
    /// </summary>
    private static List<PdfLine>? Inset(List<PdfLine> band, List<(double Left, double Right)> free, (double Left, double Right) text, int aside,
        (double Left, double Right) zone)
    {
        // The band may start with the last line of the paragraph above, short of the note's far side (the strip left
        // of the note is covered by it): the lines beside the note are tried without up to two such lines too.
        for (var skip = 0; skip <= 2 && band.Count - skip >= MinLines; skip++)
        {
            var lines = band.GetRange(skip, band.Count - skip);
            var strips = skip == 0 ? free : lines.Aggregate(new List<(double Left, double Right)> { zone },
                (strip, line) => FreeStrips.Subtract(strip, line.Cover()));
            strips = strips.Where(s => s.Right - s.Left >= lines[0].FontSize * 0.5).OrderByDescending(s => s.Right - s.Left).Take(4).OrderBy(s => s.Left).ToList();
            for (var a = 0; a < strips.Count; a++)
                for (var b = a + 1; b < strips.Count; b++)
                    if (InsetAt(lines, strips[a], strips[b], text, aside) is { } result) return [.. band.Take(skip), .. result];
        }
        return null;
    }

    private static List<PdfLine>? InsetAt(List<PdfLine> band, (double Left, double Right) first, (double Left, double Right) second,
        (double Left, double Right) text, int aside)
    {
        var (cut1, cut2) = ((first.Left + first.Right) / 2, (second.Left + second.Right) / 2);
        // Cheap test first: two lines or more with glyphs between the strips, and two or more with glyphs on each side.
        var (inMiddle, onLeft, onRight) = (0, 0, 0);
        foreach (var line in band)
        {
            if (line.Glyphs[0].Center < cut1) onLeft++;
            if (line.Glyphs[^1].Center >= cut2) onRight++;
            if (line.Glyphs.Exists(g => g.Center >= cut1 && g.Center < cut2)) inMiddle++;
        }
        if (inMiddle < 2 || onLeft < 2 || onRight < 2) return null;
        var pieces = new List<(PdfLine Line, List<PdfGlyph> Left, List<PdfGlyph> Middle, List<PdfGlyph> Right)>(band.Count);
        var (lefts, middles, rights) = (new List<PdfLine>(), new List<PdfLine>(), new List<PdfLine>());
        foreach (var line in band)
        {
            var (l, m, r) = (new List<PdfGlyph>(), new List<PdfGlyph>(), new List<PdfGlyph>());
            foreach (var g in line.Glyphs) (g.Center < cut1 ? l : g.Center < cut2 ? m : r).Add(g);
            pieces.Add((line, l, m, r));
            if (l.Count > 0 && PdfLine.Of(l, line) is { } lp) lefts.Add(lp);
            if (m.Count > 0 && PdfLine.Of(m, line) is { } mp) middles.Add(mp);
            if (r.Count > 0 && PdfLine.Of(r, line) is { } rp) rights.Add(rp);
        }
        if (middles.Count < 2 || lefts.Count < 2 || rights.Count < 2 || !OneBlock(middles)) return null;
        var bodySize = Median(lefts);
        if (Width(middles) > (text.Right - text.Left) * 0.6 || Width(middles) < middles[0].FontSize * 4) return null;
        if (lefts.Any(l => l.Left > text.Left + bodySize * 2.5 || l.Segments.Count > 1) || rights.Any(r => r.Segments.Count > 1)) return null;
        if (lefts.Count(l => l.Right >= first.Left - bodySize * 1.5) < 2) return null;
        if (rights.Count(r => r.Left <= second.Right + bodySize * 1.5) < 2 || rights.Count(r => r.Right >= text.Right - bodySize * 1.5) < 2) return null;
        // Running text on the right too (at least six characters wide), and a note set apart by its type or its own
        // baselines: the middle column of a table without rules stands on its rows' baselines, in their type.
        if (text.Right - second.Right < bodySize * 6) return null;
        var ownBaselines = middles.Count(m => !lefts.Concat(rights).Any(b => Math.Abs(b.Baseline - m.Baseline) < m.FontSize * 0.2));
        if (Median(middles) > bodySize - 0.5 && ownBaselines * 2 < middles.Count) return null;

        var body = new List<PdfLine>(band.Count);
        foreach (var (line, l, _, r) in pieces)
        {
            var piece = l.Count > 0 && r.Count > 0 ? PdfLine.Bridged(l, r, line) : PdfLine.Of(l.Count > 0 ? l : r, line);
            if (piece is not null && (l.Count > 0 || r.Count > 0)) body.Add(piece);
        }
        var (bodyLeft, bodyRight) = (body.Min(p => p.Left), body.Max(p => p.Right));
        var (noteLeft, noteRight) = (middles.Min(p => p.Left), middles.Max(p => p.Right));
        var at = body.FindIndex(p => p.Baseline <= middles[0].Top);
        if (at < 0) at = body.Count - 1;
        var result = body.Take(at + 1).Select(p => p.InColumn(bodyLeft, bodyRight)).ToList();
        result.AddRange(middles.Select(p => p.InColumn(noteLeft, noteRight, aside)));
        result.AddRange(body.Skip(at + 1).Select(p => p.InColumn(bodyLeft, bodyRight)));
        return result;
    }

    /// <summary>
    /// Running text: at least three lines reach the column's right edge (within a character and a half), and the lines
    /// are of one piece (four in five without a gap of two characters; the cells of a table row have such gaps).
    /// </summary>
    private static bool Prose(List<PdfLine> column) =>
        column.Count >= 3 && column.Count(l => l.Right >= column.Max(c => c.Right) - l.FontSize * 1.5) >= 3
        && column.Count(l => l.Segments.Count == 1) * 5 >= column.Count * 4;

    /// <summary>
    /// Columns of one width, each at least eight characters wide: the widest at most a fifth wider than the narrowest.
    /// A layout program divides the text width evenly; the columns of a table without rules (each piece of a line in
    /// one column of one piece, so they pass for prose) are as wide as what they hold.
    /// </summary>
    private static bool OneWidth(List<List<PdfLine>> parts)
    {
        var widths = parts.Select(p => p.Max(l => l.Right) - p.Min(l => l.Left)).ToList();
        return widths.Min() >= parts[0][0].FontSize * 8 && widths.Max() <= widths.Min() * 1.2;
    }
}
