using Duban.Core.Tracking.Periods;
using Duban.Web.Security;

namespace Duban.Web.Calendar;

/// <summary>Asks every registered <see cref="ICalendarEventSource"/> for the user's entries and writes the feed.</summary>
public sealed class CalendarFeedBuilder(IEnumerable<ICalendarEventSource> sources, TimeProvider time)
{
    public async Task<IReadOnlyList<CalendarEvent>> EventsAsync(DubanUser user, CancellationToken ct)
    {
        var request = CalendarRequest.For(user, ChinaCalendar.Today(time.GetUtcNow()));
        var events = new List<CalendarEvent>();
        foreach (var source in sources) events.AddRange(await source.EventsAsync(request, ct));
        // A UID is one fact: should two sources ever name the same, the first registered wins.
        return events.DistinctBy(e => e.Uid).OrderBy(e => e.Date).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();
    }

    public async Task<CalendarDocument> BuildAsync(DubanUser user, string siteAddress, CancellationToken ct) =>
        CalendarFeedWriter.Write($"督办 · {user.DisplayName}", await EventsAsync(user, ct), siteAddress, time.GetUtcNow());
}
