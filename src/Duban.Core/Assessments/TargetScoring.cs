using Duban.Core.Tracking.Attainment;

namespace Duban.Core.Assessments;

/// <summary>
/// 目标达成: each target the organisation reports on, judged on its own values by <see cref="AttainmentRules.Assess(TargetFacts, IReadOnlyList{ObservationFact}, DateOnly, AttainmentOptions)"/>
/// on the assessment day — direction-aware (at least, at most, ranges, ratios), with its projection — never re-implemented here.
/// </summary>
internal static class TargetScoring
{
    public static (IReadOnlyList<ExplanationItem>, string) Attainment(decimal max, ScoringRule rule, AssessmentFacts facts, IReadOnlyList<TargetFact> targets)
    {
        var looked = new List<RateScoring.Looked>();
        foreach (var target in targets.OrderBy(t => t.TargetId).Where(t => Selected(rule, t)))
        {
            var label = $"{target.Raw}" + (target.Task is { } task ? $"（{task.Label}）" : "（全局目标）");
            var observations = target.Observations;
            if (observations.Count == 0 && target.FirstReportDue is { } due && due >= facts.AsOf)
            {
                looked.Add(new(FactKind.Target, target.TargetId, target.Task?.TaskId, label, $"无数据：首个填报周期 {TaskScoring.ChineseDate(due)} 截止，尚未到期，不计入", 0m, 0m));
                continue;
            }
            TargetAssessment assessment;
            try
            {
                assessment = AttainmentRules.Assess(target.Target, observations, facts.AsOf, AttainmentOptions.Default);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // A ratio without its second term cannot be measured: said, and scored as without data.
                looked.Add(new(FactKind.Target, target.TargetId, target.Task?.TaskId, label, $"无法计算达成度：{e.Message}计 {RateScoring.Credit(rule.NoDataCredit!.Value)}", 1m, rule.NoDataCredit!.Value));
                continue;
            }
            var latest = observations.Count == 0 ? null : observations.MaxBy(o => o.PeriodEnd);
            var value = latest is null || assessment.Latest is not { } a ? "" : $"最新值 {Value(target.Target, latest, a)}（截至 {TaskScoring.ChineseDate(latest.PeriodEnd)}），达成度 {Points.Percent(a.Rate)}";
            var (credit, detail) = assessment.Status switch
            {
                TargetStatus.Achieved => (1m, $"{value}，已达成，计 1"),
                TargetStatus.OnTrack => (rule.OnTrackCredit!.Value, $"{value}，正常（{(assessment.Projection is { } p ? $"按趋势 {TaskScoring.ChineseDate(p.At)} 可达 {Points.Text(Math.Round(p.Value, 2))}" : "尚无趋势")}），计 {RateScoring.Credit(rule.OnTrackCredit!.Value)}"),
                TargetStatus.Lagging => Lagging(rule, assessment, value),
                _ => (rule.NoDataCredit!.Value, $"无数据：考核截止日前未填报数值，计 {RateScoring.Credit(rule.NoDataCredit!.Value)}"),
            };
            looked.Add(new(FactKind.Target, target.TargetId, target.Task?.TaskId, label, detail, 1m, credit));
        }
        return RateScoring.Combine(max, looked, "没有需要本单位填报的相关量化指标，按满分计。");
    }

    private static (decimal, string) Lagging(ScoringRule rule, TargetAssessment assessment, string value)
    {
        var rate = Math.Min(assessment.Latest?.Rate ?? 0m, 1m);
        var credit = Math.Round(rate * rule.LaggingFactor!.Value, 4);
        var why = assessment.Deadline is { } end && assessment.Projection is null ? $"期限 {TaskScoring.ChineseDate(end)} 已过，未达成" : "按趋势不能按期达成";
        return (credit, $"{value}，滞后（{why}），计 {Points.Text(Math.Round(rate, 4))} × {RateScoring.Credit(rule.LaggingFactor!.Value)} = {Points.Text(credit)}");
    }

    /// <summary>Whether the indicator's keywords take the target: any keyword in its subject or its words as written.</summary>
    public static bool Selected(ScoringRule rule, TargetFact target)
    {
        var words = rule.Keywords ?? [];
        if (words.Count == 0) return true;
        var hit = words.Any(w => target.Subject.Contains(w, StringComparison.Ordinal) || target.Raw.Contains(w, StringComparison.Ordinal));
        return rule.ExcludeKeywords == true ? !hit : hit;
    }

    private static string Value(TargetFacts target, ObservationFact latest, TargetAttainment attainment) =>
        target.IsRatio ? $"{Points.Text(latest.Value)}:{Points.Text(latest.RatioSecond ?? 0)}（占比 {Points.Percent(attainment.Actual)}）"
        : $"{Points.Text(latest.Value)}{(target.Unit == TargetFacts.RatioUnit ? "" : target.Unit)}";
}
