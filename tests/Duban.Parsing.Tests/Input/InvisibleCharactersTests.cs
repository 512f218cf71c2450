using System.Text;
using Duban.Parsing.Input;
using Duban.Parsing.Model;
using Duban.Parsing.Tests.Parity;
using Duban.Parsing.Tests.Support;

namespace Duban.Parsing.Tests.Input;

/// <summary>
/// Characters that print nothing (zero-width space, word joiner, soft hyphen, a byte order mark inside the text, …)
/// are dropped before the text is read, and every position kept for it moves with it (<see cref="InvisibleCharacters"/>).
/// </summary>
public sealed class InvisibleCharactersTests
{
    private const string Zwsp = "\u200B";

    [Theory]
    [InlineData('\u200B')]
    [InlineData('\u200C')]
    [InlineData('\u200D')]
    [InlineData('\u2060')]
    [InlineData('\uFEFF')]
    [InlineData('\u00AD')]
    [InlineData('\u200E')]
    [InlineData('\u202C')]
    [InlineData('\uFE0F')]
    public void A_label_with_an_invisible_character_inside_is_still_the_label(char invisible)
    {
        var doc = new PlanParser().ParseText(
            $"一、重点任务\n1.建设公共实训基地。（牵头{invisible}单位{invisible}：区人社局；配合单位：区教{invisible}育局；完成时限：2025年{invisible}6月底前）\n");
        var task = doc.TaskLists.Single().Tasks.Single();
        task.Units.Select(u => (u.Name, u.Role)).ShouldBe([("区人社局", UnitRole.Lead), ("区教育局", UnitRole.Cooperating)]);
        task.Deadline!.Due.ShouldBe(new DateOnly(2025, 6, 30));
        doc.Text.ShouldNotContain(invisible);
    }

    [Fact]
    public void Text_without_them_is_returned_as_it_is()
    {
        var text = "1.建设公共实训基地。（牵头单位：区人社局）";
        InvisibleCharacters.Remove(text).ShouldBeSameAs(text);
    }

    [Fact]
    public void Page_starts_regions_and_warning_spans_move_with_the_text()
    {
        // 甲乙​丙 | 丁​​戊: page 2 begins at 4 (丁), which lands at 3 once the one before it is dropped.
        var source = new SourceText("甲乙" + Zwsp + "丙丁" + Zwsp + Zwsp + "戊", "pdf", null,
            [new ParseWarning("input.test", "测试", new SourceSpan(5, 8))])
        {
            PageStarts = [0, 4],
            Regions = [PageRegion.Create(0, 4, 1, 0, 0, 10, 10), PageRegion.Create(4, 8, 2, 0, 0, 10, 10)],
        };

        var read = InvisibleCharacters.Remove(source);

        read.Text.ShouldBe("甲乙丙丁戊");
        read.PageStarts.ShouldBe([0, 3]);
        read.Regions!.Select(r => (r.Start, r.End, r.Page)).ShouldBe([(0, 3, 1), (3, 5, 2)]);
        read.Warnings.Single().Span.ShouldBe(new SourceSpan(4, 5));
        read.Text[read.Regions![1].Start..read.Regions[1].End].ShouldBe("丁戊");
    }

    [Fact]
    public void A_page_with_zero_width_spaces_and_soft_hyphens_between_its_characters_reads_as_without()
    {
        const string body = """
            <p>南浦市职业技能提升重点任务分工</p>
            <p>1.建设市级公共实训基地，面向职业院校开放共享。（牵头单位&#8203;：市人社局；配合单位：市教育局；完成时限：2025年底前）</p>
            <p>2.开展职业技能等级认定&shy;，每年认定1000人次以上。（牵头&ZeroWidthSpace;单位：市人社局；完成时限：每年12月&#x2060;底前）</p>
            """;
        static byte[] Page(string body) => Encoding.UTF8.GetBytes(
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>分工</title></head><body><div id=\"zoom\">{body}</div></body></html>");
        var clean = body.Replace("&#8203;", "").Replace("&shy;", "").Replace("&ZeroWidthSpace;", "").Replace("&#x2060;", "");

        var doc = new PlanParser().Parse(Page(body), "page.html");
        var want = new PlanParser().Parse(Page(clean), "page.html");

        ParityDigest.Lines(doc).ShouldBe(ParityDigest.Lines(want));
        doc.TaskLists.Single().Tasks.Count.ShouldBe(2);
        doc.Text.ShouldBe(want.Text);
    }

    /// <summary>A seed with a zero-width space after every seventh character reads exactly as the seed.</summary>
    [SeedTheory]
    [MemberData(nameof(SeedCorpus.Ids), MemberType = typeof(SeedCorpus))]
    public void A_seed_strewn_with_zero_width_spaces_reads_as_the_seed(string id)
    {
        var seed = SeedCorpus.Parse(id);
        var strewn = new StringBuilder();
        for (var i = 0; i < seed.Text.Length; i++)
        {
            strewn.Append(seed.Text[i]);
            if (i % 7 == 6) strewn.Append(i % 2 == 0 ? Zwsp : "\u2060");
        }

        var doc = new PlanParser().Parse(Encoding.UTF8.GetBytes(strewn.ToString()), "strewn.txt");

        doc.Text.ShouldBe(seed.Text);
        ParityDigest.Lines(doc).ShouldBe(ParityDigest.Lines(seed), ParityDigest.Diff(ParityDigest.Lines(seed), ParityDigest.Lines(doc)));
    }
}
