using System.Text.RegularExpressions;

namespace Duban.Parsing.Input.Pdf;

/// <summary>
/// A table rebuilt line by line from positions, when it has no grid of rules to read it from. If vertical rules cross
/// the header row they are the column boundaries. Otherwise columns come from the header row's cells, and the boundary
/// between two columns is put in the widest vertical strip between their header texts that no glyph of the table
/// covers (vertical alignment), else half-way. Each glyph goes to the column its centre falls in. A line whose first
/// column is empty continues the row above (a cell wrapped over several lines, or a row carried over a page break,
/// below the header repeated there, which is dropped); a line whose text crosses column boundaries and reads like a
/// heading (一、…, （一）…) is a merged group row; anything else ends the table.
/// </summary>
internal sealed partial class PdfTable
{
    private readonly List<(PdfLine Line, int Page)> lines = [];
    private readonly List<double> pitches = [];
    private readonly List<bool> groups = [];
    private readonly List<PdfSegment> headerCells;
    /// <summary>The header row; null for a table printed without one (<see cref="Headerless"/>).</summary>
    private readonly PdfRow? headerRow;

    [GeneratedRegex(@"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+是)")]
    private static partial Regex GroupHeading();

    /// <summary>Column boundaries from the vertical rules crossing the header row, when the table is ruled.</summary>
    private readonly double[]? ruled;

    public PdfTable(PdfHeaderBlock header, IReadOnlyList<PdfRule> rules, int page)
    {
        var headerLine = header.Lines[header.HeaderIndex];
        var y = PdfGrid.Middle(headerLine);
        var xs = rules.Where(r => r.Bottom <= y && r.Top >= y && r.X > headerLine.Left && r.X < headerLine.Right)
            .Select(r => r.X).Order().ToList();
        var interior = new List<double>();
        foreach (var x in xs)
            if (interior.Count == 0 || x - interior[^1] > headerLine.FontSize) interior.Add(x);
        if (interior.Count >= 2)
        {
            // The rules decide: the header is cut at them, whatever the gaps between its texts.
            ruled = interior.ToArray();
            headerRow = new PdfRow(ruled.Length + 1);
            for (var k = 0; k <= ruled.Length; k++) headerRow.Cells[k] = new PdfCell();
            foreach (var line in header.Lines)
            {
                var fragments = CutFragments(line, ruled, page);
                for (var k = 0; k <= ruled.Length; k++)
                    if (fragments[k] is { } f) headerRow.Cells[k]!.Fragments.Add(f);
            }
            var left = header.Lines.Min(l => l.Left);
            var right = header.Lines.Max(l => l.Right);
            headerCells = headerRow.Cells.Select((cell, k) => new PdfSegment(cell!.Text(),
                k == 0 ? left : ruled[k - 1], k < ruled.Length ? ruled[k] : right)).ToList();
        }
        else
        {
            headerRow = new PdfRow(header.Columns.Count);
            headerCells = [];
            for (var k = 0; k < header.Columns.Count; k++)
            {
                var cell = new PdfCell();
                foreach (var (line, glyphs) in header.Columns[k])
                    if (PdfFragment.Of(glyphs, line, page) is { } f) cell.Fragments.Add(f);
                headerRow.Cells[k] = cell;
                headerCells.Add(new PdfSegment(cell.Text(), header.Columns[k].Min(p => p.Glyphs[0].Left), header.Columns[k].Max(p => p.Glyphs[^1].Right)));
            }
        }
    }

    private PdfTable(List<PdfSegment> columns)
    {
        headerCells = columns;
        headerRow = null;
    }

    /// <summary>Most lines looked at for the columns of a table without a header.</summary>
    private const int MaxHeaderlessLines = 400;

