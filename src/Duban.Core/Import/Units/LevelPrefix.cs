namespace Duban.Core.Import.Units;

/// <summary>
/// The level word a department name opens with when it leaves out the place (市教育局, 县政府, 区委宣传部, 省教育厅,
/// 自治区人社厅, 团市委), and the region of the plan's chain it stands for: the nearest region, the plan's own first,
/// whose name ends in that word. 市 in a county plan is the city above it; 市 in a plan of the county-level city 华亭市 is
/// 华亭市 itself.
/// </summary>
public sealed record LevelPrefix(string Word, string Rest, bool YouthLeague)
{
    private static readonly string[] Words = ["自治区", "自治州", "自治县", "省", "市", "州", "盟", "县", "旗", "区"];

    // Words that open with a level character without being a level: 市场监管局 is a market regulator, not 市+场监管局.
    private static readonly string[] NotLevels = ["市场", "区域", "县域", "市域", "省域", "市县", "县市", "县区", "区县", "市区", "省市", "州市"];

    public static LevelPrefix? Read(string normalizedName)
    {
        var name = normalizedName;
        var youth = false;
        // 团市委 / 共青团市委 / 市团委: the Communist Youth League committee of that place.
        if (name.StartsWith("共青团", StringComparison.Ordinal) && name.Length > 4 && name[^1] == '委') name = "团" + name[3..];
        if (name.Length >= 3 && name[0] == '团' && name[^1] == '委' && Words.Any(w => name.AsSpan(1).StartsWith(w, StringComparison.Ordinal)))
        {
            youth = true;
            name = name[1..];
        }
        else if (name.Length >= 3 && name.EndsWith("团委", StringComparison.Ordinal) && Words.Any(w => name == w + "团委"))
        {
            youth = true;
            name = name[..^2] + "委";
        }
        if (NotLevels.Any(w => name.StartsWith(w, StringComparison.Ordinal))) return null;
        foreach (var word in Words)
        {
            if (!name.StartsWith(word, StringComparison.Ordinal)) continue;
            var rest = name[word.Length..];
            if (rest.Length == 0) return null;
            // 市直有关部门, 县直部门 are collectives, not one department.
            if (rest[0] == '直' || rest[0] == '级') return null;
            return new LevelPrefix(word, rest, youth);
        }
        return null;
    }

    /// <summary>Whether a region's name ends in this level word (甘肃省 for 省; 平阴县 for 县; 宁夏回族自治区 for 自治区, not for 区).</summary>
    public bool Names(string regionName) => Word switch
    {
        "区" => regionName.EndsWith('区') && !regionName.EndsWith("自治区", StringComparison.Ordinal) && !regionName.EndsWith("地区", StringComparison.Ordinal),
        "县" => regionName.EndsWith('县'),
        "州" => regionName.EndsWith('州'),
        _ => regionName.EndsWith(Word, StringComparison.Ordinal),
    };
}
