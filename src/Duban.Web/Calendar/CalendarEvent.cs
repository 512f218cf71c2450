using Duban.Web.Security;

namespace Duban.Web.Calendar;

/// <summary>
/// One all-day entry of a calendar feed (docs/calendar.md). The feed turns it into a VEVENT; a source never sees Ical.Net.
/// </summary>
/// <param name="Uid">Stable per fact ("task-deadline-12"): a calendar application updates the entry it has instead of adding another.</param>
/// <param name="Date">The day the entry stands on (a deadline, a window's last day, a reply date).</param>
/// <param name="Summary">The title, beginning with its kind in brackets: 【截止】任务 3.2 …</param>
/// <param name="Link">The page the entry is about, relative to the site ("tasks/12"); the feed makes it absolute.</param>
public sealed record CalendarEvent(string Uid, DateOnly Date, string Summary, string Description, string Link);

/// <summary>
/// Whose feed it is and which days it covers. The user is the feed owner as the database says at the moment of the
/// read: role, scope and organisation as they are now, not as they were when the address was made.
/// </summary>
public sealed record CalendarRequest(DubanUser User, DateOnly Today, DateOnly From, DateOnly To)
{
    /// <summary>How far back a feed reaches: what is overdue stays in view for half a year.</summary>
    public const int MonthsBack = 6;

    /// <summary>How far ahead a feed reaches: two years holds the deadlines of a plan's current stage.</summary>
    public const int YearsAhead = 2;

    public static CalendarRequest For(DubanUser user, DateOnly today) => new(user, today, today.AddMonths(-MonthsBack), today.AddYears(YearsAhead));

    public bool Covers(DateOnly date) => date >= From && date <= To;
}

/// <summary>
/// One kind of entry of the feed: task deadlines, report windows, 督办单 reply dates… A feature adds its entries by
/// registering one more source (<see cref="CalendarRegistration.AddCalendarSource{T}"/>); the feed asks every source.
/// A source returns only what <see cref="CalendarRequest.User"/> may read, by the same scope rules as the pages.
/// </summary>
public interface ICalendarEventSource
{
    Task<IReadOnlyList<CalendarEvent>> EventsAsync(CalendarRequest request, CancellationToken ct);
}
