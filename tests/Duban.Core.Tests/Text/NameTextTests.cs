using Duban.Core.Text;

namespace Duban.Core.Tests.Text;

public sealed class NameTextTests
{
    /// <summary>Every kind of character a name may not hold, with the words the message uses for it.</summary>
    public static TheoryData<string, string> Refused => new()
    {
        { "\u200B", "不可见字符" }, // zero-width space
        { "\u200C", "不可见字符" }, // zero-width non-joiner
        { "\u200D", "不可见字符" }, // zero-width joiner
        { "\u2060", "不可见字符" }, // word joiner
        { "\uFEFF", "不可见字符" }, // zero-width no-break space (BOM)
        { "\u00AD", "不可见字符" }, // soft hyphen (Cf)
        { "\u180E", "不可见字符" }, // Mongolian vowel separator (Cf)
        { "\u2028", "不可见字符" }, // line separator
        { "\u2029", "不可见字符" }, // paragraph separator
        { "\u034F", "不可见字符" }, // combining grapheme joiner
        { "\u3164", "不可见字符" }, // Hangul filler
        { "\u2800", "不可见字符" }, // blank Braille pattern
        { "\uFE0F", "不可见字符" }, // variation selector 16
        { "\U000E0041", "不可见字符" }, // tag latin capital A
        { "\u202A", "双向文本控制字符" },
        { "\u202B", "双向文本控制字符" },
        { "\u202C", "双向文本控制字符" },
        { "\u202D", "双向文本控制字符" },
        { "\u202E", "双向文本控制字符" }, // right-to-left override
        { "\u2066", "双向文本控制字符" },
        { "\u2067", "双向文本控制字符" },
        { "\u2068", "双向文本控制字符" },
        { "\u2069", "双向文本控制字符" },
        { "\u200E", "双向文本控制字符" },
        { "\u200F", "双向文本控制字符" },
        { "\u061C", "双向文本控制字符" }, // Arabic letter mark
        { "\u0000", "控制字符" },
        { "\u0007", "控制字符" },
        { "\t", "控制字符" },
        { "\n", "控制字符" },
        { "\u001B", "控制字符" },
        { "\u007F", "控制字符" },
        { "\u0085", "控制字符" }, // C1 next line
        { "\u009B", "控制字符" }, // C1 control sequence introducer
    };

    [Theory, MemberData(nameof(Refused))]
    public void An_invisible_or_control_character_inside_a_name_is_refused_naming_its_code_point_and_place(string bad, string kind)
    {
        var problem = NameText.Problem("清河" + bad + "市教育局", "单位名称");

        problem.ShouldNotBeNull();
        problem.ShouldStartWith("单位名称含有" + kind);
        problem.ShouldContain($"U+{char.ConvertToUtf32(bad, 0):X4}");
        problem.ShouldContain("第 3 个字符");
        problem.ShouldEndWith("请删除后重试。");
    }

    [Theory, MemberData(nameof(Refused))]
    public void The_same_character_at_either_end_is_refused_too_unless_trimming_removes_it(string bad, string kind)
    {
        _ = kind;
        var trimmedAway = bad.Trim().Length == 0;
        (NameText.Problem(bad + "清河市", "姓名") is null).ShouldBe(trimmedAway);
        (NameText.Problem("清河市" + bad, "姓名") is null).ShouldBe(trimmedAway);
    }

    [Fact]
    public void A_lone_surrogate_is_refused_as_invalid()
    {
        NameText.Problem("清河\uD800市", "文件名")!.ShouldStartWith("文件名含有无效字符 U+D800");
        NameText.Normalize("清河\uD800市").ShouldBe("清河\uD800市", "normalising must not throw on invalid text");
    }

    [Theory]
    [InlineData("清河市教育局（职成科）")]
    [InlineData("清河市人民政府办公室、市发展改革委")]
    [InlineData("职业技术学院【试点】")]
    [InlineData("买买提·艾力")]
    [InlineData("São Paulo 学院")]
    [InlineData("\uE000生僻字")] // private use: rare characters of names live there in some input methods
    [InlineData("😀")]
    public void Ordinary_names_have_no_problem(string name) => NameText.Problem(name, "名称").ShouldBeNull();

    [Theory]
    [InlineData("  清河市教育局  ", "清河市教育局")]
    [InlineData("\u3000清河市教育局\u3000", "清河市教育局")]
    [InlineData("清河市教育局（职成科）", "清河市教育局（职成科）")] // full-width parentheses stay as official names print them
    [InlineData("清河市教育局(职成科)", "清河市教育局(职成科)")] // and ASCII ones are not turned full-width
    [InlineData("市教育局，市财政局；市人社局：！？", "市教育局，市财政局；市人社局：！？")]
    [InlineData("清河市第１中学", "清河市第1中学")] // full-width digits fold
    [InlineData("ＡＢＣ职业学院（Ｂ区）", "ABC职业学院（B区）")] // letters fold, punctuation stays
    [InlineData("清河市\u3000教育局", "清河市 教育局")] // ideographic space
    [InlineData("清河市\u00A0教育局", "清河市 教育局")] // no-break space
    [InlineData("\u2F00号楼", "一号楼")] // Kangxi radical one
    [InlineData("\uF900", "\u8C48")] // CJK compatibility ideograph 豈
    [InlineData("Cafe\u0301", "Café")] // combining accent composes (NFC part of NFKC)
    [InlineData("ﬁnance", "finance")] // ligature
    [InlineData("｡", "。")] // half-width ideographic full stop: widened, not kept
    public void Names_are_trimmed_and_normalised_with_nfkc_but_full_width_punctuation_is_kept(string typed, string stored) =>
        NameText.Normalize(typed).ShouldBe(stored);

    [Fact]
    public void Normalising_twice_changes_nothing()
    {
        foreach (var name in new[] { "ＡＢＣ（１）", "Cafe\u0301（a）", "\u2F00（\uF900）" })
            NameText.Normalize(NameText.Normalize(name)).ShouldBe(NameText.Normalize(name));
    }
}
