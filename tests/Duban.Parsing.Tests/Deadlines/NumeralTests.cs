using Duban.Parsing.Deadlines;

namespace Duban.Parsing.Tests.Deadlines;

public class NumeralTests
{
    [Theory]
    [InlineData("2023年", 2023, 4, 4)]
    [InlineData("06月", 6, 2, 2)]
    [InlineData("二〇二二年", 2022, 4, 4)]
    [InlineData("二○二一", 2021, 4, 4)]
    [InlineData("六月", 6, 1, 1)]
    [InlineData("十月", 10, 2, 1)]
    [InlineData("十二月", 12, 2, 2)]
    [InlineData("二十日", 20, 2, 2)]
    [InlineData("三十一日", 31, 2, 3)]
    [InlineData("零", 0, 1, 1)]
    public void Reads_the_whole_run(string text, int value, int digits, int end)
    {
        Numeral.TryRead(text, 0, out var numeral).ShouldBeTrue();
        numeral.ShouldBe(new Numeral(value, digits, end));
    }

    [Theory]
    [InlineData("年")]
    [InlineData("")]
    [InlineData("十十")]
    [InlineData("一二十")]
    [InlineData("十二三")]
    [InlineData("〇十")]
    [InlineData("二十〇")]
    [InlineData("1234567890")]
    public void Rejects_what_is_no_number(string text) => Numeral.TryRead(text, 0, out _).ShouldBeFalse();
}

public class DeadlineTextTests
{
    [Theory]
    [InlineData("2023 年 6 月", "2023年6月")]
    [InlineData("２０２２年", "2022年")]
    [InlineData("2021—2023年", "2021-2023年")]
    [InlineData("2021–2023", "2021-2023")]
    [InlineData("2021－2023", "2021-2023")]
    [InlineData("2021～2023", "2021~2023")]
    [InlineData("二O二一年", "二〇二一年")]
    [InlineData("GO年", "GO年")]
    [InlineData("長期堅持", "长期坚持")]
    [InlineData("持續實施", "持续实施")]
    [InlineData("每學期開學前", "每学期开学前")]
    [InlineData("2021\u3000年\u200B6月", "2021年6月")]
    public void Folds_variants_to_one_form(string written, string normalized) =>
        DeadlineText.Normalize(written).ShouldBe(normalized);
}
