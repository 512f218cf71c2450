using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Duban.Parsing.Input.Docx;
using Duban.Parsing.Input.Sheets;

namespace Duban.Parsing.Input.Ods;

/// <summary>
/// Reads an OpenDocument spreadsheet (.ods, as LibreOffice and WPS save it) into the sheet grids the .xlsx reader
/// makes. No maintained .NET library reads .ods well, so content.xml is read here with a forward-only XmlReader over the
/// same bounded ZIP package as .docx. See docs/input-formats.md, "Spreadsheets".
/// </summary>
/// <remarks>
/// ODF compresses a sheet by repetition: <c>table:number-columns-repeated</c> and <c>table:number-rows-repeated</c>
/// say a cell or row stands for many. Empty repeats (every saved sheet ends with a million empty cells) cost nothing:
/// only the column or row index moves. A filled cell is spent from the cell budget as many times as it repeats, before
/// anything is made of it, so a cell repeated a billion times is refused (ods.tooLarge) without being expanded.
/// </remarks>
internal static partial class OdsTextExtractor
{
    public const string Format = "ods";

    private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string StyleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

    // Beyond what any spreadsheet program addresses (LibreOffice: 16 million rows); a filled row past it is refused.
    private const long MaxRowIndex = 100_000_000;

    // A run of spaces (text:s text:c) longer than this is layout, not text.
    private const int MaxSpaces = 64;

    public static SourceText Extract(ReadOnlySpan<byte> content, InputLimits limits)
    {
        var sheets = new List<SheetGrid>();
        try
        {
            using var package = DocxPackage.Open(content.ToArray(), limits);
            if (!package.HasPart("content.xml"))
                throw new PlanInputException(InputErrorCodes.OdsCorrupt, "不是有效的 .ods 文件（ZIP 包中没有 content.xml）。");
            var budget = new CellBudget(limits, ".ods", InputErrorCodes.OdsTooLarge);
            var dates = new OdsDateStyles();
            if (package.HasPart("styles.xml"))
                package.Read("styles.xml", package.AuxiliaryPartLimit, reader => { while (reader.Read()) dates.Read(reader); });
            package.Read("content.xml", package.MainPartLimit, reader => ReadContent(reader, sheets, budget, dates));
        }
        catch (PlanInputException e) when (e.Code is InputErrorCodes.DocxCorrupt or InputErrorCodes.DocxTooLarge)
        {
            throw new PlanInputException(e.Code == InputErrorCodes.DocxCorrupt ? InputErrorCodes.OdsCorrupt : InputErrorCodes.OdsTooLarge,
                e.Message.Replace(".docx", ".ods", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or NotSupportedException or ArgumentException
                                      or InvalidOperationException or FormatException or OverflowException or UnauthorizedAccessException)
        {
            throw new PlanInputException(InputErrorCodes.OdsCorrupt, "不是有效的 .ods 文件（文件已损坏，无法读取）。");
        }
        return SheetLayout.Text(sheets, Format, ".ods");
    }

    private static bool Is(XmlReader reader, string ns, string localName) =>
        reader.NodeType == XmlNodeType.Element && reader.LocalName == localName && reader.NamespaceURI == ns;

    private static void ReadContent(XmlReader reader, List<SheetGrid> sheets, CellBudget budget, OdsDateStyles dates)
    {
        var hiddenStyles = new HashSet<string>(StringComparer.Ordinal);
        string? style = null;
        while (reader.Read())
        {
            if (Is(reader, OdsDateStyles.NumberNs, "date-style")) dates.Read(reader);
            else if (Is(reader, StyleNs, "style"))
            {
                dates.Read(reader);
                style = reader.GetAttribute("family", StyleNs) == "table" ? reader.GetAttribute("name", StyleNs) : null;
            }
            else if (Is(reader, StyleNs, "table-properties") && style is not null && reader.GetAttribute("display", TableNs) == "false")
                hiddenStyles.Add(style);
            else if (Is(reader, TableNs, "table"))
            {
                var hidden = reader.GetAttribute("style-name", TableNs) is { } name && hiddenStyles.Contains(name);
                if (hidden) reader.Skip();
                else sheets.Add(ReadTable(reader, budget, dates));
            }
        }
    }

    private sealed record Cell(int Column, string Text, int ColumnSpan, int RowSpan);

    /// <summary>One table:table; leaves the reader on its end tag.</summary>
    private static SheetGrid ReadTable(XmlReader reader, CellBudget budget, OdsDateStyles dates)
    {
        // The default cell style of each run of columns: a date cell without a style of its own takes its column's.
        var columnStyles = new List<(long First, long Last, string Style)>();
        // Hidden (collapsed) columns are not read, as in the .xlsx reader: a helper column of contacts is not what the sheet shows.
        var hiddenColumns = new List<(long First, long Last)>();
        long nextColumn = 1;
        string? ColumnStyle(long column) => columnStyles.FirstOrDefault(c => c.First <= column && column <= c.Last).Style;
        var sheet = new SheetGrid(reader.GetAttribute("name", TableNs) ?? "");
        if (reader.IsEmptyElement) return sheet;
        var depth = reader.Depth;
        long row = 1;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (Is(reader, TableNs, "table-row"))
            {
                var repeat = Count(reader.GetAttribute("number-rows-repeated", TableNs));
                var cells = ReadRow(reader, budget, repeat, dates, ColumnStyle);
                if (cells.Count > 0)
                {
                    if (row + repeat > MaxRowIndex)
                        throw new PlanInputException(InputErrorCodes.OdsTooLarge, "该 .ods 文件的工作表行数超出范围，已停止读取。请确认选择的文件无误。");
                    for (var r = 0; r < repeat; r++)
                        foreach (var cell in cells)
                        {
                            if (hiddenColumns.Exists(h => h.First <= cell.Column && cell.Column <= h.Last)) continue;
                            sheet.Set((int)(row + r), cell.Column, cell.Text);
                            if (cell.ColumnSpan > 1 || cell.RowSpan > 1)
                            {
                                budget.SpendCell();
                                sheet.Merges.Add(new MergedRange((int)(row + r), cell.Column, (int)(row + r) + cell.RowSpan - 1, cell.Column + cell.ColumnSpan - 1));
                            }
                        }
                }
                row += repeat;
                reader.Read();
            }
            else if (Is(reader, TableNs, "table-column"))
            {
                var repeat = Count(reader.GetAttribute("number-columns-repeated", TableNs));
                if (reader.GetAttribute("default-cell-style-name", TableNs) is { } columnStyle && nextColumn <= SheetGrid.MaxColumns)
                    columnStyles.Add((nextColumn, nextColumn + repeat - 1, columnStyle));
                if (reader.GetAttribute("visibility", TableNs) is "collapse" or "filter" && nextColumn <= SheetGrid.MaxColumns)
                    hiddenColumns.Add((nextColumn, nextColumn + repeat - 1));
                nextColumn = repeat > MaxRowIndex ? MaxRowIndex : nextColumn + repeat;
                reader.Skip();
            }
            else if (Is(reader, OfficeNs, "annotation") || Is(reader, TableNs, "shapes")) reader.Skip();
            else reader.Read(); // table-header-rows, table-row-group, table-rows: read through
        }
        return sheet;
    }

    /// <summary>
    /// The filled cells of one table:table-row, with their columns; covered cells (under a merged one) are skipped
    /// whatever they hold. Leaves the reader on the row's end tag (or on the row when it is empty).
    /// </summary>
    private static List<Cell> ReadRow(XmlReader reader, CellBudget budget, long rowRepeat, OdsDateStyles dates, Func<long, string?> columnStyle)
    {
        var cells = new List<Cell>();
        if (reader.IsEmptyElement) return cells;
        var depth = reader.Depth;
        long column = 1;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (Is(reader, TableNs, "covered-table-cell"))
            {
                column += Count(reader.GetAttribute("number-columns-repeated", TableNs));
                reader.Skip();
            }
            else if (Is(reader, TableNs, "table-cell"))
            {
                var repeat = Count(reader.GetAttribute("number-columns-repeated", TableNs));
                var columnSpan = (int)Math.Min(Count(reader.GetAttribute("number-columns-spanned", TableNs)), SheetGrid.MaxColumns);
                var rowSpan = (int)Math.Min(Count(reader.GetAttribute("number-rows-spanned", TableNs)), MaxRowIndex);
                var shape = dates.ShapeOf(reader.GetAttribute("style-name", TableNs) ?? columnStyle(column));
                var text = SheetGrid.Clean(CellText(reader, budget, shape));
                if (text.Length > 0)
                {
                    // Spent for every copy the repeats stand for, before any is made (the text once already, as it was read).
                    var copies = repeat > long.MaxValue / rowRepeat ? long.MaxValue : repeat * rowRepeat;
                    budget.SpendCells(copies);
                    budget.SpendText(copies - 1 > long.MaxValue / text.Length ? long.MaxValue : (copies - 1) * text.Length);
                    for (var c = column; c < column + repeat && c <= SheetGrid.MaxColumns; c++)
                        cells.Add(new Cell((int)c, text, columnSpan, rowSpan));
                }
                column += repeat;
            }
            else reader.Read();
        }
        return cells;
    }