    /// <summary>
    /// A table printed without a header row (and without rules) starting at line <paramref name="index"/>, or null. Its
    /// columns come from the vertical alignment of its text: from this line on, the strips of the line's width that no
    /// glyph covers are narrowed line by line (skipping group rows 一、…), as long as two or more strips a third of a
    /// character wide are left, the font size holds and no line is more than four font sizes below the one above; the
    /// strips left are the gaps between the columns. It is a table when at least three lines were read so, two of them
    /// with text in three or more columns, and every column has text on two lines or more. The columns are named by
    /// nothing (no header line is written); the task-table reader reads their roles from the cells.
    /// </summary>
    public static PdfTable? Headerless(IReadOnlyList<PdfLine> lines, int index)
    {
        var first = lines[index];
        var (left, right) = (first.Left, first.Right);
        List<(double Left, double Right)> free = [(left, right)];
        var run = new List<PdfLine>();
        for (var i = index; i < lines.Count && i < index + MaxHeaderlessLines; i++)
        {
            var line = lines[i];
            if (Math.Abs(line.FontSize - first.FontSize) > 1 || i > index && lines[i - 1].Baseline - line.Baseline > line.FontSize * 4) break;
            if (line.Right > right + line.FontSize || line.Left < left - line.FontSize) break;
            if (i > index && line.Segments.Count == 1 && GroupHeading().IsMatch(line.Text)) { run.Add(line); continue; }
            var narrowed = FreeStrips.Subtract(free, line.Glyphs).Where(s => s.Right - s.Left >= line.FontSize / 3).ToList();
            // The table's outer strips (left of its first column, right of its last) are not gaps between columns.
            var inner = narrowed.Where(s => s.Left > left && s.Right < right).ToList();
            if (inner.Count < 2) break;
            free = inner;
            run.Add(line);
        }
        var cuts = free.OrderBy(s => s.Left).ToList();
        if (run.Count < 3 || cuts.Count < 2) return null;
        int ColumnOf(PdfGlyph g) => cuts.Count(c => g.Center >= c.Right);
        var body = run.Where(l => !(l.Segments.Count == 1 && GroupHeading().IsMatch(l.Text))).ToList();
        var columnsOf = body.Select(l => l.Glyphs.Select(ColumnOf).Distinct().ToList()).ToList();
        if (columnsOf.Count(c => c.Count >= 3) < 2) return null;
        for (var k = 0; k <= cuts.Count; k++)
            if (columnsOf.Count(c => c.Contains(k)) < 2) return null;
        var columns = new List<PdfSegment>();
        for (var k = 0; k <= cuts.Count; k++)
            columns.Add(new PdfSegment("", k == 0 ? left : cuts[k - 1].Right, k == cuts.Count ? right : cuts[k].Left));
        return new PdfTable(columns);
    }

    /// <summary>
    /// A header row: three or more cells when cut at gaps of 0.8 character (a header written left-aligned in its cell
    /// may stand close to the next one), at least one of them a gap of two characters. Running text has no such gaps.
    /// </summary>
    /// <remarks>A line aligned with typed spaces (<see cref="PdfLine.SpaceAligned"/>) is text, not a drawn table's header.</remarks>
    public static bool IsHeader(PdfLine line) => line.Segments.Count >= 2 && !line.SpaceAligned && HeaderCells(line).Count >= 3;

    /// <summary>Whether a header read at the top of a page is this table's header repeated.</summary>
    public bool IsHeader(PdfHeaderBlock block)
    {
        var names = block.Columns.Select(c => string.Concat(c.SelectMany(p => p.Glyphs).Select(g => g.Value)).Replace(" ", "")).ToList();
        return names.SequenceEqual(headerCells.Select(c => c.Text.Replace(" ", "")));
    }

    /// <summary>The cells of a header line: its glyphs cut at gaps of 0.8 character.</summary>
    internal static List<(PdfSegment Cell, List<PdfGlyph> Glyphs)> HeaderCellGlyphs(PdfLine line)
    {
        var cells = new List<(PdfSegment, List<PdfGlyph>)>();
        var start = 0;
        for (var i = 1; i <= line.Glyphs.Count; i++)
        {
            if (i < line.Glyphs.Count && line.Glyphs[i].Left - line.Glyphs[i - 1].Right < line.FontSize * 0.8) continue;
            var glyphs = line.Glyphs.GetRange(start, i - start);
            cells.Add((new PdfSegment(string.Concat(glyphs.Select(g => g.Value)).Trim(), glyphs[0].Left, glyphs[^1].Right), glyphs));
            start = i;
        }
        return cells;
    }

