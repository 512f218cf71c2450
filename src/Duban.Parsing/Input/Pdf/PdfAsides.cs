namespace Duban.Parsing.Input.Pdf;

/// <summary>
/// Sidebars and text boxes: blocks of text placed beside or inside the body of a page (a 链接 note at the side, a
/// framed 专栏 box) that a person reads as a block of their own, not line by line with the body beside them. A text box
/// is a rectangle of rules round text that is no table (<see cref="PdfFrame"/>); a sidebar without a frame is found by its gutter
/// (<see cref="PdfColumns"/>). Each block is given after the paragraph of the body it stands beside — the one beside
/// its top, where a layout program anchors it (<see cref="Place"/>) — its lines with the block's margins, so they are joined
/// among themselves and never to the body.
/// </summary>
/// <remarks>
/// Written by hand on the lines the reader builds, rather than with PdfPig's page segmenters and reading-order
/// detector, because on the samples here they do not do the job: <c>DocstrumBoundingBoxes</c> (words from
/// <c>NearestNeighbourWordExtractor</c>) finds the sidebar of samples/pdf/sidebar.pdf as a block of its own, but
/// <c>UnsupervisedReadingOrderDetector</c> puts it before the page's title; it makes the box of text-boxes.pdf and the
/// body beside it one block, line by line across both, and the four columns of four-columns.pdf one block read across
/// the page. <c>RecursiveXYCut</c> makes sidebar and body one block (no gutter runs the page's height). Nor do they know
/// a ruled table, which the rest of this reader must still see line by line.
/// </remarks>
internal static class PdfAsides
{
    /// <summary>A text box: its lines (with the box's margins and a block number) and the top and bottom of its frame.</summary>
    internal sealed record Box(List<PdfLine> Lines, double Top, double Bottom);

    /// <summary>
    /// Takes the text boxes out of the page: the glyphs inside a frame become the box's lines; the lines beside it
    /// keep their other glyphs, with their own margins for joining (a body narrowed by the box).
    /// </summary>
    public static (List<PdfLine> Lines, List<Box> Boxes) Boxes(List<PdfLine> lines, List<PdfFrame> frames, int firstAside)
    {
        if (frames.Count == 0) return (lines, []);
        var boxes = new List<Box>();
        var body = lines;
        var aside = firstAside;
        foreach (var grid in frames)
        {
            var inside = new List<PdfLine>();
            var beside = new List<PdfLine>();
            var rest = new List<PdfLine>(body.Count);
            foreach (var line in body)
            {
                // Beside the frame: its middle between the frame's top and bottom (a line of the body alone included).
                var y = PdfGrid.Middle(line);
                if (!(y < grid.Top && y > grid.Bottom))
                {
                    if (WrapsBelow(line, grid)) beside.Add(line);
                    rest.Add(line);
                    continue;
                }
                var (inGlyphs, outGlyphs) = (line.Glyphs.Where(g => g.Center > grid.Left && g.Center < grid.Right).ToList(),
                                             line.Glyphs.Where(g => !(g.Center > grid.Left && g.Center < grid.Right)).ToList());
                if (inGlyphs.Count > 0 && PdfLine.Of(inGlyphs, line) is { } part) inside.Add(part);
                if (outGlyphs.Count == 0) continue;
                if (inGlyphs.Count == 0) { beside.Add(line); rest.Add(line); continue; }
                if (PdfLine.Of(outGlyphs, line) is { } other) { beside.Add(other); rest.Add(other); }
            }
            // A frame round all the page's text (a page border) changes nothing.
            if (inside.Count == 0 || rest.Count == 0) continue;
            if (beside.Count > 0)
            {
                // The body beside the box is narrower than the page: its lines are joined at its own margins.
                var (left, right) = (beside.Min(l => l.Left), beside.Max(l => l.Right));
                for (var i = 0; i < rest.Count; i++)
                    if (beside.Contains(rest[i])) rest[i] = rest[i].InColumn(left, right);
            }
            var (boxLeft, boxRight) = (inside.Min(l => l.Left), inside.Max(l => l.Right));
            var number = aside++;
            boxes.Add(new Box(inside.Select(l => l.InColumn(boxLeft, boxRight, number)).ToList(), grid.Top, grid.Bottom));
            body = rest;
        }
        return (body, boxes);
    }

    /// <summary>
    /// A body line under a frame's bottom that the layout program still set beside it: text flows round a frame while
    /// any of the line's height is beside it, so the first line below may stand a little lower than the frame's bottom
    /// and still be cut short at the frame's side. Its em box (from the baseline up by the font size, a Chinese
    /// character's height with the ascent above it) reaches above the frame's bottom and none of its glyphs stand
    /// under the frame: it is joined at the body's narrowed margins, like the lines beside the frame.
    /// </summary>
    private static bool WrapsBelow(PdfLine line, PdfFrame frame) =>
        PdfGrid.Middle(line) <= frame.Bottom && line.Baseline + line.FontSize > frame.Bottom
        && line.Glyphs.All(g => g.Right <= frame.Left || g.Left >= frame.Right);

