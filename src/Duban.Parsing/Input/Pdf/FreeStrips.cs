namespace Duban.Parsing.Input.Pdf;

/// <summary>
/// Horizontal strips of a page left empty by the lines read so far: the gutters of a column page
/// (<see cref="PdfColumns"/>) and the gaps between the cells of a table without rules (<see cref="PdfTable"/>).
/// </summary>
internal static class FreeStrips
{
    /// <summary>The strips less every part a glyph covers.</summary>
    public static List<(double Left, double Right)> Subtract(List<(double Left, double Right)> strips, List<PdfGlyph> glyphs)
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
