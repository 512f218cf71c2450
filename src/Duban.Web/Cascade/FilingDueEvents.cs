using Duban.Web.Calendar;
using Duban.Web.Display;

namespace Duban.Web.Cascade;

/// <summary>
/// 【备案】 in the calendar feed (docs/calendar.md): the due date of each filing still owed (待报送 or 退回) — the
/// filing organisation's own, and those of the plans the office answers for (<see cref="CascadeQueries.FilingDueDatesAsync"/>).
/// </summary>
public sealed class FilingDueEvents(CascadeQueries cascade) : ICalendarEventSource
{
    public async Task<IReadOnlyList<CalendarEvent>> EventsAsync(CalendarRequest request, CancellationToken ct) =>
        [.. (await cascade.FilingDueDatesAsync(request.User, request.From, request.To, ct: ct)).Select(f => new CalendarEvent(
            $"filing-due-{f.FilingId}", f.Due, $"【备案】{f.OrganizationName}{f.KindName}备案截止",
            $"《{f.PlanTitle}》要求{f.OrganizationName}报送{f.KindName}备案。\n状态：{f.StateName}{(f.Late ? "（已逾期）" : "")}\n截止日期：{ChineseText.Date(f.Due)}",
            f.Link))];
}
