using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Duban.Web.Ledger;

/// <summary>
/// The parts of an .xlsx package around its worksheets, written into a forward-only <see cref="ZipArchive"/>: the content
/// types, the relationships, the workbook (its sheets by name) and the styles. By hand because the Open XML SDK's own
/// package (System.IO.Packaging) cannot write to a stream that does not seek, and would keep the file in memory to
/// write it at the end (docs/spreadsheets.md, "Streaming"). The parts are the same ones the SDK writes for
/// <c>SpreadsheetDocument.Create</c> with a workbook, a styles part and one worksheet per sheet.
/// </summary>
internal static class XlsxPackage
{
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The zip entry of the worksheet of a zero-based sheet.</summary>
    public static string SheetPath(int sheet) => $"xl/worksheets/sheet{(sheet + 1).ToString(CultureInfo.InvariantCulture)}.xml";

    /// <summary>Every part but the worksheets, which follow in <see cref="SheetPath"/> order.</summary>
    public static void WriteFrame(ZipArchive zip, IReadOnlyList<string> sheetNames, Stylesheet stylesheet)
    {
        Xml(zip, "[Content_Types].xml", x =>
        {
            x.WriteStartElement("Types", ContentTypes);
            Default(x, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(x, "xml", "application/xml");
            Override(x, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(x, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var i = 0; i < sheetNames.Count; i++)
                Override(x, "/" + SheetPath(i), "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            x.WriteEndElement();
        });
        Xml(zip, "_rels/.rels", x =>
        {
            x.WriteStartElement("Relationships", Relationships);
            Relationship(x, "rId1", "officeDocument", "xl/workbook.xml");
            x.WriteEndElement();
        });
        Xml(zip, "xl/_rels/workbook.xml.rels", x =>
        {
            x.WriteStartElement("Relationships", Relationships);
            for (var i = 0; i < sheetNames.Count; i++) Relationship(x, SheetRelationship(i), "worksheet", SheetPath(i)["xl/".Length..]);
            Relationship(x, "rIdStyles", "styles", "styles.xml");
            x.WriteEndElement();
        });
        var workbook = new Workbook(new Sheets(sheetNames.Select((name, i) =>
            new Sheet { Id = SheetRelationship(i), SheetId = (uint)i + 1, Name = name })));
        Element(zip, "xl/workbook.xml", workbook);
        Element(zip, "xl/styles.xml", stylesheet);
    }

    private static string SheetRelationship(int sheet) => "rId" + (sheet + 1).ToString(CultureInfo.InvariantCulture);

    private static void Element(ZipArchive zip, string path, OpenXmlElement root)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        using var writer = OpenXmlWriter.Create(stream, new UTF8Encoding(false));
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
        writer.Close();
    }

    private static void Xml(ZipArchive zip, string path, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        writer.WriteStartDocument(true);
        write(writer);
        writer.WriteEndDocument();
    }

    private static void Default(XmlWriter x, string extension, string type)
    {
        x.WriteStartElement("Default", ContentTypes);
        x.WriteAttributeString("Extension", extension);
        x.WriteAttributeString("ContentType", type);
        x.WriteEndElement();
    }

    private static void Override(XmlWriter x, string part, string type)
    {
        x.WriteStartElement("Override", ContentTypes);
        x.WriteAttributeString("PartName", part);
        x.WriteAttributeString("ContentType", type);
        x.WriteEndElement();
    }

    private static void Relationship(XmlWriter x, string id, string type, string target)
    {
        x.WriteStartElement("Relationship", Relationships);
        x.WriteAttributeString("Id", id);
        x.WriteAttributeString("Type", $"{OfficeRelationships}/{type}");
        x.WriteAttributeString("Target", target);
        x.WriteEndElement();
    }
}

/// <summary>
/// What the zip writer has produced and the output has not yet received. The zip and XML writers write synchronously;
/// a response body takes only asynchronous writes (Kestrel refuses synchronous I/O), so the bytes wait here, a few rows'
/// worth, until <see cref="DrainAsync"/> hands them on. Not seekable, so the ZipArchive writes forward only (sizes after
/// each entry's data).
/// </summary>
internal sealed class PendingBytes : Stream
{
    /// <summary>How much may wait before a drain passes it on.</summary>
    private const int Chunk = 64 * 1024;

    private readonly MemoryStream buffer = new();
    private long written;

    public ValueTask DrainAsync(Stream output, CancellationToken ct, bool all = false)
    {
        if (buffer.Length == 0 || (!all && buffer.Length < Chunk)) return ValueTask.CompletedTask;
        return Drain(output, ct);
    }

    private async ValueTask Drain(Stream output, CancellationToken ct)
    {
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
        buffer.SetLength(0);
    }

    public override void Write(byte[] data, int offset, int count)
    {
        buffer.Write(data, offset, count);
        written += count;
    }

    public override void Write(ReadOnlySpan<byte> data)
    {
        buffer.Write(data);
        written += data.Length;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => written;
        set => throw new NotSupportedException();
    }

    public override void Flush() { }
    public override int Read(byte[] data, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
