using System.Text;
using UglyToad.PdfPig.Content;

namespace Duban.Parsing.Input.Pdf;

/// <summary>
/// Rebuilds lines from glyph positions: glyphs are grouped by baseline (within a third of the font size), sorted left to
/// right, and split into segments where the gap is at least two characters wide. Space glyphs are not text but tell a
/// typed space from a mere shift: a space typed between Chinese and a digit is kept (1 改扩建), and a line whose wide
/// gaps are all typed spaces is <see cref="PdfLine.SpaceAligned"/>. Reading order is top to bottom, which
/// is the order of a one-column government document. Vertical and rotated text (seals, side notes) is left out.
/// </summary>
internal static class PdfLineBuilder
{
    public static List<PdfLine> Build(IReadOnlyList<Letter> letters, double pageWidth, double pageHeight)
    {
        var glyphs = new List<Letter>(letters.Count);
        foreach (var letter in letters)
        {
            if (string.IsNullOrEmpty(letter.Value)) continue;
            if (letter.TextOrientation is not (TextOrientation.Horizontal or TextOrientation.Other)) continue;
            if (letter.EndBaseLine.X < letter.StartBaseLine.X - 0.01) continue;
            glyphs.Add(letter);
        }
        glyphs.Sort((a, b) => b.StartBaseLine.Y.CompareTo(a.StartBaseLine.Y));

        var rows = new List<List<Letter>>();
        var baselines = new List<double>();
        foreach (var glyph in glyphs)
        {
            var size = Size(glyph);
            var y = glyph.StartBaseLine.Y;
            if (rows.Count > 0 && Math.Abs(baselines[^1] - y) <= size * 0.35) rows[^1].Add(glyph);
            else { rows.Add([glyph]); baselines.Add(y); }
        }

        var lines = new List<PdfLine>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            row.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
            var fontSize = row.Select(Size).OrderBy(s => s).ElementAt(row.Count / 2);
            var segments = new List<PdfSegment>();
            var positioned = new List<PdfGlyph>(row.Count);
            var sb = new StringBuilder();
            double left = double.NaN, right = double.NaN, previousEnd = double.NaN;
            double bottom = double.MaxValue, top = double.MinValue;
            var typedSpaces = 0;
            // Wide gaps (as wide as a glyph) with and without typed spaces in them.
            int wideTyped = 0, wideDrawn = 0;
            foreach (var glyph in row)
            {
                // A space glyph is a space typed in the document; the gap Word and LibreOffice put between Chinese and
                // digits by themselves is only a shift of the next glyph. A space glyph is not text of its own.
                if (string.IsNullOrWhiteSpace(glyph.Value))
                {
                    if (!double.IsNaN(previousEnd)) typedSpaces++;
                    continue;
                }
                var start = Math.Min(glyph.StartBaseLine.X, glyph.BoundingBox.Left);
                if (double.IsNaN(left)) left = right = start;
                var end = Math.Max(glyph.EndBaseLine.X, glyph.BoundingBox.Right);
                if (!double.IsNaN(previousEnd))
                {
                    var gap = start - previousEnd;
                    if (gap >= fontSize * 0.95 && sb.Length > 0)
                    {
                        if (typedSpaces > 0) wideTyped++;
                        else wideDrawn++;
                    }
                    if (gap < -fontSize * 0.5 && sb.Length > 0 && glyph.Value == sb[^1].ToString()) continue; // fake bold: glyph drawn twice
                    if (gap >= fontSize * 1.8)
                    {
                        segments.Add(new PdfSegment(Clean(sb), left, right));
                        sb.Clear();
                        left = start;
                    }
                    // A gap as wide as a glyph, or two typed spaces, keep two spaces: columns aligned with spaces (a
                    // table typed or copied as text) read as they were typed, split at runs of spaces.
                    else if (sb.Length > 0 && sb[^1] != ' ' && (gap >= fontSize * 0.95 || typedSpaces >= 2)) sb.Append("  ");
                    else if (sb.Length > 0 && sb[^1] != ' ' && (typedSpaces > 0 || gap >= fontSize * (AutoSpaced(sb[^1], glyph.Value[0]) ? 0.6 : 0.25))) sb.Append(' ');
                }
                typedSpaces = 0;
                sb.Append(glyph.Value);
                positioned.Add(new PdfGlyph(glyph.Value, start, end, Size(glyph), glyph.StartBaseLine.Y));
                bottom = Math.Min(bottom, Math.Min(glyph.BoundingBox.Bottom, glyph.StartBaseLine.Y));
                top = Math.Max(top, glyph.BoundingBox.Top);
                right = Math.Max(right, end);
                previousEnd = end;
            }
            segments.Add(new PdfSegment(Clean(sb), left, right));
            segments.RemoveAll(s => s.Text.Length == 0);
            if (segments.Count == 0) continue;
            // A glyph box can be degenerate (a font without metrics): the line is at least its font size high.
            if (!(top - bottom > 0) || top - bottom > fontSize * 4) (bottom, top) = (baselines[i] - fontSize * 0.2, baselines[i] + fontSize * 0.8);
            lines.Add(new PdfLine
            {
                Segments = segments, Glyphs = positioned, Baseline = baselines[i], FontSize = fontSize, Bottom = bottom, Top = top,
                SpaceAligned = wideTyped > 0 && wideDrawn == 0,
            });
        }
        return lines;
    }

    /// <summary>
    /// A Chinese character or full-width sign next to a digit or a Latin letter. Chinese is written without spaces: the
    /// gap between the two (Word's and LibreOffice's 自动调整中文与西文/数字的间距, about a quarter of a character, more
    /// in a justified line) is not a space, or 2022年 would read 2022 年 in a PDF and not in the document it was
    /// printed from. Between two Chinese characters a gap of a quarter is a space (units listed with spaces).
    /// </summary>
    private static bool AutoSpaced(char before, char after) =>
        (Wide(before) && char.IsAsciiLetterOrDigit(after)) || (char.IsAsciiLetterOrDigit(before) && Wide(after));

    private static bool Wide(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u3000' and <= '\u303F';

    private static double Size(Letter letter)
    {
        var size = letter.PointSize > 0 ? letter.PointSize : letter.BoundingBox.Height;
        return size is > 0 and < 200 ? size : 10;
    }

    private static string Clean(StringBuilder sb)
    {
        for (var i = 0; i < sb.Length; i++)
            if (char.IsControl(sb[i]) || sb[i] is '\u2028' or '\u2029') sb[i] = ' ';
        return sb.ToString().Trim();
    }
}
