using System.Xml;

namespace Duban.Parsing.Input.Docx;

/// <summary>
/// Extracts the body text of a .docx: paragraphs and table rows in document order, with Word's automatic list labels
/// written out. Headers, footers, comments, footnotes and text boxes are not read.
/// </summary>
/// <remarks>
/// Written by hand over ZipArchive and a forward-only XmlReader instead of the OpenXml SDK's package reader: the SDK
/// decompresses and loads parts with no byte limit the caller controls, and a plan upload must not be able to exhaust
/// memory (zip bombs). Nothing is held whole but the text written so far: the part is read as a stream bounded in
/// bytes (<see cref="InputLimits.MaxDocxPartBytes"/>), text nodes in chunks, and the text is bounded in characters
/// (<see cref="InputLimits.MaxDocxTextCharacters"/>). The SDK is still what the tests use to build .docx files.
/// </remarks>
internal static class DocxTextExtractor
{
    public const string Format = "docx";

    public static SourceText Extract(ReadOnlySpan<byte> content, InputLimits limits)
    {
        List<string> lines;
        try
        {
            using var package = DocxPackage.Open(content.ToArray(), limits);
            var mainPart = package.MainDocumentPart();
            var numbering = new ListNumbering(ReadNumbering(package, mainPart), ReadStyles(package, mainPart));
            lines = [];
            var budget = new TextBudget(limits.MaxDocxTextCharacters);
            package.Read(mainPart, package.MainPartLimit, reader => lines = new DocxBodyReader(reader, numbering, budget).ReadDocument());
        }
        catch (Exception e) when (IsMalformedPackage(e))
        {
            throw new PlanInputException(InputErrorCodes.DocxCorrupt, "不是有效的 .docx 文件（文件已损坏，无法读取）。");
        }

        var text = string.Join('\n', lines);
        if (string.IsNullOrWhiteSpace(text))
            throw new PlanInputException(InputErrorCodes.Empty, "该 .docx 文件的正文中没有文字。");
        return new SourceText(text, Format, null, []);
    }

    private static NumberingDefinitions ReadNumbering(DocxPackage package, string mainPart)
    {
        if (package.RelatedPart(mainPart, "numbering") is not { } part) return NumberingDefinitions.None;
        var definitions = NumberingDefinitions.None;
        package.Read(part, package.AuxiliaryPartLimit, reader => definitions = NumberingDefinitions.Read(reader));
        return definitions;
    }

    private static StyleNumbering ReadStyles(DocxPackage package, string mainPart)
    {
        if (package.RelatedPart(mainPart, "styles") is not { } part) return StyleNumbering.None;
        var styles = StyleNumbering.None;
        package.Read(part, package.AuxiliaryPartLimit, reader => styles = StyleNumbering.Read(reader));
        return styles;
    }

    /// <summary>
    /// What ZIP and XML reading throw on a malformed package (bad headers, unsupported compression or encryption,
    /// truncated data, XML errors not already reported with their part).
    /// </summary>
    private static bool IsMalformedPackage(Exception e) =>
        e is InvalidDataException or IOException or XmlException or NotSupportedException or ArgumentException
            or InvalidOperationException or FormatException or OverflowException or UnauthorizedAccessException;
}
