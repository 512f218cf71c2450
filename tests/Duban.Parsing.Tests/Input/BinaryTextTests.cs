using Duban.Parsing.Input;

namespace Duban.Parsing.Tests.Input;

/// <summary>The vectorised binary check must decide exactly as the full character profile does.</summary>
public sealed class BinaryTextTests
{
    public static TheoryData<string> Texts() => new()
    {
        "一、总体要求\n（一）指导思想\r\n\t坚持……",
        "",
        "plain ASCII text with a form feed\f and a vertical tab\v",
        "a NUL \0 inside",
        "separators \u001C\u001D\u001E\u001F are white space, not control",
        "next line \u0085 is white space",
        "C1 controls \u0080\u0081\u0090\u009F here",
        new string('\u0001', 20) + "短文本",
        "一" + new string('\u0007', 1) + new string('字', 30),
        new string('\u0002', 5) + new string('x', 20),
        "\u007F delete",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_fast_check_agrees_with_the_profile(string text) =>
        CharacterProfile.IsBinary(text).ShouldBe(CharacterProfile.Of(text).LooksBinary);

    [Fact]
    public void Text_with_many_control_characters_is_binary_and_text_with_line_breaks_is_not()
    {
        CharacterProfile.IsBinary(new string('\u0001', 20) + "短文本").ShouldBeTrue();
        CharacterProfile.IsBinary("第一行\n第二行\r\n\t第三行").ShouldBeFalse();
    }
}
