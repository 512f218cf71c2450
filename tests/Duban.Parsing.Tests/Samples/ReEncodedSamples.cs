using System.Text;
using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/notice-wrapping-plan.txt saved as GB18030 (as many government sites still publish text), read through
/// <see cref="PlanParser.Parse(ReadOnlySpan{byte}, string?)"/>: everything read from the UTF-8 file holds.
/// </summary>
public sealed class NoticeWrappingPlanGb18030Sample : NoticeWrappingPlanSample
{
    protected override PlanDocument Load() => SampleFiles.Parse("gb18030:" + FileName, () => ReEncoded.Gb18030(FileName), FileName);

    [Fact]
    public void Encoding_is_detected() => Doc.Source.Encoding.ShouldBe("gb18030");
}

/// <summary>samples/notice-wrapping-plan.txt saved as UTF-16 little-endian with a byte-order mark, CRLF line ends.</summary>
public sealed class NoticeWrappingPlanUtf16Sample : NoticeWrappingPlanSample
{
    protected override PlanDocument Load() => SampleFiles.Parse("utf-16le:" + FileName, () => ReEncoded.Utf16WithCrLf(FileName), FileName);

    [Fact]
    public void Encoding_is_detected() => Doc.Source.Encoding.ShouldBe("utf-16le");
}

internal static class ReEncoded
{
    public static byte[] Gb18030(string fileName)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(File.ReadAllText(SampleFiles.PathOf(fileName), Encoding.UTF8));
    }

    public static byte[] Utf16WithCrLf(string fileName)
    {
        var text = File.ReadAllText(SampleFiles.PathOf(fileName), Encoding.UTF8).Replace("\n", "\r\n");
        return [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];
    }
}
