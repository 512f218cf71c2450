using System.Globalization;
using Duban.Parsing.Model;

namespace Duban.Parsing.Input;

/// <summary>
/// Decodes plain text in whatever encoding it came in: a byte order mark decides when there is one; otherwise NUL
/// bytes on one side of each pair mean UTF-16, valid UTF-8 means UTF-8, and GB18030 (GBK, GB2312) is tried before
/// falling back to UTF-8 with replacement characters. See docs/input-formats.md.
/// </summary>
internal static class TextDecoder
{
    public const string Format = "text";

    // Zero bytes on one side of the pairs must outnumber the other side this much to read BOM-less bytes as UTF-16.
    // ASCII characters put a zero byte on one side; CJK characters almost never put one anywhere (1 in 256).
    private const int Utf16ZeroByteSkew = 3;

    public static SourceText Decode(ReadOnlySpan<byte> bytes)
    {
        var decoded = DecodeBytes(bytes).WithoutLeadingByteOrderMark();
        if (CharacterProfile.IsBinary(decoded.Text)) throw NotText();

        var text = LineBreaks.Normalize(decoded.Text);
        if (string.IsNullOrWhiteSpace(text))
            throw new PlanInputException(InputErrorCodes.Empty, "输入只有空白字符，没有可读取的文字。");

        ParseWarning[] warnings = decoded.Invalid is { } invalid ? [InvalidEncodingWarning(decoded, invalid)] : [];
        return new SourceText(text, Format, decoded.EncodingName, warnings);
    }

    private static DecodedText DecodeBytes(ReadOnlySpan<byte> bytes)
    {
        if (UnicodeForm.FromByteOrderMark(bytes) is var (form, markLength))
            return DecodeUnicode(form, bytes[markLength..], markLength);

        // UTF-8 and GB18030 never contain NUL bytes for real text: the input is UTF-16 or binary.
        if (bytes.Contains((byte)0)) return DecodeBomlessUtf16(bytes) ?? throw NotText();

        // Almost every file is valid UTF-8: the vectorised check answers that at memory speed, and the statistics
        // below (a rune at a time) are only gathered to tell broken UTF-8 from GB18030.
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return new DecodedText(UnicodeForm.Utf8.Replacing.GetString(bytes), UnicodeForm.Utf8.Name, null, 0);

        var utf8 = Utf8Statistics.Of(bytes);
        if (utf8.IsValid) return new DecodedText(UnicodeForm.Utf8.Replacing.GetString(bytes), UnicodeForm.Utf8.Name, null, 0);

        // Mostly-valid UTF-8 read as GB18030 can decode without error into plausible-looking ideographs (mojibake),
        // so GB18030 is only tried when the bytes are not mostly UTF-8.
        if (!utf8.LooksLikeBrokenUtf8 && Gb18030.TryDecode(bytes) is { } gb18030 && CharacterProfile.Of(gb18030).LooksLikeChineseText)
            return new DecodedText(gb18030, Gb18030.Name, null, 0);

        return DecodeUnicode(UnicodeForm.Utf8, bytes, 0);
    }

    private static DecodedText DecodeUnicode(UnicodeForm form, ReadOnlySpan<byte> payload, int markLength)
    {
        var invalid = form.FindInvalid(payload);
        var encoding = invalid is null ? form.Strict : form.Replacing;
        return new DecodedText(encoding.GetString(payload), form.Name, invalid, markLength);
    }

    private static DecodedText? DecodeBomlessUtf16(ReadOnlySpan<byte> bytes)
    {
        int zerosAtEven = 0, zerosAtOdd = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != 0) continue;
            if (i % 2 == 0) zerosAtEven++;
            else zerosAtOdd++;
        }

        // Little-endian puts the zero high byte of an ASCII character second (odd offset), big-endian first.
        UnicodeForm form;
        if (zerosAtOdd > zerosAtEven * Utf16ZeroByteSkew) form = UnicodeForm.Utf16Le;
        else if (zerosAtEven > zerosAtOdd * Utf16ZeroByteSkew) form = UnicodeForm.Utf16Be;
        else return null;

        // A guess must decode cleanly into plausible text; binary data with a zero-byte pattern would not.
        if (form.FindInvalid(bytes) is not null) return null;
        var text = form.Strict.GetString(bytes);
        return CharacterProfile.Of(text).LooksLikeChineseText ? new DecodedText(text, form.Name, null, 0) : null;
    }

    private static ParseWarning InvalidEncodingWarning(DecodedText decoded, InvalidBytes invalid)
    {
        var offset = decoded.MarkLength + invalid.FirstByteOffset;
        var index = LineBreaks.NormalizedIndex(decoded.Text, invalid.FirstCharIndex);
        return new ParseWarning(
            WarningCodes.InvalidEncoding,
            string.Create(CultureInfo.InvariantCulture,
                $"按 {decoded.EncodingName.ToUpperInvariant()} 读取时有 {invalid.Count} 处无效的字节序列（第一处位于字节偏移 {offset}），" +
                $"已替换为“\uFFFD”；文件可能已损坏，或混用了多种编码（如 UTF-8 与 GBK）。"),
            new SourceSpan(index, index + 1));
    }

    private static PlanInputException NotText() =>
        new(InputErrorCodes.NotText, "输入不是文本文件（含有二进制数据），无法读取。请提供 .docx 或纯文本（.txt）文件。");

    /// <param name="MarkLength">Bytes of byte order mark before the decoded payload, to report offsets in the input.</param>
    private sealed record DecodedText(string Text, string EncodingName, InvalidBytes? Invalid, int MarkLength)
    {
        /// <summary>
        /// Drops a U+FEFF left at the start: a byte order mark not taken as such (GB18030's own, 84 31 95 33) or a
        /// second one written by a careless tool.
        /// </summary>
        public DecodedText WithoutLeadingByteOrderMark() =>
            Text.StartsWith('\uFEFF')
                ? this with { Text = Text[1..], Invalid = Invalid is null ? null : Invalid with { FirstCharIndex = Invalid.FirstCharIndex - 1 } }
                : this;
    }
}
