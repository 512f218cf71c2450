using System.Text;
using Duban.Parsing.Input;
using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Input;

public class TextInputTests
{
    private const string Plan = "关于印发《优化营商环境行动计划》的通知\n一、总体要求\n1. 加快推进政务服务标准化。完成时限：2023年12月底前。";

    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;

    private static SourceText Read(byte[] bytes, string? fileName = null, InputLimits? limits = null) =>
        InputReader.Read(bytes, fileName, limits ?? InputLimits.Default);

    private static PlanInputException Refused(byte[] bytes, string? fileName = null, InputLimits? limits = null) =>
        Should.Throw<PlanInputException>(() => Read(bytes, fileName, limits));

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();

    [Fact]
    public void Utf8_without_bom_is_read_as_utf8()
    {
        var source = Read(Encoding.UTF8.GetBytes(Plan));

        source.Text.ShouldBe(Plan);
        source.Encoding.ShouldBe("utf-8");
        source.Format.ShouldBe("text");
        source.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Utf8_bom_is_stripped()
    {
        var source = Read(Concat([0xEF, 0xBB, 0xBF], Encoding.UTF8.GetBytes(Plan)));

        source.Text.ShouldBe(Plan);
        source.Encoding.ShouldBe("utf-8");
    }

    [Fact]
    public void Utf16_little_endian_with_bom()
    {
        var source = Read(Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes(Plan)));

        source.Text.ShouldBe(Plan);
        source.Encoding.ShouldBe("utf-16le");
    }

