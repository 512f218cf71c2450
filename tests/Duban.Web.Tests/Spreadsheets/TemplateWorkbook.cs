using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Duban.Web.Spreadsheets;

namespace Duban.Web.Tests.Spreadsheets;

/// <summary>A downloaded template opened with the Open XML SDK, read and filled in as a reporter does in Excel.</summary>
public sealed class TemplateWorkbook : IDisposable
{
    private readonly MemoryStream stream;
    private readonly SpreadsheetDocument document;

    public TemplateWorkbook(byte[] content)
    {
        stream = new MemoryStream();
        stream.Write(content);
        stream.Position = 0;
        document = SpreadsheetDocument.Open(stream, true);
    }

    public IReadOnlyList<string> SheetNames => document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public Worksheet Sheet(string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    /// <summary>The data rows' numbers (below the header).</summary>
    public IReadOnlyList<uint> DataRows(string sheet) =>
        Sheet(sheet).GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.RowIndex!.Value).Where(r => r > 1).ToList();

    public string? Text(string sheet, string reference)
    {
        var cell = Sheet(sheet).Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);
        if (cell is null) return null;
        return cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text;
    }

    public TemplateKey Key(string sheet, uint row) => TemplateKey.Parse(Text(sheet, $"A{row}")).ShouldNotBeNull();

    public TemplateWorkbook Set(string sheet, string reference, string? text) => Put(sheet, reference, text is null ? null : new Cell
    {
        DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)),
    });

    public TemplateWorkbook SetNumber(string sheet, string reference, decimal number) =>
        Put(sheet, reference, new Cell { CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) });

    private TemplateWorkbook Put(string sheet, string reference, Cell? cell)
    {
        var number = uint.Parse(reference.TrimStart((char[])[.. "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]), CultureInfo.InvariantCulture);
        var data = Sheet(sheet).GetFirstChild<SheetData>()!;
        var row = data.Elements<Row>().SingleOrDefault(r => r.RowIndex?.Value == number);
        if (row is null)
        {
            row = new Row { RowIndex = number };
            data.Append(row);
        }
        row.Elements<Cell>().SingleOrDefault(c => c.CellReference == reference)?.Remove();
        if (cell is null) return this;
        cell.CellReference = reference;
        var column = TemplateReader.ColumnOf(reference);
        var after = row.Elements<Cell>().FirstOrDefault(c => TemplateReader.ColumnOf(c.CellReference!) > column);
        if (after is null) row.Append(cell);
        else row.InsertBefore(cell, after);
        return this;
    }

    public byte[] Save()
    {
        foreach (var part in document.WorkbookPart!.WorksheetParts) part.Worksheet.Save();
        document.Dispose();
        return stream.ToArray();
    }

    public void Dispose()
    {
        document.Dispose();
        stream.Dispose();
    }
}
