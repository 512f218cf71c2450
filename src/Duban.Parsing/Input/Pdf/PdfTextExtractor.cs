using System.Globalization;
using System.Text;
using Duban.Parsing.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Duban.Parsing.Input.Pdf;

/// <summary>
/// Extracts the text of a PDF with a text layer: glyphs are read with PdfPig, grouped into lines by baseline, lines
/// wrapped at the page width joined into paragraphs, running headers, footers and page numbers dropped, and table rows
/// rebuilt from glyph positions as tab-separated lines (the shape the .docx reader gives table rows).
/// </summary>
/// <remarks>
/// A page map comes with the text: <see cref="SourceText.PageStarts"/>[i] is the offset in the text where page i + 1
/// begins, so any span can be told its page. A PDF with no text at all (a scan) is refused with pdf.noText.
/// </remarks>
internal static class PdfTextExtractor
{
    public const string Format = "pdf";

    public static SourceText Extract(ReadOnlySpan<byte> content, InputLimits limits)
    {
        var pages = new List<PdfPageLines>();
        var imagePages = 0;
        try
        {
            using var document = PdfDocument.Open(content.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.IsEncrypted && document.NumberOfPages == 0)
                throw Encrypted();
            if (document.NumberOfPages > limits.MaxPdfPages)
                throw new PlanInputException(InputErrorCodes.PdfTooManyPages, string.Create(CultureInfo.InvariantCulture,
                    $"该 PDF 有 {document.NumberOfPages:N0} 页，超过 {limits.MaxPdfPages:N0} 页的上限，未读取。请只导入方案本身（可拆分 PDF 或提供 .docx）。"));

            long characters = 0;
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                var page = document.GetPage(number);
                var lines = PdfLineBuilder.Build(page.Letters, page.Width, page.Height);
                foreach (var line in lines) characters += line.Text.Length + 1;
                if (characters > limits.MaxDocxTextCharacters)
                    throw new PlanInputException(InputErrorCodes.PdfTooLarge, string.Create(CultureInfo.InvariantCulture,
                        $"PDF 正文超过 {limits.MaxDocxTextCharacters:N0} 个字符的上限，已停止读取。"));
                if (lines.Count == 0 && page.NumberOfImages > 0) imagePages++;
                var (vertical, horizontal, shades) = lines.Count > 0 ? PdfRules.Read(page) : ([], [], []);
                pages.Add(new PdfPageLines(number, page.Width, page.Height, lines) { Rules = vertical, HorizontalRules = horizontal, Shades = shades });
            }
        }
        catch (PdfDocumentEncryptedException)
        {
            throw Encrypted();
        }
        catch (PlanInputException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not StackOverflowException)
        {
            // PdfPig throws many kinds (PdfDocumentFormatException, InvalidOperationException, ArgumentException,
            // IndexOutOfRange on a broken stream, …). None of them may escape as a crash.
            throw new PlanInputException(InputErrorCodes.PdfCorrupt, "不是有效的 PDF 文件（文件已损坏或结构无法识别，无法读取）。请重新导出 PDF，或提供 .docx 文件。");
        }

        if (pages.All(p => p.Lines.Count == 0))
            throw new PlanInputException(InputErrorCodes.PdfNoText, imagePages > 0
                ? "该 PDF 没有文字层（是扫描件或图片），无法读取其中的文字。请提供 .docx 文件或带文字的 PDF（由 Word/WPS 直接导出），或先用 OCR 软件识别后再导入。"
                : "该 PDF 中没有可读取的文字。请提供 .docx 文件或带文字的 PDF（由 Word/WPS 直接导出）。");

