using System.Text.RegularExpressions;
using Duban.Web.Plans;

namespace Duban.Web.Tests.Plans;

public sealed class SpanMarkupTests
{
    private static string Strip(string html) => System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", ""));

    private static void ShouldBeWellFormed(string html)
    {
        var depth = 0;
        foreach (Match tag in Regex.Matches(html, "</?mark"))
        {
            depth += tag.Value == "<mark" ? 1 : -1;
            depth.ShouldBeGreaterThanOrEqualTo(0);
        }
        depth.ShouldBe(0);
    }

    [Fact]
    public void Separate_spans_are_each_marked_with_their_anchor()
    {
        var html = SpanMarkup.Render("甲乙丙丁戊", [new(1, 0, 2, "1"), new(2, 3, 5, "2")]);

        html.ShouldBe("<mark class=\"task-span\" id=\"t-1\" data-task=\"1\" title=\"1\">甲乙</mark>丙<mark class=\"task-span\" id=\"t-2\" data-task=\"2\" title=\"2\">丁戊</mark>");
    }

    [Fact]
    public void Nested_spans_nest_their_marks()
    {
        var html = SpanMarkup.Render("0123456789", [new(2, 3, 5, "inner"), new(1, 1, 8, "outer")]);

        html.ShouldContain("<mark class=\"task-span\" id=\"t-1\"");
        html.IndexOf("id=\"t-1\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("id=\"t-2\"", StringComparison.Ordinal));
        ShouldBeWellFormed(html);
        Strip(html).ShouldBe("0123456789");
    }

    [Fact]
    public void Crossing_spans_stay_well_formed_with_one_anchor_each()
    {
        var html = SpanMarkup.Render("0123456789", [new(1, 1, 6, "a"), new(2, 4, 9, "b"), new(3, 5, 7, "c"), new(4, 0, 10, "all"), new(5, 20, 30, "outside"), new(6, 3, 3, "empty")]);

        ShouldBeWellFormed(html);
        Strip(html).ShouldBe("0123456789");
        foreach (var id in new[] { 1, 2, 3, 4 }) Regex.Matches(html, $"id=\"t-{id}\"").Count.ShouldBe(1);
        html.ShouldNotContain("t-5");
        html.ShouldNotContain("t-6");
    }

    [Fact]
    public void A_back_link_opens_each_span_once()
    {
        var html = SpanMarkup.Render("0123456789", [new(1, 1, 6, "1"), new(2, 4, 9, "2")], id => $"plans/3#task-{id}");

        ShouldBeWellFormed(html);
        Regex.Matches(html, "<a class=\"task-ref\" href=\"plans/3#task-1\">1</a>").Count.ShouldBe(1);
        Regex.Matches(html, "<a class=\"task-ref\" href=\"plans/3#task-2\">2</a>").Count.ShouldBe(1);
        System.Net.WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<a [^>]+>[^<]*</a>", ""), "<[^>]+>", "")).ShouldBe("0123456789");
    }

    [Fact]
    public void Text_is_escaped()
    {
        SpanMarkup.Render("<b>&\"", [new(1, 0, 3, "<x>")]).ShouldBe("<mark class=\"task-span\" id=\"t-1\" data-task=\"1\" title=\"&lt;x&gt;\">&lt;b&gt;</mark>&amp;&quot;");
    }
}
