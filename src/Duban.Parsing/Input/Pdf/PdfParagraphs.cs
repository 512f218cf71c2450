using Duban.Parsing.Model;

namespace Duban.Parsing.Input.Pdf;

/// <summary>
/// Writes the pages' lines as text: one line per paragraph (lines wrapped at the page width joined, also across a page
/// break), one tab-separated line per table row. Records where each page begins in the text and where each piece of
/// the text stands on its page.
/// </summary>
/// <remarks>
/// A line is wrapped into the next when it reaches the right margin (within 2.5 characters: a line cannot end in some
/// punctuation, so it may stop short) and the next line starts at the left margin (not indented), in the same font
/// size and at a normal line distance. Lines inside a ruled grid of three or more columns are a table read cell by cell
/// (<see cref="PdfGridTable"/>); otherwise a header row of three or more cells starts a table read line by line
/// (<see cref="PdfTable"/>).
/// </remarks>
internal static class PdfParagraphs
{
    public static (string Text, IReadOnlyList<int> PageStarts, IReadOnlyList<PageRegion> Regions) Write(List<PdfPageLines> pages)
    {
        var output = new List<PdfOutputLine>();
        PdfOutputLine? paragraph = null;
        PdfLine? previous = null;
        double previousRightMargin = 0;
        PdfTable? table = null;
        PdfGridTable? gridTable = null;
        var documentLeft = pages.SelectMany(p => p.Lines).Where(l => l.Segments.Count == 1).Select(l => l.Left).DefaultIfEmpty(0).Min();

        void Flush()
        {
            if (paragraph is { Text.Length: > 0 }) output.Add(paragraph);
            paragraph = null;
            previous = null;
        }

        void FlushTable()
        {
            if (table is not null) output.AddRange(table.Write());
            table = null;
            if (gridTable is not null) output.AddRange(gridTable.Write());
            gridTable = null;
        }

        var laidOut = new List<(List<PdfGrid> Grids, List<PdfLine> Lines)>(pages.Count);
        foreach (var page in pages)
        {
            var pageGrids = page.Lines.Count > 0 ? PdfGrid.Find(page.Rules, page.HorizontalRules) : [];
            // Text boxes are taken out first, the body read in columns, then every box and sidebar put where a person
            // reads it: after the paragraph beside it.
            var frames = page.Lines.Count > 0 ? PdfFrame.Find(page.Rules, page.HorizontalRules, pageGrids, page.Shades, page.Lines) : [];
            var (bodyLines, boxes) = PdfAsides.Boxes(page.Lines, frames, 1);
            laidOut.Add((pageGrids, PdfAsides.Place(PdfColumns.Read(bodyLines, pageGrids, boxes.Count + 1), boxes)));
        }
        // A block beside a paragraph that goes on over the page break is read after the paragraph's end on the next page.
        PdfAsides.AcrossPages(laidOut.Select(p => p.Lines).ToList(), pages.Select(p => p.Number).ToList());

        for (var index = 0; index < pages.Count; index++)
        {
            var page = pages[index];
            var (grids, lines) = laidOut[index];
            var body = lines.Where(l => l.Segments.Count == 1 && l.ColumnLeft is null).ToList();
            var leftMargin = LeftMargin(body, documentLeft);
            var rightMargin = lines.Count > 0 ? lines.Max(l => l.Right) : page.Width;
            var lastBaseline = double.NaN;
            var usualPitches = UsualPitches(lines);
            var bodySize = lines.Count > 0 ? lines.Select(l => l.FontSize).Order().ElementAt(lines.Count / 2) : 0;
            var pending = new Queue<PdfLine>(lines);
            var firstOfPage = true;

            while (pending.Count > 0)
            {
                var line = pending.Dequeue();
                var atTop = firstOfPage;
                firstOfPage = false;

                // A ruled grid: every line inside it is read at once, cell by cell.
                if (grids.FirstOrDefault(g => g.Holds(line)) is { } grid)
                {
                    var held = new List<PdfLine> { line };
                    while (pending.Count > 0 && grid.Holds(pending.Peek())) held.Add(pending.Dequeue());
                    var outside = new List<PdfLine>();
                    var read = false;
                    if (gridTable is not null && gridTable.TryContinue(grid, held, page.Number, outside)) read = true;
                    else if (grid.Columns >= 3 && grid.Rows >= 2 && PdfGridTable.RulesRows(grid, held))
                    {
                        Flush();
                        FlushTable();
                        gridTable = PdfGridTable.Start(grid, held, page.Number, outside);
                        read = true;
                    }
                    if (read)
                    {
                        lastBaseline = held[^1].Baseline;
                        // Text beside the grid comes after the table.
                        if (outside.Count > 0)
                        {
                            FlushTable();
                            foreach (var rest in outside) output.Add(Single(rest, page.Number));
                        }
                        continue;
                    }
                    // Not a table: the lines are read as any other, and the grid is not looked at again.
                    grids = grids.Where(g => g != grid).ToList();
                    foreach (var other in pending) held.Add(other);
                    pending = new Queue<PdfLine>(held.Skip(1));
                }
                if (gridTable is not null) FlushTable();

                if (table is not null)
                {
                    // The header repeated at the top of the next page, over one line or several: dropped.
                    if (atTop && PdfHeaderBlock.Read(lines, lines.Count - pending.Count - 1) is { } repeated && table.IsHeader(repeated))
                    {
                        // The row below it may be the one cut by the page break: no distance is measured from the header.
                        for (var k = 1; k < repeated.Count; k++) pending.Dequeue();
                        lastBaseline = double.NaN;
                        continue;
                    }
                    var pitch = double.IsNaN(lastBaseline) ? 0 : lastBaseline - line.Baseline;
                    if (pitch <= line.FontSize * 4 && table.TryAdd(line, pitch, page.Number)) { lastBaseline = line.Baseline; continue; }
                    FlushTable();
                }
                // A line of three or more cells that are not header names: a table printed without a header, when its
                // columns show in how the lines below line up.
                if (PdfTable.IsHeader(line) && !PdfHeaderBlock.IsHeaderLine(line)
                    && PdfTable.Headerless(lines, lines.Count - pending.Count - 1) is { } headerless && headerless.TryAdd(line, 0, page.Number))
                {
                    Flush();
                    table = headerless;
                    lastBaseline = line.Baseline;
                    continue;
                }
                if (PdfHeaderBlock.Read(lines, lines.Count - pending.Count - 1) is { } header)
                {
                    Flush();
                    for (var k = 1; k < header.Count; k++) pending.Dequeue();
                    table = new PdfTable(header, page.Rules, page.Number);
                    lastBaseline = header.Lines[^1].Baseline;
                    continue;
                }

                // A line aligned with typed spaces (a row of a table typed as text) is a line of its own, as typed:
                // it ends where it ends, and the next row does not go on it.
                var joins = previous is not null
                    && !previous.SpaceAligned && !line.SpaceAligned
                    && previous.Aside == line.Aside
                    && !(previous.Aside != 0 && CentredInBlock(previous))
                    && previous.Right >= previousRightMargin - previous.FontSize * 2.5
                    && line.StartsAt(line.ColumnLeft ?? leftMargin)
                    && Math.Abs(previous.FontSize - line.FontSize) < 1
                    && (double.IsNaN(lastBaseline) || lastBaseline - line.Baseline <= Math.Min(line.FontSize * 2.2, UsualPitch(usualPitches, line) + line.FontSize * 0.3));
                joins = joins || (previous is not null && TitleGoesOn(previous, line, leftMargin, rightMargin, bodySize, lastBaseline));
                if (!joins) Flush();
                paragraph ??= new PdfOutputLine();
                Append(paragraph, line, page.Number);
                previous = line;
                previousRightMargin = line.ColumnRight ?? rightMargin;
                lastBaseline = line.Baseline;
            }
        }
        Flush();
        FlushTable();
        return Assemble(output, pages.Count);
    }

