namespace Duban.Core.Assessments;

/// <summary>按时报送 and 报送质量: the organisation's progress reports in the year.</summary>
internal static class ReportScoring
{
    /// <summary>Each counted period of a lead assignment: on time 1, late <see cref="ScoringRule.LateCredit"/>, missing 0.</summary>
    public static (IReadOnlyList<ExplanationItem>, string) Timeliness(decimal max, ScoringRule rule, IReadOnlyList<PeriodReportFact> periods)
    {
        var late = rule.LateCredit!.Value;
        var looked = periods
            .OrderBy(p => p.Period.Start).ThenBy(p => p.Task.TaskId)
            .Select(p => new RateScoring.Looked(FactKind.Report, p.ReportId, p.Task.TaskId, $"{p.Task.Label}（{p.Period.Label}）", p.Timing switch
            {
                ReportTiming.OnTime => $"按时报送：{TaskScoring.ChineseDate(p.SubmittedOn!.Value)} 提交，截止 {TaskScoring.ChineseDate(p.WindowCloses)}，计 1",
                ReportTiming.Late => $"逾期报送：{TaskScoring.ChineseDate(p.SubmittedOn!.Value)} 提交，截止 {TaskScoring.ChineseDate(p.WindowCloses)}，计 {RateScoring.Credit(late)}",
                _ => $"缺报：截止 {TaskScoring.ChineseDate(p.WindowCloses)}，考核截止日前未提交，计 0",
            }, 1m, p.Timing switch { ReportTiming.OnTime => 1m, ReportTiming.Late => late, _ => 0m }))
            .ToList();
        return RateScoring.Combine(max, looked, "考核年度内没有已截止的填报周期，按满分计。");
    }

    /// <summary>Each report reviewed in the year: 1 when it was never returned, 0 when it was.</summary>
    public static (IReadOnlyList<ExplanationItem>, string) Quality(decimal max, IReadOnlyList<ReviewedReportFact> reports)
    {
        var looked = reports
            .OrderBy(r => r.ReportId)
            .Select(r => new RateScoring.Looked(FactKind.Report, r.ReportId, r.Task.TaskId, $"{r.Task.Label}（{r.Period.Label}）",
                r.Returns == 0
                    ? $"{(r.Approved ? "一次审核通过" : "已审核，未退回")}，计 1"
                    : $"被退回 {r.Returns} 次{(r.Approved ? "后通过" : "")}，计 0",
                1m, r.Returns == 0 ? 1m : 0m))
            .ToList();
        return RateScoring.Combine(max, looked, "考核年度内没有已审核的进展报告，按满分计。");
    }
}
