namespace Duban.Parsing.Structure;

/// <summary>
/// Units of measure and counting words that follow a figure at the start of a line (2.1公顷…, 2 所学校…, 1.5 学时…):
/// what tells a figure from a number that is weakly placed in the outline (a first child with no sibling after it,
/// a parent heading written without a dot). The single characters of <see cref="HeadingMarker"/>'s shape check
/// (亿 万 个 倍 年 …) are refused before this; these are the ones that also begin words of a heading or a task, so they
/// are asked only where the numbering alone does not settle it. A hand-written list, not a dictionary: a few dozen
/// words that the numbering cues leave open.
/// </summary>
internal static class MeasureWords
{
    // Units written with two characters: their first character alone begins ordinary words (公共, 平台, 学生, 小组).
    private static readonly string[] Units =
        ["公顷", "公里", "平方", "立方", "千瓦", "毫米", "厘米", "学时", "课时", "学分", "小时", "分钟", "人次"];

    // Counting words for schools, firms, people, items, machines and buildings (2 所学校, 3 家企业, 5 名教师, 4 项任务,
    // 10 台设备).
    private const string Classifiers = "所家名项台套辆座户";

    // Words of a heading or a task that begin with a counting word: 1.1 名师培养, 2 所属学校管理, 3 项目建设, 3.1 台账管理.
    private static readonly string[] Words =
        ["所属", "所有", "所在", "家校", "家庭", "家长", "名师", "名校", "名匠", "名单", "名称", "项目", "台账", "座谈", "户籍"];

    /// <summary>Whether <paramref name="text"/> (folded, after the number and its spaces) opens with a unit or a counting word.</summary>
    public static bool Opens(ReadOnlySpan<char> text)
    {
        text = text.TrimStart(' ');
        if (text.IsEmpty) return false;
        foreach (var unit in Units)
            if (text.StartsWith(unit, StringComparison.Ordinal)) return true;
        if (!Classifiers.Contains(text[0])) return false;
        foreach (var word in Words)
            if (text.StartsWith(word, StringComparison.Ordinal)) return false;
        return true;
    }
}
