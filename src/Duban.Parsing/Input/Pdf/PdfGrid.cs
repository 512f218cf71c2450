namespace Duban.Parsing.Input.Pdf;

/// <summary>
/// A ruled table on one page, read from its cell borders: the rules that touch one another form a grid whose column
/// edges are the x of its vertical rules and whose row edges are the y of its horizontal rules. Two neighbouring
/// grid cells with no rule between them are one merged cell: a cell merged down several rows (a 牵头单位 shared by
/// three tasks) has no horizontal rule across its column between those rows, a group row across the table has no
/// vertical rule inside it. Every glyph goes to the cell its centre falls in, whatever line of the cell it stands on,
/// so text centred vertically in a merged cell, or wrapped over several lines, lands in its cell.
/// </summary>
internal sealed class PdfGrid
{
    /// <summary>How far apart two rules may be and still be the same edge, in points.</summary>
    private const double Tolerance = 2;

    /// <summary>Most rules of a page that are joined into grids (each pair is compared once).</summary>
    private const int MaxRules = 2_000;

    private readonly int[,] _cell;
    private readonly (int Top, int Left, int Bottom, int Right)[] _extent;

    private PdfGrid(double[] xs, double[] ys, int[,] cell, (int, int, int, int)[] extent)
    {
        Xs = xs;
        Ys = ys;
        _cell = cell;
        _extent = extent;
    }

    /// <summary>Column edges, left to right: <c>Xs.Length - 1</c> columns.</summary>
    public double[] Xs { get; }

    /// <summary>Row edges, top to bottom (y falling): <c>Ys.Length - 1</c> rows.</summary>
    public double[] Ys { get; }

    public int Columns => Xs.Length - 1;
    public int Rows => Ys.Length - 1;
    public double Left => Xs[0];
    public double Right => Xs[^1];
    public double Top => Ys[0];
    public double Bottom => Ys[^1];

    /// <summary>The merged cell holding grid cell (row, column): one id for all the grid cells it covers.</summary>
    public int CellAt(int row, int column) => _cell[row, column];

    /// <summary>The grid rows and columns a merged cell covers.</summary>
    public (int Top, int Left, int Bottom, int Right) Extent(int cell) => _extent[cell];

    public int CellCount => _extent.Length;

    /// <summary>Whether a line of text stands inside the grid (its middle between the top and bottom edges, some of it between the side edges).</summary>
    public bool Holds(PdfLine line)
    {
        var y = Middle(line);
        return y < Top && y > Bottom && line.Right > Left && line.Left < Right;
    }

    /// <summary>The height at which a line's glyphs are placed in a row: the middle of its letters, above the baseline.</summary>
    public static double Middle(PdfLine line) => line.Baseline + line.FontSize * 0.3;

    /// <summary>The grid row a height falls in, or -1 outside.</summary>
    public int RowAt(double y)
    {
        if (y >= Top || y <= Bottom) return -1;
        var r = 0;
        while (r < Rows - 1 && y < Ys[r + 1]) r++;
        return r;
    }

    /// <summary>The grid column an x falls in, or -1 outside (beyond the tolerance).</summary>
    public int ColumnAt(double x)
    {
        if (x < Left - Tolerance || x > Right + Tolerance) return -1;
        var c = 0;
        while (c < Columns - 1 && x >= Xs[c + 1]) c++;
        return c;
    }

    /// <summary>Whether this grid's columns are those of <paramref name="other"/> (a table continued on the next page).</summary>
    public bool SameColumns(PdfGrid other) =>
        other.Xs.Length == Xs.Length && Xs.Zip(other.Xs).All(p => Math.Abs(p.First - p.Second) <= Tolerance * 1.5);

