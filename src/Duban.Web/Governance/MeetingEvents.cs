using Duban.Core.Security;
using Duban.Data;
using Duban.Web.Calendar;
using Duban.Web.Display;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Governance;

/// <summary>
/// 【会议】 in the calendar feed (docs/calendar.md): the meetings held and the cadence windows still to be met
/// (<see cref="GovernanceQueries.MeetingScheduleAsync"/>). The office's feed holds every body of its scope; a reporter's
/// only the bodies its organisation sits on or keeps the office of — the meetings it is expected at.
/// </summary>
public sealed class MeetingEvents(GovernanceQueries governance, DubanDbContext db) : ICalendarEventSource
{
    public async Task<IReadOnlyList<CalendarEvent>> EventsAsync(CalendarRequest request, CancellationToken ct)
    {
        var schedule = await governance.MeetingScheduleAsync(request.User, request.From, ct);
        HashSet<long>? own = null;
        if (request.User.Role == Role.Reporter)
        {
            var organization = request.User.OrganizationId;
            own = [.. await db.GoverningBodies.AsNoTracking()
                .Where(b => b.OfficeOrganizationId == organization || b.Members.Any(m => m.OrganizationId == organization))
                .Select(b => b.Id).ToListAsync(ct)];
        }
        return schedule.Where(s => s.Date <= request.To && (own is null || own.Contains(s.BodyId)))
            .Select(s => s.Held
                ? new CalendarEvent($"meeting-{s.Link.Replace('/', '-')}", s.Date, $"【会议】{s.Title}",
                    $"{s.BodyName}\n会议日期：{ChineseText.Date(s.Date)}", s.Link)
                : new CalendarEvent($"meeting-window-{s.BodyId}-{s.WindowStart:yyyyMMdd}", s.Date, $"【会议】{s.Title}",
                    $"{s.BodyName}按召开频次应在 {ChineseText.Date(s.WindowStart ?? s.Date)} 至 {ChineseText.Date(s.Date)} 召开会议，尚未登记。", s.Link))
            .ToList();
    }
}