        PdfRunningText.Remove(pages);
        string text;
        IReadOnlyList<int> pageStarts;
        IReadOnlyList<PageRegion> regions;
        try
        {
            (text, pageStarts, regions) = PdfParagraphs.Write(pages);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not PlanInputException)
        {
            // Rebuilding paragraphs and tables must never fail a PDF that was read: should it, the lines are given as
            // they stand, one per line.
            (text, pageStarts, regions) = PdfParagraphs.WriteLines(pages);
        }
        if (string.IsNullOrWhiteSpace(text))
            throw new PlanInputException(InputErrorCodes.PdfNoText, "该 PDF 除页眉页脚外没有可读取的文字。");
        return new SourceText(text, Format, null, []) { PageStarts = pageStarts, Regions = regions };
    }

    private static PlanInputException Encrypted() => new(InputErrorCodes.PdfEncrypted,
        "该 PDF 已加密（设有打开密码），无法读取。请取消密码后重新导出，或提供 .docx 文件。");
}

/// <summary>One page's lines, top to bottom, in PDF units (points, y upwards).</summary>
internal sealed record PdfPageLines(int Number, double Width, double Height, List<PdfLine> Lines)
{
    /// <summary>The page's vertical rules (table borders): x and the y range they cover.</summary>
    public IReadOnlyList<PdfRule> Rules { get; init; } = [];

    /// <summary>The page's horizontal rules (table borders): y and the x range they cover.</summary>
    public IReadOnlyList<PdfHorizontalRule> HorizontalRules { get; init; } = [];

    /// <summary>The page's filled rectangles that are no rule: shaded cells, and boxes shaded without a rule round them.</summary>
    public IReadOnlyList<PdfShade> Shades { get; init; } = [];
}

/// <summary>A filled rectangle (a shaded area), in PDF points, y upwards.</summary>
internal readonly record struct PdfShade(double Left, double Right, double Bottom, double Top);

internal readonly record struct PdfRule(double X, double Bottom, double Top);

internal readonly record struct PdfHorizontalRule(double Y, double Left, double Right);

internal static class PdfRules
{
    /// <summary>Most rules kept in each direction; a page of vector drawing beyond it is not a table.</summary>
    public const int MaxRules = 5_000;

