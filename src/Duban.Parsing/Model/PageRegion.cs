namespace Duban.Parsing.Model;

/// <summary>
/// Where a piece of the text stands in a PDF: <c>Text[Start..End)</c> was read from page <see cref="Page"/> (1-based),
/// inside the box <see cref="Left"/>–<see cref="Right"/> × <see cref="Bottom"/>–<see cref="Top"/>, in PDF points from
/// the page's lower-left corner (y upwards), rounded to 0.1 point. A paragraph has one region per printed line; a table
/// row one per cell and page (a cell merged down several rows gives each row that repeats its text the merged cell's box).
/// </summary>
public sealed record PageRegion(int Start, int End, int Page, double Left, double Bottom, double Right, double Top)
{
    internal static PageRegion Create(int start, int end, int page, double left, double bottom, double right, double top) =>
        new(start, end, page, Round(left), Round(bottom), Round(right), Round(top));

    internal PageRegion Shift(int offset) => this with { Start = Start + offset, End = End + offset };

    private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 1) : 0;
}
