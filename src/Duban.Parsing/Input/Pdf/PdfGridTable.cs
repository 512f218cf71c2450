using System.Text.RegularExpressions;

namespace Duban.Parsing.Input.Pdf;

/// <summary>
/// A ruled table read cell by cell from its grid (<see cref="PdfGrid"/>), over one page or several.
/// </summary>
/// <remarks>
/// <para>The header is the first row together with the rows its cells are merged down into: a header over two rows
/// (责任单位 above 牵头单位 | 配合单位, 序号 merged down both) is one header whose column names are the lower ones, as
/// the .xlsx reader does; a header cell wrapped over two lines (完成\n时限) is one cell. It is the header when it names
/// task-table columns (<see cref="MergedCells.IsHeaderRow"/>); a title row across the whole table above it is a row
/// of its own.</para>
/// <para>On the next page a grid with the same columns continues the table, whether the header is repeated there
/// (it is dropped) or not; a different header starts another table. The first row on the new page continues the last
/// row of the page before when its first cell is empty (a row cut by the page break), cell by cell; a cell merged down
/// over the page break is one cell on both pages.</para>
/// </remarks>
internal sealed partial class PdfGridTable
{
    private readonly List<PdfRow> _rows = [];
    private PdfRow? _header;
    private string[] _names = [];
    private PdfGrid _grid;
    private int _page;

    private PdfGridTable(PdfGrid grid, int page)
    {
        _grid = grid;
        _page = page;
    }

    public int Columns => _grid.Columns;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>
    /// Whether a grid's rows can be read from its rules: a grid whose rows hold two row numbers each (a table with
    /// borders round its columns but none between its rows) cannot; it is read line by line instead.
    /// </summary>
    public static bool RulesRows(PdfGrid grid, IReadOnlyList<PdfLine> lines)
    {
        var numbers = new Dictionary<int, int>();
        foreach (var line in lines)
        {
            var r = grid.RowAt(PdfGrid.Middle(line));
            if (r < 0) continue;
            var cell = grid.CellAt(r, 0);
            if (grid.Extent(cell).Top != grid.Extent(cell).Bottom) continue;
            var first = string.Concat(line.Glyphs.Where(g => grid.ColumnAt(g.Center) == 0).Select(g => g.Value)).Trim();
            if (first.Length is > 0 and <= 3 && first.All(char.IsAsciiDigit) && (numbers[cell] = numbers.GetValueOrDefault(cell) + 1) > 1)
                return false;
        }
        return true;
    }

    /// <summary>A new table from a grid and the lines inside it.</summary>
    public static PdfGridTable Start(PdfGrid grid, IReadOnlyList<PdfLine> lines, int page, List<PdfLine> outside)
    {
        var table = new PdfGridTable(grid, page);
        var rows = Read(grid, lines, page, outside);
        var start = 0;
        // A title row across the whole table may stand above the header.
        for (var attempt = 0; attempt < 2 && start < rows.Count; attempt++)
        {
            var (end, header, names) = Header(grid, rows, start);
            if (MergedCells.IsHeaderRow(names))
            {
                table._rows.AddRange(rows.Take(start));
                table._header = header;
                table._names = names;
                start = end;
                break;
            }
            if (!IsTitle(rows[start])) break;
            start++;
        }
        if (table._header is null) start = 0;
        table._rows.AddRange(rows.Skip(start));
        return table;
    }

    /// <summary>
    /// Continues the table with a grid on the next page when it has the same columns and does not start with a
    /// different header; false when it is another table.
    /// </summary>
    public bool TryContinue(PdfGrid grid, IReadOnlyList<PdfLine> lines, int page, List<PdfLine> outside)
    {
        if (!grid.SameColumns(_grid)) return false;
        var probe = new List<PdfLine>();
        var rows = Read(grid, lines, page, probe);
        var (end, _, names) = Header(grid, rows, 0);
        var start = 0;
        if (_header is not null && names.Select(Compact).SequenceEqual(_names.Select(Compact))) start = end;
        else if (MergedCells.IsHeaderRow(names)) return false;
        outside.AddRange(probe);

        var added = rows.Skip(start).ToList();
        if (added.Count > 0 && _rows.Count > 0 && page != _page)
        {
            var last = _rows[^1];
            var first = added[0];
            var cutRow = first.Cells[0] is null or { IsEmpty: true } && !IsTitle(last);
            for (var c = 0; c < Columns; c++)
            {
                var (above, below) = (last.Cells[c], first.Cells[c]);
                if (above is null || below is null || ReferenceEquals(above, below)) continue;
                // A row cut by the page break goes on in each cell; a cell merged down over the break and empty on
                // this page (merged, so not left empty on purpose) is the cell above, in a column with a value per row.
                var mergedOver = below.IsEmpty && added.Count > 1 && ReferenceEquals(added[1].Cells[c], below)
                                 && MergedCells.HoldsForEachRow(c < _names.Length ? _names[c] : null);
                if (!cutRow && !mergedOver) continue;
                above.Fragments.AddRange(below.Fragments);
                foreach (var row in added)
                    for (var k = 0; k < Columns; k++)
                        if (ReferenceEquals(row.Cells[k], below)) row.Cells[k] = above;
            }
            if (cutRow) added.RemoveAt(0);
        }
        _rows.AddRange(added);
        _grid = grid;
        _page = page;
        return true;
    }

