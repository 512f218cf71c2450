using System.Globalization;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Status;
using Duban.Core.Tracking.Supervision;
using Duban.Data;
using Duban.Data.Tracking;
using Duban.Web.Components.Pages.Tracking;
using Duban.Web.Dashboard;
using Duban.Web.Paging;
using Duban.Web.Plans;
using Duban.Web.Security;
using Duban.Web.Supervision;
using Duban.Web.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Workbench;

/// <summary>One figure of the 工作台: what it counts, how many, and the list that holds exactly those.</summary>
/// <param name="Key">Stable name for tests and styles (review, orders-awaiting-reply, overdue, due-this-week, …).</param>
/// <param name="Count">Counted as the linked list counts its rows: exact, or for a long list kept, estimated or "more than" (<see cref="ListCounts"/>).</param>
/// <param name="Tone">Bootstrap colour of the figure: danger for what is late, warning for what waits, primary otherwise.</param>
public sealed record WorkCount(string Key, string Label, ListCount Count, string Link, string Hint, string Tone);

/// <summary>
/// The 工作台 on the home page: per role, what the user must do now, each count taken with the very query and the very
/// count of the list it links to (as the 总览 does), so that a count and its list never disagree. A long list (a
/// province's review queue, its overdue tasks) is counted as its page counts it: at most <see cref="ListCounts.ExactUpTo"/>
/// rows read, beyond that the kept count, so the 工作台 costs the same whatever the length of the queue.
/// 管理员: 待审核, 待回复督办单, 督办回复待审核, 逾期, 本周到期. 填报员: 本期待填报, 被退回, 督办单待回复.
/// 督查员 (reads only): 逾期, 本周到期, 待回复督办单.
/// </summary>
public sealed class WorkbenchQueries(
    DubanDbContext db, PlanQueries plans, TrackingQueries tracking, SupervisionQueries supervision, ReportingPeriods periods, TimeProvider clock)
{
    /// <summary>The 督办单 still waiting for the organisation's answer: /supervision's default tab (逾期未回复, 待回复, 整改不到位).</summary>
    private static readonly OrderFilter AwaitingReply = OrderFilter.Parse("active", null, null, null)!;

    private static readonly OrderFilter Answered = OrderFilter.Parse("answered", null, null, null)!;

    /// <summary>The 审核 page's queue unfiltered, as /review and GET /api/v1/reports?queue=review read it.</summary>
    private static readonly ReportFilter WholeQueue = new(null, null, null, null, null);

    public async Task<IReadOnlyList<WorkCount>> ForAsync(DubanUser user, CancellationToken ct)
    {
        var today = ChinaCalendar.Today(clock.GetUtcNow());
        var counts = new List<WorkCount>();
        switch (user.Role)
        {
            case Role.Admin:
                var queue = await tracking.CountReportsAsync(user, WholeQueue, reviewQueue: true, ct);
                counts.Add(new("review", "待审核", queue, "review", "已提交、等待您审核的进展报告", "warning"));
                counts.Add(await OrdersAwaitingReplyAsync(user, "待回复督办单", "已下发、责任单位尚未回复或须重新整改", ct));
                var answered = await supervision.CountAsync(user, Answered, ct);
                counts.Add(new("orders-answered", "督办回复待审核", answered, "supervision?status=answered", "责任单位已回复整改措施，等待办结或退回", "warning"));
                counts.AddRange(await TaskCountsAsync(user, today, ct));
                break;
            case Role.Reporter:
                // 我的任务 is one organisation's rows, not a paged list: /my builds them all and so does its count here
                // (their states come from the reporting periods worked out in memory, which no SQL count repeats).
                var (due, returned) = await new MyWork(db, plans, tracking, periods).DueAndReturnedAsync(user, today, ct);
                counts.Add(new("due", "本期待填报", ListCount.Exact(due), "my#" + MyTasks.Anchor(WorkState.Due), "本期应报送、尚未提交的进展", "primary"));
                counts.Add(new("returned", "被退回", ListCount.Exact(returned), "my#" + MyTasks.Anchor(WorkState.Returned), "审核退回、须修改后重新提交", "danger"));
                counts.Add(await OrdersAwaitingReplyAsync(user, "督办单待回复", "下发给本单位、尚待回复整改措施", ct));
                break;
            default:
                counts.AddRange(await TaskCountsAsync(user, today, ct));
                counts.Add(await OrdersAwaitingReplyAsync(user, "待回复督办单", "已下发、责任单位尚未回复或须重新整改", ct));
                break;
        }
        return counts;
    }

    private async Task<WorkCount> OrdersAwaitingReplyAsync(DubanUser user, string label, string hint, CancellationToken ct)
    {
        var count = await supervision.CountAsync(user, AwaitingReply, ct);
        return new("orders-awaiting-reply", label, count, "supervision?status=active", hint, "warning");
    }

    /// <summary>
    /// 逾期 and 本周到期 (即将到期 with a deadline from today to this Sunday), counted by the task list itself with the
    /// filter its link carries.
    /// </summary>
    private async Task<IReadOnlyList<WorkCount>> TaskCountsAsync(DubanUser user, DateOnly today, CancellationToken ct)
    {
        var overdueQuery = $"status={DashboardQueries.StatusKey(TrackingStatus.Overdue)}";
        var sunday = today.AddDays((7 - (int)today.DayOfWeek) % 7);
        var weekQuery = $"status={DashboardQueries.StatusKey(TrackingStatus.DueSoon)}&dueFrom={Iso(today)}&dueTo={Iso(sunday)}";
        return
        [
            new("overdue", "逾期", await TaskTotalAsync(user, TrackingStatus.Overdue, null, null, ct), "tasks?" + overdueQuery, "已过完成时限、尚未完成的任务", "danger"),
            new("due-this-week", "本周到期", await TaskTotalAsync(user, TrackingStatus.DueSoon, today, sunday, ct), "tasks?" + weekQuery,
                $"完成时限在今天至本周日（{sunday.Month}月{sunday.Day}日）、尚未完成", "primary"),
        ];
    }

    private async Task<ListCount> TaskTotalAsync(DubanUser user, TrackingStatus status, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var filter = TaskFilter.Parse(null, null, null, from is { } f ? Iso(f) : null, to is { } t ? Iso(t) : null, null, null, DashboardQueries.StatusKey(status)).Value!;
        return await plans.CountListAsync(user, filter, ct);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
