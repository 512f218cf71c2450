using Duban.Parsing.Tasks;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tests.Deadlines;

/// <summary>Deadlines written inside a task's text (docs/parsing-rules.md, Deadlines inside the task text).</summary>
public class TextDeadlineTests
{
    [Theory]
    [InlineData("2024年底前，完成全部中职学校达标建设。", "2024年底前", "2024-12-31")]
    [InlineData("推进实训基地建设，于2025年6月底前建成2个产业学院。", "2025年6月底前", "2025-06-30")]
    [InlineData("2023年12月31日以前完成清查。", "2023年12月31日以前", "2023-12-31")]
    [InlineData("2024年6月底前完成试点，2025年底前全面推开。", "2025年底前", "2025-12-31")]
    [InlineData("２０２４年底前完成。", "２０２４年底前", "2024-12-31")]
    public void A_dated_phrase_ending_in_qian_is_the_deadline(string text, string raw, string due)
    {
        var deadline = TextDeadline.Find(MappedText.Contiguous(text, 100), 2023).ShouldNotBeNull();
        deadline.Raw.ShouldBe(raw);
        deadline.Due.ShouldBe(DateOnly.Parse(due));
        deadline.Span.Start.ShouldBe(100 + text.IndexOf(raw, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("到2025年，全市中职学校全部达标。")]
    [InlineData("自2024年起实施中职免学费政策。")]
    [InlineData("6月底前完成摸底。")]
    [InlineData("每年培训不少于3000人次。")]
    [InlineData("12024年底前")]
    public void Other_dates_are_not(string text) =>
        TextDeadline.Find(MappedText.Contiguous(text, 0), 2023).ShouldBeNull();
}
