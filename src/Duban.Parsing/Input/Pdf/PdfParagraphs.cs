using System.Text;
using System.Text.RegularExpressions;

namespace Duban.Parsing.Input.Pdf;

/// <summary>
/// Writes the pages' lines as text: one line per paragraph (lines wrapped at the page width joined, also across a page
/// break), one tab-separated line per table row. Records where each page begins in the text.
/// </summary>
/// <remarks>
/// A line is wrapped into the next when it reaches the right margin (within 2.5 characters: a line cannot end in some punctuation, so it may stop short) and the next line starts at
/// the left margin (not indented), in the same font size and at a normal line distance. A line of three or more
/// segments (runs separated by two characters or more) starts a table: see <see cref="PdfTable"/>.
/// </remarks>
internal static class PdfParagraphs
{
    public static (string Text, IReadOnlyList<int> PageStarts) Write(List<PdfPageLines> pages)
    {
        var output = new List<string>();
        var pageStartLine = new List<(int Line, int Column)>();
        var paragraph = new StringBuilder();
        PdfLine? previous = null;
        double previousRightMargin = 0;
        PdfTable? table = null;

        void Flush()
        {
            if (paragraph.Length > 0) output.Add(paragraph.ToString());
            paragraph.Clear();
            previous = null;
        }

        void FlushTable()
        {
            if (table is null) return;
            output.AddRange(table.Rows());
            table = null;
        }

        foreach (var page in pages)
        {
            var lines = page.Lines;
            var body = lines.Where(l => l.Segments.Count == 1).ToList();
            var leftMargin = body.Count > 0 ? body.Min(l => l.Left) : 0;
            var rightMargin = lines.Count > 0 ? lines.Max(l => l.Right) : page.Width;
            pageStartLine.Add((output.Count, paragraph.Length));
            var lastBaseline = double.NaN;

            foreach (var line in lines)
            {
                if (table is not null)
                {
                    var pitch = double.IsNaN(lastBaseline) ? 0 : lastBaseline - line.Baseline;
                    if (pitch <= line.FontSize * 4 && table.TryAdd(line, pitch)) { lastBaseline = line.Baseline; continue; }
                    FlushTable();
                }
                if (PdfTable.IsHeader(line))
                {
                    Flush();
                    table = new PdfTable(line, page.Rules);
                    lastBaseline = line.Baseline;
                    continue;
                }

                var joins = previous is not null
                    && previous.Right >= previousRightMargin - previous.FontSize * 2.5
                    && line.Left <= leftMargin + line.FontSize * 0.6
                    && Math.Abs(previous.FontSize - line.FontSize) < 1
                    && (double.IsNaN(lastBaseline) || lastBaseline - line.Baseline <= line.FontSize * 2.2);
                if (!joins) Flush();
                PdfTextUtil.AppendJoined(paragraph, line.Text);
                previous = line;
                previousRightMargin = rightMargin;
                lastBaseline = line.Baseline;
            }
        }
        Flush();
        FlushTable();

        // Offsets: the text is the lines joined by \n.
        var starts = new int[output.Count + 1];
        for (var i = 0; i < output.Count; i++) starts[i + 1] = starts[i] + output[i].Length + 1;
        var text = string.Join('\n', output);
        var pageStarts = pageStartLine
            .Select(p => Math.Min(text.Length, p.Line < output.Count ? starts[p.Line] + (p.Line == output.Count ? 0 : 0) : text.Length))
            .ToList();
        // A paragraph carried over a page break: the page begins inside it, at the carried length.
        for (var i = 0; i < pageStartLine.Count; i++)
            if (pageStartLine[i].Column > 0 && pageStartLine[i].Line < output.Count)
                pageStarts[i] = Math.Min(text.Length, starts[pageStartLine[i].Line] + pageStartLine[i].Column);
        return (text, pageStarts);
    }
}

/// <summary>
/// A table rebuilt from positions. In a ruled table the column boundaries are the vertical rules crossing the header
/// row. Otherwise columns come from the header row's segments, and the boundary between two columns is put in the
/// widest vertical strip between their header texts that no glyph of the table covers (vertical alignment), else
/// half-way. Each glyph goes to the column its centre falls in. A line whose first column is empty continues the
/// row above (a cell wrapped over several lines, or a row carried over a page break, below the header row repeated
/// there, which is dropped); a line whose text crosses
/// column boundaries and reads like a heading (一、…, （一）…) is a merged group row; anything else ends the table.
/// </summary>
internal sealed partial class PdfTable
{
    private readonly List<PdfLine> header = [];
    private readonly List<PdfLine> lines = [];
    private readonly List<double> pitches = [];
    private readonly List<bool> groups = [];
    private readonly List<PdfSegment> headerCells;

    [GeneratedRegex(@"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+是)")]
    private static partial Regex GroupHeading();

    /// <summary>Column boundaries from the vertical rules crossing the header row, when the table is ruled.</summary>
    private readonly double[]? ruled;