    /// <summary>
    /// A cell's text: its paragraphs joined by a space; text:s as spaces, text:tab and text:line-break as one space;
    /// annotations left out. A date shows as 2023年5月31日, or as 2024年12月 where its format shows only the year and
    /// month, as in the .xlsx reader. Leaves the reader after the cell.
    /// </summary>
    private static string CellText(XmlReader reader, CellBudget budget, DateShape shape)
    {
        var date = reader.GetAttribute("value-type", OfficeNs) == "date" ? reader.GetAttribute("date-value", OfficeNs) : null;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return DateOf(date, shape) ?? "";
        }
        var depth = reader.Depth;
        var text = new StringBuilder();
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (Is(reader, OfficeNs, "annotation") || Is(reader, TextNs, "note")) reader.Skip();
            else if (Is(reader, TextNs, "p") || Is(reader, TextNs, "h"))
            {
                if (text.Length > 0) text.Append(' ');
                reader.Read();
            }
            else if (Is(reader, TextNs, "s"))
            {
                text.Append(' ', (int)Math.Min(Count(reader.GetAttribute("c", TextNs)), MaxSpaces));
                reader.Read();
            }
            else if (Is(reader, TextNs, "tab") || Is(reader, TextNs, "line-break"))
            {
                text.Append(' ');
                reader.Read();
            }
            else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                var value = Collapsible().Replace(reader.Value, " ");
                budget.SpendText(value.Length);
                text.Append(value);
                reader.Read();
            }
            else reader.Read();
        }
        reader.Read(); // past the cell's end tag
        return DateOf(date, shape) ?? text.ToString();
    }

    private static string? DateOf(string? value, DateShape shape) =>
        value is not null && DateTime.TryParse(value.Length >= 10 ? value[..10] : value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DateFormats.Text(date, shape) : null;

    /// <summary>A repeat or span count: at least 1, whatever the file says.</summary>
    private static long Count(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 1 ? n : 1;

    // ODF collapses white space in paragraphs; runs of spaces are written as text:s.
    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Collapsible();
}
