using Duban.Core.Notifications;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Web.Operations;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Notifications;

/// <summary>A kind of notification a user may have forwarded, with its Chinese name.</summary>
public sealed record ForwardableKind(string Kind, string Name);

/// <param name="Kinds">The kinds the user has forwarded outside the site.</param>
/// <param name="Available">Every kind that can be forwarded.</param>
/// <param name="Channels">The names of the enabled endpoints that deliver personal copies; none: nothing leaves the site yet.</param>
public sealed record ForwardingView(IReadOnlyList<string> Kinds, IReadOnlyList<ForwardableKind> Available, IReadOnlyList<string> Channels);

/// <param name="Kinds">The whole new list (an empty list forwards nothing).</param>
public sealed record ForwardingChanges(IReadOnlyList<string>? Kinds);

/// <summary>
/// Which kinds of a user's notifications also leave the site (我的账户 → 通知推送): each such notification is queued,
/// naming the user, for the webhook endpoints that deliver personal copies — a mail gateway, a 企业微信 application relay
/// (docs/notifications.md). A user sets only their own choice; every change is audited.
/// </summary>
public sealed class NotificationForwarding(DubanDbContext db, AuditLog audit)
{
    public static IReadOnlyList<ForwardableKind> Available { get; } =
        [.. NotificationKinds.Forwardable.Select(k => new ForwardableKind(k, NotificationKinds.Describe(k)))];

    public async Task<ForwardingView> GetAsync(DubanUser me, CancellationToken ct = default)
    {
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == me.Id).Select(u => u.ForwardedNotificationKinds).SingleAsync(ct);
        return new(WebhookKinds.Parse(stored), Available, await ChannelsAsync(ct));
    }

    public async Task<Outcome<ForwardingView>> SetAsync(DubanUser me, Actor actor, ForwardingChanges input, CancellationToken ct = default)
    {
        if (input.Kinds is null) return Outcome<ForwardingView>.Invalid("kinds", "请给出要推送的通知类型列表（kinds），不推送任何类型时给空列表。");
        var kinds = input.Kinds.Select(k => k?.Trim() ?? "").Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (kinds.FirstOrDefault(k => !NotificationKinds.Forwardable.Contains(k)) is { } unknown)
            return Outcome<ForwardingView>.Invalid("kinds", $"kinds（通知类型）中的“{unknown}”无效，可选：{string.Join("、", Available.Select(a => $"{a.Kind}（{a.Name}）"))}。");
        // Stored in the order of the list of kinds, so that the same choice is always the same text.
        var value = string.Join(",", NotificationKinds.Forwardable.Where(kinds.Contains));
        var user = await db.Users.SingleAsync(u => u.Id == me.Id, ct);
        if (user.ForwardedNotificationKinds != value)
        {
            var before = new { forwardedNotificationKinds = WebhookKinds.Parse(user.ForwardedNotificationKinds) };
            user.ForwardedNotificationKinds = value;
            audit.Add(actor, AuditActions.UserNotificationForwarding, AuditEntities.User, user.Id, before, new { forwardedNotificationKinds = WebhookKinds.Parse(value) });
            // An administrator editing the account at the same moment wins; the user sees the page again and chooses again.
            if (!await db.SaveUnlessStaleAsync(ct)) return new OperationError(ErrorKind.PreconditionFailed, Display.ChineseText.StaleRecord);
        }
        return Outcome<ForwardingView>.Ok(new(WebhookKinds.Parse(value), Available, await ChannelsAsync(ct)));
    }

    private async Task<IReadOnlyList<string>> ChannelsAsync(CancellationToken ct) =>
        await db.Set<WebhookEndpoint>().AsNoTracking().Where(e => e.Enabled && e.Personal).OrderBy(e => e.Id).Select(e => e.Name).ToListAsync(ct);
}