    /// <summary>
    /// Vertical and horizontal strokes, and thin filled rectangles, at least 5 points long: the cell borders of a ruled
    /// table. A stroked path counts with each of its straight sides (a cell drawn as a stroked rectangle); a filled
    /// path only as a whole when it is thin (a border drawn as a filled bar), never with its outline (a shaded cell).
    /// </summary>
    public static (List<PdfRule> Vertical, List<PdfHorizontalRule> Horizontal, List<PdfShade> Shades) Read(UglyToad.PdfPig.Content.Page page)
    {
        var vertical = new List<PdfRule>();
        var horizontal = new List<PdfHorizontalRule>();
        var shades = new List<PdfShade>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping) continue;
            foreach (var subpath in path)
            {
                if (vertical.Count >= MaxRules || horizontal.Count >= MaxRules) return (vertical, horizontal, shades);
                if (subpath.GetBoundingRectangle() is { } box)
                {
                    if (box.Width < 2.5 && box.Height > 5)
                    {
                        vertical.Add(new PdfRule((box.Left + box.Right) / 2, box.Bottom, box.Top));
                        continue;
                    }
                    if (box.Height < 2.5 && box.Width > 5)
                    {
                        horizontal.Add(new PdfHorizontalRule((box.Bottom + box.Top) / 2, box.Left, box.Right));
                        continue;
                    }
                    // A filled rectangle that is no rule: a shaded cell or a box shaded grey without a rule round it. A
                    // closed shape that is no upright rectangle — a box with rounded corners (Bézier curves), bevelled,
                    // an ellipse — stroked or filled, is kept the same way, as its bounding box: whether it is a box is
                    // told by the text in it (PdfFrame.Find), as for a shade.
                    if (box.Width > 20 && box.Height > 10 && shades.Count < MaxRules
                        && (path.IsFilled && IsRectangle(subpath) || (path.IsFilled || path.IsStroked) && IsOutline(subpath)))
                        shades.Add(new PdfShade(box.Left, box.Right, box.Bottom, box.Top));
                }
                if (!path.IsStroked) continue;
                UglyToad.PdfPig.Core.PdfPoint? start = null, current = null;
                foreach (var command in subpath.Commands)
                {
                    switch (command)
                    {
                        case UglyToad.PdfPig.Core.PdfSubpath.Move move:
                            start = current = move.Location;
                            break;
                        case UglyToad.PdfPig.Core.PdfSubpath.Line line:
                            Add(line.From, line.To);
                            current = line.To;
                            break;
                        case UglyToad.PdfPig.Core.PdfSubpath.BezierCurve curve:
                            current = curve.EndPoint;
                            break;
                        case UglyToad.PdfPig.Core.PdfSubpath.Close when start is { } s && current is { } c:
                            Add(c, s);
                            current = s;
                            break;
                    }
                }
            }
        }
        return (vertical, horizontal, shades);

        // Straight sides only, each vertical or horizontal: an upright rectangle, not a rounded or free shape.
        static bool IsRectangle(UglyToad.PdfPig.Core.PdfSubpath subpath)
        {
            var sides = 0;
            foreach (var command in subpath.Commands)
            {
                if (command is UglyToad.PdfPig.Core.PdfSubpath.BezierCurve) return false;
                if (command is UglyToad.PdfPig.Core.PdfSubpath.Line line)
                {
                    if (Math.Abs(line.From.X - line.To.X) >= 1 && Math.Abs(line.From.Y - line.To.Y) >= 1) return false;
                    sides++;
                }
            }
            return sides >= 2;
        }

        // A closed shape of curves or of straight sides not all upright (a rounded or bevelled box): not a rectangle,
        // whose stroked sides are read as rules and form a frame of their own.
        static bool IsOutline(UglyToad.PdfPig.Core.PdfSubpath subpath)
        {
            if (!subpath.IsClosed()) return false;
            var (curves, slanted) = (0, 0);
            foreach (var command in subpath.Commands)
            {
                if (command is UglyToad.PdfPig.Core.PdfSubpath.BezierCurve) curves++;
                else if (command is UglyToad.PdfPig.Core.PdfSubpath.Line line
                         && Math.Abs(line.From.X - line.To.X) >= 1 && Math.Abs(line.From.Y - line.To.Y) >= 1) slanted++;
            }
            return curves + slanted >= 2;
        }

        void Add(UglyToad.PdfPig.Core.PdfPoint from, UglyToad.PdfPig.Core.PdfPoint to)
        {
            if (Math.Abs(from.X - to.X) < 1 && Math.Abs(from.Y - to.Y) > 5)
                vertical.Add(new PdfRule((from.X + to.X) / 2, Math.Min(from.Y, to.Y), Math.Max(from.Y, to.Y)));
            else if (Math.Abs(from.Y - to.Y) < 1 && Math.Abs(from.X - to.X) > 5)
                horizontal.Add(new PdfHorizontalRule((from.Y + to.Y) / 2, Math.Min(from.X, to.X), Math.Max(from.X, to.X)));
        }
    }
}

/// <summary>
/// A line of glyphs sharing a baseline. <see cref="Segments"/> are runs separated by a gap of at least two characters:
/// one segment for running text, several for a table row or a tab-aligned line.
/// </summary>
internal sealed class PdfLine
{
    public required List<PdfSegment> Segments { get; init; }

    /// <summary>Every glyph, left to right: its text and horizontal extent, for cutting the line at table columns.</summary>
    public required List<PdfGlyph> Glyphs { get; init; }
    public required double Baseline { get; init; }
    public required double FontSize { get; init; }

    /// <summary>The lowest and highest points of the line's glyphs (PDF points, y upwards).</summary>
    public required double Bottom { get; init; }
    public required double Top { get; init; }
    public double Left => Segments[0].Left;
    public double Right => Segments[^1].Right;
    // Segments are apart by two characters or more: two spaces keep them apart as the columns of text aligned with spaces.
    public string Text => Segments.Count == 1 ? Segments[0].Text : string.Join("  ", Segments.Select(s => s.Text));

