using Duban.Parsing.Text;

namespace Duban.Parsing.Tables;

/// <summary>
/// Reads tables written with '|' separators. Two forms occur: one row per line (| 1 | 任务 | 单位 |), and one cell per
/// line, each cell closed by '|', where a cell may run over several lines and nothing but the column count marks where
/// a row ends. For the second form the column count is learnt from the header: the cells before the first 序号 value.
/// </summary>
internal static class PipeTableReader
{
    /// <summary>Reads the table starting at line <paramref name="first"/>; returns its rows and the index after it.</summary>
    public static (List<TableRowBlock> Rows, int Next) Read(string text, IReadOnlyList<SourceLine> lines, int first)
    {
        return IsRowPerLine(text, lines[first]) ? ReadRowPerLine(text, lines, first) : ReadCellPerLine(text, lines, first);
    }

    private static bool IsRowPerLine(string text, SourceLine line)
    {
        var s = text.AsSpan(line.Start, line.End - line.Start);
        return s.Count('|') >= 2 || s.StartsWith("|");
    }

    private static (List<TableRowBlock>, int) ReadRowPerLine(string text, IReadOnlyList<SourceLine> lines, int first)
    {
        var rows = new List<TableRowBlock>();
        var j = first;
        for (; j < lines.Count; j++)
        {
            var line = lines[j];
            if (line.Kind == LineKind.Blank) continue;
            if (line.Kind != LineKind.Pipe) break;
            var cells = new List<MappedText>();
            var start = line.Start;
            if (text[start] == '|') start++;
            var end = line.End;
            if (end > start && text[end - 1] == '|') end--;
            var cellStart = start;
            for (var k = start; k <= end; k++)
            {
                if (k < end && text[k] != '|') continue;
                cells.Add(CellText.From(text, cellStart, k));
                cellStart = k + 1;
            }
            // A Markdown rule line (|---|:---:|) separates the header from the body; it holds no data.
            if (cells.All(c => c.Value.Trim('-', ':', ' ').Length == 0)) continue;
            rows.Add(new TableRowBlock(cells, new(line.Start, line.End)));
        }
        while (j > first && lines[j - 1].Kind == LineKind.Blank) j--;
        return (rows, j);
    }

    private static (List<TableRowBlock>, int) ReadCellPerLine(string text, IReadOnlyList<SourceLine> lines, int first)
    {
        var cells = new List<MappedText>();
        var pieces = new List<MappedText>();
        int? columns = null;
        var next = first;
        var j = first;
        for (; j < lines.Count; j++)
        {
            var line = lines[j];
            if (line.Kind == LineKind.Blank) continue;
            if (line.Kind != LineKind.Pipe)
            {
                // Before the width is known a line without '|' ends the table, unless the table opened with a row
                // number (rows without their header: the width is learnt at the second row's number).
                var atRowBoundary = pieces.Count == 0
                    && (columns is null ? cells.Count > 0 && HeaderWidth([cells[0], cells[0]]) is null : cells.Count % columns.Value == 0);
                if (atRowBoundary || line.Kind is LineKind.Tab) break;
                pieces.Add(CellText.From(text, line.Start, line.End));
                continue;
            }
            var cellStart = line.Start;
            for (var k = line.Start; k < line.End; k++)
            {
                if (text[k] != '|') continue;
                pieces.Add(CellText.From(text, cellStart, k));
                cells.Add(MappedText.Concat(pieces).Trim());
                pieces.Clear();
                cellStart = k + 1;
                columns ??= HeaderWidth(cells);
            }
            if (cellStart < line.End) pieces.Add(CellText.From(text, cellStart, line.End));
            next = j + 1;
        }

        var width = columns ?? Math.Max(1, cells.Count);
        var rows = new List<TableRowBlock>();
        for (var r = 0; r < cells.Count; r += width)
        {
            var rowCells = cells.GetRange(r, Math.Min(width, cells.Count - r));
            while (rowCells.Count < width) rowCells.Add(new MappedText("", []));
            var spans = rowCells.Where(c => c.Length > 0).Select(c => c.SourceSpan).ToList();
            if (spans.Count == 0) continue;
            rows.Add(new TableRowBlock(rowCells, spans.Aggregate(Model.SourceSpan.Cover)));
        }
        return (rows, next);
    }

    /// <summary>The header's width: the number of cells before the first cell holding only a row number.</summary>
    private static int? HeaderWidth(List<MappedText> cells)
    {
        var last = cells[^1].Value.Trim();
        if (cells.Count < 2 || last.Length == 0 || last.Length > 3 || !last.All(char.IsAsciiDigit)) return null;
        return cells.Count - 1;
    }
}