    private static List<PdfSegment> HeaderCells(PdfLine line) => HeaderCellGlyphs(line).Select(c => c.Cell).ToList();

    private int Columns => headerCells.Count;

    public bool TryAdd(PdfLine line, double pitch, int page)
    {
        // The header row repeated at the top of the next page: the table goes on, and a row cut by the page break
        // continues below it.
        if (Cut(line, Boundaries()).SequenceEqual(headerCells.Select(c => c.Text))) return true;
        var group = IsGroupRow(line);
        if (!group)
        {
            // The boundaries are placed with this line's glyphs counted: a line that fits the columns leaves a strip
            // free between every two of them; running text across the page does not.
            lines.Add((line, page));
            var fits = !CrossesBoundary(line, Boundaries());
            lines.RemoveAt(lines.Count - 1);
            if (!fits) return false;
        }
        if (line.Right > headerCells[^1].Right + line.FontSize * 30) return false;
        lines.Add((line, page));
        pitches.Add(pitch);
        groups.Add(group);
        return true;
    }

    private bool IsGroupRow(PdfLine line) => line.Segments.Count == 1 && GroupHeading().IsMatch(line.Text)
        && line.Left < (Columns > 1 ? headerCells[1].Left : double.MaxValue);

    /// <summary>A run of glyphs closer than half a character that straddles a column boundary.</summary>
    private static bool CrossesBoundary(PdfLine line, double[] boundaries)
    {
        foreach (var b in boundaries)
        {
            for (var i = 1; i < line.Glyphs.Count; i++)
            {
                var (a, c) = (line.Glyphs[i - 1], line.Glyphs[i]);
                if (a.Center < b && c.Center >= b && c.Left - a.Right < line.FontSize * 0.3) return true;
            }
        }
        return false;
    }

    private double[] Boundaries()
    {
        if (ruled is not null) return ruled;
        var result = new double[Columns - 1];
        for (var k = 1; k < Columns; k++)
        {
            var from = headerCells[k - 1].Right;
            var to = headerCells[k].Left;
            var covered = lines.Where((_, i) => i >= groups.Count || !groups[i]).SelectMany(l => l.Line.Glyphs).Where(g => g.Right > from && g.Left < to)
                .Select(g => (Math.Max(from, g.Left), Math.Min(to, g.Right))).OrderBy(g => g.Item1).ToList();
            double bestStart = from, bestWidth = -1, cursor = from;
            foreach (var (start, end) in covered)
            {
                if (start - cursor > bestWidth) (bestStart, bestWidth) = (cursor, start - cursor);
                cursor = Math.Max(cursor, end);
            }
            if (to - cursor > bestWidth) (bestStart, bestWidth) = (cursor, to - cursor);
            result[k - 1] = bestWidth > 0 ? bestStart + bestWidth / 2 : (from + to) / 2;
        }
        return result;
    }

