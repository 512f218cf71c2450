using System.Globalization;
using System.Text;
using Duban.Parsing.Input.Sheets;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Duban.Parsing.Input.Xls;

/// <summary>
/// Reads an Excel 97-2003 workbook (.xls) or a WPS 表格 file (.et) in the same BIFF format, with ExcelDataReader, into
/// the sheet grids the .xlsx reader makes, so that a 分工表 reads the same whichever format it was saved in. See
/// docs/input-formats.md, "Spreadsheets".
/// </summary>
internal static class XlsTextExtractor
{
    public const string Format = "xls";

    static XlsTextExtractor()
    {
        // ExcelDataReader looks code pages up through Encoding.GetEncoding (its default fallback is 1252; BIFF5 and
        // WPS files declare 936 for GBK strings), which on .NET finds only what a registered provider supplies. The
        // rest of the library keeps its own CodePagesEncodingProvider instance; this is the one place that needs the
        // process-wide registration, and registering the provider again is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static SourceText Extract(ReadOnlySpan<byte> content, InputLimits limits)
    {
        var sheets = new List<SheetGrid>();
        var budget = new CellBudget(limits, ".xls", InputErrorCodes.XlsTooLarge);
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            // A workbook without a CODEPAGE record is most likely a Chinese one written by WPS or an old Excel.
            using var reader = ExcelReaderFactory.CreateBinaryReader(stream, new ExcelReaderConfiguration { FallbackEncoding = Encoding.GetEncoding(936) });
            do
            {
                if (reader.VisibleState is "hidden" or "veryhidden") continue;
                sheets.Add(ReadSheet(reader, budget));
            }
            while (reader.NextResult());
        }
        catch (InvalidPasswordException)
        {
            throw new PlanInputException(InputErrorCodes.XlsEncrypted,
                "该 .xls 文件设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码后另存，再导入。");
        }
        catch (Exception e) when (e is not (PlanInputException or OutOfMemoryException))
        {
            // Anything ExcelDataReader throws on a broken file (its own exceptions, but also index and stream errors
            // from truncated records) means the same to the user: the file cannot be read.
            throw new PlanInputException(InputErrorCodes.XlsCorrupt, "不是有效的 .xls 文件（Excel 97-2003 工作簿已损坏或被截断，无法读取）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。");
        }
        return SheetLayout.Text(sheets, Format, ".xls");
    }

    private static SheetGrid ReadSheet(IExcelDataReader reader, CellBudget budget)
    {
        var sheet = new SheetGrid(reader.Name ?? "");
        var row = 0;
        while (reader.Read())
        {
            row++;
            var columns = Math.Min(reader.FieldCount, SheetGrid.MaxColumns);
            for (var c = 0; c < columns; c++)
            {
                var value = reader.GetValue(c);
                // A hidden column (ExcelDataReader gives it no width) is not read, as in the .xlsx reader: a helper
                // column of contacts or formulas is not what the sheet shows.
                if (value is null || reader.GetColumnWidth(c) == 0) continue;
                budget.SpendCell();
                var text = SheetGrid.Clean(Text(value, value is DateTime ? ShapeOf(reader, c) : DateShape.Day));
                budget.SpendText(text.Length);
                sheet.Set(row, c + 1, text);
            }
        }
        foreach (var merge in reader.MergeCells ?? [])
        {
            budget.SpendCell();
            if (merge.ToRow >= merge.FromRow && merge.ToColumn >= merge.FromColumn)
                sheet.Merges.Add(new MergedRange(merge.FromRow + 1, merge.FromColumn + 1, merge.ToRow + 1, merge.ToColumn + 1));
        }
        return sheet;
    }

    /// <summary>
    /// What a date cell's format shows, by the rules of the .xlsx reader: a built-in format by its id, a custom one
    /// (LibreOffice and WPS write even 2024年12月 as one) by its code.
    /// </summary>
    private static DateShape ShapeOf(IExcelDataReader reader, int column)
    {
        const int FirstCustomFormat = 164;
        var index = reader.GetNumberFormatIndex(column);
        if (index is >= 0 and < FirstCustomFormat && DateFormats.BuiltIn(index) is { } builtIn) return builtIn;
        return DateFormats.OfCode(reader.GetNumberFormatString(column) ?? "") ?? DateShape.Day;
    }

    /// <summary>
    /// A value as the .xlsx reader shows it: numbers in invariant form, dates as 2023年5月31日, or as 2024年12月 where
    /// the format shows only the year and month.
    /// </summary>
    private static string Text(object value, DateShape shape) => value switch
    {
        string s => s,
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime date => DateFormats.Text(date, shape),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
