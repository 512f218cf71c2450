using System.Buffers;
using Duban.Parsing.Model;

namespace Duban.Parsing.Units;

/// <summary>Tells whether a (folded) name stands for many bodies, and for what kind.</summary>
internal static class CollectiveClassifier
{
    private const string LevelChars = "县区市镇乡旗州";
    private const string LevelListChars = "（）、";

    // What may follow a list of levels: 各县（区）人民政府, 县（市、区）政府, 各县市区.
    private static readonly string[] GovernmentTails = ["", "政府", "人民政府", "党委政府", "党委和政府"];

    private static readonly string[] SchoolEndings = ["院校", "学校", "高校", "职校"];

    // Kinds of school named without any particular one: 职业院校 in 市教育局、职业院校 means all of them.
    private static readonly string[] GenericSchools =
    [
        "院校", "学校", "高校", "职校", "职业院校", "职业学校", "中职学校", "高职院校", "技工院校", "技工学校", "中等职业学校",
        "中高职院校", "职业技术学校", "中小学校",
    ];

    private static readonly string[] GroupEndings = ["部门", "单位", "机构"];

    // Words that make 部门/单位 plural: 市直有关部门, 市政府相关部门, 各有关单位, 市直部门.
    private static readonly string[] PluralMarks = ["有关", "相关", "各", "直属", "市直", "县直", "区直", "所属", "其他", "其它"];

    // The last characters a collective not opening with 各/有关/相关 can end with: 成员单位, 职业院校, 县（市、区）政府,
    // 县市区, 市直有关部门, 有关机构. A name ending otherwise (…局, …委) is one body unless it opens like a collective.
    private static readonly SearchValues<char> PossibleLastChars = SearchValues.Create("员位校府区市县镇乡旗州门构）地道处");

    public static CollectiveKind? Classify(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty) return null;
        if (!PossibleLastChars.Contains(key[^1])) return UnitShape.StartsCollective(key) ? CollectiveKind.Other : null;
        if (key.EndsWith("成员单位") || key.EndsWith("成员")) return CollectiveKind.BodyMembers;

        var plural = HasPluralMark(key);
        if (EndsWithAny(key, SchoolEndings) && (plural || IsAny(key, GenericSchools))) return CollectiveKind.Schools;
        if (IsSubordinateGovernments(key)) return CollectiveKind.SubordinateGovernments;
        if (EndsWithAny(key, GroupEndings) && plural) return CollectiveKind.Departments;
        if (UnitShape.StartsCollective(key)) return CollectiveKind.Other;
        return null;
    }

    /// <summary>
    /// 各县（区）人民政府, 各县市区, 县（市、区）政府, 各级政府: 各 or a list of two or more levels, then at most a
    /// government word. 县政府 alone is one government.
    /// </summary>
    private static bool IsSubordinateGovernments(ReadOnlySpan<char> key)
    {
        var each = false;
        if (key.StartsWith("各级"))
        {
            key = key[2..];
            return IsAny(key, GovernmentTails);
        }
        if (key.StartsWith("各"))
        {
            each = true;
            key = key[1..];
            // 各地, 各地区, 各地方: every locality, that is every government below.
            if (key is "地" or "地区" or "地方" or "地政府" or "地人民政府") return true;
        }
        // 各街道, 各乡镇（街道）, 各街道办事处: a 街道 (its 办事处) is a level like 镇.
        if (key.Contains("街道", StringComparison.Ordinal))
        {
            var asTowns = key.ToString().Replace("街道办事处", "镇", StringComparison.Ordinal).Replace("街道", "镇", StringComparison.Ordinal);
            return IsSubordinateGovernments(((each ? "各" : "") + asTowns).AsSpan());
        }
        var levels = 0;
        var i = 0;
        for (; i < key.Length; i++)
        {
            if (LevelChars.Contains(key[i])) levels++;
            else if (!LevelListChars.Contains(key[i])) break;
        }
        if (levels == 0 || !IsAny(key[i..], GovernmentTails)) return false;
        return each || levels >= 2;
    }

    private static bool HasPluralMark(ReadOnlySpan<char> key)
    {
        foreach (var mark in PluralMarks)
            if (key.Contains(mark, StringComparison.Ordinal))
                return true;
        return false;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> key, string[] endings)
    {
        foreach (var ending in endings)
            if (key.EndsWith(ending))
                return true;
        return false;
    }

    private static bool IsAny(ReadOnlySpan<char> key, string[] words)
    {
        foreach (var word in words)
            if (key.SequenceEqual(word))
                return true;
        return false;
    }
}