    /// <summary>
    /// A title set over several centred lines (GB/T 9704: 2号 type, 回行 with the lines arranged symmetrically) is one
    /// paragraph: a centred line goes on the centred line above it when both are in the same type, larger than the
    /// page's body text, at a normal line distance. A centred line wraps short of either margin, so the rule for body
    /// lines (reach the right margin, go on at the left) does not join it.
    /// </summary>
    private static bool TitleGoesOn(PdfLine previous, PdfLine line, double leftMargin, double rightMargin, double bodySize, double lastBaseline)
    {
        if (previous.Aside != line.Aside) return false;
        if (Math.Abs(previous.FontSize - line.FontSize) >= 1 || line.FontSize < bodySize + 2) return false;
        if (double.IsNaN(lastBaseline) || lastBaseline - line.Baseline > line.FontSize * 2.2) return false;
        bool Centred(PdfLine l) =>
            l.Segments.Count == 1
            && Math.Abs((l.Left - (l.ColumnLeft ?? leftMargin)) - ((l.ColumnRight ?? rightMargin) - l.Right)) <= l.FontSize * 0.75;
        return Centred(previous) && Centred(line) && !IsDocNumberLine(line);
    }

    /// <summary>
    /// A line centred in a sidebar or text box with a character or more free at its left (the block's title,
    /// 专栏1：…, 链接：…): in a block a dozen characters wide it comes within the 2.5 characters of the right edge that a
    /// wrapped line may stop short by, yet it is not wrapped. The block's right edge is that of its longest line, which
    /// may stop short of the block's side by up to a character (no further character fits): a title centred between
    /// the sides has up to a character less free at the right than at the left, and at least half a character.
    /// </summary>
    private static bool CentredInBlock(PdfLine line)
    {
        var (before, after) = (line.Left - (line.ColumnLeft ?? line.Left), (line.ColumnRight ?? line.Right) - line.Right);
        return before >= line.FontSize && after >= line.FontSize * 0.5 && before - after <= line.FontSize && after - before <= line.FontSize * 0.75;
    }