    public IEnumerable<PdfOutputLine> Write()
    {
        var boundaries = Boundaries();
        var cut = lines.Select((l, i) => groups[i] ? [] : CutFragments(l.Line, boundaries, l.Page)).ToList();
        var centred = Centred(cut);
        var rows = new List<PdfRow>();
        PdfRow? current = null;
        var previousWasGroup = true;
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, page) = lines[i];
            if (groups[i])
            {
                var group = new PdfRow(Columns);
                if (PdfFragment.Of(line.Glyphs, line, page) is { } text) (group.Cells[0] = new PdfCell()).Fragments.Add(text);
                rows.Add(group);
                previousWasGroup = true;
                current = null;
                continue;
            }
            if (centred)
            {
                // The lines up to the next group row or page break, shared among the rows by their numbers.
                var end = i;
                while (end < lines.Count && !groups[end] && lines[end].Page == page) end++;
                if (ByCentre(cut, i, end) is { } byCentre)
                {
                    rows.AddRange(byCentre);
                    current = byCentre[^1];
                    previousWasGroup = false;
                    i = end - 1;
                    continue;
                }
            }
            var cells = cut[i];
            var startsRow = previousWasGroup || current is null || cells[0] is not null || pitches[i] > line.FontSize * 1.9;
            if (startsRow)
            {
                current = NewRow();
                rows.Add(current);
            }
            for (var k = 0; k < Columns; k++)
                if (cells[k] is { } fragment) current!.Cells[k]!.Fragments.Add(fragment);
            previousWasGroup = false;
        }
        return PdfTableWriter.Write(headerRow, headerCells.Select(c => c.Text).ToList(), rows, Columns);
    }

    private PdfRow NewRow()
    {
        var row = new PdfRow(Columns);
        for (var k = 0; k < Columns; k++) row.Cells[k] = new PdfCell();
        return row;
    }

    /// <summary>
    /// Whether the cells are centred vertically. Below the header and below a group row the first line of a table
    /// whose cells are aligned at their top holds the row's number (the first column); in a table centred vertically a
    /// row of several lines begins above its number, which stands in its middle.
    /// </summary>
    private bool Centred(List<PdfFragment?[]> cut)
    {
        int centred = 0, top = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (groups[i] || i > 0 && !(groups[i - 1] && lines[i - 1].Page == lines[i].Page)) continue;
            if (cut[i][0] is not null) { top++; continue; }
            for (var j = i + 1; j < lines.Count && !groups[j] && lines[j].Page == lines[i].Page; j++)
                if (cut[j][0] is not null) { centred++; break; }
        }
        return centred > 0 && centred >= top;
    }

    /// <summary>
    /// The rows of lines [start, end) of a table whose cells are centred vertically: one row per line holding a number
    /// (the first column), at the height of that number. In every other column the lines are shared among the rows in
    /// order, each row taking a run of adjacent lines (or none): the sharing that puts every run nearest the middle of
    /// its row (least squares, by dynamic programming). A run may also go to several adjacent rows that have nothing
    /// else in that column, when it stands nearest the middle of them: a cell merged down those rows, its text centred
    /// between them. Null when no line holds a number.
    /// </summary>
    private List<PdfRow>? ByCentre(List<PdfFragment?[]> cut, int start, int end)
    {
        var anchors = Enumerable.Range(start, end - start).Where(i => cut[i][0] is not null).ToList();
        if (anchors.Count == 0 || end - start > MaxCentredLines) return null;
        var rows = anchors.Select(_ => NewRow()).ToList();
        var middles = anchors.Select(i => (cut[i][0]!.Bottom + cut[i][0]!.Top) / 2).ToArray();
        for (var a = 0; a < anchors.Count; a++) rows[a].Cells[0]!.Fragments.Add(cut[anchors[a]][0]!);
        for (var k = 1; k < Columns; k++)
        {
            var column = Enumerable.Range(start, end - start).Where(i => cut[i][k] is not null).Select(i => cut[i][k]!).ToList();
            if (column.Count == 0) continue;
            if (Share(column, middles) is not { } runs) return null;
            foreach (var (from, to, first, last) in runs)
            {
                var cell = rows[first].Cells[k]!;
                cell.Fragments.AddRange(column.GetRange(from, to - from));
                for (var r = first + 1; r <= last; r++) rows[r].Cells[k] = cell;
            }
        }
        return rows;
    }

    /// <summary>Most rows one run of lines may be shared by (a cell merged down that many rows).</summary>
    private const int MaxSpan = 8;

    /// <summary>Most lines of one cell, and of one page of a table, shared among rows by their middles (beyond: read line by line).</summary>
    private const int MaxCellLines = 30, MaxCentredLines = 200;

    /// <summary>
    /// Shares fragments (top to bottom) among rows whose middles are given (top to bottom): runs of adjacent fragments
    /// in order, each to one row or to a few adjacent rows; a run may not have a gap of more than a line and a half in
    /// it. Returns the runs: fragments [From, To) go to rows First..Last. A run over several rows costs, for each row
    /// past the first, as much as standing half a character off the middle: a value goes to one row unless the middle
    /// of several fits it clearly better.
    /// </summary>
    private static List<(int From, int To, int First, int Last)>? Share(List<PdfFragment> fragments, double[] middles)
    {
        int n = fragments.Count, m = middles.Length;
        var cost = new double[n + 1, m + 1];
        var choice = new (int From, int Rows)[n + 1, m + 1];
        for (var i = 1; i <= n; i++) cost[i, 0] = double.PositiveInfinity;
        for (var j = 1; j <= m; j++)
            for (var i = 1; i <= n; i++)
            {
                // Rows up to j: row j takes nothing, or rows j - span + 1 … j take fragments [from, i).
                cost[i, j] = cost[i, j - 1];
                choice[i, j] = (i, 1);
                for (var from = i - 1; from >= 0 && from >= i - MaxCellLines; from--)
                {
                    if (from < i - 1 && fragments[from].Bottom - fragments[from + 1].Top > fragments[from].FontSize * 1.5) break;
                    var middle = (fragments[from].Top + fragments[i - 1].Bottom) / 2;
                    for (var span = 1; span <= Math.Min(MaxSpan, j); span++)
                    {
                        var target = (middles[j - span] + middles[j - 1]) / 2;
                        // Each further row costs as much as standing half a character off the middle.
                        var half = fragments[from].FontSize * 0.5;
                        var total = cost[from, j - span] + (middle - target) * (middle - target) + (span - 1) * half * half;
                        if (total < cost[i, j])
                        {
                            cost[i, j] = total;
                            choice[i, j] = (from, span);
                        }
                    }
                }
            }
        // More runs than rows: the lines cannot be shared this way.
        if (double.IsPositiveInfinity(cost[n, m])) return null;
        var runs = new List<(int, int, int, int)>();
        for (int i = n, j = m; i > 0 && j > 0;)
        {
            var (from, span) = choice[i, j];
            if (from == i) { j--; continue; }
            runs.Add((from, i, j - span, j - 1));
            (i, j) = (from, j - span);
        }
        return runs;
    }

    private static string[] Cut(PdfLine line, double[] boundaries) =>
        CutFragments(line, boundaries, 0).Select(f => f?.Text ?? "").ToArray();

    /// <summary>A line cut at the column boundaries: one fragment per column, null where the column is empty.</summary>
    private static PdfFragment?[] CutFragments(PdfLine line, double[] boundaries, int page)
    {
        var columns = boundaries.Length + 1;
        var glyphs = new List<PdfGlyph>[columns];
        foreach (var glyph in line.Glyphs)
        {
            var k = 0;
            while (k < boundaries.Length && glyph.Center >= boundaries[k]) k++;
            (glyphs[k] ??= []).Add(glyph);
        }
        return glyphs.Select(g => g is null ? null : PdfFragment.Of(g, line, page)).ToArray();
    }
}

