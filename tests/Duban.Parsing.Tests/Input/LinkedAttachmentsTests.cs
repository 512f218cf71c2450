using System.Text;
using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Input;

/// <summary>
/// A saved page whose plan or 分工表 is a linked file names those files in a warning (docs/input-formats.md, "HTML").
/// </summary>
public sealed class LinkedAttachmentsTests
{
    private static PlanDocument Parse(string article, string after = "") => new PlanParser().Parse(Encoding.UTF8.GetBytes($"""
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>通知</title></head><body>
        <div class="nav"><a href="/">首页</a> <a href="/zwgk/guide.pdf">政府信息公开指南</a></div>
        <div class="main"><div class="article-content" id="zoom">{article}</div>{after}</div>
        <div class="footer">主办：南浦市人民政府办公室</div></body></html>
        """), "notice.html");

    private const string Notice = """
        <p>南浦市人民政府办公室关于印发南浦市职业教育提质培优重点任务分工方案的通知</p>
        <p>各县（区）人民政府，市政府各部门：</p>
        <p>现将《南浦市职业教育提质培优重点任务分工方案》印发给你们，请结合实际认真贯彻落实。</p>
        <p>南浦市人民政府办公室</p><p>2025年4月2日</p>
        """;

    [Fact]
    public void Files_linked_from_the_article_and_the_block_after_it_are_named()
    {
        var doc = Parse(Notice + """<p>附件：<a href="/files/2025/0402/P020250402.xlsx">南浦市职业教育提质培优重点任务分工表.xlsx</a></p>""",
            """<div class="fujian">相关附件：<a href="/files/2025/0402/%E5%AE%9E%E6%96%BD%E6%96%B9%E6%A1%88.pdf?v=2"></a></div>""");

        var warning = doc.Warnings.Single(w => w.Code == WarningCodes.LinkedAttachments);
        warning.Message.ShouldContain("2 个附件文件");
        warning.Message.ShouldContain("“南浦市职业教育提质培优重点任务分工表.xlsx”");
        warning.Message.ShouldContain("“实施方案.pdf”"); // a link without words is named by its address, decoded
        warning.Message.ShouldNotContain("政府信息公开指南"); // the navigation's files are the site's, not the article's
        doc.Warnings.ShouldContain(w => w.Code == WarningCodes.NoTaskList);
    }

    [Fact]
    public void Links_to_pages_and_pictures_are_not_attachments()
    {
        var doc = Parse(Notice + """<p><a href="/zwgk/2025/0402/content_88.html">政策解读</a> <img src="/a.png"><a href="/a.jpg">图片</a></p>""",
            """<div class="fujian">相关附件：<a href="/uploadfiles/202309/fj.doc">无</a></div>""");
        doc.Warnings.ShouldNotContain(w => w.Code == WarningCodes.LinkedAttachments);
    }
}