    /// <summary>
    /// A line whose wide gaps are all runs of typed spaces: text aligned with spaces (a table typed into a document or
    /// a mail, printed in a proportional font, so that its columns no longer line up), not a table a layout program
    /// drew, whose cells are placed without spaces between them. It is not read as a table from positions; its runs of
    /// spaces are kept for the space-separated table reader.
    /// </summary>
    public bool SpaceAligned { get; init; }

    /// <summary>For a line of a column of a page set in two columns: the column's left and right edges (its margins).</summary>
    public double? ColumnLeft { get; init; }
    public double? ColumnRight { get; init; }

    /// <summary>
    /// 0 for the page's body; for a line of a sidebar or a text box (<see cref="PdfAsides"/>), a number of its own for
    /// each block on the page: a line is never joined to a line of another block.
    /// </summary>
    public int Aside { get; init; }

    /// <summary>
    /// For a body line cut in two by a text box standing in the middle of the text (the body on both sides of it), read
    /// left piece then right piece as one line: where the right piece starts in <see cref="Text"/>, and the box's gap
    /// (the left piece's right end, the right piece's left end), so each piece keeps a region of its own.
    /// </summary>
    public (int At, double Left, double Right)? Bridge { get; init; }

    /// <summary>The page the line was read from when it is written with another page's lines (a block moved on past a page break); 0 otherwise.</summary>
    public int Page { get; init; }

    /// <summary>
    /// For a body line beside a text box that stands over the gutter of a page in columns (not read across the box):
    /// the box's top, so that each column's lines beside the same box are joined at the margins the box narrows
    /// them to (<see cref="PdfColumns"/>); null otherwise.
    /// </summary>
    public double? Beside { get; init; }

    /// <summary>
    /// Whether the line starts at a left margin, not indented: within 0.6 of a character of it, or 1.1 when it starts
    /// with an opening bracket or quote. Such a glyph's left half is blank, and Chinese layout may set it half a
    /// character in at the start of a line (LibreOffice does after a line whose full stop hangs in the margin), which
    /// is still far short of a paragraph's two-character indent.
    /// </summary>
    public bool StartsAt(double margin) =>
        Left <= margin + FontSize * (Glyphs.Count > 0 && Glyphs[0].Value is "（" or "(" or "《" or "“" or "〔" or "【" or "「" or "『" or "〈" or "［" ? 1.1 : 0.6);

    public PdfLine InColumn(double left, double right, int aside = 0) => new()
    {
        Segments = Segments, Glyphs = Glyphs, Baseline = Baseline, FontSize = FontSize, Bottom = Bottom, Top = Top,
        ColumnLeft = left, ColumnRight = right, Aside = aside, Bridge = Bridge, Page = Page, Beside = Beside, SpaceAligned = SpaceAligned,
    };

    /// <summary>The same line, written among another page's lines: it keeps the page it was read from, and a block number of that page.</summary>
    public PdfLine OnPage(int page, int aside) => new()
    {
        Segments = Segments, Glyphs = Glyphs, Baseline = Baseline, FontSize = FontSize, Bottom = Bottom, Top = Top,
        ColumnLeft = ColumnLeft, ColumnRight = ColumnRight, Aside = aside, Bridge = Bridge, Page = Page == 0 ? page : Page, Beside = Beside, SpaceAligned = SpaceAligned,
    };

    /// <summary>The same line marked as standing beside a box over a gutter (<see cref="Beside"/>).</summary>
    public PdfLine BesideBox(double top) => new()
    {
        Segments = Segments, Glyphs = Glyphs, Baseline = Baseline, FontSize = FontSize, Bottom = Bottom, Top = Top,
        ColumnLeft = ColumnLeft, ColumnRight = ColumnRight, Aside = Aside, Bridge = Bridge, Page = Page, Beside = top, SpaceAligned = SpaceAligned,
    };

