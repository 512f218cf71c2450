using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Duban.Parsing.Input.Docx;

/// <summary>
/// The parts of a .docx (an OPC package in a ZIP), found through their relationships and read as bounded XML streams.
/// OpenXml's own package reader is not used: it would decompress parts without a byte limit of ours.
/// </summary>
internal sealed class DocxPackage : IDisposable
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ConventionalMainPart = "word/document.xml";

    // Relationships, numbering and styles are a few kilobytes in real documents; a tighter bound than the main part's
    // keeps a hostile one from costing much.
    private const long MaxAuxiliaryPartBytes = 16L * 1024 * 1024;

    private readonly ZipArchive _archive;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;

    private DocxPackage(ZipArchive archive, Dictionary<string, ZipArchiveEntry> entries, InputLimits limits)
    {
        _archive = archive;
        _entries = entries;
        MainPartLimit = limits.MaxDocxPartBytes;
        AuxiliaryPartLimit = Math.Min(limits.MaxDocxPartBytes, MaxAuxiliaryPartBytes);
    }

    /// <summary>Most bytes read from the main document part.</summary>
    public long MainPartLimit { get; }

    /// <summary>Most bytes read from relationships, numbering and styles.</summary>
    public long AuxiliaryPartLimit { get; }

    /// <summary>Opens the archive after the zip-bomb checks; throws <see cref="PlanInputException"/> when it cannot.</summary>
    public static DocxPackage Open(byte[] zip, InputLimits limits)
    {
        ZipBombGuard.CheckDeclaredEntryCount(zip, limits);

        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new PlanInputException(InputErrorCodes.DocxCorrupt, "不是有效的 .docx 文件（无法作为 ZIP 打开）。");
        }

        try
        {
            ZipBombGuard.CheckEntries(archive.Entries, limits);

            // OPC part names are case-insensitive; some Windows tools write backslashes. A duplicate name keeps the first.
            var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in archive.Entries)
                entries.TryAdd(entry.FullName.Replace('\\', '/').TrimStart('/'), entry);
            return new DocxPackage(archive, entries, limits);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>The main document part: the package's officeDocument relationship, else word/document.xml.</summary>
    public string MainDocumentPart()
    {
        var target = RelatedPart("", "officeDocument");
        if (target is not null && _entries.ContainsKey(target)) return target;
        if (_entries.ContainsKey(ConventionalMainPart)) return ConventionalMainPart;
        throw new PlanInputException(InputErrorCodes.DocxCorrupt, "不是有效的 .docx 文件（ZIP 包中没有 word/document.xml）。");
    }

    /// <summary>
    /// The part that <paramref name="sourcePart"/> ("" for the package) points to with a relationship whose type ends
    /// in <paramref name="relationshipType"/> (e.g. "numbering", so that transitional and strict types both match);
    /// null when there is none or it is missing from the archive.
    /// </summary>
    public string? RelatedPart(string sourcePart, string relationshipType)
    {
        var relationshipsPart = RelationshipsPartOf(sourcePart);
        if (!_entries.ContainsKey(relationshipsPart)) return null;

        string? target = null;
        Read(relationshipsPart, AuxiliaryPartLimit, reader =>
        {
            while (target is null && reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship" ||
                    reader.NamespaceURI != RelationshipsNamespace) continue;
                if (reader.GetAttribute("TargetMode") == "External") continue;
                var type = reader.GetAttribute("Type");
                var targetUri = reader.GetAttribute("Target");
                if (type is not null && targetUri is not null && type.EndsWith("/" + relationshipType, StringComparison.Ordinal))
                    target = ResolveTarget(sourcePart, targetUri);
            }
        });
        return target is not null && _entries.ContainsKey(target) ? target : null;
    }

    /// <summary>
    /// Reads a part as XML through a stream that stops at <paramref name="maxBytes"/> (whatever the ZIP declares);
    /// malformed XML becomes <see cref="PlanInputException"/> <c>docx.corrupt</c> naming the part.
    /// </summary>
    public void Read(string partName, long maxBytes, Action<XmlReader> read)
    {
        var entry = _entries[partName];
        try
        {
            var bounded = new BoundedReadStream(entry.Open(), maxBytes, () => new PlanInputException(InputErrorCodes.DocxTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"该 .docx 文件中的 {ZipBombGuard.Describe(partName)} 解压后超过 {maxBytes:N0} 字节，已停止读取。")));
            using var reader = WordXml.CreateReader(bounded);
            read(reader);
        }
        catch (XmlException e)
        {
            var where = e.LineNumber > 0 ? string.Create(CultureInfo.InvariantCulture, $" 第 {e.LineNumber} 行") : "";
            throw new PlanInputException(InputErrorCodes.DocxCorrupt, $"不是有效的 .docx 文件（{ZipBombGuard.Describe(partName)}{where}的 XML 有误）。");
        }
    }

    /// <summary>Whether the archive holds a part of this name.</summary>
    public bool HasPart(string partName) => _entries.ContainsKey(partName);

    /// <summary>The internal relationships of <paramref name="sourcePart"/>: id, type and the part the target names.</summary>
    public List<(string Id, string Type, string Target)> Relationships(string sourcePart)
    {
        var found = new List<(string, string, string)>();
        var relationshipsPart = RelationshipsPartOf(sourcePart);
        if (!_entries.ContainsKey(relationshipsPart)) return found;
        Read(relationshipsPart, AuxiliaryPartLimit, reader =>
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship" ||
                    reader.NamespaceURI != RelationshipsNamespace || reader.GetAttribute("TargetMode") == "External") continue;
                if (reader.GetAttribute("Id") is { } id && reader.GetAttribute("Type") is { } type &&
                    reader.GetAttribute("Target") is { } target && ResolveTarget(sourcePart, target) is { } part)
                    found.Add((id, type, part));
            }
        });
        return found;
    }

    public void Dispose() => _archive.Dispose();

    /// <summary>word/document.xml → word/_rels/document.xml.rels; the package itself ("") → _rels/.rels.</summary>
    private static string RelationshipsPartOf(string part)
    {
        var slash = part.LastIndexOf('/');
        return slash < 0 ? $"_rels/{part}.rels" : $"{part[..(slash + 1)]}_rels/{part[(slash + 1)..]}.rels";
    }

    /// <summary>A relationship target, relative to the source part's folder unless absolute, as a part name.</summary>
    private static string? ResolveTarget(string sourcePart, string target)
    {
        target = Uri.UnescapeDataString(target.Replace('\\', '/'));
        var folder = sourcePart.LastIndexOf('/') is var slash and >= 0 ? sourcePart[..(slash + 1)] : "";
        var path = target.StartsWith('/') ? target : folder + target;

        var segments = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".") continue;
            if (segment != "..") segments.Add(segment);
            else if (segments.Count > 0) segments.RemoveAt(segments.Count - 1);
            else return null; // above the package root
        }

        return string.Join('/', segments);
    }
}
