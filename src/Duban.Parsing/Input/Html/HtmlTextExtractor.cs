using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Duban.Parsing.Input.Html;

/// <summary>
/// Reads the article of a saved web page (a 政府信息公开 page, a mirrored notice): the element holding most of the
/// page's Chinese text outside links is the article; navigation, headers, footers, scripts and styles are dropped.
/// Paragraphs and line breaks become lines, table rows become lines of tab-separated cells, as a .docx table does.
/// See docs/input-formats.md, "HTML".
/// </summary>
internal static partial class HtmlTextExtractor
{
    public const string Format = "html";

    // Markup that is never article text.
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "nav", "header", "footer", "form", "select", "button",
        "input", "textarea", "svg", "object", "embed", "head", "aside", "map", "audio", "video", "canvas",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "blockquote", "pre",
        "dd", "dt", "dl", "center", "address", "main", "figure", "figcaption", "hr", "table", "tr", "body", "html",
    };

    // One paragraph of the article is never the article, however much of the text it holds.
    private static readonly HashSet<string> Paragraphs = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote", "figcaption", "address",
    };

    // Elements whose end tag may be left out, and void elements: neither counts towards the nesting estimate.
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rt", "rp",
        "br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "param", "source", "track", "wbr",
        "html", "head", "body", "!doctype",
    };

    // Real pages hold a few thousand tags; a page of far more is not an article.
    private const int MaxTags = 500_000;

    // A child holding this share of its parent's article text is where the article is.
    private const double DescendShare = 0.6;

    /// <param name="charset">The charset a container declares for the page (an .mht part's Content-Type), tried before the page's own.</param>
    public static SourceText Extract(ReadOnlySpan<byte> content, InputLimits limits, string? charset = null)
    {
        var (html, encoding, warnings) = Decode(content, charset);
        // The page's boxes (成文日期, 发文字号) are read here, before the parser unifies the text: radicals pasted from a
        // PDF (3⽉18⽇) must read there as they do in the article.
        html = Text.IdeographForms.Unify(html);
        CheckMarkup(html, limits.MaxHtmlDepth);

        var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = false }).ParseDocument(html);
        var root = (IElement?)document.Body ?? document.DocumentElement;
        CheckDepth(document.DocumentElement, limits.MaxHtmlDepth);

        var scores = new Dictionary<INode, int>();
        Score(root, scores, insideLink: false);
        var article = FindArticle(root, scores);

        var writer = new LineWriter(limits.MaxDocxTextCharacters);
        var (number, date) = BoxFacts(document, article);
        if (number is not null) writer.Line(number);
        if (TitleOutside(document, article) is { } title) writer.Line(title);
        writer.Render(article);
        writer.Flush();
        // The box's date is the document's only when the article has no date line of its own (under the signature);
        // it goes under the 文号 (the box's or the article's), where the metadata reader looks for a date first.
        var folded = writer.Lines.ConvertAll(l => Text.CharFolding.Fold(l.Trim()));
        var numberLine = folded.FindIndex(0, Math.Min(folded.Count, 5), Text.LineShapes.IsDocNumberLine);
        if (date is not null && numberLine >= 0 && !folded.Exists(Text.LineShapes.IsDateLine))
            writer.Lines.Insert(numberLine + 1, date);

        var text = string.Join('\n', writer.Lines.Where(l => !IsPageChrome(l))).Trim('\n');
        if (string.IsNullOrWhiteSpace(text))
            throw new PlanInputException(InputErrorCodes.Empty, "该网页中没有可读取的正文文字。");
        return new SourceText(text, Format, encoding, LinkedAttachments.Of(article) is { } linked ? [.. warnings, linked] : warnings);
    }

    /// <summary>The declared charset when the bytes decode in it; otherwise the plain-text detection (BOM, UTF-8, GB18030).</summary>
    private static (string Html, string Encoding, IReadOnlyList<Model.ParseWarning> Warnings) Decode(ReadOnlySpan<byte> content, string? outerCharset)
    {
        var bom = UnicodeForm.FromByteOrderMark(content);
        foreach (var declared in new[] { outerCharset, HtmlSniffer.DeclaredCharset(content) })
        {
            if (declared is null || bom is not null) continue;
            var (encoding, name) = EncodingOf(declared);
            if (encoding is null) continue;
            try
            {
                return (LineBreaks.Normalize(encoding.GetString(content)), name, []);
            }
            catch (DecoderFallbackException)
            {
                // Declared wrongly (a page saved as UTF-8 that still says gb2312): try the next, then detect.
            }
        }
        var decoded = TextDecoder.Decode(content);
        return (decoded.Text, decoded.Encoding ?? "utf-8", decoded.Warnings);
    }

    private static (Encoding? Encoding, string Name) EncodingOf(string charset)
    {
        switch (charset)
        {
            case "utf-8" or "utf8":
                return (new UTF8Encoding(false, throwOnInvalidBytes: true), "utf-8");
            case "gb2312" or "gbk" or "gb18030" or "x-gbk" or "cp936" or "euc-cn" or "hz-gb-2312":
                return (Gb18030.Strict, Gb18030.Name);
        }
        try
        {
            var encoding = CodePagesEncodingProvider.Instance.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
                ?? Encoding.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return (encoding, charset);
        }
        catch (ArgumentException)
        {
            return (null, charset);
        }
    }

    /// <summary>
    /// Counts the tags and estimates the nesting from the markup before it is parsed: an HTML parser given a hundred
    /// thousand nested elements takes minutes, so such a page must be refused before parsing. Start tags count up and
    /// end tags down, except elements whose end tag may be left out (p, li, td…), void and self-closed ones.
    /// </summary>
    private static void CheckMarkup(string html, int maxDepth)
    {
        int tags = 0, depth = 0;
        for (var i = html.IndexOf('<'); i >= 0 && i + 1 < html.Length; i = html.IndexOf('<', i + 1))
        {
            // Comments, scripts and styles hold text, not tags (a<b in a minified script is no element).
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                i = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (i < 0) break;
                continue;
            }
            if (RawTextEnd(html, i) is var rawEnd and > 0)
            {
                tags++;
                i = rawEnd;
                continue;
            }
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            if (start >= html.Length || !char.IsAsciiLetter(html[start])) continue;
            if (++tags > MaxTags)
                throw new PlanInputException(InputErrorCodes.HtmlTooLarge, string.Create(CultureInfo.InvariantCulture,
                    $"该网页的标记超过 {MaxTags:N0} 个标签的上限，不像一篇文章，已停止读取。请确认选择的文件无误。"));
            var end = start;
            while (end < html.Length && end - start < 16 && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-')) end++;
            if (NotNesting.Contains(html.AsSpan(start, end - start).ToString())) continue;
            var close = html.IndexOf('>', end);
            if (close > 0 && html[close - 1] == '/') continue;
            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            if (depth > maxDepth) throw TooDeep(maxDepth);
        }
    }

    /// <summary>For a &lt;script&gt; or &lt;style&gt; start tag at <paramref name="i"/>: where its end tag starts (the end of the page if none); else -1.</summary>
    private static int RawTextEnd(string html, int i)
    {
        foreach (var name in (ReadOnlySpan<string>)["script", "style"])
        {
            var after = i + 1 + name.Length;
            if (after < html.Length && html.AsSpan(i + 1, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && !char.IsAsciiLetterOrDigit(html[after]))
            {
                var end = html.IndexOf("</" + name, after, StringComparison.OrdinalIgnoreCase);
                return end < 0 ? html.Length - 1 : end;
            }
        }
        return -1;
    }

    private static PlanInputException TooDeep(int maxDepth) =>
        new(InputErrorCodes.HtmlTooLarge, string.Create(CultureInfo.InvariantCulture,
            $"该网页的元素嵌套超过 {maxDepth} 层，无法读取。请确认选择的文件无误。"));

    /// <summary>Walks the tree without recursion and refuses it when it is nested deeper than the limit.</summary>
    private static void CheckDepth(IElement? root, int maxDepth)
    {
        if (root is null) return;
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            if (depth > maxDepth) throw TooDeep(maxDepth);
            foreach (var child in element.Children) stack.Push((child, depth + 1));
        }
    }

    /// <summary>The Chinese characters outside links under each node (recursion is bounded by <see cref="CheckDepth"/>).</summary>
    private static int Score(INode node, Dictionary<INode, int> scores, bool insideLink)
    {
        var total = 0;
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                if (!insideLink) total += CountCjk(text.Data);
            }
            else if (child is IElement element && !Dropped.Contains(element.LocalName))
            {
                total += Score(element, scores, insideLink || element.LocalName == "a");
            }
        }
        scores[node] = total;
        return total;
    }

    /// <summary>
    /// From the body down: while one child element holds most of the current element's article text, go into it. The
    /// walk stops at the element whose text is spread over its children (the paragraphs of the article) and never
    /// goes into a data table, so a plan that is mostly its 分工表 keeps its title and preamble.
    /// </summary>
    private static IElement FindArticle(IElement root, Dictionary<INode, int> scores)
    {
        var current = root;
        while (true)
        {
            var own = scores.GetValueOrDefault(current);
            if (own == 0) return current;
            IElement? best = null;
            var bestScore = 0;
            foreach (var child in current.Children)
            {
                var score = scores.GetValueOrDefault(child);
                if (score > bestScore) (best, bestScore) = (child, score);
            }
            if (best is null || bestScore < own * DescendShare || IsDataTablePart(best) || Paragraphs.Contains(best.LocalName)) return current;
            if (HasSplitPart(current, best, scores)) return current;
            current = best;
        }
    }

    /// <summary>
    /// Whether the article continues in a sibling of <paramref name="best"/>: a long article split into parts (page 1
    /// and page 2 of the same article on one page, several TRS_Editor or article-content divs, rows of a layout table)
    /// has most of its text in its first part, and going into that part alone would lose the others. A sibling of the
    /// same kind is such a part: the same class and ten characters of text; or, without a class, the same element (a
    /// table row with as many cells) and a quarter of the best one's text — a footer row of 版权所有 under a short
    /// article is not a part.
    /// </summary>
    private static bool HasSplitPart(IElement parent, IElement best, Dictionary<INode, int> scores)
    {
        var kind = best.ClassName ?? "";
        var bestScore = scores.GetValueOrDefault(best);
        foreach (var sibling in parent.Children)
        {
            if (sibling == best || sibling.LocalName != best.LocalName || (sibling.ClassName ?? "") != kind) continue;
            var score = scores.GetValueOrDefault(sibling);
            var isPart = kind.Length > 0
                ? score >= 10
                : score >= 20 && score * 4 >= bestScore && (best.LocalName != "tr" || CellsOf(sibling).Count() == CellsOf(best).Count());
            if (isPart) return true;
        }
        return false;
    }

    private static bool IsDataTablePart(IElement element) => element.LocalName switch
    {
        "table" => IsDataTable(element),
        "tbody" or "thead" or "tfoot" => element.ParentElement is { } table && IsDataTable(table),
        "tr" => element.Closest("table") is { } table && IsDataTable(table),
        _ => false,
    };

    /// <summary>
    /// A table of data, not of layout: no table inside it, and at least two rows of three or more cells with text (a
    /// layout table's spacer columns hold nothing).
    /// </summary>
    private static bool IsDataTable(IElement table)
    {
        if (table.QuerySelector("table") is not null) return false;
        return RowsOf(table).Count(r => CellsOf(r).Count(HasText) >= 3) >= 2;
    }

    private static bool HasText(IElement cell) => !string.IsNullOrWhiteSpace(cell.TextContent);

    private static IEnumerable<IElement> RowsOf(IElement table)
    {
        foreach (var child in table.Children)
        {
            if (child.LocalName == "tr") yield return child;
            else if (child.LocalName is "tbody" or "thead" or "tfoot")
                foreach (var row in child.Children)
                    if (row.LocalName == "tr") yield return row;
        }
    }

    private static IEnumerable<IElement> CellsOf(IElement row) => row.Children.Where(c => c.LocalName is "td" or "th");

    private const string HeadingSelector = "[class*=title],[class*=biaoti],[id*=title],[class=bt]";

    /// <summary>
    /// The page's heading when the article element leaves it out (it often sits above the article): the first h1, h2
    /// or element whose class or id says title (title, biaoti, bt) outside the article, navigation and links. Null when
    /// the article starts with it, and null when the article opens with a heading of its own: the article's heading is
    /// the document's title (…重点任务分工表), and &lt;title&gt; — which a site fills with the notice's title, a menu
    /// name or its own name — must not stand above it. Only a page with no heading at all falls back to the first part
    /// of &lt;title&gt; (see <see cref="PageTitle"/>).
    /// </summary>
    private static string? TitleOutside(IDocument document, IElement article)
    {
        var start = Collapse(JoinSegmentBreaks(article.TextContent));
        start = start[..Math.Min(start.Length, 400)];
        foreach (var selector in new[] { "h1", "h2", HeadingSelector })
        {
            foreach (var heading in document.QuerySelectorAll(selector))
            {
                if (article.Contains(heading) || heading.Contains(article) || heading.Closest("a") is not null) continue;
                if (heading.Ancestors<IElement>().Any(a => Dropped.Contains(a.LocalName))) continue;
                var title = Collapse(JoinSegmentBreaks(heading.TextContent)).Trim();
                if (!IsTitleText(title)) continue;
                return start.Contains(title, StringComparison.Ordinal) ? null : title;
            }
        }
        if (OpensWithHeading(article, start)) return null;
        var pageTitle = PageTitle(document.Title);
        // …的通知-云岭县人民政府: a bare dash is no separator in the title put first (2021-2025年), but the article
        // opening with the part before it is enough to tell that the article gives its own title.
        var beforeDash = pageTitle.Split('-')[0].Trim();
        if (IsTitleText(beforeDash) && start.Contains(beforeDash, StringComparison.Ordinal)) return null;
        return IsTitleText(pageTitle) && !start.Contains(pageTitle, StringComparison.Ordinal) ? pageTitle : null;
    }

    /// <summary>
    /// The 文号 and the date of the page's 信息公开 box (<see cref="InfoBox"/>: a table, a list or a row of spans) that
    /// the article does not give: many notices published on a site carry their number and date only in the box. The
    /// number is put first, where GB/T 9704 prints it above the title, and the date under the 文号 line on a line of its
    /// own (2023年9月4日), which the metadata reader takes for the issue date — only when the article has no date line
    /// of its own (the date under the signature, which wins over a site's 发布日期) and there is a 文号 line in its
    /// first lines. Not at the end (a date line there would complete a plan cut off mid-clause) nor above a title or
    /// an 附件 line that opens the text (the head would read differently). Nulls when there is no box, it gives
    /// neither, or the article holds them.
    /// </summary>
    private static (string? Number, string? Date) BoxFacts(IDocument document, IElement root)
    {
        foreach (var box in document.QuerySelectorAll("table, ul, ol, dl, div, p"))
        {
            if (box.Ancestors<IElement>().Any(a => Dropped.Contains(a.LocalName)) || !InfoBox.Is(box)) continue;
            var articleText = new StringBuilder();
            TextOutsideBoxes(root, articleText);
            var compact = InfoBox.Compact(articleText.ToString());
            var number = InfoBox.DocNumber(box) is { } n && !compact.Contains(n, StringComparison.Ordinal) ? n : null;
            var date = InfoBox.IssueDate(box) is { } d && !compact.Contains(d, StringComparison.Ordinal) ? d : null;
            return (number, date);
        }
        return (null, null);
    }

    /// <summary>The text of the article less its 信息公开 boxes.</summary>
    private static void TextOutsideBoxes(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) text.Append(t.Data);
            else if (child is IElement e && !(InfoBox.CanBe(e) && InfoBox.Is(e))) TextOutsideBoxes(e, text);
        }
    }

    private static bool IsTitleText(string title) => CountCjk(title) >= 6 && title.Length <= 120;

    /// <summary>The article holds a heading (h1–h3 or an element whose class says title) among its first words.</summary>
    private static bool OpensWithHeading(IElement article, string start) =>
        article.QuerySelectorAll("h1,h2,h3," + HeadingSelector)
            .Select(h => Collapse(JoinSegmentBreaks(h.TextContent)).Trim())
            .Any(t => IsTitleText(t) && start.Contains(t, StringComparison.Ordinal));

    /// <summary>
    /// The document's part of a page's &lt;title&gt;: the text before the first separator a site puts before its own
    /// name or its menu's (东川区…实施方案_区政府文件_东川区人民政府, …实施方案 | 青禾市教育局, …实施方案 - 政策文件).
    /// A dash counts only with a space on either side or as the full-width －, since titles hold ranges (2021-2025年).
    /// </summary>
    internal static string PageTitle(string? title)
    {
        var t = Collapse(title ?? "").Trim();
        var cut = t.Length;
        foreach (var separator in (string[])["_", "|", "｜", " - ", " – ", " — ", " — ", "－", " -- "])
        {
            var at = t.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && at < cut) cut = at;
        }
        return t[..cut].Trim();
    }

    /// <summary>Lines of page furniture that sit inside article containers on many sites: 【打印】【关闭窗口】, 字号 大 中 小, 分享到….</summary>
    private static bool IsPageChrome(string line) =>
        line.Length <= 40 && PageChrome().IsMatch(line);

    [GeneratedRegex(@"打印本页|【\s*打印\s*】|关闭窗口|【\s*关闭\s*】|分享到|字号[：:]?\s*[【\[]?\s*大|【\s*大\s*】|扫一扫|返回顶部|收藏本页|^\s*(打印|关闭|分享)\s*$")]
    private static partial Regex PageChrome();

    private static int CountCjk(string s)
    {
        var n = 0;
        foreach (var c in s)
            if (c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf') n++;
        return n;
    }

    private static string Collapse(string s) => WhiteSpace().Replace(s.Replace('\u00A0', ' '), " ");

    [GeneratedRegex(@"[ \t\r\n\f\v]+")]
    private static partial Regex WhiteSpace();

    /// <summary>
    /// Removes a line break of the markup between two Chinese characters, as CSS does (CSS Text 3, segment break
    /// transformation: a break between two East Asian wide characters is removed, not made a space). Pages saved by
    /// Word and many editors wrap their source lines every 70-odd characters, in the middle of a sentence or a name
    /// (县发展和改革\n局), and a browser shows no gap there; read as a space it would split a unit name in two.
    /// </summary>
    internal static string JoinSegmentBreaks(string text) => text.Contains('\n') ? SegmentBreak().Replace(text, "") : text;

    // East Asian wide and full-width characters (CJK ideographs, radicals, CJK punctuation, kana, full-width forms), not Hangul.
    private const string Wide = @"[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF01-\uFF60\uFFE0-\uFFE6]";

    [GeneratedRegex("(?<=" + Wide + @")[ \t]*\n[ \t\n]*(?=" + Wide + ")")]
    private static partial Regex SegmentBreak();

    /// <summary>Writes the lines of an element: blocks and &lt;br&gt; end a line, table rows become tab-separated cells.</summary>
    private sealed class LineWriter(long maxCharacters)
    {
        private readonly StringBuilder _line = new();
        private long _written;

        public List<string> Lines { get; } = [];

        public void Line(string text)
        {
            Flush();
            Add(text);
        }

        public void Flush()
        {
            // The buffer holds only the page's own text (blocks and <br> flush it), so its line breaks are the markup's.
            var text = Collapse(JoinSegmentBreaks(_line.ToString())).Trim(' ');
            _line.Clear();
            if (text.Length > 0) Add(text);
        }

        private void Add(string text)
        {
            _written += text.Length + 1;
            if (_written > maxCharacters)
                throw new PlanInputException(InputErrorCodes.HtmlTooLarge, string.Create(CultureInfo.InvariantCulture,
                    $"该网页的正文超过 {maxCharacters:N0} 个字符的上限，已停止读取。计划文件通常只有几万字：请确认选择的文件无误。"));
            Lines.Add(text);
        }

        public void Render(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        _line.Append(text.Data);
                        if (_line.Length > maxCharacters) Flush();
                        break;
                    case IElement element when Dropped.Contains(element.LocalName):
                        break;
                    case IElement { LocalName: "br" }:
                        Flush();
                        break;
                    case IElement { LocalName: "pre" or "xmp" or "plaintext" or "listing" } pre:
                        Flush();
                        RenderPreformatted(pre);
                        break;
                    case IElement { LocalName: "table" } table:
                        Flush();
                        // The site's 信息公开 box inside the article container is its catalogue record, not the plan.
                        if (!InfoBox.Is(table)) RenderTable(table);
                        break;
                    case IElement { LocalName: "ul" or "ol" or "dl" or "div" or "p" } box when InfoBox.Is(box):
                        // The box written as a list or a row of label and value spans: a catalogue record too.
                        Flush();
                        break;
                    case IElement element when Blocks.Contains(element.LocalName):
                        Flush();
                        Render(element);
                        Flush();
                        break;
                    case IElement element:
                        Render(element);
                        break;
                }
            }
        }

        /// <summary>
        /// Preformatted text keeps its line breaks: some sites show a plan typed as plain text in a &lt;pre&gt; (the
        /// text file put on the page as it is), one paragraph per line and a table as tab-separated lines; collapsed
        /// as ordinary markup it would be one line. Tabs are kept (they separate a table's cells); other runs of
        /// spaces become one.
        /// </summary>
        private void RenderPreformatted(IElement pre)
        {
            foreach (var line in pre.TextContent.Replace('\u00A0', ' ').Split('\n'))
            {
                var text = string.Join('\t', line.Split('\t').Select(c => Collapse(c).Trim(' ')));
                if (!string.IsNullOrWhiteSpace(text)) Line(text);
            }
        }

        /// <summary>
        /// A layout table (one cell per row) is read cell by cell as blocks. A data table gives one line per row:
        /// colspan adds empty cells after the text; a cell covered by a rowspan from above repeats the value in a units or
        /// deadline column and is empty elsewhere, as a vertically merged Word cell is (<see cref="MergedCells"/>).
        /// </summary>
        private void RenderTable(IElement table)
        {
            var rows = RowsOf(table).ToList();
            // A layout table: one cell a row, or one cell with text beside empty spacer cells.
            if (rows.All(r => CellsOf(r).Count() <= 1) || (rows.Count > 0 && rows.All(r => CellsOf(r).Count(HasText) <= 1)))
            {
                foreach (var cell in rows.SelectMany(CellsOf).Where(HasText))
                {
                    Render(cell);
                    Flush();
                }
                return;
            }

            // column → rows still covered by a rowspan from above, and what those rows read there
            var pending = new Dictionary<int, (int Rows, string Text)>();
            var header = new MergedCells.Header();
            foreach (var row in rows)
            {
                var cells = new List<string>();
                foreach (var cell in CellsOf(row))
                {
                    FillCovered(cells, pending);
                    var span = Math.Clamp(ParseSpan(cell.GetAttribute("colspan")), 1, 64);
                    var down = Math.Clamp(ParseSpan(cell.GetAttribute("rowspan")), 1, 10_000);
                    var text = CellText(cell);
                    for (var i = 0; i < span; i++)
                    {
                        if (down > 1)
                            pending[cells.Count] = (down - 1, i == 0 && header.HoldsForEachRow(cells.Count) ? text : "");
                        cells.Add(i == 0 ? text : "");
                    }
                }
                FillCovered(cells, pending);
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                header.Read(cells);
                Line(string.Join('\t', cells));
            }
        }

        /// <summary>Adds the cells that rowspans from above cover at the current column.</summary>
        private static void FillCovered(List<string> cells, Dictionary<int, (int Rows, string Text)> pending)
        {
            while (pending.TryGetValue(cells.Count, out var covered) && covered.Rows > 0)
            {
                pending[cells.Count] = (covered.Rows - 1, covered.Text);
                cells.Add(covered.Text);
            }
        }

        private static int ParseSpan(string? value) =>
            int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;

        /// <summary>A cell's text on one line: its paragraphs and nested tables joined by spaces.</summary>
        private static string CellText(IElement cell)
        {
            var parts = new StringBuilder();
            Append(cell, parts);
            return Collapse(parts.ToString()).Trim();

            static void Append(INode node, StringBuilder into)
            {
                foreach (var child in node.ChildNodes)
                {
                    // Per text node: the spaces added between blocks below are no markup line breaks.
                    if (child is IText text) into.Append(JoinSegmentBreaks(text.Data));
                    else if (child is IElement element && !Dropped.Contains(element.LocalName))
                    {
                        var block = element.LocalName is "br" or "td" or "th" || Blocks.Contains(element.LocalName);
                        if (block) into.Append(' ');
                        Append(element, into);
                        if (block) into.Append(' ');
                    }
                }
            }
        }
    }
}
