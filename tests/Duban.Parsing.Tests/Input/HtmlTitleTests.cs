using System.Text;
using Duban.Parsing.Input;
using Duban.Parsing.Input.Html;

namespace Duban.Parsing.Tests.Input;

/// <summary>
/// Which title a web page gives its plan: the article's own heading, else a heading above the article, else the
/// document's part of &lt;title&gt; (docs/input-formats.md, "HTML").
/// </summary>
public class HtmlTitleTests
{
    private static byte[] Page(string title, string body) => Encoding.UTF8.GetBytes($"""
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
        <div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>
        <div class="article-content" id="zoom">{body}</div>
        <div class="footer">主办：南浦市人民政府办公室</div></body></html>
        """);

    private const string Tasks = """
        <p>1.建设市级公共实训基地，面向职业院校开放共享。（牵头单位：市人社局；配合单位：市教育局；完成时限：2025年底前）</p>
        <p>2.开展职业技能等级认定，每年认定1000人次以上。（牵头单位：市人社局；完成时限：每年12月底前）</p>
        """;

    [Fact]
    public void The_articles_own_heading_is_the_title_not_the_page_title()
    {
        // The site titles the page by the notice that issued the table; the article is headed by the table's own name.
        var page = Page("南浦市人民政府办公室关于印发南浦市职业教育提质培优实施方案的通知_政策文件_南浦市人民政府",
            "<h1>南浦市职业教育提质培优重点任务分工表</h1>" + Tasks);
        var text = InputReader.Read(page, "fengong.html", InputLimits.Default).Text;
        text.ShouldStartWith("南浦市职业教育提质培优重点任务分工表\n");
        text.ShouldNotContain("关于印发");
        var doc = new PlanParser().Parse(page, "fengong.html");
        doc.Title.ShouldBe("南浦市职业教育提质培优重点任务分工表");
        doc.TaskLists.Single().Tasks.Count.ShouldBe(2);
    }

    [Fact]
    public void A_heading_classed_as_title_inside_the_article_counts_as_its_heading()
    {
        var page = Page("南浦市职业教育提质培优实施方案_南浦市人民政府",
            "<div class=\"art-title\">南浦市职业教育提质培优任务分解表</div>" + Tasks);
        new PlanParser().Parse(page, "fengong.html").Title.ShouldBe("南浦市职业教育提质培优任务分解表");
    }

    [Fact]
    public void Without_any_heading_the_page_title_less_the_site_name_heads_the_text()
    {
        var page = Page("南浦市职业教育提质培优实施方案 - 南浦市教育局", Tasks);
        var text = InputReader.Read(page, "fengong.html", InputLimits.Default).Text;
        text.ShouldStartWith("南浦市职业教育提质培优实施方案\n1.建设市级公共实训基地");
        new PlanParser().Parse(page, "fengong.html").Title.ShouldBe("南浦市职业教育提质培优实施方案");
    }

    [Theory]
    [InlineData("东川区推进职业教育校企合作实施方案_区政府文件_东川区人民政府", "东川区推进职业教育校企合作实施方案")]
    [InlineData("青禾市职业教育改革实施方案 | 青禾市教育局", "青禾市职业教育改革实施方案")]
    [InlineData("青禾市职业教育改革实施方案｜青禾市教育局", "青禾市职业教育改革实施方案")]
    [InlineData("青禾市职业教育改革实施方案 - 政策文件", "青禾市职业教育改革实施方案")]
    [InlineData("青禾市职业教育改革实施方案－青禾市人民政府", "青禾市职业教育改革实施方案")]
    [InlineData("青禾市职业教育发展规划（2021-2025年）_青禾市人民政府", "青禾市职业教育发展规划（2021-2025年）")]
    [InlineData("青禾市职业教育发展规划（2021—2025年）", "青禾市职业教育发展规划（2021—2025年）")]
    [InlineData("", "")]
    public void The_page_title_loses_the_site_name_after_a_separator(string title, string expected) =>
        HtmlTextExtractor.PageTitle(title).ShouldBe(expected);
}
