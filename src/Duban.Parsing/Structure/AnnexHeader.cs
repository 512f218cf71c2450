using System.Text.RegularExpressions;

namespace Duban.Parsing.Structure;

/// <summary>
/// Recognises where an annex begins: a line "附件", "附件2" or "附件2：标题". A line "附件：1. …" (colon straight after
/// 附件) is the list of annexes at the end of the main text, not an annex.
/// </summary>
internal static partial class AnnexHeader
{
    // Source-generated (no construction at start-up); backtracking is bounded since Read caps the line at 80 characters.
    [GeneratedRegex(@"^ *附 *件 *([0-9]{1,2}|[一二三四五六七八九十]{1,3})? *(:(.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex StartPattern();

    private static Regex Start => StartPattern();

    public static bool IsAnnexStart(string folded) => Read(folded) is not null;

    /// <summary>The annex number (0 when unnumbered) and the title written on the same line, if any.</summary>
    public static (int Number, int TitleStart)? Read(string folded)
    {
        if (folded.Length > 80) return null;
        var m = Start.Match(folded);
        if (!m.Success) return null;
        var numberGroup = m.Groups[1];
        var hasTitle = m.Groups[2].Success;
        // 附件：1. 名单 / 附件: 平阴县工作任务清单 right after the main text is the index of annexes.
        if (!numberGroup.Success && hasTitle) return null;
        if (hasTitle && m.Groups[3].Value.TrimStart().Length > 0 && char.IsAsciiDigit(m.Groups[3].Value.TrimStart()[0])) return null;
        var number = 0;
        if (numberGroup.Success)
            number = char.IsAsciiDigit(numberGroup.Value[0]) ? int.Parse(numberGroup.Value) : ChineseNumber.Parse(numberGroup.Value) ?? 0;
        return (number, hasTitle ? m.Groups[3].Index : -1);
    }
}
