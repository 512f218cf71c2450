namespace Duban.Core.Assessments;

/// <summary>
/// The scheme the platform ships (docs/assessment.md, "The default scheme"): seven base indicators worth 100 points,
/// a capped deduction for 约谈 and 通报, a capped bonus, and grades at 90 / 80 / 60. An office starts from it and
/// edits what it wants; the plans' funding rules (教育费附加, 生均拨款, 专项资金) are targets, scored apart from the others.
/// </summary>
public static class DefaultScheme
{
    /// <summary>The words that make a target a funding rule (经费保障).</summary>
    public static readonly IReadOnlyList<string> FundingWords = ["经费", "拨款", "教育费附加", "资金", "投入"];

    public static IReadOnlyList<IndicatorDefinition> Indicators { get; } =
    [
        new("task", "重点任务完成", IndicatorKind.TaskCompletion, 30m, new ScoringRule(CooperatingWeight: 0.3m, LateCredit: 0.6m, OngoingMissingCredit: 0.5m)),
        new("timeliness", "进展按时报送", IndicatorKind.ReportTimeliness, 15m, new ScoringRule(LateCredit: 0.5m)),
        new("quality", "报送质量", IndicatorKind.ReportQuality, 5m, ScoringRule.None),
        new("targets", "量化目标达成", IndicatorKind.TargetAttainment, 20m, new ScoringRule(OnTrackCredit: 1m, LaggingFactor: 0.5m, NoDataCredit: 0m, Keywords: FundingWords, ExcludeKeywords: true)),
        new("funding", "经费保障", IndicatorKind.TargetAttainment, 10m, new ScoringRule(OnTrackCredit: 1m, LaggingFactor: 0.5m, NoDataCredit: 0m, Keywords: FundingWords, ExcludeKeywords: false)),
        new("orders", "督办事项办理", IndicatorKind.OrderResponse, 10m, new ScoringRule(ReplyShare: 0.6m, LateReplyCredit: 0.5m)),
        new("inspection", "现场督导", IndicatorKind.Manual, 10m, ScoringRule.None),
        new("deduction", "约谈通报扣分", IndicatorKind.Deduction, 10m, new ScoringRule(SummonsPoints: 2m, BulletinPoints: 3m)),
        new("bonus", "创新加分", IndicatorKind.Bonus, 5m, new ScoringRule(ItemMax: 3m)),
    ];

    public static SchemeDefinition For(IReadOnlyList<long> organizationIds) => new(organizationIds, Indicators, GradeBands.Default);
}
