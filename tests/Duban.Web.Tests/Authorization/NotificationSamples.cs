using Duban.Core.Notifications;
using Duban.Core.Security;
using Duban.Core.Users;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Authorization;

/// <summary>The matrix's records for the notification centre and the webhooks.</summary>
/// <param name="OwnOf">A notification of each caller's own (anonymous borrows the reporter's: it is refused before it is read).</param>
/// <param name="Others">A notification of somebody else, per caller.</param>
public sealed record NotificationSamples(Func<Caller, long> OwnOf, IReadOnlyDictionary<Caller, long> Others, long Webhook)
{
    /// <summary>The matrix makes its city and county administrators after the samples, so their notifications are made when first asked for.</summary>
    public const string RegionAdminUserName = "matrix-city-admin";

    /// <inheritdoc cref="RegionAdminUserName"/>
    public const string CountyAdminUserName = "matrix-county-admin";

    public static async Task<NotificationSamples> AddAsync(DubanWebFactory factory) => await factory.WithDbAsync(async db =>
    {
        var users = await db.Users.Where(u => u.UserName == DemoAccounts.Admin || u.UserName == DemoAccounts.Reporter || u.UserName == DemoAccounts.Inspector)
            .ToDictionaryAsync(u => u.UserName, u => u.Id);
        var stranger = new User { UserName = "matrix-notified", DisplayName = "矩阵通知对象", Role = Role.Inspector, Scope = DataScope.All, CreatedAt = DateTimeOffset.UtcNow };
        db.Users.Add(stranger);
        await db.SaveChangesAsync();

        Notification For(long user) => new()
        {
            RecipientId = user, Kind = NotificationKinds.Test, Title = "矩阵测试通知", Body = "矩阵测试", CreatedAt = DateTimeOffset.UtcNow,
            IdempotencyKey = "matrix:" + Guid.NewGuid().ToString("N"),
        };
        var own = new Dictionary<Caller, Notification>
        {
            [Caller.Anonymous] = For(users[DemoAccounts.Reporter]),
            [Caller.Reporter] = For(users[DemoAccounts.Reporter]),
            [Caller.Inspector] = For(users[DemoAccounts.Inspector]),
            [Caller.Admin] = For(users[DemoAccounts.Admin]),
        };
        var others = Enum.GetValues<Caller>().ToDictionary(c => c, _ => For(stranger.Id));
        db.AddRange(own.Values);
        db.AddRange(others.Values);
        // Never reachable: the test message the administrator's POST queues fails to resolve, and nothing leaves the machine.
        var webhook = new WebhookEndpoint { Name = "矩阵测试", Url = "https://hooks.example.invalid/matrix", Secret = "matrix-secret", CreatedAt = DateTimeOffset.UtcNow };
        db.Add(webhook);
        await db.SaveChangesAsync();
        var ownIds = own.ToDictionary(p => p.Key, p => p.Value.Id);
        var later = new Dictionary<Caller, string> { [Caller.RegionAdmin] = RegionAdminUserName, [Caller.CountyAdmin] = CountyAdminUserName }
            .ToDictionary(p => p.Key, p => new Lazy<long>(() => factory.WithDbAsync(async afterwards =>
            {
                var recipient = await afterwards.Users.Where(u => u.UserName == p.Value).Select(u => u.Id).SingleAsync();
                var notification = For(recipient);
                afterwards.Add(notification);
                await afterwards.SaveChangesAsync();
                return notification.Id;
            }).GetAwaiter().GetResult()));
        return new NotificationSamples(c => later.TryGetValue(c, out var made) ? made.Value : ownIds[c], others.ToDictionary(p => p.Key, p => p.Value.Id), webhook.Id);
    });
}
