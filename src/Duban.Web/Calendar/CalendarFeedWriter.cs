using System.Security.Cryptography;
using System.Text;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace Duban.Web.Calendar;

/// <summary>A feed ready to send: the iCalendar text and its entity tag.</summary>
public sealed record CalendarDocument(string Text, string ETag);

/// <summary>
/// Writes a feed's entries as RFC 5545 with Ical.Net: each entry an all-day VEVENT (DTSTART as DATE, DTEND the day
/// after), its UID made globally unique with the site's host, its URL absolute.
/// </summary>
public static class CalendarFeedWriter
{
    public const string ProductId = "-//Duban//督办 日历订阅//ZH";

    public const string MediaType = "text/calendar; charset=utf-8";

    /// <param name="siteAddress">The site's public address ending in "/".</param>
    public static CalendarDocument Write(string calendarName, IReadOnlyList<CalendarEvent> events, string siteAddress, DateTimeOffset now)
    {
        var host = Uri.TryCreate(siteAddress, UriKind.Absolute, out var site) ? site.Host : "duban";
        var calendar = new IcalCalendar { ProductId = ProductId };
        calendar.AddProperty("CALSCALE", "GREGORIAN");
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        // How often subscribing applications (Outlook, Apple Calendar) should poll.
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        var stamp = new CalDateTime(now.UtcDateTime);
        foreach (var entry in events)
        {
            var link = new Uri(siteAddress + entry.Link);
            calendar.Events.Add(new IcalEvent
            {
                Uid = $"{entry.Uid}@{host}",
                DtStamp = stamp,
                DtStart = new CalDateTime(entry.Date),
                DtEnd = new CalDateTime(entry.Date.AddDays(1)),
                Summary = entry.Summary,
                Description = entry.Description + "\n" + link,
                Url = link,
            });
        }
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new(text, ETagOf(calendarName, events, siteAddress));
    }

    /// <summary>Of the entries, not of the text: DTSTAMP changes with every read, the entries only when the data does.</summary>
    private static string ETagOf(string calendarName, IReadOnlyList<CalendarEvent> events, string siteAddress)
    {
        var content = new StringBuilder(calendarName).Append('\u001e').Append(siteAddress);
        foreach (var e in events) content.Append('\u001e').Append(e.Uid).Append('\u001f').Append(e.Date.DayNumber).Append('\u001f').Append(e.Summary).Append('\u001f').Append(e.Description).Append('\u001f').Append(e.Link);
        return "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())))[..32] + "\"";
    }
}
