using AngleSharp.Dom;
using Duban.Parsing.Model;

namespace Duban.Parsing.Input.Html;

/// <summary>
/// The files a page's article links to — 附件：…任务分工表.xlsx, …实施方案.pdf — which a saved page does not contain. A
/// site often publishes the notice as the page and the plan or its 分工表 as such a file: the page then reads as a
/// notice without tasks, and the office needs to be told where the tasks are rather than left with "no task list".
/// </summary>
internal static class LinkedAttachments
{
    private const int MaxNamed = 5;

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".doc", ".docx", ".wps", ".pdf", ".ofd", ".xls", ".xlsx", ".et", ".ods", ".odt", ".zip", ".rar", ".7z",
    };

    /// <summary>A warning naming the linked files of the article and of the blocks right after it (where sites put 附件下载); null when there are none.</summary>
    public static ParseWarning? Of(IElement article)
    {
        var scope = new List<IElement> { article };
        for (var next = article.NextElementSibling; next is not null && scope.Count < 4; next = next.NextElementSibling) scope.Add(next);
        var names = scope.SelectMany(e => e.QuerySelectorAll("a[href]")).Select(NameOf).OfType<string>().Distinct().ToList();
        if (names.Count == 0) return null;
        var named = string.Join("、", names.Take(MaxNamed).Select(n => $"“{n}”")) + (names.Count > MaxNamed ? " 等" : "");
        return new ParseWarning(WarningCodes.LinkedAttachments,
            $"网页链接了 {names.Count} 个附件文件（{named}），附件的内容不在网页中，未读取。任务清单如在附件中，请下载该附件后导入。");
    }

    private static string? NameOf(IElement link)
    {
        var href = link.GetAttribute("href") ?? "";
        var path = href.Split('?', '#')[0];
        var slash = path.LastIndexOf('/');
        var file = path[(slash + 1)..];
        var dot = file.LastIndexOf('.');
        if (dot < 0 || !Extensions.Contains(file[dot..])) return null;
        // The link's words name the file as the page shows it (附件1：…分工表); the address often only by a number.
        var text = string.Join(' ', link.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        // A template's 相关附件：<a href="…">无</a> links a placeholder, not a file of this document.
        if (text is "无" or "暂无" or "无附件") return null;
        if (text.Length is > 0 and <= 120) return text;
        try
        {
            return Uri.UnescapeDataString(file);
        }
        catch (UriFormatException)
        {
            return file;
        }
    }
}
