namespace Duban.Parsing.Input;

internal enum InputKind
{
    Text,
    Docx,
    NamedDocxButNotZip,
    LegacyOffice,
    Rtf,
    Pdf,
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
        if (content.StartsWith(ZipLocalFileHeader) || content.StartsWith(ZipEndOfCentralDirectory)) return InputKind.Docx;
        if (content.StartsWith(Ole2CompoundFile)) return InputKind.LegacyOffice;
        if (content.StartsWith("{\\rtf"u8)) return InputKind.Rtf;
        if (content.StartsWith("%PDF-"u8)) return InputKind.Pdf;
        return HasWordOpenXmlName(fileName) ? InputKind.NamedDocxButNotZip : InputKind.Text;
    }

    private static bool HasWordOpenXmlName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName)) return false;
        var extension = Path.GetExtension(fileName.AsSpan()).Trim();
        foreach (var candidate in WordOpenXmlExtensions)
            if (extension.Equals(candidate, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
