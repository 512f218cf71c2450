using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Duban.Parsing.Input.Html;

/// <summary>
/// The 政府信息公开 box of a government page: a table of labels and values (索引号 | … | 主题分类 | … / 发布机构 | … |
/// 成文日期 | … / 文号 | …) that the site's CMS puts above the article, outside it or inside the same container. It is
/// the site's catalogue record, not the plan: read as a table it would be a table without a task header. Its 文号 is
/// often the only place the page gives the document's number (the notice body does not repeat it).
/// </summary>
internal static partial class InfoBox
{
    /// <summary>
    /// Whether a table is such a box: three cells or more are catalogue labels (索引号, 发布机构, 成文日期…, alone or
    /// followed by a colon and the value), in two rows or more (a list of documents has 名称 | 文号 | 发布日期 in its
    /// header row only), and no cell names a task-table column, which a box never has (牵头单位, 完成时限).
    /// </summary>
    public static bool Is(IElement table)
    {
        // At most 65 cells are looked at, lazily: a box has a dozen, and a page of nested tables must stay linear.
        var cells = CellsOf(table).Take(MaxCells + 1).ToList();
        if (cells.Count > MaxCells) return false;
        var labels = cells.Where(c => LabelOf(Start(c)) is not null).ToList();
        return labels.Count >= 3 && labels.Select(c => c.ParentElement).Distinct().Count() >= 2
            && !cells.Any(c => Start(c) is { Length: <= 12 } t && TaskColumn().IsMatch(t));
    }

    /// <summary>The 文号 the box gives (after a 文号 / 发文字号 label, in the same cell or the next), or null.</summary>
    public static string? DocNumber(IElement table)
    {
        var cells = CellsOf(table).Take(MaxCells).Select(c => Start(c)).ToList();
        for (var i = 0; i < cells.Count; i++)
        {
            if (LabelOf(cells[i]) is not ("文号" or "发文字号" or "发文文号" or "文件编号")) continue;
            var colon = cells[i].IndexOfAny(['：', ':']);
            var value = colon >= 0 && colon < cells[i].Length - 1 ? cells[i][(colon + 1)..] : i + 1 < cells.Count ? cells[i + 1] : "";
            return DocNumberShape().IsMatch(value) ? value : null;
        }
        return null;
    }

    private const int MaxCells = 64;

    private static IEnumerable<IElement> CellsOf(IElement table) =>
        table.Descendants<IElement>().Where(e => e.LocalName is "td" or "th");

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
}
