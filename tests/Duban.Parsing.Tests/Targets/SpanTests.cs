using Duban.Parsing.Model;
using Duban.Parsing.Targets;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tests.Targets;

public class SpanTests
{
    [Theory]
    [InlineData("到2025年，全市中等职业教育在校生保持在2万人以上，高等职业教育规模稳定在6000人左右，继续教育和职业技能培训年培训5万人次以上。")]
    [InlineData("力争打造4—5所全省优质中等职业学校和10个全省优质专业")]
    [InlineData("市财政和各县（区）政府每年安排职业教育专项经费分别不得少于500万元和300万元")]
    [InlineData("保持高中阶段教育职普比例大体相当")]
    [InlineData("每年培养具有合格职业技能的学生 800 人以上")]
    public void Raw_is_the_source_text_under_the_span(string text)
    {
        const int sourceStart = 1000;
        var source = new string('x', sourceStart) + text;

        var targets = TargetExtractor.Extract(MappedText.Contiguous(text, sourceStart));

        targets.ShouldNotBeEmpty();
        foreach (var target in targets)
            source[target.Span.Start..target.Span.End].ShouldBe(target.Raw);
    }

    [Fact]
    public void Span_of_a_phrase_wrapped_over_lines_covers_the_lines()
    {
        // Source: "在校生达到\r\n2万人\r\n以上。"; the assembled text drops the line breaks.
        const string source = "在校生达到\r\n2万人\r\n以上。";
        var kept = Enumerable.Range(0, source.Length).Where(i => source[i] is not ('\r' or '\n')).ToArray();
        var text = new MappedText(new string(kept.Select(i => source[i]).ToArray()), kept);

        var target = TargetExtractor.Extract(text).ShouldHaveSingleItem();

        target.Raw.ShouldBe("在校生达到2万人以上");
        target.Span.ShouldBe(new SourceSpan(0, source.IndexOf('。')));
    }

    [Fact]
    public void Targets_come_in_order_of_appearance()
    {
        var targets = Read.Targets("保持职普比大体相当，建成10个实训基地，就业率达到95%。培训5000人次");

        targets.Select(t => t.Span.Start).ShouldBeInOrder(SortDirection.Ascending);
        targets.Count.ShouldBe(4);
    }
}
