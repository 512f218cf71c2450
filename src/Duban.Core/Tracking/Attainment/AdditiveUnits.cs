using System.Collections.Frozen;

namespace Duban.Core.Tracking.Attainment;

/// <summary>
/// Which units may be summed from counties into a region's value (人, 人次, 所, 个…) and which never (%, ‰, ratios,
/// and anything per head such as 元 生均 or 学时 per student).
/// </summary>
public static class AdditiveUnits
{
    // Counts of people and things, and sums of money in 万元 / 亿元 (plans state those as totals). 元 is not here: the plans
    // use it for per-student standards (生均公用经费不低于…元), which must not be added up. Unknown units are not additive:
    // a wrong refusal is visible, a wrong sum is not.
    private static readonly FrozenSet<string> Counts = FrozenSet.Create(
        StringComparer.Ordinal,
        "人", "人次", "名", "个", "所", "门", "家", "项", "次", "座", "处", "支", "批", "本", "套", "条", "亩", "万元", "亿元");

    private static readonly FrozenSet<string> TimeDenominators = FrozenSet.Create(
        StringComparer.Ordinal, "年", "季度", "月", "学期");

    /// <summary>True when values in this unit from several organisations add up to the region's value.</summary>
    public static bool IsAdditive(string unit)
    {
        var slash = unit.IndexOf('/');
        // 人/年 adds up (each county's yearly figure); 元/生 does not.
        return slash < 0
            ? Counts.Contains(unit)
            : Counts.Contains(unit[..slash]) && TimeDenominators.Contains(unit[(slash + 1)..]);
    }

    /// <summary>The sum of the values, refused for a unit that is not additive.</summary>
    /// <exception cref="NonAdditiveUnitException">The unit is a percentage, a ratio or otherwise not additive.</exception>
    public static decimal Sum(string unit, IEnumerable<decimal> values) =>
        IsAdditive(unit) ? values.Sum() : throw new NonAdditiveUnitException(unit);
}

/// <summary>An attempt to add up values whose unit does not add (percentages, ratios…).</summary>
public sealed class NonAdditiveUnitException(string unit)
    : InvalidOperationException($"单位为“{(unit == TargetFacts.RatioUnit ? "比例" : unit)}”的指标值不能由下级汇总相加，须直接填报。")
{
    public string Unit { get; } = unit;
}
