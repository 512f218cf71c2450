using Duban.Core.Calendar;
using Duban.Core.Users;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Web.Operations;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Calendar;

/// <summary>The user's subscription as the user sees it: never the secret, which exists only when it is made.</summary>
/// <param name="Active">Whether an address works now.</param>
/// <param name="CreatedAt">When the current (or the last) address was made; null when there never was one.</param>
/// <param name="LastFetchedAt">When a calendar application last read it, to the hour.</param>
/// <param name="RevokedAt">When it was switched off; null while it works or when there never was one.</param>
public sealed record CalendarFeedView(bool Active, DateTimeOffset? CreatedAt, DateTimeOffset? LastFetchedAt, DateTimeOffset? RevokedAt)
{
    public static readonly CalendarFeedView None = new(false, null, null, null);

    public static CalendarFeedView Of(CalendarFeed feed) => new(feed.IsActive, feed.CreatedAt, feed.LastFetchedAt, feed.RevokedAt);
}

/// <summary>A freshly made address, shown once: the page and the API answer it, nothing keeps it.</summary>
/// <param name="Url">The address to paste into a calendar application (https://…/calendar/….ics).</param>
/// <param name="WebcalUrl">The same with webcal://, which phones and Outlook open as a subscription.</param>
public sealed record NewCalendarFeed(CalendarFeedView Feed, string Url, string WebcalUrl);

/// <summary>
/// The life of a user's subscription address (docs/calendar.md): made, made anew (the old address stops at once),
/// switched off; each audited. And the look-up of a polled address: whose feed, if it still works and its owner is active.
/// </summary>
public sealed class CalendarFeeds(DubanDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>Last-read times are kept to the hour: a calendar polls every few minutes, and a read should not be a write.</summary>
    private static readonly TimeSpan FetchResolution = TimeSpan.FromHours(1);

    public async Task<CalendarFeedView> GetAsync(DubanUser me, CancellationToken ct)
    {
        var feed = await db.Set<CalendarFeed>().AsNoTracking().SingleOrDefaultAsync(f => f.UserId == me.Id, ct);
        return feed is null ? CalendarFeedView.None : CalendarFeedView.Of(feed);
    }

    /// <summary>Makes the user's address, or a new one in place of the current (which stops working at once).</summary>
    /// <param name="siteAddress">The site's public address ending in "/", to write the full address.</param>
    public async Task<NewCalendarFeed> CreateAsync(DubanUser me, Actor actor, string siteAddress, CancellationToken ct)
    {
        var secret = CalendarFeedSecret.New();
        var now = time.GetUtcNow();
        var feed = await db.Set<CalendarFeed>().SingleOrDefaultAsync(f => f.UserId == me.Id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (feed is null)
        {
            feed = new CalendarFeed { UserId = me.Id, Hash = CalendarFeedSecret.HashOf(secret), CreatedAt = now };
            db.Set<CalendarFeed>().Add(feed);
            await db.SaveChangesAsync(ct);
            audit.Add(actor, AuditActions.CalendarFeedCreate, AuditEntities.CalendarFeed, feed.Id, null, Snapshot(feed));
        }
        else
        {
            var before = Snapshot(feed);
            var wasRevoked = feed.RevokedAt is not null;
            feed.Hash = CalendarFeedSecret.HashOf(secret);
            feed.CreatedAt = now;
            feed.RevokedAt = null;
            feed.LastFetchedAt = null;
            audit.Add(actor, wasRevoked ? AuditActions.CalendarFeedCreate : AuditActions.CalendarFeedRegenerate,
                AuditEntities.CalendarFeed, feed.Id, before, Snapshot(feed));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var url = $"{siteAddress}calendar/{secret}.ics";
        return new(CalendarFeedView.Of(feed), url, Webcal(url));
    }

    /// <summary>Switches the user's address off; nothing to do (and nothing audited) when none works.</summary>
    public async Task<CalendarFeedView> RevokeAsync(DubanUser me, Actor actor, CancellationToken ct)
    {
        var feed = await db.Set<CalendarFeed>().SingleOrDefaultAsync(f => f.UserId == me.Id, ct);
        if (feed is null) return CalendarFeedView.None;
        if (feed.RevokedAt is null)
        {
            var before = Snapshot(feed);
            feed.RevokedAt = time.GetUtcNow();
            audit.Add(actor, AuditActions.CalendarFeedRevoke, AuditEntities.CalendarFeed, feed.Id, before, Snapshot(feed));
            await db.SaveChangesAsync(ct);
        }
        return CalendarFeedView.Of(feed);
    }

    /// <summary>
    /// An administrator switches off the address of a user it manages (<see cref="Responsibility"/>): a leaked address
    /// of someone who cannot sign in to do it. Null when the user is not one the administrator may act on (404).
    /// </summary>
    public async Task<CalendarFeedView?> RevokeForAsync(DubanUser admin, Actor actor, long userId, CancellationToken ct)
    {
        var user = await db.Users.ActionableBy(admin, db).Where(u => u.Id == userId).Select(u => new { u.Id, u.UserName, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (user is null) return null;
        return await RevokeAsync(new DubanUser(user.Id, user.UserName, user.DisplayName, admin.Role, admin.Scope, null, null, null), actor, ct);
    }

    /// <summary>
    /// The owner of a polled address, or null when the secret is malformed, unknown or revoked, or its owner is
    /// deactivated: all the same to the caller (404), so that an address tells nothing of why it stopped.
    /// </summary>
    public async Task<User?> OwnerAsync(string? secret, CancellationToken ct)
    {
        if (!CalendarFeedSecret.LooksLikeSecret(secret)) return null;
        var hash = CalendarFeedSecret.HashOf(secret!);
        var feed = await db.Set<CalendarFeed>().SingleOrDefaultAsync(f => f.Hash == hash && f.RevokedAt == null, ct);
        if (feed is null) return null;
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == feed.UserId, ct);
        if (user is null || !user.IsActive) return null;
        var now = time.GetUtcNow();
        if (feed.LastFetchedAt is null || now - feed.LastFetchedAt >= FetchResolution)
        {
            feed.LastFetchedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return user;
    }

    /// <summary>webcal:// for an https:// or http:// address: what calendar applications register as a subscription.</summary>
    public static string Webcal(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "webcal://" + url["https://".Length..]
        : url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "webcal://" + url["http://".Length..]
        : url;

    /// <summary>What the audit keeps of a feed: whose, since when, whether switched off. Never the hash.</summary>
    private static object Snapshot(CalendarFeed feed) => new { feed.UserId, feed.CreatedAt, feed.RevokedAt };
}
