using System.Globalization;
using Duban.Core.Notifications;
using Duban.Core.Security;
using Duban.Core.Text;
using Duban.Data;
using Duban.Data.Notifications;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Display;
using Duban.Web.Operations;
using Duban.Web.Paging;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Notifications;

/// <summary>A webhook endpoint as the API and the page show it: never with its secret.</summary>
/// <param name="Personal">Receives personal copies of notifications (one per recipient who asked for the kind), not group events.</param>
public sealed record WebhookEndpointView(long Id, string Name, string Url, IReadOnlyList<string> EventKinds, WebhookFormat Format, bool Enabled, DateTimeOffset CreatedAt, Guid Version,
    bool Personal = false);

/// <param name="EventKinds">The kinds to send; empty or absent: every kind.</param>
/// <param name="Personal">Personal copies instead of group events (a mail gateway); absent: group events.</param>
public sealed record NewWebhookEndpoint(string? Name, string? Url, IReadOnlyList<string>? EventKinds = null, WebhookFormat? Format = null, bool? Enabled = null,
    bool? Personal = null);

/// <summary>The endpoint just created and its secret, shown this once.</summary>
public sealed record CreatedWebhookEndpoint(WebhookEndpointView Endpoint, string Secret);

/// <summary>Replaces the editable fields; the secret is not one of them.</summary>
/// <param name="Personal">Absent: unchanged, so that a client written before the field existed does not turn it off.</param>
public sealed record WebhookEndpointChanges(string? Name, string? Url, IReadOnlyList<string>? EventKinds, WebhookFormat? Format, bool? Enabled, bool? Personal = null);

public sealed record WebhookDeliveryView(long Id, string EventId, string EventKind, DeliveryStatus Status, int Attempts, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt);

/// <summary>
/// Webhook endpoints for the administrators whose data scope is 全部: the events go out for every region, so an
/// administrator of one region may not configure where they go. Every write is audited, without the secret.
/// </summary>
public sealed class WebhookAdministration(DubanDbContext db, AuditLog audit, TimeProvider time, WebhookOptions options, WebhookOutbox outbox)
{
    public const string AuditEntity = "webhook-endpoint";
    public const string CreateAction = "webhook-endpoint.create";
    public const string UpdateAction = "webhook-endpoint.update";
    public const string TestAction = "webhook-endpoint.test";

    /// <summary>How long saving waits for the URL's host name to resolve; a name that does not resolve by then is checked when sending.</summary>
    private static readonly TimeSpan SaveTimeLookup = TimeSpan.FromSeconds(3);

    private static readonly OperationError NarrowScope = new(ErrorKind.Forbidden, "只有数据范围为“全部”的管理员可以配置 Webhook：事件涉及所有区域。");

    public static bool MayManage(DubanUser user) => user.Role == Role.Admin && user.Scope == DataScope.All;

    public async Task<Outcome<Paged<WebhookEndpointView>>> ListAsync(DubanUser admin, PageRequest page, CancellationToken ct = default)
    {
        if (!MayManage(admin)) return NarrowScope;
        var rows = await db.Set<WebhookEndpoint>().AsNoTracking().OrderBy(e => e.Id).ToPagedAsync(page, ct);
        return Outcome<Paged<WebhookEndpointView>>.Ok(rows.Map(View));
    }

