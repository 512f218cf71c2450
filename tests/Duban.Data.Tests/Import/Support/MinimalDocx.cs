using System.IO.Compression;
using System.Security;
using System.Text;

namespace Duban.Data.Tests.Import.Support;

/// <summary>A .docx as small as the parser accepts: one word/document.xml with a paragraph per line.</summary>
public static class MinimalDocx
{
    public static byte[] FromLines(IEnumerable<string> lines)
    {
        var body = string.Concat(lines.Select(l => $"<w:p><w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(l)}</w:t></w:r></w:p>"));
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("word/document.xml");
            using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            writer.Write($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>""");
        }
        return stream.ToArray();
    }
}
