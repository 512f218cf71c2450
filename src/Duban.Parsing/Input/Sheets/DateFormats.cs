using System.Text.RegularExpressions;

namespace Duban.Parsing.Input.Sheets;

/// <summary>What a date format shows: the day (2023年5月31日) or only the year and month (2024年12月).</summary>
internal enum DateShape
{
    Day,
    YearMonth,
}

/// <summary>
/// Which number formats show a date, and whether they show the day, the same for every workbook format: a 完成时限
/// typed as 2024-12-1 and shown as 2024年12月 means the month (due 2024-12-31), not its first day.
/// </summary>
internal static partial class DateFormats
{
    /// <summary>
    /// The built-in Excel date formats; 17 (mmm-yy) and, in a Chinese Excel, 27, 36, 50, 52 and 57 (yyyy"年"m"月") show
    /// the year and month only.
    /// </summary>
    public static DateShape? BuiltIn(int id) => id switch
    {
        17 or 27 or 36 or 50 or 52 or 57 => DateShape.YearMonth,
        >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58 => DateShape.Day,
        _ => null,
    };

    /// <summary>
    /// Whether an Excel format code shows a date, and which: a year and a month and no day (yyyy"年"m"月", yyyy.mm,
    /// mmm-yy) is a month.
    /// </summary>
    public static DateShape? OfCode(string code)
    {
        var bare = QuotedOrBracketed().Replace(code, "");
        var isDate = bare.IndexOfAny(['y', 'Y', 'd', 'D']) >= 0 || bare.Contains('年', StringComparison.Ordinal) || bare.Contains('月', StringComparison.Ordinal);
        if (!isDate) return null;
        var monthOnly = bare.IndexOfAny(['y', 'Y']) >= 0 && bare.IndexOfAny(['m', 'M']) >= 0 && bare.IndexOfAny(['d', 'D', 'h', 'H', 's', 'S']) < 0;
        return monthOnly ? DateShape.YearMonth : DateShape.Day;
    }

    /// <summary>A date cell's text in the shape its format shows.</summary>
    public static string Text(DateTime date, DateShape shape) =>
        shape == DateShape.YearMonth ? SheetGrid.MonthText(date) : SheetGrid.DateText(date);

    [GeneratedRegex(@"""[^""]*""|\[[^\]]*\]|\\.")]
    private static partial Regex QuotedOrBracketed();
}
