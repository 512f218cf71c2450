using Duban.Parsing.Model;

namespace Duban.Core.Tracking.Status;

/// <summary>One organisation's part in a task's status, as the explanation names it.</summary>
public sealed record AssignmentStanding(string Organization, UnitRole Role, StatusResult Status);

/// <summary>
/// Why a task has its status, in Chinese, from the same results the rules gave (<see cref="StatusRules"/>): the
/// deadline and how far it is, and how its lead organisations stand — a task led by several is done only when every
/// lead is (docs/status-rules.md), and "2 个牵头单位中 1 个已完成" says why approving one lead's 已完成 changed nothing.
/// The task page gives the whole reason (<see cref="Explain"/>); lists, the dashboard and the ledger the short one
/// (<see cref="LeadsCompleted"/>, <see cref="Label"/>). Pure.
/// </summary>
public static class StatusReasons
{
    /// <summary>At most this many organisations are named; the rest are counted.</summary>
    public const int NamesShown = 5;

    /// <summary>"2 个牵头单位中 1 个已完成" when some but not all of several leads have completed; null otherwise.</summary>
    /// <param name="assignments">The role and status of each organisation of the task; only the leads count.</param>
    public static string? LeadsCompleted(TrackingStatus task, IEnumerable<(UnitRole Role, TrackingStatus Status)> assignments)
    {
        if (task == TrackingStatus.Completed) return null;
        var leads = assignments.Where(a => a.Role == UnitRole.Lead).ToList();
        if (leads.Count < 2) return null;
        var done = leads.Count(a => a.Status == TrackingStatus.Completed);
        return done == 0 ? null : LeadsDone(leads.Count, done);
    }

    /// <summary>The status as a list or a ledger shows it: 已完成（逾期完成）, 逾期（2 个牵头单位中 1 个已完成）.</summary>
    /// <param name="leadsCompleted">What <see cref="LeadsCompleted"/> says of the task.</param>
    public static string Label(StatusResult task, string? leadsCompleted) =>
        task.Label + (task.Late ? "（逾期完成）" : "") + (leadsCompleted is { } leads ? $"（{leads}）" : "");

    public static string Explain(StatusResult task, DateOnly? due, bool ongoing, IReadOnlyList<AssignmentStanding> assignments)
    {
        var parts = new List<string> { Deadline(task, due, ongoing) };
        var leads = assignments.Where(a => a.Role == UnitRole.Lead).ToList();
        if (leads.Count == 0)
        {
            parts.Add("该任务没有牵头单位，无人能报告完成：请在“编辑任务”中指定牵头单位");
            return string.Join("；", parts) + "。";
        }
        if (task.Status == TrackingStatus.AwaitingBaseline)
        {
            var waiting = leads.Where(a => a.Status.Status == TrackingStatus.AwaitingBaseline).ToList();
            parts.Add($"完成时限早于计划的跟踪起始日，{Count(waiting.Count, leads.Count)}牵头单位尚未填报摸底（初始状态）：{Names(waiting)}");
            return string.Join("；", parts) + "。";
        }
        var done = leads.Where(a => a.Status.Status == TrackingStatus.Completed).ToList();
        if (leads.Count == 1)
            parts.Add($"牵头单位{leads[0].Organization}：{leads[0].Status.Label}");
        else if (done.Count == leads.Count)
            parts.Add($"{leads.Count} 个牵头单位均已完成");
        else
            parts.Add($"{LeadsDone(leads.Count, done.Count)}，未完成：{Names(leads.Except(done).ToList())}");
        var missing = leads.Where(a => a.Status.Status == TrackingStatus.OngoingMissingReport).ToList();
        if (missing.Count > 0 && leads.Count > 1) parts.Add($"未报送上一周期进展：{Names(missing)}");
        return string.Join("；", parts) + "。";
    }

    private static string Deadline(StatusResult task, DateOnly? due, bool ongoing)
    {
        if (due is not { } d) return ongoing ? "长期推进的任务，按周期报送进展" : "没有完成时限";
        var day = $"{d.Year}年{d.Month}月{d.Day}日";
        if (task.Status == TrackingStatus.Completed) return task.Late ? $"完成时限{day}，完成晚于时限" : $"完成时限{day}";
        return task.DaysLeft switch
        {
            < 0 and var left => $"已超过完成时限{day} {-left} 天",
            0 => $"今天（{day}）到期",
            { } left => $"距完成时限{day}还有 {left} 天",
            // A lead's baseline moved the date the task is held to: the rules gave no days for the written one.
            null => $"完成时限{day}",
        };
    }

    private static string LeadsDone(int leads, int done) => $"{leads} 个牵头单位中 {done} 个已完成";

    private static string Count(int some, int all) => some == all ? (all == 1 ? "" : $"{all} 个") : $"{all} 个中有 {some} 个";

    private static string Names(IReadOnlyList<AssignmentStanding> assignments) =>
        assignments.Count <= NamesShown
            ? string.Join("、", assignments.Select(a => a.Organization))
            : string.Join("、", assignments.Take(NamesShown).Select(a => a.Organization)) + $"等 {assignments.Count} 个单位";
}
