namespace Duban.Core.Tracking.Periods;

/// <summary>
/// The calendar day deadlines are counted in. The plans' windows (by the 5th of the next month) mean Beijing time, whatever
/// the server's time zone; China has had no daylight saving since 1991, so a fixed offset is exact.
/// </summary>
public static class ChinaCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);
}
