using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Duban.Parsing.Targets;

/// <summary>A unit a plan counts or measures in.</summary>
/// <param name="Name">The unit as reported (％ is reported as %).</param>
/// <param name="CountsNounAfter">
/// True for counters of things (所, 个, 家…): 建设10个教师企业流动站 names what it counts after the unit. False for measures
/// (%, 人, 元, 个月…), whose subject comes before: 就业率达到95%.
/// </param>
/// <param name="NeedsLink">
/// True for 年: a figure of years is a target only right after a link (受教育年限达到13.5年), never on its own
/// (5年一周期, 学制3年).
/// </param>
internal sealed record TargetUnit(string Name, bool CountsNounAfter, bool NeedsLink = false);

/// <summary>The units a target may be stated in, and the words that merely start with one (所有, 个人, 本科).</summary>
internal static class TargetUnits
{
    public static readonly TargetUnit Percent = new("%", false);
    public static readonly TargetUnit Yuan = new("元", false);
    public static readonly TargetUnit TenThousandYuan = new("万元", false);
    public static readonly TargetUnit HundredMillionYuan = new("亿元", false);

    private static readonly FrozenDictionary<string, TargetUnit> BySurface = Build();

    private static readonly WordList Surfaces = new(BySurface.Keys);

    /// <summary>Unit characters that open other words; a figure followed by such a word has no unit.</summary>
    private static readonly FrozenDictionary<string, ImmutableArray<string>> NotAUnitWhenFollowedBy =
        new Dictionary<string, ImmutableArray<string>>
        {
            ["个"] = ["人", "性", "体", "别", "方面"],
            // 3个月内完成 is a deadline, 实习不少于6个月 a target (以内 is read as a comparator before this applies).
            ["个月"] = ["内", "后", "前", "起", "时"],
            ["年"] = ["内", "后", "前", "起", "时", "度", "级", "制", "底", "末", "初", "版", "来", "中"],
            ["人"] = ["民"],
            ["所"] = ["有", "在", "属", "需", "得", "以"],
            ["家"] = ["庭", "长", "乡"],
            ["门"] = ["类", "户", "槛"],
            ["名"] = ["单", "称"],
            ["次"] = ["年", "日"],
            ["条"] = ["件", "例", "款"],
            ["处"] = ["理", "置", "室", "罚"],
            ["支"] = ["持", "撑", "付", "出", "部", "援"],
            ["批"] = ["准", "复"],
            ["本"] = ["科", "市", "县", "区", "地", "年", "级", "单", "部", "校", "身", "次", "专"],
            ["座"] = ["谈"],
            ["周"] = ["岁", "年", "期", "边", "末", "内", "后", "前"],
            ["元"] = ["旦"],
            ["天"] = ["然", "津", "内", "后", "前"],
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The unit at <paramref name="index"/>, with the number of characters it takes; null when there is none.</summary>
    public static TargetUnit? MatchAt(string s, int index, out int length)
    {
        length = Surfaces.MatchAt(s, index, s.Length);
        if (length == 0) return null;
        var surface = s.Substring(index, length);
        var next = index + length;
        if (next < s.Length && NotAUnitWhenFollowedBy.TryGetValue(surface, out var followers))
            foreach (var follower in followers)
                if (s.AsSpan(next).StartsWith(follower, StringComparison.Ordinal))
                {
                    length = 0;
                    return null;
                }
        return BySurface[surface];
    }

    private static FrozenDictionary<string, TargetUnit> Build()
    {
        var units = new Dictionary<string, TargetUnit>(StringComparer.Ordinal)
        {
            ["%"] = Percent,
            ["％"] = Percent,
            ["‰"] = new("‰", false),
            ["个百分点"] = new("个百分点", false),
            ["百分点"] = new("个百分点", false),
            ["元"] = Yuan,
        };
        units["年"] = new TargetUnit("年", false, NeedsLink: true);
        foreach (var measure in new[] { "人", "人次", "个月", "学时", "课时", "天", "周", "小时", "学分" })
            units[measure] = new TargetUnit(measure, false);
        foreach (var counter in new[] { "个", "所", "门", "家", "名", "项", "次", "座", "处", "支", "批", "本", "套", "条", "亩" })
            units[counter] = new TargetUnit(counter, true);
        return units.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
