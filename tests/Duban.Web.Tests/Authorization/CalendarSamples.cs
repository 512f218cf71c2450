using Duban.Core.Calendar;
using Duban.Web.Calendar;
using Duban.Web.Tests.Infrastructure;

namespace Duban.Web.Tests.Authorization;

/// <summary>Two subscription secrets of one user: one that works, one revoked (a feed is anyone's who holds its secret).</summary>
public sealed record CalendarSamples(string Active, string Revoked)
{
    public static async Task<CalendarSamples> AddAsync(DubanWebFactory factory, long userId)
    {
        var active = CalendarFeedSecret.New();
        var revoked = CalendarFeedSecret.New();
        // The revoked one belongs to a user of its own: one feed per user.
        var other = await factory.CreateUserAsync("calendar-sample-" + Guid.NewGuid().ToString("N")[..8], "calendar-sample-password");
        await factory.WithDbAsync(async db =>
        {
            db.Set<CalendarFeed>().Add(new CalendarFeed { UserId = userId, Hash = CalendarFeedSecret.HashOf(active), CreatedAt = DateTimeOffset.UtcNow });
            db.Set<CalendarFeed>().Add(new CalendarFeed { UserId = other.Id, Hash = CalendarFeedSecret.HashOf(revoked), CreatedAt = DateTimeOffset.UtcNow, RevokedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        return new(active, revoked);
    }
}
