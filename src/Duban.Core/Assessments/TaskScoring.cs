using Duban.Core.Tracking.Status;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Core.Assessments;

/// <summary>
/// 任务完成: each assignment of the organisation judged by the status rules (<see cref="StatusRules.ForAssignment(AssignmentFacts, DateOnly, StatusOptions)"/>)
/// on the assessment day, never re-implemented here. What is due by then counts; what is not yet due, waits for its
/// baseline (待摸底) or was finished in an earlier year is listed and not counted.
/// </summary>
internal static class TaskScoring
{
    public static (IReadOnlyList<ExplanationItem>, string) Completion(decimal max, ScoringRule rule, AssessmentFacts facts, IReadOnlyList<AssignmentFact> assignments)
    {
        var looked = new List<RateScoring.Looked>();
        foreach (var assignment in assignments.OrderBy(a => a.Task.TaskId).ThenBy(a => a.Status.AssignmentId))
        {
            var lead = assignment.Status.Role == UnitRole.Lead;
            var weight = lead ? 1m : rule.CooperatingWeight!.Value;
            var role = lead ? "牵头" : "配合";
            var status = StatusRules.ForAssignment(assignment.Status, facts.AsOf, StatusOptions.Default);
            var (counted, credit, detail) = Judge(assignment.Status, status, rule, facts);
            if (!lead && weight == 0) (counted, detail) = (false, $"配合任务，本方案不计入（{detail}）");
            var w = counted ? weight : 0m;
            var suffix = counted && !lead ? $"；配合任务权重 {RateScoring.Credit(weight)}" : "";
            looked.Add(new(FactKind.Task, null, assignment.Task.TaskId, $"{role}{assignment.Task.Label}", detail + suffix, w, credit));
        }
        return RateScoring.Combine(max, looked, "考核截止日前没有到期或已完成的任务，按满分计。");
    }

    private static (bool Counted, decimal Credit, string Detail) Judge(AssignmentFacts facts, StatusResult status, ScoringRule rule, AssessmentFacts assessment)
    {
        var due = facts.Baseline?.Due ?? facts.Due;
        var dueText = due is { } d ? $"时限 {ChineseDate(d)}" : "无完成时限";
        switch (status.Status)
        {
            case TrackingStatus.Completed when facts.Latest is { State: ReportedState.Completed } latest:
                if (latest.SubmittedOn < assessment.YearStart)
                    return (false, 0, $"{ChineseDate(latest.SubmittedOn)} 已完成（上年度），不计入");
                return status.Late
                    ? (true, rule.LateCredit!.Value, $"逾期完成：{dueText}，{ChineseDate(latest.SubmittedOn)} 报送已完成并通过审核，计 {RateScoring.Credit(rule.LateCredit!.Value)}")
                    : (true, 1m, $"按时完成：{dueText}，{ChineseDate(latest.SubmittedOn)} 报送已完成并通过审核，计 1");
            case TrackingStatus.Completed:
                return (false, 0, "摸底时已完成（完成时间不详），不计入");
            case TrackingStatus.AwaitingBaseline:
                return (false, 0, $"待摸底（{dueText}，早于跟踪起始日，尚未填报初始状态），不计入");
            case TrackingStatus.Overdue:
                return (true, 0m, $"逾期未完成：{dueText}，截至 {ChineseDate(assessment.AsOf)} 未报送已完成，计 0");
            case TrackingStatus.OngoingOnTrack:
                return (true, 1m, "长期推进，最近一个已截止的填报周期已报送，计 1");
            case TrackingStatus.OngoingMissingReport:
                return (true, rule.OngoingMissingCredit!.Value, $"长期推进，最近一个已截止的填报周期缺报，计 {RateScoring.Credit(rule.OngoingMissingCredit!.Value)}");
            default:
                return due is null
                    ? (false, 0, $"{status.Label}，无完成时限，不计入")
                    : (false, 0, $"{status.Label}，{dueText}，考核截止日未到期，不计入");
        }
    }

    public static string ChineseDate(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";
}
