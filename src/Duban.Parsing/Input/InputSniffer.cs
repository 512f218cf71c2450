namespace Duban.Parsing.Input;

internal enum InputKind
{
    Text,
    Docx,
    NamedDocxButNotZip,
    LegacyOffice,
    Rtf,
    Pdf,
    Html,
    Xlsx,
    Ofd,
    Wps,
    Xls,
    Ods,
    Mht,
}

/// <summary>
/// Decides how to read an input. The bytes win over the file name: government sites often serve HTML or text under a
/// .doc name, and a renamed .docx is still a ZIP.
/// </summary>
internal static class InputSniffer
{
    private static ReadOnlySpan<byte> ZipLocalFileHeader => [0x50, 0x4B, 0x03, 0x04];

    // An archive with no entries starts directly with its end-of-central-directory record.
    private static ReadOnlySpan<byte> ZipEndOfCentralDirectory => [0x50, 0x4B, 0x05, 0x06];

    // OLE2 compound file: Word 97-2003 .doc, but also a password-protected .docx (EncryptedPackage).
    private static ReadOnlySpan<byte> Ole2CompoundFile => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly string[] WordOpenXmlExtensions = [".docx", ".docm", ".dotx", ".dotm"];

    public static InputKind Sniff(ReadOnlySpan<byte> content, string? fileName)
    {
        if (content.StartsWith(ZipLocalFileHeader) || content.StartsWith(ZipEndOfCentralDirectory)) return SniffZip(content, fileName);
        if (content.StartsWith(Ole2CompoundFile)) return SniffCompoundFile(content, fileName);
        if (content.StartsWith("{\\rtf"u8)) return InputKind.Rtf;
        if (content.StartsWith("%PDF-"u8)) return InputKind.Pdf;
        if (Mht.MhtSniffer.LooksLikeMht(content, fileName)) return InputKind.Mht;
        if (HasWordOpenXmlName(fileName)) return InputKind.NamedDocxButNotZip;
        return HtmlSniffer.LooksLikeHtml(content, fileName) ? InputKind.Html : InputKind.Text;
    }

    /// <summary>
    /// A ZIP is a .docx (word/document.xml), a workbook (xl/workbook.xml), an OFD (its root OFD.xml), else what its name
    /// says (.ofd, .xlsx) or a .docx. Entry names sit
    /// uncompressed in the local and central headers, so a search of the bytes finds them without opening the archive.
    /// </summary>
    private static InputKind SniffZip(ReadOnlySpan<byte> content, string? fileName)
    {
        // A .docx can embed a workbook (a chart's data) stored uncompressed, so its own main part wins.
        if (content.IndexOf("word/document.xml"u8) >= 0) return InputKind.Docx;
        if (content.IndexOf("xl/workbook.xml"u8) >= 0) return InputKind.Xlsx;
        // ODF stores its mimetype entry first and uncompressed, so the type is in the bytes.
        if (content.IndexOf("application/vnd.oasis.opendocument.spreadsheet"u8) >= 0 || HasExtension(fileName, ".ods")) return InputKind.Ods;
        if (content.IndexOf("OFD.xml"u8) >= 0 || HasExtension(fileName, ".ofd")) return InputKind.Ofd;
        if (HasExtension(fileName, ".xlsx") || HasExtension(fileName, ".xlsm") || HasExtension(fileName, ".et")) return InputKind.Xlsx;
        return InputKind.Docx;
    }

    /// <summary>
    /// An OLE2 file is a workbook when it holds a Workbook (BIFF8) or Book (BIFF5) stream: Excel 97-2003 .xls and WPS
    /// 表格 .et, whatever the name. The name only breaks ties: a file holding both a workbook and a WordDocument stream
    /// (one embedded in the other) is what its name says, a .doc unless named .xls/.et; and one whose directory cannot
    /// be found (truncated) but is named .xls/.et goes to the workbook reader, which names the damage. An encrypted OOXML
    /// package (EncryptedPackage) and anything else stay refused as before.
    /// </summary>
    private static InputKind SniffCompoundFile(ReadOnlySpan<byte> content, string? fileName)
    {
        if (HasExtension(fileName, ".wps")) return InputKind.Wps;
        if (Xls.CompoundFileEntries.Has(content, "EncryptedPackage")) return InputKind.LegacyOffice;
        var namedWorkbook = HasExtension(fileName, ".xls") || HasExtension(fileName, ".et") || HasExtension(fileName, ".xlt") || HasExtension(fileName, ".ett");
        var workbook = Xls.CompoundFileEntries.Has(content, "Workbook") || Xls.CompoundFileEntries.Has(content, "Book");
        var document = Xls.CompoundFileEntries.Has(content, "WordDocument");
        if (workbook && document) return namedWorkbook ? InputKind.Xls : InputKind.LegacyOffice;
        if (workbook) return InputKind.Xls;
        return namedWorkbook && !document ? InputKind.Xls : InputKind.LegacyOffice;
    }

    internal static bool HasExtension(string? fileName, string candidate) =>
        !string.IsNullOrEmpty(fileName) && Path.GetExtension(fileName.AsSpan()).Trim().Equals(candidate, StringComparison.OrdinalIgnoreCase);

    private static bool HasWordOpenXmlName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName)) return false;
        var extension = Path.GetExtension(fileName.AsSpan()).Trim();
        foreach (var candidate in WordOpenXmlExtensions)
            if (extension.Equals(candidate, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
