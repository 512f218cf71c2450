using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Duban.Parsing.Input.Html;

/// <summary>
/// The 政府信息公开 box of a government page: labels and values (索引号 | … | 主题分类 | … / 发布机构 | … | 成文日期 | … /
/// 文号 | …) that the site's CMS puts above the article, outside it or inside the same container — as a table, or as a
/// list (<c>&lt;ul&gt;&lt;li&gt;索引号：…&lt;/li&gt;</c>, <c>&lt;dl&gt;&lt;dt&gt;索引号：&lt;/dt&gt;&lt;dd&gt;…&lt;/dd&gt;</c>) or a
/// row of label and value spans (<c>&lt;div&gt;&lt;span&gt;索引号：&lt;/span&gt;&lt;span&gt;…&lt;/span&gt;</c>). It is the site's
/// catalogue record, not the plan: read as a table it would be a table without a task header, read as lines a run of
/// stray paragraphs above the title. Its 文号 and 成文日期 are often the only place the page gives the document's number
/// and date (the notice body does not repeat them).
/// </summary>
internal static partial class InfoBox
{
    /// <summary>
    /// Whether a table is such a box: three cells or more are catalogue labels (索引号, 发布机构, 成文日期…, alone or
    /// followed by a colon and the value), in two rows or more (a list of documents has 名称 | 文号 | 发布日期 in its
    /// header row only), and no cell names a task-table column, which a box never has (牵头单位, 完成时限).
    /// </summary>
    /// <remarks>
    /// A list or a row of spans is a box when its entries (the items; dt and dd; the child elements) are labels and
    /// values only: three labels or more, at least every other entry a label, and no entry as long as a sentence of
    /// text (a list in the article that merely starts with 名称：… is no box).
    /// </remarks>
    public static bool Is(IElement box)
    {
        if (!CanBe(box)) return false;
        // At most 65 cells are looked at, lazily: a box has a dozen, and a page of nested tables must stay linear.
        var cells = EntriesOf(box).Take(MaxCells + 1).ToList();
        if (cells.Count > MaxCells) return false;
        var labels = cells.Where(c => LabelOf(Start(c)) is not null).ToList();
        if (labels.Count < 3 || cells.Any(c => Start(c) is { Length: <= 12 } t && TaskColumn().IsMatch(t))) return false;
        if (box.LocalName == "table") return labels.Select(c => c.ParentElement).Distinct().Count() >= 2;
        return labels.Count * 2 >= cells.Count && cells.All(c => Start(c, MaxEntry + 1).Length <= MaxEntry);
    }

    /// <summary>The elements a box can be written as.</summary>
    public static bool CanBe(IElement element) => element.LocalName is "table" or "ul" or "ol" or "dl" or "div" or "p";

    /// <summary>
    /// The date the box gives the document (成文日期, else 发文日期 or 印发日期, else the site's 发布日期 or 公开日期) as
    /// a plan writes it, 2023年9月4日; null when it gives none. The CMS's 生成日期 is not the document's.
    /// </summary>
    public static string? IssueDate(IElement box)
    {
        string? Date(params string[] names) => ValueOf(box, names) is { } value && DateShape().Match(value) is { Success: true } m
            && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12 and var month
            && int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) is >= 1 and <= 31 and var day
                ? $"{m.Groups[1].Value}年{month}月{day}日" : null;
        return Date("成文日期") ?? Date("发文日期", "印发日期") ?? Date("发布日期", "公开日期");
    }

    /// <summary>The 文号 the box gives (after a 文号 / 发文字号 label, in the same cell or the next), or null.</summary>
    public static string? DocNumber(IElement box) =>
        ValueOf(box, "文号", "发文字号", "发文文号", "文件编号") is { } value && DocNumberShape().IsMatch(value) ? value : null;

    /// <summary>The value after the first of these labels: in the same entry after the colon, or the next entry.</summary>
    private static string? ValueOf(IElement box, params string[] names)
    {
        var cells = EntriesOf(box).Take(MaxCells).Select(c => Start(c)).ToList();
        for (var i = 0; i < cells.Count; i++)
        {
            if (LabelOf(cells[i]) is not { } label || !names.Contains(label)) continue;
            var colon = cells[i].IndexOfAny(['：', ':']);
            return colon >= 0 && colon < cells[i].Length - 1 ? cells[i][(colon + 1)..] : i + 1 < cells.Count ? cells[i + 1] : "";
        }
        return null;
    }

    private const int MaxCells = 64;

    // A box's entry is a label and a value: a 索引号, a unit's name, a date, a 文号 (some twenty characters).
    private const int MaxEntry = 60;

    /// <summary>A table's cells; a list's items (dt and dd of a dl); the child elements of a div or p (label and value spans).</summary>
    private static IEnumerable<IElement> EntriesOf(IElement box) => box.LocalName switch
    {
        "table" => box.Descendants<IElement>().Where(e => e.LocalName is "td" or "th"),
        "ul" or "ol" => box.Children.Where(e => e.LocalName == "li"),
        "dl" => box.Children.Where(e => e.LocalName is "dt" or "dd"),
        _ => box.Children,
    };

    /// <summary>The catalogue label a cell holds (索 引 号： → 索引号), or null.</summary>
    private static string? LabelOf(string compact)
    {
        var m = Label().Match(compact);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>
    /// The first characters of a cell's text without white space — enough for a label and its value (a 文号 is some
    /// twenty) — read lazily: a cell holding a whole nested page costs no more than one holding a label.
    /// </summary>
    private static string Start(IElement cell, int length = 48)
    {
        var start = new System.Text.StringBuilder();
        foreach (var text in cell.Descendants<IText>())
        {
            foreach (var c in text.Data)
                if (!char.IsWhiteSpace(c) && start.Append(c).Length >= length) return start.ToString();
        }
        return start.ToString();
    }

    /// <summary>The text without any white space (索&amp;nbsp;引&amp;nbsp;号 → 索引号).</summary>
    public static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0'));

    [GeneratedRegex("^(索引号|主题分类|信息分类|组配分类|体裁分类|服务对象分类|分类|发布机构|发文机关|发文单位|发布单位|公开责任部门|成文日期|发文日期|生成日期|发布日期|公开日期|印发日期|实施日期|文号|发文字号|发文文号|文件编号|统一编号|登记号|名称|标题|信息名称|主题词|关键词|有效性|是否有效|时效|效力状态|公开方式|公开范围|公开时限|内容概述)(?:[：:]|$)")]
    private static partial Regex Label();

    [GeneratedRegex("牵头|配合|责任单位|责任部门|完成时限|完成时间|重点任务|工作任务|序号")]
    private static partial Regex TaskColumn();

    // 云教发〔2023〕27号, 浦政办发[2024]11号, 云政发（2023）5号.
    [GeneratedRegex(@"^[\u4e00-\u9fff]{1,12}[〔\[（(【][0-9]{4}[〕\]）)】][0-9]{1,5}号$")]
    private static partial Regex DocNumberShape();

    // 2023-09-04, 2023年09月04日, 2023/9/4, 2023.9.4 (white space already removed).
    [GeneratedRegex(@"^([0-9]{4})[-年./]([0-9]{1,2})[-月./]([0-9]{1,2})日?")]
    private static partial Regex DateShape();
}
