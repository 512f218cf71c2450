namespace Duban.Core.Calendar;

/// <summary>
/// A user's 日历订阅 (docs/calendar.md): the secret address a calendar application polls for the user's deadlines.
/// One per user; regenerating replaces the secret, revoking keeps the row (so the page can say since when) and
/// refuses the secret. Only the SHA-256 of the secret is stored: the address is shown once, when it is made.
/// </summary>
public sealed class CalendarFeed
{
    public long Id { get; set; }

    public long UserId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the secret in the address.</summary>
    public required string Hash { get; set; }

    /// <summary>When the current secret was made (first creation or the latest regeneration).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a calendar application last read the feed, to the hour; null before the first read.</summary>
    public DateTimeOffset? LastFetchedAt { get; set; }

    /// <summary>When the user (or an administrator) switched the address off; null while it works.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive => RevokedAt is null;
}
