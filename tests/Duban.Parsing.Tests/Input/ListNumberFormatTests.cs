using Duban.Parsing.Input.Docx;

namespace Duban.Parsing.Tests.Input;

public class ListNumberFormatTests
{
    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(20, "二十")]
    [InlineData(99, "九十九")]
    [InlineData(100, "一百")]
    [InlineData(101, "一百零一")]
    [InlineData(110, "一百一十")]
    [InlineData(1001, "一千零一")]
    [InlineData(10010, "一万零一十")]
    [InlineData(120000, "十二万")]
    public void Chinese_counting(int value, string expected) =>
        ListNumberFormat.Format(value, "chineseCounting").ShouldBe(expected);

    [Theory]
    [InlineData(1, "decimal", "1")]
    [InlineData(7, "decimalZero", "07")]
    [InlineData(12, "decimalFullWidth", "１２")]
    [InlineData(1, "decimalEnclosedCircle", "①")]
    [InlineData(20, "decimalEnclosedCircle", "⑳")]
    [InlineData(21, "decimalEnclosedCircle", "㉑")]
    [InlineData(51, "decimalEnclosedCircle", "51")]
    [InlineData(3, "chineseCountingThousand", "三")]
    [InlineData(1, "ideographTraditional", "甲")]
    [InlineData(10, "ideographTraditional", "癸")]
    [InlineData(28, "lowerLetter", "bb")]
    [InlineData(2_000_000_000, "upperLetter", "2000000000")]
    [InlineData(14, "upperRoman", "XIV")]
    [InlineData(4, "lowerRoman", "iv")]
    [InlineData(4, "none", "")]
    public void Known_formats(int value, string format, string expected) =>
        ListNumberFormat.Format(value, format).ShouldBe(expected);

    [Theory]
    [InlineData("bullet")]
    [InlineData("ordinalText")]
    [InlineData("custom")]
    public void Unknown_formats_give_no_number(string format) =>
        ListNumberFormat.Format(1, format).ShouldBeNull();
}