    public IEnumerable<PdfOutputLine> Write() => PdfTableWriter.Write(_header, _names, _rows, Columns);

    private static string Compact(string s) => Spaces().Replace(s, "");

    private static bool IsTitle(PdfRow row) =>
        row.Cells[0] is { IsEmpty: false } cell && row.Cells.All(c => ReferenceEquals(c, cell));

    /// <summary>
    /// The header starting at grid row <paramref name="start"/>: that row and every row its cells reach down to. Each
    /// column is named by the lowest cell over it that is its own (not spread over several columns), else by the
    /// cell that spreads over it; a name is written once, in the first column of its cell.
    /// </summary>
    private static (int End, PdfRow Header, string[] Names) Header(PdfGrid grid, List<PdfRow> rows, int start)
    {
        var end = start + 1;
        for (var r = start; r < end && r < rows.Count; r++)
            for (var c = 0; c < grid.Columns; c++)
                end = Math.Max(end, Math.Min(rows.Count, rows[r].Bottom(c) + 1));
        end = Math.Min(end, rows.Count);
        var header = new PdfRow(grid.Columns);
        for (var c = 0; c < grid.Columns; c++)
        {
            PdfCell? own = null, spread = null;
            for (var r = start; r < end; r++)
            {
                var cell = rows[r].Cells[c];
                if (cell is null || cell.IsEmpty) continue;
                if (rows[r].Across(c)) spread ??= cell;
                else own = cell;
            }
            header.Cells[c] = own ?? spread;
        }
        var names = new string[grid.Columns];
        for (var c = 0; c < grid.Columns; c++)
            names[c] = header.Cells[c] is { } cell && (c == 0 || !ReferenceEquals(header.Cells[c - 1], cell)) ? cell.Text() : "";
        return (end, header, names);
    }

    /// <summary>
    /// The grid's rows with their cells (one object per merged cell, shared by the rows and columns it covers) and the
    /// text of the lines inside it. Glyphs beyond the grid's sides are given back as lines of their own.
    /// </summary>
    private static List<PdfRow> Read(PdfGrid grid, IReadOnlyList<PdfLine> lines, int page, List<PdfLine> outside)
    {
        var cells = new PdfCell[grid.CellCount];
        for (var i = 0; i < cells.Length; i++) cells[i] = new PdfCell();
        foreach (var line in lines)
        {
            var r = grid.RowAt(PdfGrid.Middle(line));
            var beyond = new List<PdfGlyph>();
            var run = new List<PdfGlyph>();
            var runCell = -1;
            foreach (var glyph in line.Glyphs)
            {
                var c = r < 0 ? -1 : grid.ColumnAt(glyph.Center);
                if (c < 0) { beyond.Add(glyph); continue; }
                var id = grid.CellAt(r, c);
                if (id != runCell && run.Count > 0)
                {
                    AddFragment(cells[runCell], run, line, page);
                    run.Clear();
                }
                runCell = id;
                run.Add(glyph);
            }
            if (run.Count > 0) AddFragment(cells[runCell], run, line, page);
            if (beyond.Count > 0 && PdfLine.Of(beyond, line) is { } rest) outside.Add(rest);
        }

        // The cells' padding: the least distance of any text from its cell's left border (text is left-aligned or
        // fills the cell in some cell of every table); what a line may fill is the cell's width less twice that.
        var padding = double.MaxValue;
        for (var id = 0; id < cells.Length; id++)
            foreach (var f in cells[id].Fragments)
                padding = Math.Min(padding, f.Left - grid.Xs[grid.Extent(id).Left]);
        padding = Math.Clamp(padding == double.MaxValue ? 0 : padding, 0, 12);
        for (var id = 0; id < cells.Length; id++)
        {
            var (_, left, _, right) = grid.Extent(id);
            var inner = grid.Xs[right + 1] - grid.Xs[left] - 2 * padding;
            foreach (var f in cells[id].Fragments) f.InnerWidth = inner;
        }

        var rows = new List<PdfRow>(grid.Rows);
        for (var r = 0; r < grid.Rows; r++)
        {
            var row = new PdfRow(grid.Columns) { Grid = grid, GridRow = r };
            for (var c = 0; c < grid.Columns; c++) row.Cells[c] = cells[grid.CellAt(r, c)];
            rows.Add(row);
        }
        return rows;
    }

    private static void AddFragment(PdfCell cell, List<PdfGlyph> glyphs, PdfLine line, int page)
    {
        if (PdfFragment.Of(glyphs, line, page) is { } fragment) cell.Fragments.Add(fragment);
    }
}
