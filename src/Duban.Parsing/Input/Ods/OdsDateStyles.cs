using System.Xml;
using Duban.Parsing.Input.Sheets;

namespace Duban.Parsing.Input.Ods;

/// <summary>
/// What the date formats of an .ods show, so that a date cell shown as 2024年12月 reads as that month, as in the .xlsx
/// reader. A cell names a cell style (<c>table:style-name</c>, else its column's <c>table:default-cell-style-name</c>),
/// which names a data style (<c>style:data-style-name</c>, here or in a parent style); a <c>number:date-style</c> with
/// a year and a month element and no day is a month. LibreOffice keeps the data styles in styles.xml and the cell
/// styles in content.xml's automatic styles, so both parts are read.
/// </summary>
internal sealed class OdsDateStyles
{
    public const string NumberNs = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0";
    private const string StyleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

    private readonly Dictionary<string, DateShape> _dataStyles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? DataStyle, string? Parent)> _cellStyles = new(StringComparer.Ordinal);

    /// <summary>Takes in a style element the reader is on, if it is a date style or a cell style.</summary>
    public void Read(XmlReader reader)
    {
        if (reader.NodeType != XmlNodeType.Element) return;
        if (reader.LocalName == "date-style" && reader.NamespaceURI == NumberNs && reader.GetAttribute("name", StyleNs) is { } name)
            _dataStyles[name] = ReadDateStyle(reader);
        else if (reader.LocalName == "style" && reader.NamespaceURI == StyleNs && reader.GetAttribute("family", StyleNs) == "table-cell"
                 && reader.GetAttribute("name", StyleNs) is { } cellStyle)
            _cellStyles[cellStyle] = (reader.GetAttribute("data-style-name", StyleNs), reader.GetAttribute("parent-style-name", StyleNs));
    }

    /// <summary>What a cell style's date format shows; a day where it names none that is known.</summary>
    public DateShape ShapeOf(string? cellStyle)
    {
        // Parent chains are short; the bound only guards against a cycle in a hostile file.
        for (var hops = 0; cellStyle is not null && hops < 16; hops++)
        {
            if (!_cellStyles.TryGetValue(cellStyle, out var style)) break;
            if (style.DataStyle is { } data) return _dataStyles.TryGetValue(data, out var shape) ? shape : DateShape.Day;
            cellStyle = style.Parent;
        }
        return DateShape.Day;
    }

    /// <summary>Reads a number:date-style through; a year and a month without a day is a month.</summary>
    private static DateShape ReadDateStyle(XmlReader reader)
    {
        bool year = false, month = false, day = false;
        using (var style = reader.ReadSubtree())
            while (style.Read())
                if (style.NodeType == XmlNodeType.Element && style.NamespaceURI == NumberNs)
                    switch (style.LocalName)
                    {
                        case "year": year = true; break;
                        case "month": month = true; break;
                        case "day" or "day-of-week" or "hours" or "minutes" or "seconds": day = true; break;
                    }
        return year && month && !day ? DateShape.YearMonth : DateShape.Day;
    }
}
