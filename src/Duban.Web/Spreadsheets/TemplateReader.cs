using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Duban.Web.Spreadsheets;

/// <summary>Limits on an uploaded template (<c>Spreadsheets:MaxBytes</c> overrides the file size).</summary>
/// <param name="MaxEntryBytes">The most any one part of the package may unpack to; a zip bomb declares or unpacks to more.</param>
public sealed record SpreadsheetLimits(long MaxBytes = SpreadsheetLimits.DefaultMaxBytes, long MaxEntryBytes = 20L * 1024 * 1024,
    long MaxTotalBytes = 40L * 1024 * 1024, int MaxEntries = 200, int MaxRows = 5000)
{
    public const long DefaultMaxBytes = 5L * 1024 * 1024;
}

/// <summary>One row of a sheet as read: its number (1-based, as Excel shows it) and its cells' text by zero-based column.</summary>
public sealed record SheetRow(uint Number, IReadOnlyDictionary<int, string> Cells)
{
    public string? this[int column] => Cells.TryGetValue(column, out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}

/// <summary>
/// Reads the rows of an uploaded .xlsx, within limits: the zip signature first, then every part's declared size, then
/// every part unpacked with a running count (a part that unpacks to more than it declared or than the limit is
/// refused before the Open XML SDK sees it), then the sheets' cells.
/// </summary>
public static class TemplateReader
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The rows of each named sheet (a missing sheet has none listed), or a message saying why the file is refused.</summary>
    public static (IReadOnlyDictionary<string, IReadOnlyList<SheetRow>>? Sheets, string? Problem) Read(byte[] content, SpreadsheetLimits limits, params string[] sheetNames)
    {
        if (content.Length == 0) return (null, "文件是空的，请选择填写好的 .xlsx 模板。");
        if (content.Length > limits.MaxBytes) return (null, $"文件超过 {limits.MaxBytes / 1024 / 1024} MB，请只导入系统生成的模板。");
        if (!content.AsSpan().StartsWith(ZipSignature)) return (null, "文件不是 .xlsx 格式（Excel 工作簿），请上传系统生成的模板。");
        if (PackageProblem(content, limits) is { } problem) return (null, problem);
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var sheets = new Dictionary<string, IReadOnlyList<SheetRow>>();
            foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Name?.Value is not { } name || !sheetNames.Contains(name) || sheet.Id?.Value is not { } id) continue;
                if (workbook.GetPartById(id) is not WorksheetPart part) continue;
                var rows = Rows(part, shared, limits.MaxRows);
                if (rows is null) return (null, $"工作表“{name}”超过 {limits.MaxRows} 行，请分批导入。");
                sheets[name] = rows;
            }
            return (sheets, null);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or XmlException or InvalidOperationException or ArgumentException or FormatException)
        {
            return (null, "文件已损坏或不是有效的 Excel 工作簿，无法读取。");
        }
    }

    /// <summary>Why the zip package is refused: unreadable, too many parts, or a part that declares or unpacks to too much.</summary>
    private static string? PackageProblem(byte[] content, SpreadsheetLimits limits)
    {
        const string bomb = "文件解压后过大（可能是压缩炸弹），已拒绝。";
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxEntries) return "文件包含的部件过多，不是有效的模板。";
            if (zip.Entries.Any(e => e.Length > limits.MaxEntryBytes) || zip.Entries.Sum(e => e.Length) > limits.MaxTotalBytes) return bomb;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                long total = 0;
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    // The declared size can lie; the count of what actually comes out cannot.
                    if (total > entry.Length || total > limits.MaxEntryBytes) return bomb;
                }
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return "文件已损坏或不是有效的 Excel 工作簿，无法读取。";
        }
    }

    private static List<SheetRow>? Rows(WorksheetPart part, IReadOnlyList<string> shared, int maxRows)
    {
        var rows = new List<SheetRow>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            if (rows.Count >= maxRows) return null;
            var cells = new Dictionary<int, string>();
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : next;
                next = column + 1;
                if (Text(cell, shared) is { } text) cells[column] = text;
            }
            rows.Add(new SheetRow(row.RowIndex?.Value ?? (uint)rows.Count + 1, cells));
        }
        return rows;
    }

    private static string? Text(Cell cell, IReadOnlyList<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText;
        var raw = cell.CellValue?.Text;
        if (raw is null) return null;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : null;
        return raw;
    }

    /// <summary>The zero-based column of an A1 reference.</summary>
    public static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter)) column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return column - 1;
    }
}