    /// <summary>
    /// A line that is a 发文字号 and nothing else (庆政发〔2021〕13号, centred under the title in some documents, and in the
    /// title's type in some prints): GB/T 9704 sets it on a line of its own, so it never continues a title.
    /// </summary>
    private static bool IsDocNumberLine(PdfLine line)
    {
        var text = line.Text.Trim();
        return Metadata.DocNumberReader.First(text) is { } number && number.Index == 0 && number.Length >= text.Length - 1;
    }

    /// <summary>
    /// Where the page's lines begin when not indented: the leftmost line of one column. On a page where every paragraph
    /// is one line (a list of short items, a table flattened one cell per line) every line is indented, and the
    /// leftmost is a paragraph's first line: when it stands one to two and a half characters right of the leftmost line
    /// of the whole document, the page has the document's margin (GB/T 9704 pages share their margins) and its lines
    /// are each a paragraph, not one paragraph wrapped.
    /// </summary>
    private static double LeftMargin(List<PdfLine> body, double documentLeft)
    {
        if (body.Count == 0) return 0;
        var left = body.Min(l => l.Left);
        var size = body.Select(l => l.FontSize).Order().ElementAt(body.Count / 2);
        var indent = (left - documentLeft) / size;
        return indent is >= 0.6 and <= 2.6 ? documentLeft : left;
    }

