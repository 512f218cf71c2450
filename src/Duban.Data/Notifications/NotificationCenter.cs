using System.Globalization;
using Duban.Core.Notifications;
using Duban.Core.Security;
using Duban.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Notifications;

/// <summary>
/// Puts notifications in users' notification centres. Each recipient's copy is stored once under the message's key
/// and the recipient, so a job that notifies again (a second run, a second instance) adds nothing. A user who asked
/// for the kind outside the site (我的账户) also gets a personal copy queued for the webhook endpoints that deliver
/// personal notifications (<see cref="WebhookOutbox.EnqueuePersonalAsync"/>), under the same key, in the same
/// transaction as the notification.
/// </summary>
/// <param name="options">For the links of forwarded copies (<see cref="WebhookOptions.PublicBaseUrl"/>); defaults without one.</param>
public sealed class NotificationCenter(DubanDbContext db, WebhookOptions? options = null)
{
    /// <summary>The message key leaves room for the recipient suffix within the column's 200 characters.</summary>
    public const int MaxMessageKeyLength = 170;

    /// <summary>Notifies one user; true when this call stored the notification.</summary>
    public async Task<bool> NotifyUserAsync(long userId, NotificationMessage message, DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(message.IdempotencyKey.Length, MaxMessageKeyLength, nameof(message));
        var key = message.IdempotencyKey + "/user:" + userId.ToString(CultureInfo.InvariantCulture);
        var atMs = at.ToUnixTimeMilliseconds();
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "notifications" ("RecipientId", "Kind", "Title", "Body", "Link", "CreatedAt", "ReadAt", "IdempotencyKey") VALUES ({userId}, {message.Kind}, {message.Title}, {message.Body}, {message.Link}, {atMs}, NULL, {key}) ON CONFLICT ("IdempotencyKey") DO NOTHING""", ct);
        // Only a notification stored now is forwarded: sending again forwards nothing again.
        if (inserted == 1) await ForwardAsync(userId, key, message, at, ct);
        return inserted == 1;
    }

    /// <summary>Queues the personal copy when the user asked for this kind outside the site.</summary>
    private async Task ForwardAsync(long userId, string key, NotificationMessage message, DateTimeOffset at, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.ForwardedNotificationKinds != "")
            .Select(u => new { u.UserName, u.DisplayName, u.ForwardedNotificationKinds, u.OrganizationId, Organization = db.Organizations.Where(o => o.Id == u.OrganizationId).Select(o => o.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (user is null || !WebhookKinds.Parse(user.ForwardedNotificationKinds).Contains(message.Kind, StringComparer.Ordinal)) return;
        var recipient = new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = userId, ["userName"] = user.UserName, ["displayName"] = user.DisplayName,
            ["organizationId"] = user.OrganizationId, ["organization"] = user.Organization,
        };
        await new WebhookOutbox(db, options ?? new WebhookOptions()).EnqueuePersonalAsync(
            new WebhookEvent(key, message.Kind, at, message.Title, message.Body, message.Link, new System.Text.Json.Nodes.JsonObject { ["recipient"] = recipient }), ct);
    }

    /// <summary>Notifies the active reporters (填报员) of an organisation; returns how many were newly notified.</summary>
    public async Task<int> NotifyOrganizationAsync(long organizationId, NotificationMessage message, DateTimeOffset at, CancellationToken ct = default)
    {
        var users = await db.Users.Where(u => u.IsActive && u.Role == Role.Reporter && u.OrganizationId == organizationId)
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        return await NotifyAllAsync(users, message, at, ct);
    }

    /// <summary>
    /// Notifies the active administrators whose data scope covers the region: scope 全部, or 本区域及下级 starting at
    /// the region or one above it. Returns how many were newly notified.
    /// </summary>
    public async Task<int> NotifyRegionAdminsAsync(long regionId, NotificationMessage message, DateTimeOffset at, CancellationToken ct = default)
    {
        var path = await db.Regions.Where(r => r.Id == regionId).Select(r => r.Path).SingleOrDefaultAsync(ct);
        if (path is null) return 0;
        // The path lists the region and every region above it: "/1/5/23/".
        var lineage = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var users = await db.Users
            .Where(u => u.IsActive && u.Role == Role.Admin
                        && (u.Scope == DataScope.All || (u.Scope == DataScope.RegionAndBelow && u.RegionId != null && lineage.Contains(u.RegionId.Value))))
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        return await NotifyAllAsync(users, message, at, ct);
    }

    private async Task<int> NotifyAllAsync(IEnumerable<long> users, NotificationMessage message, DateTimeOffset at, CancellationToken ct)
    {
        var count = 0;
        foreach (var user in users)
        {
            if (await NotifyUserAsync(user, message, at, ct)) count++;
        }
        return count;
    }
}
