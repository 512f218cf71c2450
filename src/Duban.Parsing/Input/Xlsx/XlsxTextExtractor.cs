using System.Globalization;
using System.Text;
using System.Xml;
using Duban.Parsing.Input.Docx;
using Duban.Parsing.Input.Sheets;

namespace Duban.Parsing.Input.Xlsx;

/// <summary>
/// Reads an Excel workbook (.xlsx) of task tables (分工表), sheet by sheet, into the same text a .docx table gives: one
/// line per row with cells separated by tabs, so that the task-table reader recognises the columns (序号, 重点任务,
/// 牵头单位, 完成时限…). Title rows above the table become plain lines; a header over two rows becomes one; merged
/// cells are empty where they are covered, as vertically merged Word cells are. See docs/input-formats.md, ".xlsx".
/// </summary>
/// <remarks>
/// Read over the same bounded ZIP package as .docx (<see cref="DocxPackage"/>: entry count, declared sizes, compression
/// ratio, bounded streams, no DTDs) with forward-only XML readers. A sheet's cells are held while it is read, so their
/// number is bounded (<see cref="InputLimits.MaxXlsxCells"/>) as is the text (<see cref="InputLimits.MaxDocxTextCharacters"/>).
/// </remarks>
internal static class XlsxTextExtractor
{
    public const string Format = "xlsx";

