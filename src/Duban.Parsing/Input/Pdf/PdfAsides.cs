namespace Duban.Parsing.Input.Pdf;

/// <summary>
/// Sidebars and text boxes: blocks of text placed beside or inside the body of a page (a 链接 note at the side, a
/// framed 专栏 box) that a person reads as a block of their own, not line by line with the body beside them. A text box
/// is a rectangle of rules round text that is no table (<see cref="PdfFrame"/>); a sidebar without a frame is found by its gutter
/// (<see cref="PdfColumns"/>). Each block is given after the paragraph of the body it stands beside — the one beside
/// its top, where a layout program anchors it (<see cref="Place"/>) — its lines with the block's margins, so they are joined
/// among themselves and never to the body. A box shaded without rules is a box too; a body line on both sides of a box
/// is one line read across it; a block beside a paragraph that goes on over a page break follows the paragraph's end
/// on the next page, joined to its continuation there (<see cref="AcrossPages"/>).
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
            // A box over the gutter of a page in columns: the lines beside it are pieces of two columns, not one line
            // the box cuts; they are read by the columns, each at the margins the box narrows it to.
            var gutter = OverGutter(body, grid);
            var inside = new List<PdfLine>();
            var beside = new List<PdfLine>();
            var rest = new List<PdfLine>(body.Count);
            foreach (var line in body)
            {
                // Beside the frame: its middle between the frame's top and bottom (a line of the body alone included).
                var y = PdfGrid.Middle(line);
                if (!(y < grid.Top && y > grid.Bottom))
                {
                    // The line just above the box may be cut short by it too (the box's own margin above its border):
                    // its baseline is less than a character above the border and none of its glyphs stands over the box.
                    if (y >= grid.Top && line.Baseline < grid.Top + line.FontSize && line.Glyphs.All(g => g.Right <= grid.Left || g.Left >= grid.Right))
                    {
                        var marked = gutter ? line.BesideBox(grid.Top) : Across(line.Glyphs, line, grid) ?? line;
                        beside.Add(marked);
                        rest.Add(marked);
                    }
                    else if (WrapsBelow(line, grid))
                    {
                        var wrapped = gutter ? line.BesideBox(grid.Top) : Across(line.Glyphs, line, grid) ?? line;
                        beside.Add(wrapped);
                        rest.Add(wrapped);
                    }
                    else rest.Add(line);
                    continue;
                }
                var (inGlyphs, outGlyphs) = (line.Glyphs.Where(g => g.Center > grid.Left && g.Center < grid.Right).ToList(),
                                             line.Glyphs.Where(g => !(g.Center > grid.Left && g.Center < grid.Right)).ToList());
                if (inGlyphs.Count > 0 && PdfLine.Of(inGlyphs, line) is { } part) inside.Add(part);
                if (outGlyphs.Count == 0) continue;
                // The body on both sides of the box: one line, left piece then right.
                if (gutter)
                {
                    if (PdfLine.Of(outGlyphs, line) is { } piece) { var marked = piece.BesideBox(grid.Top); beside.Add(marked); rest.Add(marked); }
                    continue;
                }
                if (Across(outGlyphs, line, grid) is { } across)
                {
                    beside.Add(across);
                    rest.Add(across);
                    continue;
                }
                if (inGlyphs.Count == 0) { beside.Add(line); rest.Add(line); continue; }
                if (PdfLine.Of(outGlyphs, line) is { } other) { beside.Add(other); rest.Add(other); }
            }
            // A frame round all the page's text (a page border) changes nothing.
            if (inside.Count == 0 || rest.Count == 0) continue;
            if (beside.Count > 0 && !gutter)
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
    /// A body line beside a box standing in the middle of the text, the body running on both sides of it (a layout
    /// program's 环绕 on both sides): the glyphs left of the box and those right of it are one line, read left piece
    /// then right piece (<see cref="PdfLine.Bridged"/>), not two columns. The body wraps close round the box on both
    /// sides (within a character and a half of it, two and a half past a punctuation mark, whose ink stands in half its
    /// box): text further off, as the next column of a page in two columns beyond its gutter, is no piece of the same
    /// line. Null when the glyphs are not so on both sides.
    /// </summary>
    private static PdfLine? Across(List<PdfGlyph> glyphs, PdfLine line, PdfFrame frame)
    {
        var left = glyphs.Where(g => g.Center <= frame.Left).ToList();
        var right = glyphs.Where(g => g.Center >= frame.Right).ToList();
        if (left.Count == 0 || right.Count == 0 || left.Count + right.Count != glyphs.Count) return null;
        if (frame.Left - left[^1].Right > Near(left[^1]) || right[0].Left - frame.Right > Near(right[0])) return null;
        return PdfLine.Bridged(left, right, line);

        // A full-width sign's ink fills half its box or less (。，；） at the left, （“ at the right): a character more.
        double Near(PdfGlyph glyph) => line.FontSize * (glyph.Value is [var c] && char.IsPunctuation(c) ? 2.5 : 1.5);
    }

    /// <summary>
    /// Whether a box stands over the gutter of a page in columns: above it or below it, on two lines or more next to
    /// it (up to four), a strip inside the box's width at least half a character wide is free of text — the gutter
    /// the box is set over. In one column of text the lines above and below a box run across its width.
    /// </summary>
    private static bool OverGutter(List<PdfLine> lines, PdfFrame frame)
    {
        var (above, below) = (new List<PdfLine>(), new List<PdfLine>());
        foreach (var line in lines)
        {
            if (line.Right <= frame.Left || line.Left >= frame.Right) continue;
            var y = PdfGrid.Middle(line);
            if (y >= frame.Top) { above.Add(line); if (above.Count > 4) above.RemoveAt(0); }
            else if (y <= frame.Bottom && !WrapsBelow(line, frame) && below.Count < 4) below.Add(line);
        }
        return Free(above) || Free(below);

        bool Free(List<PdfLine> side)
        {
            if (side.Count < 2) return false;
            List<(double Left, double Right)> free = [(frame.Left, frame.Right)];
            foreach (var line in side) free = FreeStrips.Subtract(free, line.Cover());
            return free.Any(s => s.Right - s.Left >= side[0].FontSize * 0.5 && s.Left > frame.Left && s.Right < frame.Right);
        }
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
    /// Blocks over a page break. A block (box or sidebar) that stands beside a paragraph going on over the page break
    /// is left at the page's end by <see cref="Place"/>, inside that paragraph: it is moved on to the next page, after
    /// the body lines there that go on the paragraph, keeping the page it was read from. There, a block starting
    /// right after them on the same side of the text, in the same type and of the same width within a character and
    /// a half, is its continuation (a box carried on into the next page's box, a sidebar running on): the two are
    /// one block, joined as wrapped lines.
    /// </summary>
    public static void AcrossPages(List<List<PdfLine>> pages, IReadOnlyList<int> numbers)
    {
        for (var n = 0; n + 1 < pages.Count; n++)
        {
            var (lines, next) = (pages[n], pages[n + 1]);
            var lastBody = lines.FindLastIndex(l => l.Aside == 0);
            if (lastBody < 0 || lastBody == lines.Count - 1) continue;
            var firstBody = next.FindIndex(l => l.Aside == 0);
            if (firstBody < 0) continue;
            var margins = Margins(next);
            if (!GoesOn(lines[lastBody], next[firstBody], margins.Left, Margins(lines).Right))
            {
                JoinAtTop(lines, next, numbers[n + 1]);
                continue;
            }

            var end = firstBody;
            while (end + 1 < next.Count && next[end + 1].Aside == 0 && GoesOn(next[end], next[end + 1], margins.Left, margins.Right)) end++;
            var moved = lines.GetRange(lastBody + 1, lines.Count - lastBody - 1);
            lines.RemoveRange(lastBody + 1, moved.Count);

            // Numbers of the next page's own blocks are kept; the moved blocks take new ones, but for the last, which
            // takes the number of the block it runs on into.
            var fresh = next.Select(l => l.Aside).DefaultIfEmpty(0).Max() + 1;
            var numbering = new Dictionary<int, int>();
            foreach (var aside in moved.Select(l => l.Aside).Distinct()) numbering[aside] = fresh++;
            var last = moved[^1];
            if (end + 1 < next.Count && next[end + 1] is { Aside: not 0 } following
                && Math.Abs(following.FontSize - last.FontSize) < 1
                && Math.Abs((following.ColumnLeft ?? following.Left) - (last.ColumnLeft ?? last.Left)) <= last.FontSize * 1.5
                && Math.Abs((following.ColumnRight ?? following.Right) - (last.ColumnRight ?? last.Right)) <= last.FontSize * 1.5)
                numbering[last.Aside] = following.Aside;
            next.InsertRange(end + 1, moved.Select(l => l.OnPage(numbers[n], numbering[l.Aside])));
        }
    }

    /// <summary>
    /// A block at the foot of a page carried on at the top of the next, where the paragraph beside it does not go on
    /// over the break (the next page starts with a heading or a new paragraph): the page's lowest block reaches the
    /// foot of its text (its last line within two and a half characters of the page's lowest line) and its last line
    /// its right edge (the text goes on); the next page's highest block starts at the top of its text (within two and
    /// a half characters of its highest line), on the same side, in the same type and as wide within a character and
    /// a half. Its lines are read right after the first block's, as one block; they keep the page they were read from.
    /// </summary>
    private static void JoinAtTop(List<PdfLine> lines, List<PdfLine> next, int nextNumber)
    {
        var blocks = lines.Where(l => l.Aside != 0).ToList();
        var following = next.Where(l => l.Aside != 0).ToList();
        if (blocks.Count == 0 || following.Count == 0) return;
        var last = blocks.MinBy(l => l.Baseline)!;
        var first = following.MaxBy(l => l.Baseline)!;
        var size = last.FontSize;
        if (last.Baseline > lines.Min(l => l.Baseline) + size * 2.5 || first.Baseline < next.Max(l => l.Baseline) - size * 2.5) return;
        if (last.Right < (last.ColumnRight ?? last.Right) - size * 1.5 || Math.Abs(first.FontSize - size) >= 1) return;
        if (Math.Abs((first.ColumnLeft ?? first.Left) - (last.ColumnLeft ?? last.Left)) > size * 1.5
            || Math.Abs((first.ColumnRight ?? first.Right) - (last.ColumnRight ?? last.Right)) > size * 1.5) return;
        var carried = next.Where(l => l.Aside == first.Aside).ToList();
        next.RemoveAll(l => l.Aside == first.Aside);
        var at = lines.FindLastIndex(l => l.Aside == last.Aside) + 1;
        lines.InsertRange(at, carried.Select(l => l.OnPage(nextNumber, last.Aside)));
    }

    /// <summary>A page's body margins as <see cref="Place"/> takes them: the leftmost line of one piece, the rightmost body line.</summary>
    private static (double Left, double Right) Margins(List<PdfLine> lines)
    {
        var body = lines.Where(l => l.Aside == 0 && l.ColumnLeft is null && l.Segments.Count == 1).ToList();
        var left = body.Count > 0 ? body.Min(l => l.Left) : lines.Min(l => l.Left);
        var right = lines.Where(l => l.Aside == 0).Select(l => l.Right).DefaultIfEmpty(lines.Max(l => l.Right)).Max();
        return (left, right);
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

    public static List<PdfFrame> Find(IReadOnlyList<PdfRule> vertical, IReadOnlyList<PdfHorizontalRule> horizontal, IReadOnlyList<PdfGrid> grids,
        IReadOnlyList<PdfShade> shades, IReadOnlyList<PdfLine> lines)
    {
        var frames = Ruled(vertical, horizontal, grids);
        if (shades.Count > MaxRules) return frames;
        foreach (var shade in shades)
        {
            var frame = new PdfFrame(shade.Left, shade.Right, shade.Top, shade.Bottom);
            if (frames.Any(f => f.Left < frame.Right && f.Right > frame.Left && f.Bottom < frame.Top && f.Top > frame.Bottom)) continue;
            if (grids.Any(g => g.Left < frame.Right && g.Right > frame.Left && g.Bottom < frame.Top && g.Top > frame.Bottom)) continue;
            if (IsShadedBox(frame, lines)) frames.Add(frame);
        }
        return frames;
    }

    /// <summary>
    /// A box shaded without a rule round it (a grey 专栏): a filled rectangle holding two lines of text or more, wholly
    /// inside it, running text (four lines in five of one piece, none a header line of short names) and at least eight
    /// characters wide. A shaded table cell or header row holds cells apart or a line of short names; a highlighted
    /// line holds one line.
    /// </summary>
    private static bool IsShadedBox(PdfFrame frame, IReadOnlyList<PdfLine> lines)
    {
        var (held, whole) = (0, 0);
        foreach (var line in lines)
        {
            var y = PdfGrid.Middle(line);
            if (!(y < frame.Top && y > frame.Bottom)) continue;
            var inside = line.Glyphs.Where(g => g.Center > frame.Left && g.Center < frame.Right).ToList();
            if (inside.Count == 0) continue;
            // Text running on over the shade's side (a highlighted phrase): no box.
            if (line.Glyphs.Any(g => g.Center > frame.Left - line.FontSize && g.Center < frame.Right + line.FontSize && !(g.Center > frame.Left && g.Center < frame.Right)))
                return false;
            if (frame.Right - frame.Left < line.FontSize * 8 || PdfHeaderBlock.IsHeaderLine(line)) return false;
            held++;
            if (PdfLine.Of(inside, line) is { Segments.Count: 1 }) whole++;
        }
        return held >= 2 && whole * 5 >= held * 4;
    }

    private static List<PdfFrame> Ruled(IReadOnlyList<PdfRule> vertical, IReadOnlyList<PdfHorizontalRule> horizontal, IReadOnlyList<PdfGrid> grids)
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