    [Fact]
    public void Utf16_big_endian_with_bom()
    {
        var source = Read(Concat([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes(Plan)));

        source.Text.ShouldBe(Plan);
        source.Encoding.ShouldBe("utf-16be");
    }

    [Fact]
    public void Utf16_little_endian_without_bom_is_recognised_by_its_zero_bytes()
    {
        var source = Read(Encoding.Unicode.GetBytes(Plan.Replace("\n", "\r\n")));

        source.Text.ShouldBe(Plan);
        source.Encoding.ShouldBe("utf-16le");
    }

    [Fact]
    public void Utf16_big_endian_without_bom_is_recognised_by_its_zero_bytes()
    {
        var source = Read(Encoding.BigEndianUnicode.GetBytes(Plan));

        source.Text.ShouldBe(Plan);
        source.Encoding.ShouldBe("utf-16be");
    }

    [Fact]
    public void Utf32_little_endian_with_bom()
    {
        var source = Read(Concat([0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(false, false).GetBytes(Plan + "𠀀")));

        source.Text.ShouldBe(Plan + "𠀀");
        source.Encoding.ShouldBe("utf-32le");
    }

    [Fact]
    public void Utf16_with_bom_and_a_lone_surrogate_is_kept_with_a_warning()
    {
        // "一、" then an unpaired high surrogate D800, then "任务".
        var bytes = Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes("一、"), [0x00, 0xD8], Encoding.Unicode.GetBytes("任务"));

        var source = Read(bytes);

        source.Text.ShouldBe("一、\uFFFD任务");
        source.Encoding.ShouldBe("utf-16le");
        var warning = source.Warnings.ShouldHaveSingleItem();
        warning.Code.ShouldBe(WarningCodes.InvalidEncoding);
        warning.Message.ShouldContain("字节偏移 6");
        warning.Span.ShouldBe(new SourceSpan(2, 3));
    }

    [Fact]
    public void Gb18030_text_is_recognised()
    {
        var source = Read(Gb18030.GetBytes(Plan.Replace("\n", "\r\n")));

        source.Text.ShouldBe(Plan);
        source.Encoding.ShouldBe("gb18030");
        source.Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("中国")]
    [InlineData("市政府办公厅")]
    [InlineData("责任单位：市发展改革委、市工业和信息化局；张堃、李喆")]
    public void Short_gbk_text_is_recognised(string text)
    {
        var source = Read(Gb18030.GetBytes(text));

        source.Text.ShouldBe(text);
        source.Encoding.ShouldBe("gb18030");
    }

    [Fact]
    public void Gb18030_byte_order_mark_is_stripped()
    {
        var source = Read(Concat([0x84, 0x31, 0x95, 0x33], Gb18030.GetBytes(Plan)));

        source.Text.ShouldBe(Plan);
        source.Encoding.ShouldBe("gb18030");
    }

    [Fact]
    public void Invalid_utf8_that_is_not_gbk_either_is_kept_with_replacement_characters_and_a_warning()
    {
        // 0xFF is neither UTF-8 nor a GB18030 lead byte.
        var bytes = Concat(Encoding.UTF8.GetBytes("第一条"), [0xFF], Encoding.UTF8.GetBytes("内容\r\n第二条"));

        var source = Read(bytes);

        source.Text.ShouldBe("第一条\uFFFD内容\n第二条");
        source.Encoding.ShouldBe("utf-8");
        var warning = source.Warnings.ShouldHaveSingleItem();
        warning.Code.ShouldBe(WarningCodes.InvalidEncoding);
        warning.Message.ShouldContain("字节偏移 9");
        warning.Message.ShouldContain("1 处");
        warning.Span.ShouldBe(new SourceSpan(3, 4));
        source.Text[warning.Span!.Value.Start].ShouldBe('\uFFFD');
    }

    [Fact]
    public void Warning_span_points_into_the_normalised_text()
    {
        var bytes = Concat(Encoding.UTF8.GetBytes("甲\r\n乙\r\n"), [0x80], Encoding.UTF8.GetBytes("丙"));

        var source = Read(bytes);

        source.Text.ShouldBe("甲\n乙\n\uFFFD丙");
        var warning = source.Warnings.ShouldHaveSingleItem();
        warning.Message.ShouldContain("字节偏移 10");
        warning.Span.ShouldBe(new SourceSpan(4, 5));
    }

    [Fact]
    public void Utf8_with_a_truncated_last_character_stays_utf8()
    {
        // Read as GB18030 these bytes could decode into plausible-looking ideographs; they are UTF-8 with one cut character.
        var bytes = Encoding.UTF8.GetBytes(Plan + "市");
        var truncated = bytes[..^1];

        var source = Read(truncated);

        source.Encoding.ShouldBe("utf-8");
        source.Text.ShouldBe(Plan + "\uFFFD");
        var warning = source.Warnings.ShouldHaveSingleItem();
        warning.Code.ShouldBe(WarningCodes.InvalidEncoding);
        warning.Message.ShouldContain($"字节偏移 {bytes.Length - 3}");
    }

    [Fact]
    public void Utf8_with_a_broken_byte_is_not_mistaken_for_gb18030()
    {
        // Without its last byte this UTF-8 decodes as valid GB18030 into ideographs ("鍔犲揩鎺ㄨ繘…"), which look
        // plausible; 16 valid UTF-8 characters against one broken sequence say it is UTF-8.
        const string phrase = "加快推进政务服务标准化规范化便利化";
        var bytes = Encoding.UTF8.GetBytes(phrase)[..^1];

        var source = Read(bytes);

        source.Encoding.ShouldBe("utf-8");
        source.Text.ShouldBe(phrase[..^1] + "\uFFFD");
        source.Warnings.ShouldHaveSingleItem().Code.ShouldBe(WarningCodes.InvalidEncoding);
    }

    [Fact]
    public void Bytes_that_gb18030_decodes_only_into_private_use_characters_are_not_gb18030()
    {
        // AA A1 is in GBK's user-defined area: valid GB18030, but it decodes to U+E000, nothing a plan contains.
        var bytes = Enumerable.Repeat<byte[]>([0xAA, 0xA1], 10).SelectMany(pair => pair).ToArray();

        var source = Read(bytes);

        source.Encoding.ShouldBe("utf-8");
        source.Text.ShouldBe(new string('\uFFFD', 20));
        source.Warnings.ShouldHaveSingleItem().Message.ShouldContain("20 处");
    }

    [Fact]
    public void Line_endings_are_normalised()
    {
        var source = Read(Encoding.UTF8.GetBytes("甲\r\n乙\r丙\f丁\u2028戊\u2029己\v庚\n辛"));

        source.Text.ShouldBe("甲\n乙\n丙\n丁\n戊\n己\n庚\n辛");
    }

    [Fact]
    public void Empty_input_is_refused()
    {
        var error = Refused([]);

        error.Code.ShouldBe(InputErrorCodes.Empty);
        error.Code.ShouldBe("input.empty");
        error.Message.ShouldContain("为空");
    }

    [Theory]
    [InlineData(" \r\n\t \u3000 \n")]
    [InlineData("\uFEFF")]
    public void Whitespace_only_input_is_refused(string text)
    {
        var error = Refused(Encoding.UTF8.GetBytes(text));

        error.Code.ShouldBe("input.empty");
        error.Message.ShouldContain("空白");
    }

    [Fact]
    public void Binary_garbage_with_nul_bytes_is_refused()
    {
        var bytes = new byte[4096];
        new Random(20240601).NextBytes(bytes);
        bytes[100] = 0;
        bytes[101] = 0;

        var error = Refused(bytes);

        error.Code.ShouldBe("input.notText");
        error.Message.ShouldContain("二进制");
    }

    [Fact]
    public void Text_full_of_control_characters_is_refused()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 + i % 8 : 'a')).ToArray();

        Refused(bytes).Code.ShouldBe("input.notText");
    }

    [Fact]
    public void A_few_control_characters_are_tolerated()
    {
        var source = Read(Encoding.UTF8.GetBytes("第一条\u0007 内容写得很长很长很长很长很长很长"));

        source.Text.ShouldBe("第一条\u0007 内容写得很长很长很长很长很长很长");
    }

    [Fact]
    public void Input_larger_than_the_limit_is_refused()
    {
        var limits = new InputLimits { MaxInputBytes = 16 };

        var error = Refused(Encoding.UTF8.GetBytes("一二三四五六"), limits: limits); // 18 bytes

        error.Code.ShouldBe(InputErrorCodes.TooLarge);
        error.Code.ShouldBe("input.tooLarge");
        error.Message.ShouldContain("16");
    }

    [Fact]
    public void Input_at_the_limit_is_read()
    {
        var limits = new InputLimits { MaxInputBytes = 18 };

        Read(Encoding.UTF8.GetBytes("一二三四五六"), limits: limits).Text.ShouldBe("一二三四五六");
    }

    [Fact]
    public void Twenty_megabytes_of_utf8_decode()
    {
        const string line = "（一）加快推进政务服务标准化规范化便利化。责任单位：市政务服务局。完成时限：2023年12月底前。\r\n";
        var lineBytes = Encoding.UTF8.GetByteCount(line);
        var count = 20 * 1024 * 1024 / lineBytes + 1;
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line, count)));

        var source = Read(bytes);

        bytes.Length.ShouldBeGreaterThan(20 * 1024 * 1024);
        source.Encoding.ShouldBe("utf-8");
        source.Text.Length.ShouldBe((line.Length - 1) * count);
        source.Text.ShouldStartWith("（一）加快推进");
        source.Text.ShouldNotContain('\r');
    }

    [Fact]
    public void Word_97_document_is_refused_with_advice_to_save_as_docx()
    {
        var bytes = Concat([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], new byte[504]);

        var error = Refused(bytes, "计划.doc");

        error.Code.ShouldBe(InputErrorCodes.UnsupportedFormat);
        error.Code.ShouldBe("input.unsupportedFormat");
        error.Message.ShouldContain("另存为 .docx");
    }

    [Fact]
    public void Rtf_is_refused_as_unsupported()
    {
        var error = Refused(Encoding.UTF8.GetBytes("{\\rtf1\\ansi 一、总体要求}"));

        error.Code.ShouldBe("input.unsupportedFormat");
        error.Message.ShouldContain("RTF");
    }

    [Fact]
    public void Pdf_bytes_are_read_as_pdf_whatever_the_name()
    {
        // A PDF header followed by nothing readable: read as PDF (and refused as a broken one), never as text.
        var error = Refused(Encoding.UTF8.GetBytes("%PDF-1.7\n%âãÏÓ"), "plan.txt");

        error.Code.ShouldStartWith("pdf.");
    }

    [Fact]
    public void Plain_text_named_docx_is_a_corrupt_docx()
    {
        var error = Refused(Encoding.UTF8.GetBytes(Plan), "x.docx");

        error.Code.ShouldBe(InputErrorCodes.DocxCorrupt);
        error.Code.ShouldBe("docx.corrupt");
        error.Message.ShouldContain("ZIP");
    }

    [Fact]
    public void Plain_text_named_doc_is_read_as_text()
    {
        // Government sites often serve text or HTML under a .doc name; the bytes decide.
        Read(Gb18030.GetBytes(Plan), "x.doc").Text.ShouldBe(Plan);
    }
}
