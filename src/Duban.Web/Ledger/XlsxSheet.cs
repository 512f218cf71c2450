using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Duban.Core.Tracking.Status;

namespace Duban.Web.Ledger;

/// <summary>A column of an exported sheet: its header and width (in characters, as Excel counts them).</summary>
/// <param name="Hidden">Hidden from view (a template's key).</param>
/// <param name="Editable">Left unlocked when the sheet is protected: a template's fill-in column.</param>
/// <param name="Validation">What Excel accepts in the column's cells below the header.</param>
public sealed record XlsxColumn(string Header, double Width, bool Hidden = false, bool Editable = false, XlsxValidation? Validation = null);

/// <summary>A data validation Excel enforces while the user types: one of a list, or a whole number or text length in a range.</summary>
public abstract record XlsxValidation(string Message)
{
    public sealed record OneOf(IReadOnlyList<string> Items, string Message) : XlsxValidation(Message);

    public sealed record WholeNumber(int Min, int Max, string Message) : XlsxValidation(Message);

    public sealed record Number(decimal Min, decimal Max, string Message) : XlsxValidation(Message);

    public sealed record TextLength(int Max, string Message) : XlsxValidation(Message);
}

/// <summary>A cell's background, for values coloured by a band (the comparison's attainment bands).</summary>
public enum XlsxFill
{
    None,
    Green,
    Yellow,
    Red,
    Grey,
}

/// <summary>One cell's value: text, a number, a percentage, a date or a moment (shown in Beijing time).</summary>
/// <param name="Fill">The background of a text, number or percentage cell.</param>
public readonly record struct XlsxValue(object? Value, bool Percent = false, XlsxFill Fill = XlsxFill.None)
{
    public static implicit operator XlsxValue(string? text) => new(text);
    public static implicit operator XlsxValue(decimal number) => new(number);
    public static implicit operator XlsxValue(int number) => new((decimal)number);
    public static implicit operator XlsxValue(DateOnly date) => new(date);
    public static implicit operator XlsxValue(DateTimeOffset moment) => new(moment);

    public static XlsxValue Rate(decimal? rate) => new(rate, Percent: true);

    public static XlsxValue Empty => new(null);
}

/// <summary>A sheet to write: a Chinese name (at most 31 characters), its columns and its rows.</summary>
/// <param name="Protected">Protected without a password: only the <see cref="XlsxColumn.Editable"/> columns can be typed in, so the keys stay as written.</param>
public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxColumn> Columns, IReadOnlyList<IReadOnlyList<XlsxValue>> Rows, bool Protected = false)
{
    public XlsxStreamSheet AsStream() => new(Name, Columns, Rows.ToAsyncEnumerable(), Protected);
}

/// <summary>A sheet whose rows are read while it is written (from the database, batch by batch): see <see cref="XlsxWorkbook.WriteAsync"/>.</summary>
public sealed record XlsxStreamSheet(string Name, IReadOnlyList<XlsxColumn> Columns, IAsyncEnumerable<IReadOnlyList<XlsxValue>> Rows, bool Protected = false);

/// <summary>
/// Writes sheets into an .xlsx package with the Open XML SDK: a bold header row frozen in place, column widths, dates
/// and times as real dates (serial numbers with a date format, so that Excel sorts and filters them) shown as 2021年7月31日,
/// long text wrapped.
/// </summary>
public static class XlsxWorkbook
{
    private const uint HeaderStyle = 1, DateStyle = 2, DateTimeStyle = 3, WrapStyle = 4, PercentStyle = 5, EditableStyle = 6, EditableWrapStyle = 7;

    // After the styles above: one plain style per fill (8–11), then one percentage style per fill (12–15).
    private const uint FilledStyle = 7, FilledPercentStyle = 11;

    /// <summary>The fills' colours (ARGB), in <see cref="XlsxFill"/> order from Green: the comparison page's band colours.</summary>
    public static readonly string[] FillColors = ["FFD1E7DD", "FFFFF3CD", "FFF8D7DA", "FFE9ECEF"];

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The number formats of dates and times: 2021年7月31日, 2021年7月31日 09:30.</summary>
    public const string DateFormat = "yyyy\"年\"m\"月\"d\"日\"", DateTimeFormat = "yyyy\"年\"m\"月\"d\"日\" hh:mm";

