using Duban.Core.Regions;

namespace Duban.Core.Import;

/// <summary>Reads the place a plan belongs to from its issuer (平凉市人民政府 → 平凉市) or its title (中卫市贯彻落实… → 中卫市).</summary>
public static class RegionNames
{
    private const int MaxPlaceLength = 10;

    // Administrative suffixes. 自治区 and 地区 end in 区, 自治州 in 州, so they are covered.
    private const string PlaceEndings = "省市县区州盟旗";

    // What follows a place name at the start of an issuer or title. Requiring one of these keeps a title such as
    // 全面推进县域职业教育… from being read as the place 全面推进县.
    private static readonly string[] Followers =
    [
        "人民政府", "政府", "人大", "党委", "委员会", "教育", "人力资源", "财政", "发展和改革", "贯彻", "关于", "印发", "职业教育",
        "推进", "深化", "办公室", "委", "直", "职业", "落实", "加快",
    ];

    /// <summary>The place named at the start of the issuer or, failing that, the title; null when neither starts with one.</summary>
    public static string? FromDocument(string? issuer, string? title) => FromHeading(issuer) ?? FromHeading(title);

    /// <summary>The place at the start of <paramref name="text"/>: 中共平凉市委 → 平凉市, 安阳市人民政府办公室 → 安阳市.</summary>
    public static string? FromHeading(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = OrganizationNames.Normalize(text);
        if (s.StartsWith("中共", StringComparison.Ordinal)) s = s[2..];
        // The shortest place: 平凉市 rather than 平凉市市 … and never past the first suffix that a follower confirms.
        for (var end = 2; end < Math.Min(s.Length, MaxPlaceLength + 1); end++)
        {
            if (!IsHan(s[end - 1])) return null;
            if (!PlaceEndings.Contains(s[end - 1], StringComparison.Ordinal)) continue;
            if (s.AsSpan(0, end).Contains("关于", StringComparison.Ordinal)) return null;
            var rest = s.AsSpan(end);
            if (StartsWithYear(rest)) return s[..end];
            foreach (var follower in Followers)
                if (rest.StartsWith(follower, StringComparison.Ordinal)) return s[..end];
        }
        return null;
    }

    /// <summary>The level a region name suggests: 甘肃省 a province, 平凉市 a city, 平阴县 or 崆峒区 a county.</summary>
    public static RegionLevel LevelOf(string name)
    {
        var n = OrganizationNames.Normalize(name);
        if (n.EndsWith('省') || n.EndsWith("自治区", StringComparison.Ordinal)) return RegionLevel.Province;
        if (n.EndsWith('市') || n.EndsWith('州') || n.EndsWith('盟') || n.EndsWith("地区", StringComparison.Ordinal)) return RegionLevel.City;
        return RegionLevel.County;
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>A year after the place, as annual documents write it: 云岭县2025年职业教育工作要点, 某市二〇二四年度….</summary>
    private static bool StartsWithYear(ReadOnlySpan<char> rest)
    {
        var digits = 0;
        while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || "〇零一二三四五六七八九".Contains(rest[digits]))) digits++;
        return digits == 4 && rest.Length > 4 && rest[4] == '年';
    }
}
