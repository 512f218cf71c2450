using System.Text.RegularExpressions;

namespace Duban.Parsing.Tasks;

/// <summary>
/// Finds the note by which a 分工 document says, once for all its tasks, that the first unit of each list leads:
/// （市教育局，市财政局，排在第一位的为牵头单位，下同）, 注：责任单位中列首位的为牵头单位, 排名第一的单位为牵头单位.
/// </summary>
internal static partial class LeadConvention
{
    // 第一 or 首, an optional 位/个/家 and 的/者, an optional 单位/部门, then 为/是 and 牵头 (or 主责); white space may
    // stand between any two characters (a line wrapped in a PDF), and the characters may be traditional.
    [GeneratedRegex(@"(?:第\s*一|首)\s*[位个個家]?\s*[的者]?\s*(?:(?:单|單)\s*位|部\s*门|部\s*門)?\s*[为為是]\s*(?:牵|牽)\s*(?:头|頭)|(?:第\s*一|首)\s*[位个個家]?\s*[的者]?\s*(?:(?:单|單)\s*位|部\s*门|部\s*門)?\s*[为為是]\s*主\s*(?:责|責)")]
    private static partial Regex Note();

    public static bool IsStated(string text) => Note().IsMatch(text);

    // 分号前为牵头单位 / 分号前的单位为牵头单位 / 分号之前为牵头部门: the document says how its brackets part lead and partners.
    [GeneratedRegex(@"分\s*号\s*(?:之\s*)?前\s*(?:面\s*)?(?:的\s*)?(?:(?:单|單)\s*位|部\s*[门門])?\s*[为為是]\s*(?:牵|牽)\s*(?:头|頭)")]
    private static partial Regex SemicolonNote();

    // 排名不分先后 / 单位排序不分先后 / 分号前后单位均为责任单位: the document says its order and groups carry no role.
    [GeneratedRegex(@"(?:(?:单|單)\s*位|部\s*[门門])\s*(?:排\s*名|排\s*序|顺\s*序|順\s*序)?\s*不\s*分\s*(?:先\s*后|先\s*後|主\s*次)|分\s*号\s*前\s*后[^。]{0,8}均\s*[为為]\s*(?:责|責)\s*任")]
    private static partial Regex UnorderedNote();

    /// <summary>
    /// How the document reads a bracket parted by a semicolon without role words (（县卫生健康局；县发展改革局、县自然资源局）):
    /// stated by a note (分号前为牵头单位), denied by one (排名不分先后), or left to the shape of the two groups.
    /// </summary>
    public static SemicolonConvention SemicolonRule(string text) =>
        UnorderedNote().IsMatch(text) ? SemicolonConvention.Unordered
        : SemicolonNote().IsMatch(text) ? SemicolonConvention.Stated
        : SemicolonConvention.ByShape;

    /// <summary>True for a piece of a unit clause that is the note itself or its 下同 (so it is no unit).</summary>
    public static bool IsNote(string segment)
    {
        var s = segment.Trim().Trim('。', '；', ';', '，', ',');
        // 分号前为牵头单位，分号后为配合单位: both halves of the note.
        return s is "下同" or "以下同" or "后同" || Note().IsMatch(s) || SemicolonNote().IsMatch(s)
            || s.StartsWith("分号后", StringComparison.Ordinal) && s.Length <= 12;
    }
}

/// <summary>What a document says about a units bracket parted by a semicolon (see <see cref="LeadConvention.SemicolonRule"/>).</summary>
internal enum SemicolonConvention
{
    /// <summary>No note: the units before the semicolon lead when the two groups have the shape of lead and partners.</summary>
    ByShape,
    /// <summary>分号前为牵头单位: the units before the semicolon lead, those after it cooperate.</summary>
    Stated,
    /// <summary>排名不分先后: every unit is responsible, as in a bare list.</summary>
    Unordered,
}