    /// <summary>A workbook of sheets held in memory, as bytes: the small ones (a template, a ranking, the cascade).</summary>
    public static byte[] Write(params XlsxSheet[] sheets)
    {
        using var stream = new MemoryStream();
        // Rows from lists and a MemoryStream: every await completes at once, so waiting here blocks nothing.
        WriteAsync(stream, [.. sheets.Select(s => s.AsStream())], CancellationToken.None).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    /// <summary>
    /// Writes the workbook to <paramref name="output"/> forward-only (docs/spreadsheets.md, "Streaming"): each row is built,
    /// written and dropped, and the compressed bytes reach <paramref name="output"/> after every few rows, so memory stays
    /// the same for ten rows or a million. <paramref name="output"/> need not seek (a response body).
    /// </summary>
    public static async Task WriteAsync(Stream output, IReadOnlyList<XlsxStreamSheet> sheets, CancellationToken ct)
    {
        var pending = new PendingBytes();
        // The Open XML SDK's package (System.IO.Packaging) needs a seekable stream to write into, and would otherwise hold
        // the whole file; so the package's six kinds of parts are laid out here by hand (XlsxPackage), in a ZipArchive that
        // writes forward only, and each part's XML is written with the SDK's OpenXmlWriter.
        using (var zip = new ZipArchive(pending, ZipArchiveMode.Create, leaveOpen: true))
        {
            XlsxPackage.WriteFrame(zip, sheets.Select(s => s.Name).ToList(), Stylesheet());
            for (var i = 0; i < sheets.Count; i++)
            {
                using var part = zip.CreateEntry(XlsxPackage.SheetPath(i), CompressionLevel.Optimal).Open();
                using var writer = OpenXmlWriter.Create(part, new UTF8Encoding(false));
                await WriteSheetAsync(writer, sheets[i], i == 0, () => pending.DrainAsync(output, ct), ct);
            }
        }
        await pending.DrainAsync(output, ct, all: true);
    }

    private static async Task WriteSheetAsync(OpenXmlWriter writer, XlsxStreamSheet sheet, bool selected, Func<ValueTask> drain, CancellationToken ct)
    {
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(SheetView(selected)));
        writer.WriteElement(new Columns(sheet.Columns.Select((c, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true,
            Hidden = c.Hidden ? true : null, Style = c.Editable ? EditableStyleFor(c.Width) : null,
        })));
        writer.WriteStartElement(new SheetData());
        var header = new Row { RowIndex = 1 };
        header.Append(sheet.Columns.Select((c, i) => TextCell(Reference(i, 1), c.Header, HeaderStyle)));
        writer.WriteElement(header);
        uint rowIndex = 2;
        await foreach (var values in sheet.Rows.WithCancellation(ct))
        {
            if (rowIndex > MaxRows) throw new InvalidOperationException($"工作表“{sheet.Name}”超过 Excel 的上限 {MaxDataRows} 行。");
            var row = new Row { RowIndex = rowIndex };
            for (var i = 0; i < values.Count; i++)
                if (Cell(Reference(i, rowIndex), values[i], sheet.Columns[i]) is { } cell) row.Append(cell);
            writer.WriteElement(row);
            rowIndex++;
            if (rowIndex % DrainEvery == 0) await drain();
        }
        writer.WriteEndElement();
        if (sheet.Protected)
            writer.WriteElement(new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false });
        var validations = sheet.Columns.Select((c, i) => c.Validation is { } v ? Validation(v, i, Math.Max(rowIndex - 1, 2)) : null).OfType<DataValidation>().ToList();
        if (validations.Count > 0) writer.WriteElement(new DataValidations(validations) { Count = (uint)validations.Count });
        writer.WriteEndElement();
        writer.Close();
    }

    /// <summary>Excel's rows per sheet, the header row included; <see cref="MaxDataRows"/> below it.</summary>
    public const uint MaxRows = 1_048_576;

    public const int MaxDataRows = (int)MaxRows - 1;

    /// <summary>Rows between two hand-overs of the compressed bytes to the output.</summary>
    private const int DrainEvery = 64;

    private static SheetView SheetView(bool selected)
    {
        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected };
        // ySplit (VerticalSplit in the SDK) freezes the header row; xSplit would freeze the first column.
        view.Append(new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
        return view;
    }

    private static uint EditableStyleFor(double width) => width >= 30 ? EditableWrapStyle : EditableStyle;

    private static DataValidation Validation(XlsxValidation validation, int column, uint lastRow)
    {
        var rule = new DataValidation
        {
            SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{Reference(column, 2)}:{Reference(column, lastRow)}" },
            AllowBlank = true, ShowErrorMessage = true, ErrorTitle = "填写有误", Error = validation.Message,
            ShowInputMessage = true, Prompt = validation.Message,
        };
        switch (validation)
        {
            case XlsxValidation.OneOf list:
                rule.Type = DataValidationValues.List;
                rule.Append(new Formula1("\"" + string.Join(",", list.Items) + "\""));
                break;
            case XlsxValidation.WholeNumber whole:
                rule.Type = DataValidationValues.Whole;
                rule.Operator = DataValidationOperatorValues.Between;
                rule.Append(new Formula1(whole.Min.ToString(CultureInfo.InvariantCulture)), new Formula2(whole.Max.ToString(CultureInfo.InvariantCulture)));
                break;
            case XlsxValidation.Number number:
                rule.Type = DataValidationValues.Decimal;
                rule.Operator = DataValidationOperatorValues.Between;
                rule.Append(new Formula1(number.Min.ToString(CultureInfo.InvariantCulture)), new Formula2(number.Max.ToString(CultureInfo.InvariantCulture)));
                break;
            case XlsxValidation.TextLength text:
                rule.Type = DataValidationValues.TextLength;
                rule.Operator = DataValidationOperatorValues.LessThanOrEqual;
                rule.Append(new Formula1(text.Max.ToString(CultureInfo.InvariantCulture)));
                break;
        }
        return rule;
    }

    private static Cell? Cell(string reference, XlsxValue value, XlsxColumn column) => value.Value switch
    {
        null when value.Fill != XlsxFill.None => TextCell(reference, "", FilledStyle + (uint)value.Fill),
        null => null,
        string text when value.Fill != XlsxFill.None => TextCell(reference, text, FilledStyle + (uint)value.Fill),
        decimal number when value.Fill != XlsxFill.None => NumberCell(reference, number, (value.Percent ? FilledPercentStyle : FilledStyle) + (uint)value.Fill),
        string text => TextCell(reference, text, column.Editable ? EditableStyleFor(column.Width) : column.Width >= 30 ? WrapStyle : 0),
        decimal number => NumberCell(reference, number, value.Percent ? PercentStyle : column.Editable ? EditableStyle : 0),
        DateOnly date => NumberCell(reference, (decimal)date.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle),
        DateTimeOffset moment => NumberCell(reference, (decimal)moment.ToOffset(TrackingDay.ChinaOffset).DateTime.ToOADate(), DateTimeStyle),
        var other => throw new ArgumentOutOfRangeException(nameof(value), other, "不支持的单元格类型。"),
    };

    private static Cell TextCell(string reference, string text, uint style) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };

    private static Cell NumberCell(string reference, decimal number, uint style) =>
        new() { CellReference = reference, StyleIndex = style, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) };

    /// <summary>A1-style reference of a zero-based column and a one-based row.</summary>
    public static string Reference(int column, uint row)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    internal static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            // Dates as offices write them (2021年7月31日), still real dates that Excel sorts and filters.
            new NumberingFormat { NumberFormatId = 164, FormatCode = DateFormat },
            new NumberingFormat { NumberFormatId = 165, FormatCode = DateTimeFormat },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "0.0%" }) { Count = 3 },
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
        new Fills(new[] { new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }) }
            .Concat(FillColors.Select(c => new Fill(new PatternFill(new ForegroundColor { Rgb = c }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))))
            { Count = (uint)(2 + FillColors.Length) },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true }) { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 166, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat(new Protection { Locked = false }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyProtection = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }, new Protection { Locked = false })
                { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true, ApplyProtection = true })
            .AppendFilled());

    /// <summary>The filled styles, after the eight above: plain (8–11), then percentage (12–15), one per <see cref="FillColors"/>.</summary>
    private static CellFormats AppendFilled(this CellFormats formats)
    {
        foreach (var percent in new[] { false, true })
            for (var i = 0; i < FillColors.Length; i++)
                formats.Append(new CellFormat
                {
                    NumberFormatId = percent ? 166u : 0u, FontId = 0, FillId = (uint)(2 + i), BorderId = 0, FormatId = 0,
                    ApplyFill = true, ApplyNumberFormat = percent ? true : null,
                });
        formats.Count = (uint)formats.ChildElements.Count;
        return formats;
    }
}