    /// <summary>
    /// The page's usual distance between two lines of a paragraph, for each font size (rounded to a point): the median
    /// of the distances between consecutive lines of that size at most 2.2 font sizes apart, where there are three or
    /// more. A line further from the one above than that by more than 0.3 of a character has space above it (a heading
    /// set off, a new paragraph) and is not joined to it.
    /// </summary>
    private static Dictionary<int, double> UsualPitches(List<PdfLine> lines)
    {
        var pitches = new Dictionary<int, List<double>>();
        for (var i = 1; i < lines.Count; i++)
        {
            var pitch = lines[i - 1].Baseline - lines[i].Baseline;
            if (pitch > 0 && pitch <= lines[i].FontSize * 2.2 && Math.Abs(lines[i - 1].FontSize - lines[i].FontSize) < 1)
            {
                var size = (int)Math.Round(Math.Min(lines[i].FontSize, 1000));
                if (!pitches.TryGetValue(size, out var list)) pitches[size] = list = [];
                list.Add(pitch);
            }
        }
        return pitches.Where(p => p.Value.Count >= 3).ToDictionary(p => p.Key, p => p.Value.Order().ElementAt(p.Value.Count / 2));
    }

    private static double UsualPitch(Dictionary<int, double> pitches, PdfLine line) =>
        pitches.TryGetValue((int)Math.Round(Math.Min(line.FontSize, 1000)), out var pitch) ? pitch : double.PositiveInfinity;

    /// <summary>The lines as they stand, one text line each, no paragraphs or tables: the fallback should rebuilding them fail.</summary>
    public static (string Text, IReadOnlyList<int> PageStarts, IReadOnlyList<PageRegion> Regions) WriteLines(List<PdfPageLines> pages) =>
        Assemble(pages.SelectMany(page => page.Lines.Select(line => Single(line, page.Number))).ToList(), pages.Count);

    private static PdfOutputLine Single(PdfLine line, int page)
    {
        var result = new PdfOutputLine();
        Append(result, line, page);
        return result;
    }

    private static void Append(PdfOutputLine paragraph, PdfLine line, int page)
    {
        var text = line.Text;
        PdfTextUtil.AppendJoined(paragraph.Text, text);
        var end = paragraph.Text.Length;
        if (line.Page > 0) page = line.Page;
        if (line.Bridge is { } bridge && bridge.At > 0 && bridge.At < text.Length)
        {
            // A line read across a box: each piece has its own region, the box between them.
            var start = end - text.Length;
            paragraph.Regions.Add(PageRegion.Create(start, start + bridge.At, page, line.Left, line.Bottom, bridge.Left, line.Top));
            paragraph.Regions.Add(PageRegion.Create(start + bridge.At, end, page, bridge.Right, line.Bottom, line.Right, line.Top));
            return;
        }
        paragraph.Regions.Add(PageRegion.Create(end - text.Length, end, page, line.Left, line.Bottom, line.Right, line.Top));
    }

    /// <summary>
    /// The text (the lines joined by \n), the regions at their offsets in it, and where each page begins: the first
    /// offset of any text read from that page or a later one (a blank page begins where the next one does).
    /// </summary>
    private static (string, IReadOnlyList<int>, IReadOnlyList<PageRegion>) Assemble(List<PdfOutputLine> output, int pageCount)
    {
        var text = new System.Text.StringBuilder();
        var regions = new List<PageRegion>();
        foreach (var line in output)
        {
            if (text.Length > 0) text.Append('\n');
            var offset = text.Length;
            text.Append(line.Text);
            regions.AddRange(line.Regions.Select(r => r.Shift(offset)));
        }
        var starts = new int[pageCount];
        Array.Fill(starts, text.Length);
        foreach (var region in regions)
            if (region.Page >= 1 && region.Page <= pageCount) starts[region.Page - 1] = Math.Min(starts[region.Page - 1], region.Start);
        for (var p = pageCount - 2; p >= 0; p--) starts[p] = Math.Min(starts[p], starts[p + 1]);
        if (pageCount > 0) starts[0] = 0;
        return (text.ToString(), starts, regions);
    }
}
