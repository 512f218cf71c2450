namespace Duban.Core.Tracking.Reporting;

/// <summary>
/// The evidence file types accepted, told by extension AND by the first bytes: a renamed executable or a mislabelled
/// file is refused whatever its name says.
/// </summary>
public static class EvidenceFormat
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static IReadOnlyList<string> Extensions { get; } = [".pdf", ".docx", ".xlsx", ".jpg", ".jpeg", ".png"];

    /// <summary>The type the file name's extension claims, or null for an extension not accepted.</summary>
    public static EvidenceType? FromExtension(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => EvidenceType.Pdf,
        ".docx" => EvidenceType.Docx,
        ".xlsx" => EvidenceType.Xlsx,
        ".jpg" or ".jpeg" => EvidenceType.Jpeg,
        ".png" => EvidenceType.Png,
        _ => null,
    };

    /// <summary>
    /// Whether the content starts as the type requires. docx and xlsx are both zip packages; which one is told by the
    /// package part the first local file header names would need unzipping, so the zip signature is what is checked.
    /// </summary>
    public static bool Matches(EvidenceType type, ReadOnlySpan<byte> head) => type switch
    {
        EvidenceType.Pdf => head.StartsWith(PdfMagic),
        EvidenceType.Docx or EvidenceType.Xlsx => head.StartsWith(ZipMagic),
        EvidenceType.Jpeg => head.StartsWith(JpegMagic),
        EvidenceType.Png => head.StartsWith(PngMagic),
        _ => false,
    };

    public static string ContentType(EvidenceType type) => type switch
    {
        EvidenceType.Pdf => "application/pdf",
        EvidenceType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        EvidenceType.Jpeg => "image/jpeg",
        EvidenceType.Png => "image/png",
        _ => "application/octet-stream",
    };
}
