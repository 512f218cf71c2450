using Duban.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Notifications;

/// <summary>
/// Queues an event for every enabled endpoint that accepts its kind, once per (endpoint, event id): raising the same
/// event again queues nothing. The sender (<see cref="WebhookSender"/>) delivers the queue in the background. Group
/// events (one per thing that happened) go to the ordinary endpoints; personal copies (one per recipient who asked
/// for the kind outside the site) go to the endpoints marked <see cref="WebhookEndpoint.Personal"/>, and only there.
/// </summary>
public sealed class WebhookOutbox(DubanDbContext db, WebhookOptions options)
{
    /// <summary>Queues a group event; returns how many deliveries this call queued.</summary>
    public Task<int> EnqueueAsync(WebhookEvent e, CancellationToken ct = default) => EnqueueAsync(e, personal: false, ct);

    /// <summary>Queues one recipient's copy of a notification (its data names the recipient) for the personal endpoints.</summary>
    public Task<int> EnqueuePersonalAsync(WebhookEvent e, CancellationToken ct = default) => EnqueueAsync(e, personal: true, ct);

    private async Task<int> EnqueueAsync(WebhookEvent e, bool personal, CancellationToken ct)
    {
        var endpoints = await db.Set<WebhookEndpoint>().AsNoTracking().Where(x => x.Enabled && x.Personal == personal).OrderBy(x => x.Id).ToListAsync(ct);
        var queued = 0;
        foreach (var endpoint in endpoints.Where(x => x.Accepts(e.Kind))) queued += await EnqueueToAsync(endpoint, e, ct);
        return queued;
    }

    /// <summary>Queues the event for one endpoint, whatever its filter (a test message); 1 when queued, 0 when it was already.</summary>
    public async Task<int> EnqueueToAsync(WebhookEndpoint endpoint, WebhookEvent e, CancellationToken ct = default)
    {
        var atMs = e.OccurredAt.ToUnixTimeMilliseconds();
        var payload = WebhookPayload.Format(e, endpoint.Format, options.PublicBaseUrl);
        return await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "webhook_deliveries" ("EndpointId", "EventId", "EventKind", "Payload", "Attempts", "NextAttemptAt", "Status", "LastError", "CreatedAt", "DeliveredAt") VALUES ({endpoint.Id}, {e.Id}, {e.Kind}, {payload}, 0, {atMs}, {(int)DeliveryStatus.Pending}, NULL, {atMs}, NULL) ON CONFLICT ("EndpointId", "EventId") DO NOTHING""", ct);
    }
}