    /// <summary>
    /// The grids of a page: sets of rules that touch one another with at least two columns. Rules are joined when a
    /// vertical one meets a horizontal one, or when two lie on the same line and touch.
    /// </summary>
    public static List<PdfGrid> Find(IReadOnlyList<PdfRule> vertical, IReadOnlyList<PdfHorizontalRule> horizontal)
    {
        var grids = new List<PdfGrid>();
        if (vertical.Count < 3 || horizontal.Count < 1 || vertical.Count + horizontal.Count > MaxRules) return grids;
        var parent = Enumerable.Range(0, vertical.Count + horizontal.Count).ToArray();
        int FindRoot(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }
        void Union(int a, int b) => parent[FindRoot(a)] = FindRoot(b);

        var n = vertical.Count;
        for (var i = 0; i < n; i++)
        {
            var v = vertical[i];
            for (var j = 0; j < horizontal.Count; j++)
            {
                var h = horizontal[j];
                if (h.Y >= v.Bottom - Tolerance && h.Y <= v.Top + Tolerance && v.X >= h.Left - Tolerance && v.X <= h.Right + Tolerance)
                    Union(i, n + j);
            }
            for (var k = i + 1; k < n; k++)
            {
                var w = vertical[k];
                if (Math.Abs(v.X - w.X) < Tolerance && w.Bottom <= v.Top + Tolerance && w.Top >= v.Bottom - Tolerance) Union(i, k);
            }
        }
        for (var j = 0; j < horizontal.Count; j++)
            for (var k = j + 1; k < horizontal.Count; k++)
            {
                var (h, g) = (horizontal[j], horizontal[k]);
                if (Math.Abs(h.Y - g.Y) < Tolerance && g.Left <= h.Right + Tolerance && g.Right >= h.Left - Tolerance) Union(n + j, n + k);
            }

        foreach (var component in Enumerable.Range(0, parent.Length).GroupBy(FindRoot))
        {
            var vs = component.Where(i => i < n).Select(i => vertical[i]).ToList();
            var hs = component.Where(i => i >= n).Select(i => horizontal[i - n]).ToList();
            if (vs.Count < 3 || hs.Count < 1) continue;
            if (Build(vs, hs) is { Columns: >= 2, Rows: >= 1 } grid) grids.Add(grid);
        }
        return grids;
    }

    private static PdfGrid? Build(List<PdfRule> vertical, List<PdfHorizontalRule> horizontal)
    {
        // Edges: the rules' positions; the outer ends of the rules of the other direction close a side left open.
        var xs = Cluster(vertical.Select(v => v.X));
        var ys = Cluster(horizontal.Select(h => h.Y));
        var (minX, maxX) = (horizontal.Min(h => h.Left), horizontal.Max(h => h.Right));
        var (minY, maxY) = (vertical.Min(v => v.Bottom), vertical.Max(v => v.Top));
        if (minX < xs[0] - Tolerance * 2) xs.Insert(0, minX);
        if (maxX > xs[^1] + Tolerance * 2) xs.Add(maxX);
        if (minY < ys[0] - Tolerance * 2) ys.Insert(0, minY);
        if (maxY > ys[^1] + Tolerance * 2) ys.Add(maxY);
        ys.Reverse();
        if (xs.Count < 3 || ys.Count < 2) return null;

        int columns = xs.Count - 1, rows = ys.Count - 1;
        if ((long)columns * rows > 20_000) return null;
        var parent = Enumerable.Range(0, rows * columns).ToArray();
        int FindRoot(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }

        for (var r = 0; r < rows; r++)
        {
            var middle = (ys[r] + ys[r + 1]) / 2;
            for (var c = 1; c < columns; c++)
            {
                var x = xs[c];
                if (!vertical.Any(v => Math.Abs(v.X - x) < Tolerance && v.Bottom < middle && v.Top > middle))
                    parent[FindRoot(r * columns + c - 1)] = FindRoot(r * columns + c);
            }
        }
        for (var c = 0; c < columns; c++)
        {
            var middle = (xs[c] + xs[c + 1]) / 2;
            for (var r = 1; r < rows; r++)
            {
                var y = ys[r];
                if (!horizontal.Any(h => Math.Abs(h.Y - y) < Tolerance && h.Left < middle && h.Right > middle))
                    parent[FindRoot((r - 1) * columns + c)] = FindRoot(r * columns + c);
            }
        }

        // Merged cells numbered in reading order; each covers the rectangle around its grid cells.
        var ids = new Dictionary<int, int>();
        var cell = new int[rows, columns];
        var extent = new List<(int Top, int Left, int Bottom, int Right)>();
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                var root = FindRoot(r * columns + c);
                if (!ids.TryGetValue(root, out var id))
                {
                    ids[root] = id = extent.Count;
                    extent.Add((r, c, r, c));
                }
                cell[r, c] = id;
                var (t, l, b, rt) = extent[id];
                extent[id] = (Math.Min(t, r), Math.Min(l, c), Math.Max(b, r), Math.Max(rt, c));
            }
        return new PdfGrid(xs.ToArray(), ys.ToArray(), cell, extent.ToArray());
    }

    /// <summary>Positions closer than the tolerance taken as one (their mean), ascending.</summary>
    private static List<double> Cluster(IEnumerable<double> values)
    {
        var result = new List<double>();
        var group = new List<double>();
        foreach (var value in values.Order())
        {
            if (group.Count > 0 && value - group[^1] >= Tolerance)
            {
                result.Add(group.Average());
                group.Clear();
            }
            group.Add(value);
        }
        if (group.Count > 0) result.Add(group.Average());
        return result;
    }
}