/// <summary>
/// The header row of a table read line by line, over one line or several: the line that cuts into three or more
/// cells (<see cref="PdfTable.IsHeader(PdfLine)"/>) with up to two lines above and below it that belong to it — at
/// most 2.5 font sizes apart (a header over two rows has the cell padding between them), in the same font size, made
/// of short cells (at most eight characters, no digits, no sentence punctuation, no heading marker); a line of one
/// cell above the header line only if that cell stands over none of its cells. That is a header cell wrapped over two lines (牵头 / 单位), a cell centred vertically beside
/// them (序号), and a header over two rows (责任单位 above 牵头单位 | 配合单位).
/// </summary>
/// <remarks>
/// Cells of different lines that overlap horizontally are one column, their texts joined top to bottom. A cell that
/// spreads over two or more cells of another line is a group header over them: the columns are the cells under it and
/// are named by them alone, as the .xlsx reader names a header over two rows.
/// </remarks>
internal sealed partial class PdfHeaderBlock
{
    private PdfHeaderBlock(List<PdfLine> lines, int headerIndex, List<List<(PdfLine Line, List<PdfGlyph> Glyphs)>> columns)
    {
        Lines = lines;
        HeaderIndex = headerIndex;
        Columns = columns;
    }

    public List<PdfLine> Lines { get; }
    public int Count => Lines.Count;

    /// <summary>Which of <see cref="Lines"/> is the line of three or more cells.</summary>
    public int HeaderIndex { get; }

