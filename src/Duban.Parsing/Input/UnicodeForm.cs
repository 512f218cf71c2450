using System.Buffers.Binary;
using System.Text;

namespace Duban.Parsing.Input;

/// <summary>A Unicode encoding form that a byte order mark can announce, with a strict and a replacing decoder.</summary>
/// <param name="Name">The name reported in <see cref="SourceText.Encoding"/>.</param>
/// <param name="UnitSize">Bytes per code unit: 1, 2 or 4.</param>
internal sealed record UnicodeForm(string Name, int UnitSize, bool BigEndian, Encoding Strict, Encoding Replacing)
{
    public static readonly UnicodeForm Utf8 =
        new("utf-8", 1, false, new UTF8Encoding(false, true), new UTF8Encoding(false, false));

    public static readonly UnicodeForm Utf16Le =
        new("utf-16le", 2, false, new UnicodeEncoding(false, false, true), new UnicodeEncoding(false, false, false));

    public static readonly UnicodeForm Utf16Be =
        new("utf-16be", 2, true, new UnicodeEncoding(true, false, true), new UnicodeEncoding(true, false, false));

    public static readonly UnicodeForm Utf32Le =
        new("utf-32le", 4, false, new UTF32Encoding(false, false, true), new UTF32Encoding(false, false, false));

    public static readonly UnicodeForm Utf32Be =
        new("utf-32be", 4, true, new UTF32Encoding(true, false, true), new UTF32Encoding(true, false, false));

    /// <summary>The form announced by a byte order mark at the start of <paramref name="bytes"/>, with the mark's length.</summary>
    public static (UnicodeForm Form, int Length)? FromByteOrderMark(ReadOnlySpan<byte> bytes)
    {
        // UTF-32 LE first: its mark begins with the UTF-16 LE one.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return (Utf32Le, 4);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return (Utf32Be, 4);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Utf8, 3);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Utf16Le, 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Utf16Be, 2);
        return null;
    }

    /// <summary>Where decoding <paramref name="bytes"/> in this form goes wrong; null when it does not.</summary>
    public InvalidBytes? FindInvalid(ReadOnlySpan<byte> bytes) => UnitSize switch
    {
        1 => FindInvalidUtf8(bytes),
        2 => FindInvalidUtf16(bytes, BigEndian),
        _ => FindInvalidUtf32(bytes, BigEndian),
    };

    private static InvalidBytes? FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var statistics = Utf8Statistics.Of(bytes);
        if (statistics.IsValid) return null;
        var validPrefix = bytes[..statistics.FirstInvalidOffset];
        return new InvalidBytes(statistics.InvalidSequences, statistics.FirstInvalidOffset, Encoding.UTF8.GetCharCount(validPrefix));
    }

    private static InvalidBytes? FindInvalidUtf16(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var scan = new InvalidBytesScan();
        var units = bytes.Length / 2;
        for (var i = 0; i < units; i++)
        {
            var unit = ReadUInt16(bytes, i, bigEndian);
            if (char.IsHighSurrogate((char)unit) && i + 1 < units && char.IsLowSurrogate((char)ReadUInt16(bytes, i + 1, bigEndian)))
            {
                scan.Valid(2);
                i++;
            }
            else if (char.IsSurrogate((char)unit))
            {
                scan.Invalid(i * 2);
            }
            else
            {
                scan.Valid(1);
            }
        }

        if (bytes.Length % 2 != 0) scan.Invalid(bytes.Length - 1);
        return scan.Result;
    }

    private static InvalidBytes? FindInvalidUtf32(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var scan = new InvalidBytesScan();
        var units = bytes.Length / 4;
        for (var i = 0; i < units; i++)
        {
            var slice = bytes.Slice(i * 4, 4);
            var value = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(slice) : BinaryPrimitives.ReadUInt32LittleEndian(slice);
            if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF) scan.Invalid(i * 4);
            else scan.Valid(value > 0xFFFF ? 2 : 1);
        }

        if (bytes.Length % 4 != 0) scan.Invalid(units * 4);
        return scan.Result;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> bytes, int unit, bool bigEndian)
    {
        var slice = bytes.Slice(unit * 2, 2);
        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(slice) : BinaryPrimitives.ReadUInt16LittleEndian(slice);
    }

    /// <summary>Tracks decoded length so that the first invalid unit can be located in the decoded text too.</summary>
    private struct InvalidBytesScan
    {
        private int _chars;
        private int _count;
        private int _firstOffset;
        private int _firstChar;

        public void Valid(int chars) => _chars += chars;

        public void Invalid(int byteOffset)
        {
            if (_count++ == 0)
            {
                _firstOffset = byteOffset;
                _firstChar = _chars;
            }

            _chars++; // one U+FFFD
        }

        public readonly InvalidBytes? Result => _count == 0 ? null : new InvalidBytes(_count, _firstOffset, _firstChar);
    }
}

/// <summary>Invalid byte sequences met while decoding, each replaced with U+FFFD.</summary>
/// <param name="Count">How many sequences were replaced.</param>
/// <param name="FirstByteOffset">Offset of the first one in the decoded bytes.</param>
/// <param name="FirstCharIndex">Index of its U+FFFD in the decoded text (before line breaks are normalised).</param>
internal sealed record InvalidBytes(int Count, int FirstByteOffset, int FirstCharIndex);