    private const string SpreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string StrictSpreadsheetNamespace = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelationshipNamespace = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    public static SourceText Extract(ReadOnlySpan<byte> content, InputLimits limits)
    {
        var sheets = new List<SheetGrid>();
        try
        {
            using var package = DocxPackage.Open(content.ToArray(), limits);
            var workbook = WorkbookPart(package);
            var relationships = package.Relationships(workbook);
            var budget = new CellBudget(limits, ".xlsx", InputErrorCodes.XlsxTooLarge);
            var strings = relationships.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target is { } sst
                ? ReadSharedStrings(package, sst, budget) : [];
            var dates = relationships.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target is { } styles
                ? ReadDateStyles(package, styles) : [];

            foreach (var (name, id) in ReadSheets(package, workbook))
            {
                var target = relationships.FirstOrDefault(r => r.Id == id).Target;
                if (target is null || !package.HasPart(target)) continue;
                sheets.Add(ReadSheet(package, target, name, strings, dates, budget));
            }
        }
        catch (PlanInputException e) when (e.Code is InputErrorCodes.DocxCorrupt or InputErrorCodes.DocxTooLarge)
        {
            throw new PlanInputException(e.Code == InputErrorCodes.DocxCorrupt ? InputErrorCodes.XlsxCorrupt : InputErrorCodes.XlsxTooLarge,
                e.Message.Replace(".docx", ".xlsx", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or NotSupportedException or ArgumentException
                                      or InvalidOperationException or FormatException or OverflowException or UnauthorizedAccessException)
        {
            throw new PlanInputException(InputErrorCodes.XlsxCorrupt, "不是有效的 .xlsx 文件（文件已损坏，无法读取）。");
        }
        return SheetLayout.Text(sheets, Format, ".xlsx");
    }

    private static string WorkbookPart(DocxPackage package)
    {
        if (package.RelatedPart("", "officeDocument") is { } part) return part;
        if (package.HasPart("xl/workbook.xml")) return "xl/workbook.xml";
        throw new PlanInputException(InputErrorCodes.XlsxCorrupt, "不是有效的 .xlsx 文件（ZIP 包中没有 xl/workbook.xml）。");
    }

    private static bool IsSheetMl(XmlReader reader, string localName) =>
        reader.NodeType == XmlNodeType.Element && reader.LocalName == localName &&
        reader.NamespaceURI is SpreadsheetNamespace or StrictSpreadsheetNamespace;

    /// <summary>The visible sheets in workbook order: name and relationship id.</summary>
    private static List<(string Name, string Id)> ReadSheets(DocxPackage package, string workbook)
    {
        var sheets = new List<(string, string)>();
        package.Read(workbook, package.AuxiliaryPartLimit, reader =>
        {
            while (reader.Read())
            {
                if (!IsSheetMl(reader, "sheet")) continue;
                if (reader.GetAttribute("state") is "hidden" or "veryHidden") continue;
                var id = reader.GetAttribute("id", RelationshipNamespace) ?? reader.GetAttribute("id", StrictRelationshipNamespace);
                if (id is not null) sheets.Add((reader.GetAttribute("name") ?? "", id));
            }
        });
        return sheets;
    }

    private static List<string> ReadSharedStrings(DocxPackage package, string part, CellBudget budget)
    {
        var strings = new List<string>();
        package.Read(part, package.MainPartLimit, reader =>
        {
            while (reader.Read())
            {
                if (!IsSheetMl(reader, "si")) continue;
                var text = ReadTextOf(reader, budget);
                strings.Add(text);
            }
        });
        return strings;
    }

    /// <summary>
    /// The text of an &lt;si&gt; or &lt;is&gt;: its &lt;t&gt; elements, without phonetic runs (&lt;rPh&gt;). Leaves the
    /// reader on the element's end tag (or on the element itself when it is empty).
    /// </summary>
    private static string ReadTextOf(XmlReader reader, CellBudget budget)
    {
        if (reader.IsEmptyElement) return "";
        var depth = reader.Depth;
        var text = new StringBuilder();
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (IsSheetMl(reader, "rPh") || IsSheetMl(reader, "phoneticPr")) reader.Skip();
            else if (IsSheetMl(reader, "t") && !reader.IsEmptyElement)
            {
                var value = reader.ReadElementContentAsString();
                budget.SpendText(value.Length);
                text.Append(value);
            }
            else reader.Read();
        }
        return text.ToString();
    }

    /// <summary>The indices of cell styles (cellXfs) whose number format shows a date, and whether it shows the day.</summary>
    private static Dictionary<int, DateShape> ReadDateStyles(DocxPackage package, string part)
    {
        var customDates = new Dictionary<int, DateShape>();
        var dateStyles = new Dictionary<int, DateShape>();
        package.Read(part, package.AuxiliaryPartLimit, reader =>
        {
            var inCellXfs = false;
            var index = 0;
            while (reader.Read())
            {
                if (IsSheetMl(reader, "numFmt") && int.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id)
                    && DateFormats.OfCode(reader.GetAttribute("formatCode") ?? "") is { } customShape)
                    customDates[id] = customShape;
                else if (IsSheetMl(reader, "cellXfs")) inCellXfs = !reader.IsEmptyElement;
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs") inCellXfs = false;
                else if (inCellXfs && IsSheetMl(reader, "xf"))
                {
                    if (int.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var format)
                        && (customDates.TryGetValue(format, out var custom) ? custom : DateFormats.BuiltIn(format)) is { } shape)
                        dateStyles[index] = shape;
                    index++;
                }
            }
        });
        return dateStyles;
    }

    private static SheetGrid ReadSheet(DocxPackage package, string part, string name, List<string> strings, Dictionary<int, DateShape> dates, CellBudget budget)
    {
        var sheet = new SheetGrid(name);
        package.Read(part, package.MainPartLimit, reader =>
        {
            var rowIndex = 0;
            var column = 0;
            // Hidden columns (<cols> comes before the cells): a person reading the sheet does not see them — a helper
            // column of contacts or formulas — so they are not read, as hidden sheets are not.
            var hidden = new List<(int Min, int Max)>();
            while (reader.Read())
            {
                if (IsSheetMl(reader, "col"))
                {
                    if (reader.GetAttribute("hidden") is "1" or "true"
                        && int.TryParse(reader.GetAttribute("min"), CultureInfo.InvariantCulture, out var min)
                        && int.TryParse(reader.GetAttribute("max"), CultureInfo.InvariantCulture, out var max) && max >= min)
                        hidden.Add((min, max));
                }
                else if (IsSheetMl(reader, "row"))
                {
                    rowIndex = int.TryParse(reader.GetAttribute("r"), CultureInfo.InvariantCulture, out var r) && r > 0 ? r : rowIndex + 1;
                    column = 0;
                }
                else if (IsSheetMl(reader, "c"))
                {
                    budget.SpendCell();
                    column = CellReference(reader.GetAttribute("r")) is var (_, c) && c > 0 ? c : column + 1;
                    var text = ReadCell(reader, strings, dates, budget);
                    if (!hidden.Exists(h => column >= h.Min && column <= h.Max)) sheet.Set(rowIndex, column, text);
                }
                else if (IsSheetMl(reader, "mergeCell") && reader.GetAttribute("ref") is { } reference && reference.Split(':') is [var from, var to]
                         && CellReference(from) is var (top, left) && CellReference(to) is var (bottom, right) && top > 0 && bottom >= top && right >= left)
                {
                    budget.SpendCell();
                    sheet.Merges.Add(new MergedRange(top, left, bottom, right));
                }
            }
        });
        return sheet;
    }

    /// <summary>A cell's value as shown: shared and inline strings, numbers in invariant form, dates as 2023年6月30日.</summary>
    private static string ReadCell(XmlReader reader, List<string> strings, Dictionary<int, DateShape> dates, CellBudget budget)
    {
        var type = reader.GetAttribute("t");
        var style = int.TryParse(reader.GetAttribute("s"), CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (reader.IsEmptyElement) return "";
        var depth = reader.Depth;
        string? raw = null;
        string? inline = null;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (IsSheetMl(reader, "v")) raw = reader.ReadElementContentAsString();
            else if (IsSheetMl(reader, "is"))
            {
                inline = ReadTextOf(reader, budget); // leaves the reader on </is>
                reader.Read();
            }
            else if (IsSheetMl(reader, "f")) reader.Skip();
            else reader.Read();
        }

        var value = type switch
        {
            "s" => int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? strings[i] : "",
            "inlineStr" => inline ?? "",
            "str" or "e" => raw ?? "",
            "b" => raw == "1" ? "TRUE" : "FALSE",
            _ => Number(raw, dates.TryGetValue(style, out var dateShape) ? dateShape : null),
        };
        value = SheetGrid.Clean(value);
        if (type is not "s") budget.SpendText(value.Length);
        return value;
    }

    private static string Number(string? raw, DateShape? date)
    {
        if (raw is null || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw ?? "";
        if (date is { } shape && number is >= 1 and < 2958466)
            return DateFormats.Text(DateTime.FromOADate(number), shape);
        return number.ToString("0.##########", CultureInfo.InvariantCulture);
    }

    /// <summary>"B12" → (12, 2); (0, 0) when it is not a cell reference.</summary>
    private static (int Row, int Column) CellReference(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return (0, 0);
        int i = 0, column = 0, row = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]) && column < 100_000)
            column = column * 26 + (char.ToUpperInvariant(reference[i++]) - 'A' + 1);
        while (i < reference.Length && char.IsAsciiDigit(reference[i]) && row < 10_000_000)
            row = row * 10 + (reference[i++] - '0');
        return i == reference.Length ? (row, column) : (0, 0);
    }
}
