using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Duban.Core.Tracking.Status;
using Duban.Web.Ledger;

namespace Duban.Web.Tests.Exports;

/// <summary>
/// The writer the exports used before they streamed (main at 0b5094a, Ledger/XlsxSheet.cs): the whole workbook built as
/// the Open XML SDK's document object model in memory. Kept here only as the reference the streamed files are compared
/// with, so that streaming changed how the file is written and nothing of what it holds.
/// </summary>
public static class DomXlsxWorkbook
{
    private const uint HeaderStyle = 1, DateStyle = 2, DateTimeStyle = 3, WrapStyle = 4, PercentStyle = 5, EditableStyle = 6, EditableWrapStyle = 7;

    // After the styles above: one plain style per fill (8–11), then one percentage style per fill (12–15).
    private const uint FilledStyle = 7, FilledPercentStyle = 11;

    /// <summary>The fills' colours (ARGB), in <see cref="XlsxFill"/> order from Green: the comparison page's band colours.</summary>
    public static readonly string[] FillColors = ["FFD1E7DD", "FFFFF3CD", "FFF8D7DA", "FFE9ECEF"];

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The number formats of dates and times: 2021年7月31日, 2021年7月31日 09:30.</summary>
    public const string DateFormat = "yyyy\"年\"m\"月\"d\"日\"", DateTimeFormat = "yyyy\"年\"m\"月\"d\"日\" hh:mm";

    public static byte[] Write(params XlsxSheet[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet, id == 1);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
            }
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Worksheet Worksheet(XlsxSheet sheet, bool selected)
    {
        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected };
        // ySplit (VerticalSplit in the SDK) freezes the header row; xSplit would freeze the first column.
        view.Append(new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
        var columns = new Columns(sheet.Columns.Select((c, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true,
            Hidden = c.Hidden ? true : null, Style = c.Editable ? EditableStyleFor(c.Width) : null,
        }));
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        header.Append(sheet.Columns.Select((c, i) => TextCell(Reference(i, 1), c.Header, HeaderStyle)));
        data.Append(header);
        uint rowIndex = 2;
        foreach (var values in sheet.Rows)
        {
            var row = new Row { RowIndex = rowIndex };
            for (var i = 0; i < values.Count; i++)
                if (Cell(Reference(i, rowIndex), values[i], sheet.Columns[i]) is { } cell) row.Append(cell);
            data.Append(row);
            rowIndex++;
        }
        var worksheet = new Worksheet(new SheetViews(view), columns, data);
        if (sheet.Protected)
            worksheet.Append(new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false });
        var validations = sheet.Columns.Select((c, i) => c.Validation is { } v ? Validation(v, i, Math.Max(rowIndex - 1, 2)) : null).OfType<DataValidation>().ToList();
        if (validations.Count > 0) worksheet.Append(new DataValidations(validations) { Count = (uint)validations.Count });
        return worksheet;
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

    private static Stylesheet Stylesheet() => new(
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
