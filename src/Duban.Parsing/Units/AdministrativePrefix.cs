using System.Buffers;

namespace Duban.Parsing.Units;

/// <summary>
/// The place and level words a unit name opens with: 市 (市教育局), 县 (县委编办: the prefix is 县, 委 belongs to the
/// organ), 西峰区 (西峰区政府), 甘肃省平凉市 (a chain of segments).
/// </summary>
/// <remarks>
/// There is no gazetteer: a place is two to four ideographs directly followed by a level word (海原县, 平凉市,
/// 乌鲁木齐市), longer only before 自治…. A place name written without its level (平凉职业技术学院, 中卫工业园区)
/// is therefore not recognised as a prefix, which is the safe side: such a name is left as written.
/// </remarks>
internal static class AdministrativePrefix
{
    private const int MaxPlaceLength = 4;
    private const int MaxAutonomousPlaceLength = 8;
    private const int MaxSegments = 4;

    // Longest first, so 自治区 wins over 区.
    private static readonly string[] Levels = ["自治区", "自治州", "自治县", "自治旗", "省", "市", "州", "盟", "县", "区", "旗"];

    // 镇, 乡 and 街道 open many ordinary words (乡村振兴局, 城乡建设局), so they count only before a government word.
    private static readonly string[] TownLevels = ["街道", "镇", "乡"];
    private static readonly string[] TownGovernments = ["人民政府", "政府", "党委", "办事处"];

    private static readonly SearchValues<char> LevelFirstChars = SearchValues.Create("自省市州盟县区旗街镇乡");

    // Words that open with a level character without being a level (市场监督管理局 is the market bureau).
    private static readonly string[] FalseStarts = ["市场", "乡村", "区域", "县域", "市域", "州际"];

    // Characters that never occur inside a place name: conjunctions, list marks, the collective 各.
    private const string NotInPlace = "和与及、各（）：";

    /// <summary>The first segment of <paramref name="key"/>'s prefix; empty when the name opens otherwise.</summary>
    public static PrefixSegment FirstSegment(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty) return default;
        foreach (var word in FalseStarts)
            if (key.StartsWith(word))
                return default;

        var level = LevelLength(key);
        if (level > 0) return new PrefixSegment(level, 0);

        var longest = Math.Min(MaxAutonomousPlaceLength, key.Length - 1);
        for (var place = 1; place <= longest; place++)
        {
            var c = key[place - 1];
            if (!ChineseFolding.IsIdeograph(c) || NotInPlace.Contains(c)) return default;
            if (place < 2) continue;
            level = LevelLength(key[place..]);
            if (level > 0 && (place <= MaxPlaceLength || key[place..].StartsWith("自治")))
                return new PrefixSegment(place + level, place);
        }
        return default;
    }

    /// <summary>The length of the whole prefix chain of <paramref name="key"/> (0 when it has none).</summary>
    public static int Length(ReadOnlySpan<char> key)
    {
        var at = 0;
        for (var i = 0; i < MaxSegments && at < key.Length; i++)
        {
            var segment = FirstSegment(key[at..]);
            if (!segment.Found) break;
            at += segment.Length;
        }
        return at;
    }

    /// <summary>Writes where each segment of the prefix chain ends into <paramref name="ends"/>; returns how many.</summary>
    public static int SegmentEnds(ReadOnlySpan<char> key, Span<int> ends)
    {
        var at = 0;
        var count = 0;
        while (count < ends.Length && count < MaxSegments && at < key.Length)
        {
            var segment = FirstSegment(key[at..]);
            if (!segment.Found) break;
            at += segment.Length;
            ends[count++] = at;
        }
        return count;
    }

    /// <summary>True when <paramref name="key"/> is nothing but a level word: 市, 县, 自治区.</summary>
    public static bool IsBareLevel(ReadOnlySpan<char> key)
    {
        var segment = FirstSegment(key);
        return segment.Found && !segment.HasPlace && segment.Length == key.Length;
    }

    private static int LevelLength(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !LevelFirstChars.Contains(text[0])) return 0;
        foreach (var level in Levels)
            if (text.StartsWith(level))
                return level.Length;
        foreach (var level in TownLevels)
        {
            if (!text.StartsWith(level)) continue;
            foreach (var government in TownGovernments)
                if (text[level.Length..].StartsWith(government))
                    return level.Length;
        }
        return 0;
    }
}

/// <summary>One segment of a prefix: <see cref="Length"/> characters, the level word starting at <see cref="LevelStart"/>.</summary>
internal readonly record struct PrefixSegment(int Length, int LevelStart)
{
    public bool Found => Length > 0;

    /// <summary>True for 海原县 (a place and its level), false for a bare 县.</summary>
    public bool HasPlace => LevelStart > 0;
}
