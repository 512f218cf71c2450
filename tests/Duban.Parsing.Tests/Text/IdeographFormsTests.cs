using Duban.Parsing.Tests.Parity;
using Duban.Parsing.Tests.Support;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tests.Text;

/// <summary>
/// Radical and compatibility code points that PDF writers put for ordinary characters read as those characters
/// (<see cref="IdeographForms"/>).
/// </summary>
public sealed class IdeographFormsTests
{
    [Theory]
    [InlineData('\u2F00', '一')] // KANGXI RADICAL ONE
    [InlineData('\u2F2F', '工')] // KANGXI RADICAL WORK
    [InlineData('\u2F45', '方')] // KANGXI RADICAL SQUARE
    [InlineData('\u2F49', '月')] // KANGXI RADICAL MOON
    [InlineData('\u2EA0', '民')] // CJK RADICAL CIVILIAN
    [InlineData('\u2ED3', '长')] // CJK RADICAL C-SIMPLIFIED LONG
    [InlineData('\u2ED4', '门')] // CJK RADICAL C-SIMPLIFIED GATE
    [InlineData('\u2EC5', '见')] // CJK RADICAL C-SIMPLIFIED SEE
    [InlineData('\u31D0', '一')] // CJK STROKE H
    [InlineData('\uF900', '豈')] // CJK COMPATIBILITY IDEOGRAPH-F900
    [InlineData('\uF9D1', '六')] // CJK COMPATIBILITY IDEOGRAPH-F9D1
    public void A_radical_stroke_or_compatibility_form_reads_as_its_unified_ideograph(char written, char unified) =>
        IdeographForms.Unified(written).ShouldBe(unified);

    [Theory]
    [InlineData('、')]
    [InlineData('。')]
    [InlineData('《')]
    [InlineData('〔')]
    [InlineData('\u2E80')] // CJK RADICAL REPEAT: no equivalent
    [InlineData('\u2EAE')] // CJK RADICAL BAMBOO: its equivalent 𥫗 lies outside the BMP, so the text keeps its length
    [InlineData('\uFA0E')] // a unified ideograph of the compatibility block (﨎): no other form
    [InlineData('人')]
    public void Other_characters_stay(char c) => IdeographForms.Unified(c).ShouldBe(c);

    [Fact]
    public void Text_without_such_forms_is_returned_as_it_is()
    {
        var text = "一、工作方案（牵头单位：县人民政府办公室）";
        IdeographForms.Unify(text).ShouldBeSameAs(text);
    }

    [Fact]
    public void Text_keeps_its_length_so_every_span_stays_valid()
    {
        var written = "\u2F00、\u2F2F作\u2F45案。县\u2F08\u2EA0政府各部\u2ED4";
        var unified = IdeographForms.Unify(written);
        unified.ShouldBe("一、工作方案。县人民政府各部门");
        unified.Length.ShouldBe(written.Length);
    }

    /// <summary>
    /// A seed whose every character that has a radical form is written in that form — as text copied from a PDF whose
    /// fonts map those glyphs to radicals — reads exactly as the seed does, and its text reads as the seed's.
    /// </summary>
    [SeedTheory]
    [MemberData(nameof(SeedCorpus.Ids), MemberType = typeof(SeedCorpus))]
    public void A_seed_written_with_radicals_reads_as_the_seed(string id)
    {
        var seed = SeedCorpus.Parse(id);
        var radicals = RadicalForms();
        var written = new string(seed.Text.Select(c => radicals.GetValueOrDefault(c, c)).ToArray());
        written.Count(c => c != IdeographForms.Unified(c)).ShouldBeGreaterThan(100, "the seed should be rewritten in many places");

        var doc = new PlanParser().ParseText(written);

        doc.Text.ShouldBe(seed.Text);
        var diff = ParityDigest.Diff(ParityDigest.Lines(seed), ParityDigest.Lines(doc));
        ParityDigest.Lines(doc).ShouldBe(ParityDigest.Lines(seed), diff);
    }

    /// <summary>For each unified ideograph that has one, a radical standing for it (the Kangxi one where both exist).</summary>
    private static Dictionary<char, char> RadicalForms()
    {
        var forms = new Dictionary<char, char>();
        for (var c = '\u2FD5'; c >= '\u2E80'; c--)
            if (IdeographForms.Unified(c) is var unified && unified != c)
                forms.TryAdd(unified, c);
        return forms;
    }
}
