using Duban.Core.Tracking.Periods;
using Duban.Data;
using Duban.Data.Tracking;
using Duban.Web.Display;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Calendar;

/// <summary>
/// 【填报】 the last day of each reporting window (填报周期) of the plans whose open tasks the feed holds: the day by
/// which a period's progress report is on time, as <see cref="ReportingCycle.WindowCloses"/> reckons it for the
/// worklist and the reminders. One entry per plan and period, on the 我的任务 page for a reporter and the plan's page
/// for the office; only the coming year, as cycles may change, and no period that ended before the plan was imported
/// (as <see cref="MissedReports"/> counts them).
/// </summary>
public sealed class ReportWindowEvents(DubanDbContext db, OpenTasks tasks, ReportingPeriods periods) : ICalendarEventSource
{
    public const int MonthsAhead = 12;

    public async Task<IReadOnlyList<CalendarEvent>> EventsAsync(CalendarRequest request, CancellationToken ct)
    {
        var open = await tasks.ForAsync(request, ct);
        var last = request.Today.AddMonths(MonthsAhead) < request.To ? request.Today.AddMonths(MonthsAhead) : request.To;
        var planIds = open.Select(t => t.PlanId).Distinct().ToList();
        var imported = (await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).Select(p => new { p.Id, p.CreatedAt }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => ChinaCalendar.Today(p.CreatedAt));
        var events = new List<CalendarEvent>();
        foreach (var plan in open.GroupBy(t => t.PlanId))
        {
            var cycle = await periods.CycleAsync(plan.Key, ct);
            var since = imported.GetValueOrDefault(plan.Key, request.From);
            var title = plan.First().PlanTitle;
            var count = plan.Count();
            var link = request.User.Role == Duban.Core.Security.Role.Reporter ? "my" : $"plans/{plan.Key}";
            // From the period whose window may still close inside the feed's days, to the last one closing before its end.
            for (var span = PeriodSpan.Containing(cycle.Kind, request.From).Previous(); !span.IsLast; span = span.Next())
            {
                var closes = cycle.WindowCloses(span);
                if (closes > last) break;
                if (closes < request.From || span.End < since) continue;
                events.Add(new CalendarEvent(
                    $"report-window-{plan.Key}-{span.Kind.ToString().ToLowerInvariant()}-{span.Start:yyyyMMdd}",
                    closes,
                    $"【填报】{span.Label}进展报送截止 · {title}",
                    $"{title}\n{span.Label}的进展报告须在 {ChineseText.Date(closes)} 前报送（{count} 项未完成的任务）。",
                    link));
            }
        }
        return events;
    }
}
