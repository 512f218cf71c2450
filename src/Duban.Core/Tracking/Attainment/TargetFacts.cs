using Duban.Core.Plans;
using Duban.Parsing.Model;

namespace Duban.Core.Tracking.Attainment;

/// <summary>A numeric target as the attainment rules read it; filled from a <see cref="TaskTarget"/>.</summary>
/// <param name="Value">The figure; for a ratio the first term (职普比4:6 → 4).</param>
/// <param name="ValueMax">The upper bound of a range (4—5所 → 5).</param>
/// <param name="Unit">%, 人, 人次, 所… or "ratio".</param>
/// <param name="Year">The year by which it is to be met; the projection aims at its 31 December.</param>
/// <param name="PerYear">The figure is per year (年培训1万人次): each calendar year must reach it.</param>
/// <param name="RatioTerms">Both terms of a ratio ([4, 6]); see <see cref="Terms"/> when not stored.</param>
/// <param name="TaskDue">The deadline of the task the target belongs to: the target's deadline when it names no year of
/// its own (a task "建成3个实训基地, 2024年底前完成" is met or not by its task's deadline).</param>
public sealed record TargetFacts(
    Comparator Comparator,
    decimal Value,
    decimal? ValueMax,
    string Unit,
    int? Year,
    bool PerYear,
    IReadOnlyList<decimal>? RatioTerms = null,
    DateOnly? TaskDue = null)
{
    /// <summary>The parser's unit for ratios (职普比4:6, 生师比20:1).</summary>
    public const string RatioUnit = "ratio";

    public bool IsRatio => Unit == RatioUnit;

    /// <summary>
    /// The two terms of a ratio target. <see cref="TaskTarget"/> keeps only the first; the plans write 职普比 on a scale
    /// of ten (4:6, 大体相当 = 5:5), so a first term under ten without stored terms is read as first:(10 − first).
    /// </summary>
    public (decimal First, decimal Second) Terms
    {
        get
        {
            if (!IsRatio) throw new InvalidOperationException($"目标单位为“{Unit}”，不是比例。");
            if (RatioTerms is [var first, var second]) return (first, second);
            if (Value is > 0 and < 10) return (Value, 10 - Value);
            throw new InvalidOperationException($"比例目标 {Value} 缺少第二项，无法计算达成度。");
        }
    }

    public static TargetFacts From(TaskTarget target, IReadOnlyList<decimal>? ratioTerms = null, DateOnly? taskDue = null) =>
        new(target.Comparator, target.Value, target.ValueMax, target.Unit, target.Year, target.PerYear, ratioTerms, taskDue);
}

/// <summary>
/// A value reported for a target for the period ending <paramref name="PeriodEnd"/>: the level reached by then (for a
/// per-year target, the figure of the year so far).
/// </summary>
/// <param name="RatioSecond">For a ratio target, the second term (4.2:5.8 → Value 4.2, RatioSecond 5.8; counts such as
/// 中职招生 3120 : 普高招生 4480 do as well).</param>
public sealed record ObservationFact(DateOnly PeriodEnd, decimal Value, decimal? RatioSecond = null)
{
    /// <summary>
    /// A stored value (one figure) as the rules read it. For a ratio the figure is its first term on the plans' scale of
    /// ten, like the target (4.2 → 4.2:5.8); a ratio value outside 0–10 cannot be read that way, and null says so rather
    /// than guess.
    /// </summary>
    public static ObservationFact? FromStored(TargetFacts target, DateOnly periodEnd, decimal value) =>
        !target.IsRatio ? new(periodEnd, value)
        : value is >= 0 and <= 10 ? new(periodEnd, value, 10 - value)
        : null;
}
