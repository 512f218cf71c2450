using System.Net;
using System.Text;

namespace Duban.Parsing.Tests.Parity;

/// <summary>
/// A text document as a government site publishes it: the article in a content div (the first line as its &lt;h1&gt;, one &lt;p&gt; per paragraph
/// indented by two ideographic spaces, tables as &lt;table&gt; with colspan group rows), with the site's header, navigation, breadcrumbs, an 索引号 box, the
/// 字号/打印/关闭 tools, related links and a footer around it. Empty lines are left out, as sites do. Used by the
/// format-parity suite.
/// </summary>
internal static class GovPageBuilder
{
    public static byte[] FromText(IEnumerable<TextBlock> blocks, string pageTitle)
    {
        var sb = new StringBuilder();
        sb.Append($"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>{E(pageTitle)}_青禾市人民政府门户网站</title>
            <link rel="stylesheet" href="/css/main.css"><script src="/js/jquery.min.js"></script></head>
            <body>
            <div class="top-bar"><a href="/">青禾市人民政府门户网站</a> <a href="/wza">无障碍</a> <a href="/old">长者模式</a></div>
            <div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zwfw">政务服务</a></li><li><a href="/hdjl">互动交流</a></li><li><a href="/zjqh">走进青禾</a></li></ul></div>
            <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zwgk/zcwj">政策文件</a></div>
            <div class="main">
            <table class="xxgk-info"><tr><td>索引号：</td><td>11530100MB0000000X/2024-00123</td><td>发布机构：</td><td>青禾市人民政府办公室</td></tr>
            <tr><td>成文日期：</td><td>2024-03-18</td><td>发布日期：</td><td>2024-03-20</td></tr></table>
            <div class="tools">【字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】 <a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
            <div class="article-content" id="zoom">

            """);
        var first = true;
        foreach (var block in blocks)
        {
            switch (block)
            {
                // The title as the page's heading; paragraphs indented by two ideographic spaces, as editors type them.
                case ParagraphBlock p when first: sb.Append("<h1 class=\"title\">").Append(E(p.Text.Trim())).Append("</h1>\n"); first = false; break;
                case ParagraphBlock p: sb.Append("<p style=\"text-indent:2em\">\u3000\u3000").Append(E(p.Text.Trim())).Append("</p>\n"); break;
                case TableBlock t: Table(sb, t); break;
            }
        }
        sb.Append("""
            </div>
            <div class="related"><h3>相关链接</h3><ul><li><a href="/a/1.html">市教育局召开职业教育工作推进会</a></li><li><a href="/a/2.html">政策解读：职业教育改革怎么推进</a></li></ul></div>
            </div>
            <div class="footer"><p>主办：青禾市人民政府办公室　承办：青禾市大数据中心</p><p>网站标识码：5301000001　滇ICP备00000000号</p></div>
            </body></html>
            """);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void Table(StringBuilder sb, TableBlock t)
    {
        sb.Append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n");
        for (var r = 0; r < t.Rows.Count; r++)
        {
            var cells = t.Rows[r];
            var tag = r == 0 ? "th" : "td";
            if (r > 0 && TableBlock.IsGroupRow(cells))
            {
                sb.Append($"<tr><td colspan=\"{t.Columns}\">{E(cells[0].Trim())}</td></tr>\n");
                continue;
            }
            sb.Append("<tr>");
            for (var i = 0; i < t.Columns; i++)
                sb.Append($"<{tag}>{(i < cells.Length ? E(cells[i].Trim()) : "")}</{tag}>");
            sb.Append("</tr>\n");
        }
        sb.Append("</table>\n");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
