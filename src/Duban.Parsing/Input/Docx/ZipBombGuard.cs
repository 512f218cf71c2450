using System.Buffers.Binary;
using System.IO.Compression;

namespace Duban.Parsing.Input.Docx;

/// <summary>
/// Refuses archives that would take too much memory or time to open, before anything is decompressed: too many
/// entries, an entry declared larger than <see cref="InputLimits.MaxDocxPartBytes"/>, or compressed suspiciously well.
/// Declared sizes can lie; <see cref="BoundedReadStream"/> covers that while a part is actually read.
/// </summary>
internal static class ZipBombGuard
{
    // Small parts (relationships, settings) compress extremely well and cost nothing; only large ones are suspicious.
    private const long RatioCheckMinBytes = 1024 * 1024;

    private const int EndOfCentralDirectoryLength = 22;
    private const int MaxZipCommentLength = ushort.MaxValue;
    private const int Zip64LocatorLength = 20;

    /// <summary>
    /// Checks the entry count the archive declares, before <see cref="ZipArchive"/> builds one object per entry: a
    /// 64 MB archive can hold over a million empty entries.
    /// </summary>
    public static void CheckDeclaredEntryCount(ReadOnlySpan<byte> zip, InputLimits limits)
    {
        var declared = DeclaredEntryCount(zip);
        if (declared > (ulong)limits.MaxDocxEntries) throw TooManyEntries(declared, limits);
    }

    public static void CheckEntries(IReadOnlyCollection<ZipArchiveEntry> entries, InputLimits limits)
    {
        if (entries.Count > limits.MaxDocxEntries) throw TooManyEntries((ulong)entries.Count, limits);

        foreach (var entry in entries)
        {
            if (entry.Length > limits.MaxDocxPartBytes)
                throw new PlanInputException(InputErrorCodes.DocxTooLarge,
                    $"该 .docx 文件中的 {Describe(entry)} 解压后有 {entry.Length:N0} 字节，超过上限 {limits.MaxDocxPartBytes:N0} 字节，" +
                    "疑似压缩炸弹，已拒绝读取。");

            if (entry.Length > RatioCheckMinBytes && entry.Length > entry.CompressedLength * limits.MaxCompressionRatio)
            {
                var ratio = entry.CompressedLength == 0 ? double.PositiveInfinity : (double)entry.Length / entry.CompressedLength;
                throw new PlanInputException(InputErrorCodes.DocxTooLarge,
                    $"该 .docx 文件中的 {Describe(entry)} 压缩比异常（{ratio:F0}:1，上限 {limits.MaxCompressionRatio:F0}:1），" +
                    "疑似压缩炸弹，已拒绝读取。");
            }
        }
    }

    /// <summary>The total entry count from the end-of-central-directory record (ZIP64 aware), or 0 when none is found.</summary>
    private static ulong DeclaredEntryCount(ReadOnlySpan<byte> zip)
    {
        if (zip.Length < EndOfCentralDirectoryLength) return 0;

        // The record ends the file, followed only by a comment of up to 64 KB; search backwards, as readers do.
        var searchStart = Math.Max(0, zip.Length - EndOfCentralDirectoryLength - MaxZipCommentLength);
        var searchEnd = zip.Length - EndOfCentralDirectoryLength + 4;
        var found = zip[searchStart..searchEnd].LastIndexOf([(byte)0x50, (byte)0x4B, (byte)0x05, (byte)0x06]);
        if (found < 0) return 0;

        var record = searchStart + found;
        ulong count = BinaryPrimitives.ReadUInt16LittleEndian(zip.Slice(record + 10, 2));
        if (count != ushort.MaxValue) return count;

        // 0xFFFF means "see the ZIP64 record", located by the 20-byte locator just before this one.
        var locator = record - Zip64LocatorLength;
        if (locator < 0 || !zip[locator..].StartsWith([(byte)0x50, (byte)0x4B, (byte)0x06, (byte)0x07])) return count;
        var zip64Offset = BinaryPrimitives.ReadUInt64LittleEndian(zip.Slice(locator + 8, 8));
        if (zip64Offset > (ulong)(zip.Length - 40)) return count;
        var zip64Record = zip[(int)zip64Offset..];
        return zip64Record.StartsWith([(byte)0x50, (byte)0x4B, (byte)0x06, (byte)0x06])
            ? BinaryPrimitives.ReadUInt64LittleEndian(zip64Record.Slice(32, 8))
            : count;
    }

    private static PlanInputException TooManyEntries(ulong count, InputLimits limits) =>
        new(InputErrorCodes.DocxTooLarge,
            $"该 .docx 文件包含 {count:N0} 个条目，超过上限 {limits.MaxDocxEntries:N0} 个，已拒绝读取。");

    /// <summary>The entry's name for a message, cut short: a hostile archive chooses its names.</summary>
    internal static string Describe(ZipArchiveEntry entry) => Describe(entry.FullName);

    internal static string Describe(string name) => name.Length <= 80 ? name : string.Concat(name.AsSpan(0, 80), "…");
}
