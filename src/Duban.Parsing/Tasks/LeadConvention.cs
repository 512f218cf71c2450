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

    /// <summary>True for a piece of a unit clause that is the note itself or its 下同 (so it is no unit).</summary>
    public static bool IsNote(string segment)
    {
        var s = segment.Trim().Trim('。', '；', ';', '，', ',');
        return s is "下同" or "以下同" or "后同" || Note().IsMatch(s);
    }
}
