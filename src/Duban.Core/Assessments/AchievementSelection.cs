namespace Duban.Core.Assessments;

/// <summary>
/// The "成效明显县、校" selection (平凉: 每年度开展职业教育改革成效明显县、校评选工作): which assessed organisations a
/// published result singles out for praise. Either the first <see cref="Top"/> by total among those graded 优秀 (equal
/// totals at the cut share the rank and are all selected), or every organisation whose total reaches
/// <see cref="MinTotal"/>. Part of the scheme (versioned with it); without a setting, <see cref="Default"/>: the first
/// three among the 优秀.
/// </summary>
public sealed record AchievementSelection(int? Top = null, decimal? MinTotal = null)
{
    public const int DefaultTop = 3;
    public const int MaxTop = 100;

    public static AchievementSelection Default { get; } = new(DefaultTop);

    /// <summary>The selected organisations, in ranking order.</summary>
    public IReadOnlyList<Standing> Select(IReadOnlyList<Standing> standings) =>
        [.. (MinTotal is { } min
                ? standings.Where(s => s.Total >= min)
                : standings.Where(s => s.Grade == Grade.Excellent && s.Rank <= (Top ?? DefaultTop)))
            .OrderBy(s => s.Rank).ThenBy(s => s.OrganizationId)];

    public string Describe() => MinTotal is { } min
        ? $"总分不低于 {Points.Text(min)} 分的单位"
        : $"等次为优秀的单位中总分前 {Top ?? DefaultTop} 名（总分相同者并列入选）";

    /// <summary>The selection's reason as a 表扬 list states it.</summary>
    public string Reason(Standing s) => MinTotal is { } min
        ? $"总分 {Points.Text(s.Total)} 分，达到成效明显县、校评选标准（{Points.Text(min)} 分）"
        : $"总分 {Points.Text(s.Total)} 分，等次优秀，列第 {s.Rank} 名";
}
