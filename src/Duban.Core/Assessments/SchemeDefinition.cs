namespace Duban.Core.Assessments;

/// <summary>
/// What an assessment scheme (考核方案 / 评分细则) says, as one version stores it: who is assessed, the indicators and
/// the grade thresholds. Data, not code: the office edits it, and each change is a new version (docs/assessment.md).
/// </summary>
/// <param name="OrganizationIds">The assessed organisations (county governments, departments, schools).</param>
/// <param name="Selection">The 成效明显县、校 selection; null is <see cref="AchievementSelection.Default"/> (and keeps older versions' JSON as it was).</param>
public sealed record SchemeDefinition(IReadOnlyList<long> OrganizationIds, IReadOnlyList<IndicatorDefinition> Indicators, GradeBands Grades,
    AchievementSelection? Selection = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public AchievementSelection EffectiveSelection => Selection ?? AchievementSelection.Default;

    /// <summary>The sum of the base indicators' 分值: the total an organisation reaches without deductions or bonus.</summary>
    public decimal BaseTotal => Indicators.Where(i => i.Kind.IsBase()).Sum(i => i.MaxPoints);

    public IndicatorDefinition? Indicator(string code) => Indicators.FirstOrDefault(i => i.Code == code);
}

/// <summary>
/// One indicator: a short code (stable across versions, so self-scores and reviews stay attached), a name, its kind,
/// its 分值 and its rule. The 分值 is the indicator's weight: the base indicators' 分值 add up to the base total.
/// For a deduction it is the most that may be deducted, for a bonus the most that may be added.
/// </summary>
public sealed record IndicatorDefinition(string Code, string Name, IndicatorKind Kind, decimal MaxPoints, ScoringRule Rule)
{
    public const int MaxCodeLength = 20;
    public const int MaxNameLength = 100;

    /// <summary>The rule with the kind's defaults filled in.</summary>
    public ScoringRule EffectiveRule => Rule.For(Kind, MaxPoints);

    public string RuleText => Rule.Describe(Kind, MaxPoints);

    /// <summary>The lowest and highest points the indicator can give (a deduction is negative).</summary>
    public (decimal Min, decimal Max) Range => Kind == IndicatorKind.Deduction ? (-MaxPoints, 0m) : (0m, MaxPoints);
}

/// <summary>The lowest total of each grade; below <see cref="Pass"/> is 不合格.</summary>
public sealed record GradeBands(decimal Excellent = 90m, decimal Good = 80m, decimal Pass = 60m)
{
    public static GradeBands Default { get; } = new();

    public Grade Of(decimal total) =>
        total >= Excellent ? Grade.Excellent : total >= Good ? Grade.Good : total >= Pass ? Grade.Pass : Grade.Fail;
}

public enum Grade
{
    Excellent = 1,
    Good = 2,
    Pass = 3,
    Fail = 4,
}

public static class GradeLabels
{
    public static string Label(this Grade grade) => grade switch
    {
        Grade.Excellent => "优秀",
        Grade.Good => "良好",
        Grade.Pass => "合格",
        Grade.Fail => "不合格",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, null),
    };
}
