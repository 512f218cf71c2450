using System.Text.RegularExpressions;

namespace Duban.Parsing.Text;

/// <summary>
/// Shapes of physical lines that stand alone, never joined to their neighbours: document-number lines, date lines,
/// name-and-post lines of a member list, page numbers, and the closing matter of an official document.
/// </summary>
internal static partial class LineShapes
{
    // Source-generated: built at compile time, not on first use (the NonBacktracking engine took about 0.1 s to build
    // these four, in every run of `duban parse`). Backtracking is safe here: every input is capped at 60 characters or
    // fewer before it is matched (see the Is… methods), so no line can make a pattern run long.
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^ *[\u4e00-\u9fff]{1,12} *[〔(] *[0-9]{4} *[〕)] *[0-9]{1,5} *号", Options)]
    private static partial Regex DocNumberPattern();

    private static Regex DocNumber => DocNumberPattern();

    [GeneratedRegex(@"^ *([0-9]{4}|[〇零○O一二三四五六七八九]{4}) *年 *([0-9]{1,2}|[一二三四五六七八九十]{1,3}) *月 *([0-9]{1,2}|[一二三四五六七八九十]{1,3}) *日 *(印发|发布|签发)? *$", Options)]
    private static partial Regex DateOnlyPattern();

    private static Regex DateOnly => DateOnlyPattern();

    [GeneratedRegex(@"^ *(-+ *[0-9]{1,4} *-+|第 *[0-9]{1,4} *页( *[,，/] *共 *[0-9]{1,4} *页)?|[0-9]{1,4} *[/] *[0-9]{1,4}) *$", Options)]
    private static partial Regex PageNumberPattern();

    private static Regex PageNumber => PageNumberPattern();

    // 组 长：王奋彦 市委副书记、市长 / 王 锦 副市长: an optional role label, a name of two to four characters (sometimes
    // padded with a space to align columns), a space, and a post.
    [GeneratedRegex(@"^ *([\u4e00-\u9fff][\u4e00-\u9fff ]{0,8}: *)?[\u4e00-\u9fff]( {0,3}[\u4e00-\u9fff]){1,3} +[^ ]{2,40}$", Options)]
    private static partial Regex MemberLinePattern();

    private static Regex MemberLine => MemberLinePattern();

    private static readonly string[] ClosingPrefixes = ["抄送", "主办:", "主办 :", "主送:", "公开属性", "(此件", "此件公开", "信息公开选项", "印发:"];

    public static bool IsDocNumberLine(string folded) =>
        folded.Length <= 48 && !folded.Contains('《') && DocNumber.IsMatch(folded);

    public static bool IsDateLine(string folded) => folded.Length <= 32 && DateOnly.IsMatch(folded);

    public static bool IsPageNumber(string folded) => folded.Length <= 24 && PageNumber.IsMatch(folded);

    public static bool IsMemberLine(string folded)
    {
        var t = folded.TrimEnd();
        if (t.Length is < 5 or > 60 || t.Contains('。') || t.Contains(',')) return false;
        var last = t[^1];
        if (last is not ('长' or '任' or '记' or '席' or '员' or '志' or '理' or '官' or '督' or '学' or '监')) return false;
        return MemberLine.IsMatch(t);
    }

    private static readonly string[] WebNoise = ["打印本页", "关闭窗口", "【打印】", "【关闭】", "分享到", "【字体", "字号:", "当前位置:", "您当前的位置", "浏览次数", "扫一扫在手机", "返回顶部"];

    // The fields of a 政府信息公开 page's index box (索引号：… 发布机构：… 发文日期：…), copied with the article as lines.
    private static readonly string[] PageInfoKeys = ["索引号", "发布机构", "主题分类", "组配分类", "体裁分类", "信息来源", "发布时间", "发布日期", "发文日期", "成文日期", "生效日期", "公开方式", "公开范围", "有效性", "名称", "文号"];

    // Keys that name a page's index box wherever they open a line; the others (名称, 文号, 发布日期…) only two on a line.
    private static readonly string[] StrongPageInfoKeys = ["索引号", "发布机构", "主题分类", "组配分类", "体裁分类", "信息来源", "发布时间"];

    /// <summary>
    /// A line of a 政府信息公开 page's index box: 索引号：…, 发布机构：… 主题分类：…, 名称：… 文号：…, 发文日期：… 发布日期：….
    /// It opens with one of the box's keys and a colon, and either that key is one no document text opens a line with or a
    /// second key follows on the line.
    /// </summary>
    public static bool IsPageInfo(string folded)
    {
        var t = folded.TrimStart();
        if (t.Length > 120) return false;
        // A loop, not PageInfoKeys.FirstOrDefault(k => …): asked for every line, the lambda's closure and delegate were
        // allocated each time.
        string? first = null;
        foreach (var k in PageInfoKeys)
        {
            if (!t.StartsWith(k, StringComparison.Ordinal) || !t.AsSpan(k.Length).TrimStart().StartsWith(":")) continue;
            first = k;
            break;
        }
        if (first is null) return false;
        if (StrongPageInfoKeys.Contains(first)) return true;
        var rest = t[first.Length..];
        foreach (var k in PageInfoKeys)
            if (rest.Contains(k + ":", StringComparison.Ordinal) || rest.Contains(k + " :", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Text left by a web page around a published plan: breadcrumbs (首页 > 政务公开 > …), font and print buttons.</summary>
    public static bool IsWebNoise(string folded)
    {
        if (IsPageInfo(folded)) return true;
        if (folded.Length > 80) return false;
        if (folded.Contains('>') || folded.Contains('›') || folded.Contains('»'))
            return folded.Contains("首页") || folded.Contains("当前位置") || folded.Count(c => c is '>' or '›' or '»') >= 2;
        foreach (var word in WebNoise)
            if (folded.Contains(word, StringComparison.Ordinal)) return true;
        return false;
    }

    public static bool IsClosingMatter(string folded)
    {
        var t = folded.TrimStart();
        foreach (var p in ClosingPrefixes)
            if (t.StartsWith(p, StringComparison.Ordinal)) return true;
        return false;
    }
}