    /// <summary>
    /// The page's lines in reading order with every block where a person reads it: a box is put after the first body
    /// line beside it (or, with nothing beside it, after the last line above it); then every block (box or sidebar)
    /// is moved on past the body lines that go on the paragraph it interrupts, to where that paragraph ends.
    /// </summary>
    public static List<PdfLine> Place(List<PdfLine> lines, List<Box> boxes)
    {
        if (boxes.Count == 0 && lines.All(l => l.Aside == 0)) return lines;
        var ordered = new List<PdfLine>(lines);
        foreach (var box in boxes.OrderByDescending(b => b.Top))
        {
            var anchor = -1;
            for (var i = 0; i < ordered.Count; i++)
            {
                if (ordered[i].Aside != 0) continue;
                var middle = PdfGrid.Middle(ordered[i]);
                if (middle < box.Top && middle > box.Bottom) { anchor = i; break; }
            }
            if (anchor < 0)
                for (var i = 0; i < ordered.Count; i++)
                    if (ordered[i].Aside == 0 && PdfGrid.Middle(ordered[i]) >= box.Top) anchor = i;
            // After the other blocks already placed there, so two boxes stand in the order of the page.
            var at = anchor + 1;
            while (at < ordered.Count && ordered[at].Aside != 0) at++;
            ordered.InsertRange(at, box.Lines);
        }

        var body = ordered.Where(l => l.Aside == 0 && l.ColumnLeft is null && l.Segments.Count == 1).ToList();
        var leftMargin = body.Count > 0 ? body.Min(l => l.Left) : ordered.Min(l => l.Left);
        var rightMargin = ordered.Where(l => l.Aside == 0).Select(l => l.Right).DefaultIfEmpty(ordered.Max(l => l.Right)).Max();
        var result = new List<PdfLine>(ordered.Count);
        var held = new List<PdfLine>();
        PdfLine? lastBody = null;
        foreach (var line in ordered)
        {
            if (line.Aside != 0) { held.Add(line); continue; }
            if (held.Count > 0 && !(lastBody is not null && GoesOn(lastBody, line, leftMargin, rightMargin)))
            {
                result.AddRange(held);
                held.Clear();
            }
            result.Add(line);
            lastBody = line;
        }
        result.AddRange(held);
        return result;
    }

    /// <summary>
    /// Whether a body line goes on the paragraph of the body line before it: the rule of <see cref="PdfParagraphs"/>
    /// for wrapped lines (the one before reaches its right margin, this one starts at its left margin, in the same
    /// size), on lines of one piece (a table row is not a paragraph).
    /// </summary>
    private static bool GoesOn(PdfLine previous, PdfLine line, double leftMargin, double rightMargin) =>
        previous.Segments.Count == 1 && line.Segments.Count == 1
        && previous.Right >= (previous.ColumnRight ?? rightMargin) - previous.FontSize * 2.5
        && line.StartsAt(line.ColumnLeft ?? leftMargin)
        && Math.Abs(previous.FontSize - line.FontSize) < 1;
}

/// <summary>
/// A frame round a text box: two horizontal rules of the same extent, one above the other, joined at both ends by
/// vertical rules that run from one to the other (a rule under the box's title, between them, is part of the box). A
/// frame that overlaps a ruled table's grid is the table's border, not a box.
/// </summary>
internal sealed record PdfFrame(double Left, double Right, double Top, double Bottom)
{
    private const double Tolerance = 2;

    /// <summary>Most horizontal rules of a page looked at for frames (each pair is compared).</summary>
    private const int MaxRules = 200;

    /// <summary>Whether a line stands inside the frame (its middle between top and bottom, some of it between the sides).</summary>
    public bool Holds(PdfLine line)
    {
        var y = PdfGrid.Middle(line);
        return y < Top && y > Bottom && line.Right > Left && line.Left < Right;
    }

    public static List<PdfFrame> Find(IReadOnlyList<PdfRule> vertical, IReadOnlyList<PdfHorizontalRule> horizontal, IReadOnlyList<PdfGrid> grids)
    {
        var frames = new List<PdfFrame>();
        if (vertical.Count < 2 || horizontal.Count < 2 || horizontal.Count > MaxRules) return frames;
        // A side may be drawn in pieces (LibreOffice starts a frame's outline half-way along its bottom): pieces on
        // one line that touch are one rule.
        var tops = new List<PdfHorizontalRule>();
        foreach (var h in horizontal.OrderByDescending(h => h.Y).ThenBy(h => h.Left))
        {
            if (tops.Count > 0 && Math.Abs(tops[^1].Y - h.Y) < Tolerance && h.Left <= tops[^1].Right + Tolerance)
                tops[^1] = tops[^1] with { Right = Math.Max(tops[^1].Right, h.Right) };
            else tops.Add(h);
        }
        foreach (var top in tops)
        {
            if (frames.Any(f => top.Y <= f.Top + Tolerance && top.Y >= f.Bottom - Tolerance && top.Left < f.Right && top.Right > f.Left)) continue;
            PdfFrame? frame = null;
            foreach (var bottom in tops)
            {
                if (bottom.Y > top.Y - 10 || Math.Abs(bottom.Left - top.Left) > Tolerance * 2 || Math.Abs(bottom.Right - top.Right) > Tolerance * 2) continue;
                bool Side(double x) => vertical.Any(v => Math.Abs(v.X - x) <= Tolerance * 2 && v.Bottom <= bottom.Y + Tolerance && v.Top >= top.Y - Tolerance);
                if (Side(top.Left) && Side(top.Right)) frame = new PdfFrame(top.Left, top.Right, top.Y, bottom.Y);
            }
            if (frame is null || frame.Right - frame.Left < 20) continue;
            if (grids.Any(g => g.Left < frame.Right && g.Right > frame.Left && g.Bottom < frame.Top && g.Top > frame.Bottom)) continue;
            // No vertical rule inside: a frame cut into columns is a table.
            if (vertical.Any(v => v.X > frame.Left + Tolerance * 2 && v.X < frame.Right - Tolerance * 2 && v.Bottom < frame.Top - Tolerance && v.Top > frame.Bottom + Tolerance)) continue;
            frames.Add(frame);
        }
        return frames;
    }
}
