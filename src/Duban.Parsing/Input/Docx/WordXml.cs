using System.Globalization;
using System.Xml;

namespace Duban.Parsing.Input.Docx;

/// <summary>Reading WordprocessingML with a forward-only <see cref="XmlReader"/>, so that memory stays flat however large the part.</summary>
internal static class WordXml
{
    public const string TransitionalNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string StrictNamespace = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    public const string MarkupCompatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    // Real documents nest a few dozen levels (tables in tables, content controls); hostile ones nest deep enough to
    // overflow the stack of the recursive readers, and a stack overflow cannot be caught.
    private const int MaxDepth = 256;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, // no entity expansion ("billion laughs"), no external DTD
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static XmlReader CreateReader(Stream stream) => XmlReader.Create(stream, Settings);

    /// <summary>An element of WordprocessingML (transitional or strict) with this local name.</summary>
    public static bool IsWord(this XmlReader reader, string localName) =>
        reader.LocalName == localName && reader.IsWordNamespace();

    public static bool IsWordNamespace(this XmlReader reader) =>
        reader.NamespaceURI is TransitionalNamespace or StrictNamespace;

    public static bool IsMarkupCompatibility(this XmlReader reader, string localName) =>
        reader.LocalName == localName && reader.NamespaceURI == MarkupCompatibilityNamespace;

    /// <summary>A w: attribute of the current element, e.g. w:val.</summary>
    public static string? WordAttribute(this XmlReader reader, string localName) =>
        reader.GetAttribute(localName, TransitionalNamespace) ?? reader.GetAttribute(localName, StrictNamespace);

    public static int? WordIntAttribute(this XmlReader reader, string localName) =>
        int.TryParse(reader.WordAttribute(localName), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// Calls <paramref name="onChild"/> with the reader on each child element of the current element, then moves past
    /// the current element's end. <paramref name="onChild"/> must consume the whole child (read it or Skip it).
    /// </summary>
    public static void ReadChildren(this XmlReader reader, Action onChild)
    {
        if (reader.Depth > MaxDepth)
            throw new XmlException($"Elements nested deeper than {MaxDepth} levels.", null,
                (reader as IXmlLineInfo)?.LineNumber ?? 0, (reader as IXmlLineInfo)?.LinePosition ?? 0);

        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.EOF) throw new XmlException("Unexpected end of the part.");
            if (reader.NodeType == XmlNodeType.Element) onChild();
            else reader.Read();
        }

        reader.Read();
    }
}