    public PdfTable(PdfLine headerLine, IReadOnlyList<PdfRule> rules)
    {
        header.Add(headerLine);
        headerCells = HeaderCells(headerLine);
        var y = headerLine.Baseline + headerLine.FontSize * 0.3;
        var xs = rules.Where(r => r.Bottom <= y && r.Top >= y && r.X > headerLine.Left && r.X < headerLine.Right)
            .Select(r => r.X).Order().ToList();
        var interior = new List<double>();
        foreach (var x in xs)
            if (interior.Count == 0 || x - interior[^1] > headerLine.FontSize) interior.Add(x);
        if (interior.Count >= 2)
        {
            // The rules decide: the header is cut at them, whatever the gaps between its texts.
            ruled = interior.ToArray();
            headerCells = Cut(headerLine, ruled).Select((text, k) => new PdfSegment(text,
                k == 0 ? headerLine.Left : ruled[k - 1], k < ruled.Length ? ruled[k] : headerLine.Right)).ToList();
        }
    }

    /// <summary>
    /// A header row: three or more cells when cut at gaps of 0.8 character (a header written left-aligned in its cell
    /// may stand close to the next one), at least one of them a gap of two characters. Running text has no such gaps.
    /// </summary>
    public static bool IsHeader(PdfLine line) => line.Segments.Count >= 2 && HeaderCells(line).Count >= 3;

    private static List<PdfSegment> HeaderCells(PdfLine line)
    {
        var cells = new List<PdfSegment>();
        var start = 0;
        for (var i = 1; i <= line.Glyphs.Count; i++)
        {
            if (i < line.Glyphs.Count && line.Glyphs[i].Left - line.Glyphs[i - 1].Right < line.FontSize * 0.8) continue;
            var glyphs = line.Glyphs.GetRange(start, i - start);
            cells.Add(new PdfSegment(string.Concat(glyphs.Select(g => g.Value)).Trim(), glyphs[0].Left, glyphs[^1].Right));
            start = i;
        }
        return cells;
    }

    private int Columns => headerCells.Count;

    public bool TryAdd(PdfLine line, double pitch)
    {
        // The header row repeated at the top of the next page: the table goes on, and a row cut by the page break
        // continues below it.
        if (Cut(line, Boundaries()).SequenceEqual(headerCells.Select(c => c.Text))) return true;
        var group = IsGroupRow(line);
        if (!group)
        {
            // The boundaries are placed with this line's glyphs counted: a line that fits the columns leaves a strip
            // free between every two of them; running text across the page does not.
            lines.Add(line);
            var fits = !CrossesBoundary(line, Boundaries());
            lines.RemoveAt(lines.Count - 1);
            if (!fits) return false;
        }
        if (line.Right > headerCells[^1].Right + line.FontSize * 30) return false;
        lines.Add(line);
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
            var covered = lines.Where((_, i) => i >= groups.Count || !groups[i]).SelectMany(l => l.Glyphs).Where(g => g.Right > from && g.Left < to)
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

    public IEnumerable<string> Rows()
    {
        var boundaries = Boundaries();
        var rows = new List<StringBuilder[]>();
        yield return string.Join('\t', headerCells.Select(c => c.Text));
        var previousWasGroup = true;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (groups[i])
            {
                foreach (var row in Flush(rows)) yield return row;
                yield return line.Text + new string('\t', Columns - 1);
                previousWasGroup = true;
                continue;
            }
            var cells = Cut(line, boundaries);
            var startsRow = previousWasGroup || rows.Count == 0 || cells[0].Length > 0 || pitches[i] > line.FontSize * 1.9;
            if (startsRow)
            {
                rows.Add(Enumerable.Range(0, Columns).Select(_ => new StringBuilder()).ToArray());
            }
            var current = rows[^1];
            for (var k = 0; k < Columns; k++)
                if (cells[k].Length > 0) PdfTextUtil.AppendJoined(current[k], cells[k]);
            previousWasGroup = false;
        }
        foreach (var row in Flush(rows)) yield return row;
    }

    private static IEnumerable<string> Flush(List<StringBuilder[]> rows)
    {
        foreach (var row in rows)
            if (row.Any(c => c.Length > 0)) yield return string.Join('\t', row.Select(c => c.ToString().Trim()));
        rows.Clear();
    }

    private static string[] Cut(PdfLine line, double[] boundaries)
    {
        var columns = boundaries.Length + 1;
        var cells = Enumerable.Range(0, columns).Select(_ => new StringBuilder()).ToArray();
        var lastRight = new double[columns];
        foreach (var glyph in line.Glyphs)
        {
            var k = 0;
            while (k < boundaries.Length && glyph.Center >= boundaries[k]) k++;
            if (cells[k].Length > 0 && glyph.Left - lastRight[k] >= line.FontSize * 0.25 && cells[k][^1] != ' ') cells[k].Append(' ');
            cells[k].Append(glyph.Value);
            lastRight[k] = glyph.Right;
        }
        return cells.Select(c => c.ToString().Trim()).ToArray();
    }
}