    public async Task<Outcome<WebhookEndpointView>> GetAsync(DubanUser admin, long id, CancellationToken ct = default)
    {
        if (!MayManage(admin)) return NarrowScope;
        return await db.Set<WebhookEndpoint>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) is { } endpoint
            ? Outcome<WebhookEndpointView>.Ok(View(endpoint))
            : Outcome<WebhookEndpointView>.NotFound("未找到该 Webhook。");
    }

    public async Task<Outcome<Paged<WebhookDeliveryView>>> DeliveriesAsync(DubanUser admin, long id, PageRequest page, CancellationToken ct = default)
    {
        if (!MayManage(admin)) return NarrowScope;
        if (!await db.Set<WebhookEndpoint>().AnyAsync(e => e.Id == id, ct)) return Outcome<Paged<WebhookDeliveryView>>.NotFound("未找到该 Webhook。");
        return Outcome<Paged<WebhookDeliveryView>>.Ok(await db.Set<WebhookDelivery>().AsNoTracking()
            .Where(d => d.EndpointId == id)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Select(d => new WebhookDeliveryView(d.Id, d.EventId, d.EventKind, d.Status, d.Attempts, d.NextAttemptAt, d.LastError, d.CreatedAt, d.DeliveredAt))
            .ToPagedAsync(page, ct));
    }

    public async Task<Outcome<CreatedWebhookEndpoint>> CreateAsync(DubanUser admin, Actor actor, NewWebhookEndpoint input, CancellationToken ct = default)
    {
        if (!MayManage(admin)) return NarrowScope;
        var fields = await ValidateAsync(input.Name, input.Url, input.EventKinds, input.Format ?? WebhookFormat.Duban, null, input.Enabled ?? true, ct);
        if (fields.Error is { } error) return error;
        var (name, url, kinds, format) = fields.Value!;
        var endpoint = new WebhookEndpoint
        {
            Name = name, Url = url, EventKinds = kinds, Format = format, Enabled = input.Enabled ?? true, Personal = input.Personal ?? false,
            Secret = WebhookSignature.NewSecret(), CreatedAt = time.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(endpoint);
        await db.SaveChangesAsync(ct);
        audit.Add(actor, CreateAction, AuditEntity, endpoint.Id, null, Snapshot(endpoint));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<CreatedWebhookEndpoint>.Ok(new(View(endpoint), endpoint.Secret));
    }

    /// <param name="expectedVersion">The version the caller read; null skips the check (If-Match: *).</param>
    public async Task<Outcome<WebhookEndpointView>> UpdateAsync(DubanUser admin, Actor actor, long id, Guid? expectedVersion, WebhookEndpointChanges input, CancellationToken ct = default)
    {
        if (!MayManage(admin)) return NarrowScope;
        var endpoint = await db.Set<WebhookEndpoint>().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return Outcome<WebhookEndpointView>.NotFound("未找到该 Webhook。");
        if (expectedVersion is { } expected && expected != endpoint.Version) return new OperationError(ErrorKind.PreconditionFailed, ChineseText.StaleRecord, "If-Match");
        if (input.Enabled is null) return Outcome<WebhookEndpointView>.Invalid("enabled", "请指定是否启用（enabled）。");
        var fields = await ValidateAsync(input.Name, input.Url, input.EventKinds, input.Format ?? endpoint.Format, endpoint, input.Enabled.Value, ct);
        if (fields.Error is { } error) return error;
        var before = Snapshot(endpoint);
        (endpoint.Name, endpoint.Url, endpoint.EventKinds, endpoint.Format) = fields.Value!;
        endpoint.Enabled = input.Enabled.Value;
        endpoint.Personal = input.Personal ?? endpoint.Personal;
        audit.Add(actor, UpdateAction, AuditEntity, endpoint.Id, before, Snapshot(endpoint));
        if (!await db.SaveUnlessStaleAsync(ct)) return new OperationError(ErrorKind.PreconditionFailed, ChineseText.StaleRecord, "If-Match");
        return Outcome<WebhookEndpointView>.Ok(View(endpoint));
    }

    /// <summary>Queues a test event for this endpoint only, whatever its kinds filter; the sender posts it in its next round.</summary>
    public async Task<Outcome<WebhookDeliveryView>> SendTestAsync(DubanUser admin, Actor actor, long id, CancellationToken ct = default)
    {
        if (!MayManage(admin)) return NarrowScope;
        var endpoint = await db.Set<WebhookEndpoint>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return Outcome<WebhookDeliveryView>.NotFound("未找到该 Webhook。");
        var now = time.GetUtcNow();
        var e = new WebhookEvent("test:" + Guid.NewGuid().ToString("N"), NotificationKinds.Test, now,
            "测试消息", $"这是督办系统发往“{endpoint.Name}”的测试消息，收到即表示配置正确。", "notifications");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await outbox.EnqueueToAsync(endpoint, e, ct);
        audit.Add(actor, TestAction, AuditEntity, endpoint.Id, null, new { eventId = e.Id });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var delivery = await db.Set<WebhookDelivery>().AsNoTracking().SingleAsync(d => d.EndpointId == id && d.EventId == e.Id, ct);
        return Outcome<WebhookDeliveryView>.Ok(new(delivery.Id, delivery.EventId, delivery.EventKind, delivery.Status, delivery.Attempts, delivery.NextAttemptAt, delivery.LastError, delivery.CreatedAt, delivery.DeliveredAt));
    }

    /// <summary>
    /// The fields as they will be stored, or the first problem. On an update (<paramref name="stored"/> given) a field
    /// left as it was is not judged again: rules tighten over time (the address filter did), and an endpoint saved under
    /// the old rules must still be renamed or, above all, disabled. Its URL is judged again when it changes or when a
    /// disabled endpoint is enabled, since then events would start going to it.
    /// </summary>
    private async Task<Outcome<(string Name, string Url, string Kinds, WebhookFormat Format)>> ValidateAsync(
        string? name, string? url, IReadOnlyList<string>? kinds, WebhookFormat format, WebhookEndpoint? stored, bool enabled, CancellationToken ct)
    {
        name = name?.Trim();
        if (stored is null || name != stored.Name)
        {
            if (NameText.Problem(name, "name（名称）") is { } nameProblem) return Outcome<(string, string, string, WebhookFormat)>.Invalid("name", nameProblem);
            name = name is null ? null : NameText.Normalize(name);
            if (string.IsNullOrEmpty(name)) return Outcome<(string, string, string, WebhookFormat)>.Invalid("name", "name（名称）不能为空。");
            if (name.Length > 100) return Outcome<(string, string, string, WebhookFormat)>.Invalid("name", "name（名称）不能超过 100 个字符。");
        }
        url = url?.Trim();
        if (stored is null || url != stored.Url || (enabled && !stored.Enabled))
        {
            if (await WebhookAddresses.CheckResolvedAsync(url, options.AllowInternalAddresses, SaveTimeLookup, ct: ct) is { } urlProblem)
                return Outcome<(string, string, string, WebhookFormat)>.Invalid("url", urlProblem);
        }
        var list = (kinds ?? []).Select(k => k?.Trim() ?? "").Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if ((stored is null || string.Join(",", list) != stored.EventKinds) && list.FirstOrDefault(k => !NotificationKinds.All.Contains(k)) is { } unknown)
            return Outcome<(string, string, string, WebhookFormat)>.Invalid("eventKinds", $"eventKinds（事件类型）中的“{unknown}”无效，可选：{string.Join("、", NotificationKinds.All)}。");
        if (!Enum.IsDefined(format)) return Outcome<(string, string, string, WebhookFormat)>.Invalid("format", "format（格式）必须是 duban、weCom 或 dingTalk。");
        return Outcome<(string, string, string, WebhookFormat)>.Ok((name!, url!, string.Join(",", list), format));
    }

    private static WebhookEndpointView View(WebhookEndpoint e) => new(e.Id, e.Name, e.Url, e.Kinds, e.Format, e.Enabled, e.CreatedAt, e.Version, e.Personal);

    /// <summary>What the audit log keeps: everything but the secret.</summary>
    private static object Snapshot(WebhookEndpoint e) => new
    {
        e.Name, e.Url, eventKinds = e.EventKinds, format = e.Format.ToString(), e.Enabled, e.Personal,
        id = e.Id.ToString(CultureInfo.InvariantCulture),
    };
}