    /// <summary>The columns, left to right: the pieces of header text each is named by, top to bottom.</summary>
    public List<List<(PdfLine Line, List<PdfGlyph> Glyphs)>> Columns { get; }

    [GeneratedRegex(@"[0-9０-９。，；：;:,]|^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")]
    private static partial Regex NotHeaderText();

    /// <summary>The header starting at <paramref name="index"/>, or null when no header starts there.</summary>
    public static PdfHeaderBlock? Read(IReadOnlyList<PdfLine> lines, int index)
    {
        if (index < 0 || index >= lines.Count) return null;
        var block = new List<PdfLine>();
        var headerIndex = -1;
        for (var i = index; i < lines.Count && block.Count < 5; i++)
        {
            var line = lines[i];
            if (block.Count > 0 && (lines[i - 1].Baseline - line.Baseline > line.FontSize * 2.5 || Math.Abs(line.FontSize - block[0].FontSize) > 1)) break;
            if (headerIndex < 0 && PdfTable.IsHeader(line)) headerIndex = block.Count;
            else if (!Short(line) || headerIndex < 0 && block.Count >= 2 || headerIndex >= 0 && block.Count - headerIndex > 2) break;
            block.Add(line);
        }
        if (headerIndex < 0) return null;
        // A line above the header line with a single cell belongs to it only if that cell stands in a column of its
        // own (完成 of 完成时限, beside cells centred lower); a title over the table stands over a header cell.
        var cells = PdfTable.HeaderCellGlyphs(block[headerIndex]).Select(c => c.Cell).ToList();
        for (var k = 0; k < headerIndex; k++)
            if (PdfTable.HeaderCellGlyphs(block[k]) is [var single] && cells.Any(c => c.Left < single.Cell.Right && single.Cell.Left < c.Right))
                return null;
        var columns = Cluster(block);
        // Lines that do not make three columns together are not a header of this shape: the header line alone is
        // (read when it is reached, if it is not the first).
        if (columns.Count < 3) return headerIndex == 0 ? new PdfHeaderBlock([block[0]], 0, Cluster([block[0]])) : null;
        return new PdfHeaderBlock(block, headerIndex, columns);
    }

    /// <summary>
    /// A line that can be a table's header by itself: three or more cells (<see cref="PdfTable.IsHeader(PdfLine)"/>), all
    /// short (<see cref="Short"/>). A table row, or a line across a page in three columns, has cells of sentences.
    /// </summary>
    public static bool IsHeaderLine(PdfLine line) => PdfTable.IsHeader(line) && Short(line);

    private static bool Short(PdfLine line)
    {
        var cells = PdfTable.HeaderCellGlyphs(line);
        return cells.Count <= 12 && cells.All(c => c.Cell.Text.Replace(" ", "").Length is > 0 and <= 8 && !NotHeaderText().IsMatch(c.Cell.Text));
    }

    private static List<List<(PdfLine, List<PdfGlyph>)>> Cluster(List<PdfLine> block)
    {
        var cells = block.SelectMany((line, k) => PdfTable.HeaderCellGlyphs(line).Select(c => (Line: k, c.Cell, c.Glyphs))).ToList();
        static bool Overlap(PdfSegment a, PdfSegment b) => a.Left < b.Right && b.Left < a.Right;
        // A group header: a cell over two or more cells of another line.
        var kept = cells.Where(a => !cells.Where(b => b.Line != a.Line && Overlap(a.Cell, b.Cell)).GroupBy(b => b.Line).Any(g => g.Count() >= 2)).ToList();
        var parent = Enumerable.Range(0, kept.Count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }
        for (var i = 0; i < kept.Count; i++)
            for (var j = i + 1; j < kept.Count; j++)
                if (Overlap(kept[i].Cell, kept[j].Cell)) parent[Root(i)] = Root(j);
        return Enumerable.Range(0, kept.Count).GroupBy(Root)
            .Select(g => g.OrderBy(i => kept[i].Line).Select(i => (block[kept[i].Line], kept[i].Glyphs)).ToList())
            .OrderBy(column => column.Min(p => p.Glyphs[0].Left))
            .ToList();
    }
}
