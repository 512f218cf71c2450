using Duban.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Notifications;

/// <summary>
/// Queues an event for every enabled endpoint that accepts its kind, once per (endpoint, event id): raising the same
/// event again queues nothing. The sender (<see cref="WebhookSender"/>) delivers the queue in the background.
/// </summary>
public sealed class WebhookOutbox(DubanDbContext db, WebhookOptions options)
{
    /// <summary>Returns how many deliveries this call queued.</summary>
    public async Task<int> EnqueueAsync(WebhookEvent e, CancellationToken ct = default)
    {
        var endpoints = await db.Set<WebhookEndpoint>().AsNoTracking().Where(x => x.Enabled).OrderBy(x => x.Id).ToListAsync(ct);
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
