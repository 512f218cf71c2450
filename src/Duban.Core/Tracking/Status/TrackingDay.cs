namespace Duban.Core.Tracking.Status;

/// <summary>The calendar day the rules judge by, read from an injected <see cref="TimeProvider"/>.</summary>
public static class TrackingDay
{
    /// <summary>
    /// China Standard Time. A fixed offset rather than a time-zone id: China has kept UTC+8 without daylight saving since
    /// 1991, and a server's zone database (or its local zone) must not move a deadline by a day.
    /// </summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Today in China: a deadline 2025-12-31 is still met at 23:59 Beijing time, whatever the server's zone.</summary>
    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
