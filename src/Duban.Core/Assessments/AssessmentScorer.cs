namespace Duban.Core.Assessments;

/// <summary>
/// The scorer: a scheme and the facts in, every organisation's points per indicator out, each with the list of facts
/// that produced them, the rule applied and the arithmetic. Pure and deterministic: the facts are taken in a fixed
/// order (by id) whatever order they come in, nothing reads the clock, and decimals are rounded once, at the end
/// (docs/assessment.md, "How a score is traced").
/// </summary>
public static class AssessmentScorer
{
    public static ScoreSheet Score(SchemeDefinition scheme, AssessmentFacts facts)
    {
        var organizations = facts.Organizations
            .OrderBy(o => o.OrganizationId)
            .Select(o => ScoreOrganization(scheme, facts, o))
            .ToList();
        return new ScoreSheet(facts.Year, facts.AsOf, scheme.BaseTotal, organizations);
    }

    private static OrganizationScore ScoreOrganization(SchemeDefinition scheme, AssessmentFacts facts, OrganizationFacts organization)
    {
        var indicators = scheme.Indicators.Select(indicator => ScoreIndicator(indicator, facts, organization)).ToList();
        return new OrganizationScore(organization.OrganizationId, organization.Name, indicators.Sum(i => i.Points), indicators);
    }

    public static IndicatorScore ScoreIndicator(IndicatorDefinition indicator, AssessmentFacts facts, OrganizationFacts organization)
    {
        var rule = indicator.EffectiveRule;
        var (items, arithmetic) = indicator.Kind switch
        {
            IndicatorKind.TaskCompletion => TaskScoring.Completion(indicator.MaxPoints, rule, facts, organization.Assignments),
            IndicatorKind.ReportTimeliness => ReportScoring.Timeliness(indicator.MaxPoints, rule, organization.PeriodReports),
            IndicatorKind.ReportQuality => ReportScoring.Quality(indicator.MaxPoints, organization.ReviewedReports),
            IndicatorKind.TargetAttainment => TargetScoring.Attainment(indicator.MaxPoints, rule, facts, organization.Targets),
            IndicatorKind.OrderResponse => OrderScoring.Response(indicator.MaxPoints, rule, facts, organization.Orders),
            IndicatorKind.Deduction => FlagScoring.Deduction(indicator.MaxPoints, rule, organization.Flags),
            IndicatorKind.Bonus => EntryScoring.Bonus(indicator.MaxPoints, rule, organization.Entries.Where(e => e.IndicatorCode == indicator.Code)),
            IndicatorKind.Manual => EntryScoring.Manual(indicator.MaxPoints, organization.Entries.Where(e => e.IndicatorCode == indicator.Code)),
            _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator.Kind, "未知的指标类型。"),
        };
        var points = Points.Round(items.Sum(i => i.Points));
        return new IndicatorScore(indicator.Code, indicator.Name, indicator.Kind, indicator.MaxPoints, points, indicator.RuleText, arithmetic, items);
    }
}

/// <summary>The arithmetic shared by the rate-based indicators: points = 分值 × Σ(weight × credit) ÷ Σ weight.</summary>
internal static class RateScoring
{
    /// <summary>One fact looked at: its weight (0: listed, not counted) and credit (0–1), and how to describe it.</summary>
    public sealed record Looked(FactKind Fact, long? RefId, long? TaskId, string Label, string Detail, decimal Weight, decimal Credit, long? EvidenceId = null);

    /// <summary>
    /// The items and the arithmetic. Each counted fact adds 分值 × weight × credit ÷ Σ weight; with nothing counted
    /// the indicator gives full points, saying so (nothing to assess is no fault of the organisation).
    /// </summary>
    public static (IReadOnlyList<ExplanationItem> Items, string Arithmetic) Combine(decimal max, IReadOnlyList<Looked> looked, string nothing)
    {
        var totalWeight = looked.Sum(l => l.Weight);
        if (totalWeight == 0)
        {
            var items = looked.Select(l => Item(l, 0m)).ToList();
            items.Add(new ExplanationItem(FactKind.Note, null, null, "无可考核事项", nothing, max));
            return (items, $"无可考核事项，按满分计 {Points.Text(max)} 分");
        }
        var result = looked.Select(l => Item(l, l.Weight == 0 ? 0m : Points.RoundItem(max * l.Weight * l.Credit / totalWeight))).ToList();
        var earned = looked.Sum(l => l.Weight * l.Credit);
        var points = Points.Round(result.Sum(i => i.Points));
        var weights = looked.All(l => l.Weight is 0 or 1) ? "" : "（加权）";
        return (result, $"{Points.Text(max)} × {Points.Text(Math.Round(earned, 4))} ÷ {Points.Text(totalWeight)}{weights} = {Points.Text(points)} 分（得分率 {Points.Percent(earned / totalWeight)}）");
    }

    private static ExplanationItem Item(Looked l, decimal points) =>
        new(l.Fact, l.RefId, l.TaskId, l.Label, l.Detail, points, l.Weight > 0, l.EvidenceId);

    public static string Credit(decimal value) => Points.Text(value);
}
