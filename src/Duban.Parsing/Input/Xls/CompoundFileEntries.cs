using System.Buffers.Binary;

namespace Duban.Parsing.Input.Xls;

/// <summary>
/// Tells what an OLE2 compound file holds by the names of its streams: a workbook (<c>Workbook</c>, BIFF8, or
/// <c>Book</c>, BIFF5 — Excel 97-2003 .xls and WPS 表格 .et), a Word document (<c>WordDocument</c>: .doc, .wps) or an
/// encrypted OOXML package (<c>EncryptedPackage</c>). The directory is not followed through the FAT: its 128-byte
/// entries sit at 128-byte boundaries after the header, and an entry is only counted when its name length and object
/// type are those of a real entry, so a stray string in a stream does not match.
/// </summary>
internal static class CompoundFileEntries
{
    private const int EntrySize = 128;

    public static bool Has(ReadOnlySpan<byte> content, string name)
    {
        if (content.Length < 0x200) return false;
        var shift = BinaryPrimitives.ReadUInt16LittleEndian(content[0x1E..]);
        var first = shift is 9 or 12 ? 1 << shift : 512;
        var nameLength = (name.Length + 1) * 2; // UTF-16 with its terminating NUL
        for (var offset = first; offset + EntrySize <= content.Length; offset += EntrySize)
        {
            var entry = content.Slice(offset, EntrySize);
            if (BinaryPrimitives.ReadUInt16LittleEndian(entry[64..]) != nameLength) continue;
            if (entry[66] is not (1 or 2)) continue; // storage or stream
            if (Matches(entry, name)) return true;
        }
        return false;
    }

    private static bool Matches(ReadOnlySpan<byte> entry, string name)
    {
        for (var i = 0; i < name.Length; i++)
            if (BinaryPrimitives.ReadUInt16LittleEndian(entry[(i * 2)..]) != name[i]) return false;
        return true;
    }
}
