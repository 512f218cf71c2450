using System.Globalization;
using System.Text.RegularExpressions;

namespace Duban.Parsing.Input.Sheets;

/// <summary>A range of merged cells, 1-based and inclusive.</summary>
internal readonly record struct MergedRange(int Top, int Left, int Bottom, int Right);

/// <summary>
/// One sheet of a workbook as every spreadsheet reader (.xlsx, .xls/.et, .ods) gives it: the filled cells by row and
/// column (1-based; blank cells are absent) and the merged ranges. <see cref="SheetLayout"/> turns it into lines, so
/// the rules for titles, headers and merged cells are the same whatever the file format.
/// </summary>
internal sealed partial class SheetGrid(string name)
{
    /// <summary>Task tables have a dozen columns; cells further right are not kept.</summary>
    public const int MaxColumns = 64;

    public string Name { get; } = name;

    public SortedDictionary<int, SortedDictionary<int, string>> Rows { get; } = [];

    public List<MergedRange> Merges { get; } = [];

    /// <summary>Keeps a cell's text, tidied (<see cref="Clean"/>); blank text and columns past <see cref="MaxColumns"/> are not kept.</summary>
    public void Set(int row, int column, string text)
    {
        if (column < 1 || column > MaxColumns || row < 1 || string.IsNullOrWhiteSpace(text)) return;
        if (!Rows.TryGetValue(row, out var cells)) Rows[row] = cells = [];
        cells[column] = text;
    }

    /// <summary>A cell's text on one line: tabs, line breaks and control characters become a space, as in a .docx cell.</summary>
    public static string Clean(string value) => CellBreaks().Replace(value, " ").Trim();

    /// <summary>A date as a plan writes it: 2023年5月31日.</summary>
    public static string DateText(DateTime date) => date.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture);

    /// <summary>A date whose format shows only its year and month, as a plan writes a month: 2024年12月.</summary>
    public static string MonthText(DateTime date) => date.ToString("yyyy'年'M'月'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[\t\r\n\f\v\u2028\u2029\u0000-\u0008]+")]
    private static partial Regex CellBreaks();
}