    /// <summary>
    /// One line of the glyphs on both sides of a gap (a text box in the middle of the text): the left piece, then the
    /// right, joined as the pieces of a wrapped line are (no space between CJK text), as one segment.
    /// </summary>
    public static PdfLine? Bridged(List<PdfGlyph> left, List<PdfGlyph> right, PdfLine line)
    {
        if (Of(left, line) is not { } l || Of(right, line) is not { } r) return null;
        var sb = new StringBuilder(l.Text);
        PdfTextUtil.AppendJoined(sb, r.Text);
        var at = sb.Length - r.Text.Length;
        return new PdfLine
        {
            Segments = [new PdfSegment(sb.ToString(), l.Left, r.Right)], Glyphs = [.. left, .. right],
            Baseline = Math.Max(l.Baseline, r.Baseline), FontSize = l.FontSize, Bottom = Math.Min(l.Bottom, r.Bottom), Top = Math.Max(l.Top, r.Top),
            Bridge = (at, l.Right, r.Left),
        };
    }

    /// <summary>
    /// What the line covers across the page, for finding gutters: its glyphs, and the gap it bridges (a box stands
    /// there, so no gutter runs through it).
    /// </summary>
    public List<PdfGlyph> Cover() => Bridge is { } b ? [.. Glyphs, new PdfGlyph("", b.Left, b.Right)] : Glyphs;

    /// <summary>
    /// A line of some of this line's glyphs (those beside a table, or in one column), cut into segments the same way;
    /// null when they hold no text. Its font size and baseline are its own glyphs' (the median size, the highest
    /// baseline, as for a built line): a sidebar in smaller type, or a column whose lines stand a little lower than
    /// the next column's, may share a built line with the text beside it.
    /// </summary>
    public static PdfLine? Of(List<PdfGlyph> glyphs, PdfLine line)
    {
        var sizes = glyphs.Where(g => g.Size > 0).Select(g => g.Size).Order().ToList();
        var fontSize = sizes.Count > 0 ? sizes[sizes.Count / 2] : line.FontSize;
        var shift = sizes.Count > 0 ? glyphs.Where(g => g.Size > 0).Max(g => g.Baseline) - line.Baseline : 0;
        var segments = new List<PdfSegment>();
        var start = 0;
        for (var i = 1; i <= glyphs.Count; i++)
        {
            if (i < glyphs.Count && glyphs[i].Left - glyphs[i - 1].Right < fontSize * 1.8) continue;
            var run = glyphs.GetRange(start, i - start);
            var sb = new StringBuilder();
            for (var k = 0; k < run.Count; k++)
            {
                if (k > 0 && run[k].Left - run[k - 1].Right >= fontSize * 0.25) sb.Append(' ');
                sb.Append(run[k].Value);
            }
            var text = sb.ToString().Trim();
            if (text.Length > 0) segments.Add(new PdfSegment(text, run[0].Left, run[^1].Right));
            start = i;
        }
        return segments.Count == 0 ? null : new PdfLine
        {
            Segments = segments, Glyphs = glyphs, Baseline = line.Baseline + shift, FontSize = fontSize, Bottom = line.Bottom + shift, Top = line.Top + shift,
        };
    }
}

/// <summary>A glyph's text, horizontal extent, font size and baseline (0 when not known).</summary>
internal readonly record struct PdfGlyph(string Value, double Left, double Right, double Size = 0, double Baseline = 0)
{
    public double Center => (Left + Right) / 2;
}

internal sealed record PdfSegment(string Text, double Left, double Right)
{
    public double Center => (Left + Right) / 2;
}

internal static class PdfTextUtil
{
    public static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

    /// <summary>Joins two pieces of a wrapped line: no space between CJK text, one space between Latin words.</summary>
    public static void AppendJoined(StringBuilder sb, string next)
    {
        if (sb.Length > 0 && next.Length > 0 && !IsCjk(sb[^1]) && !IsCjk(next[0]) && sb[^1] != ' ' && char.IsLetter(sb[^1]) && char.IsLetter(next[0]))
            sb.Append(' ');
        sb.Append(next);
    }
}
