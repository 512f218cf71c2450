using Duban.Core.Notifications;
using Duban.Data;
using Duban.Web.Operations;
using Duban.Web.Paging;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Notifications;

/// <summary>A notification as its recipient sees it.</summary>
public sealed record NotificationView(long Id, string Kind, string KindName, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

public sealed record UnreadCount(int Unread);

public sealed record MarkedRead(int Marked);

/// <summary>
/// The signed-in user's own notifications, for the pages and the API alike. Every query starts from the recipient, so
/// another user's notification is not found (404), whatever the caller's role or data scope.
/// </summary>
public sealed class NotificationInbox(DubanDbContext db, TimeProvider time)
{
    private IQueryable<Notification> Own(DubanUser user) => db.Set<Notification>().Where(n => n.RecipientId == user.Id);

    public async Task<Paged<NotificationView>> ListAsync(DubanUser user, bool unreadOnly, PageRequest page, CancellationToken ct = default)
    {
        var query = Own(user);
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        var rows = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).ToPagedAsync(page, ct);
        return rows.Map(View);
    }

    public Task<int> UnreadCountAsync(DubanUser user, CancellationToken ct = default) => Own(user).CountAsync(n => n.ReadAt == null, ct);

    public async Task<NotificationView?> GetAsync(DubanUser user, long id, CancellationToken ct = default) =>
        await Own(user).SingleOrDefaultAsync(n => n.Id == id, ct) is { } n ? View(n) : null;

    /// <summary>
    /// Marks one notification read; reading it again keeps the first time. Not audited: it changes only the user's own
    /// view of a message, and the time is kept on the row itself.
    /// </summary>
    public async Task<Outcome<NotificationView>> MarkReadAsync(DubanUser user, long id, CancellationToken ct = default)
    {
        var notification = await Own(user).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null) return Outcome<NotificationView>.NotFound("未找到该通知。");
        if (notification.ReadAt is null)
        {
            notification.ReadAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        return Outcome<NotificationView>.Ok(View(notification));
    }

    public Task<int> MarkAllReadAsync(DubanUser user, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        return Own(user).Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    private static NotificationView View(Notification n) =>
        new(n.Id, n.Kind, NotificationKinds.Describe(n.Kind), n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt);
}
