using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Duban.Web.Ledger;

namespace Duban.Web.Tests.Exports;

/// <summary>An exported workbook's one sheet as text, row by row (the header first), cell by column letter.</summary>
public static class XlsxRows
{
    public static (string Sheet, List<List<string>> Rows) Read(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
        var header = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().First().Elements<Cell>().Count();
        var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => Enumerable.Range(0, header).Select(i => Text(r, i)).ToList()).ToList();
        return (sheet.Name!.Value!, rows);
    }

    public static async Task<(string Sheet, List<List<string>> Rows)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, $"{path}: {await response.Content.ReadAsStringAsync()}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxWorkbook.ContentType);
        return Read(await response.Content.ReadAsByteArrayAsync());
    }

    private static string Text(Row row, int column) =>
        row.Elements<Cell>().SingleOrDefault(c => c.CellReference!.Value == XlsxWorkbook.Reference(column, row.RowIndex!.Value)) is { } cell
            ? cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? ""
            : "";
}
