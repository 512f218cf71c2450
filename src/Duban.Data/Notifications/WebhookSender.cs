using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Duban.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Notifications;

/// <summary>
/// Delivers due webhook deliveries: a signed JSON POST each; a 2xx marks it delivered, anything else (status, timeout,
/// refused connection) schedules the next attempt with exponential backoff, until the last attempt marks it failed.
/// Several instances may send at once: each delivery is claimed by a conditional UPDATE before it is sent.
/// </summary>
public sealed class WebhookSender(DubanDbContext db, HttpClient http, TimeProvider time, WebhookOptions options)
{
    public const string EventHeader = "X-Duban-Event";
    public const string DeliveryHeader = "X-Duban-Delivery";
    public const string TimestampHeader = "X-Duban-Timestamp";
    public const string SignatureHeader = "X-Duban-Signature";

    /// <summary>Sends what is due now; returns how many deliveries were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var due = await db.Set<WebhookDelivery>().AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Take(options.BatchSize)
            .Select(d => d.Id)
            .ToListAsync(ct);
        var attempted = 0;
        foreach (var id in due)
        {
            if (!await ClaimAsync(id, now, ct)) continue;
            await AttemptAsync(id, ct);
            attempted++;
        }
        return attempted;
    }

    /// <summary>Moves the next attempt past the send's time-out, so that no other sender takes the row meanwhile.</summary>
    private async Task<bool> ClaimAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        var until = now + options.Timeout + options.Timeout;
        return await db.Set<WebhookDelivery>()
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, until), ct) == 1;
    }

    private async Task AttemptAsync(long id, CancellationToken ct)
    {
        var delivery = await db.Set<WebhookDelivery>().SingleAsync(d => d.Id == id, ct);
        var endpoint = await db.Set<WebhookEndpoint>().AsNoTracking().SingleAsync(x => x.Id == delivery.EndpointId, ct);
        string? error;
        if (!endpoint.Enabled)
        {
            error = "接收地址已停用";
            delivery.Attempts = Math.Max(delivery.Attempts, options.MaxAttempts);
        }
        else
        {
            error = await PostAsync(endpoint, delivery, ct);
            delivery.Attempts++;
        }

        var now = time.GetUtcNow();
        if (error is null)
        {
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DeliveredAt = now;
            delivery.LastError = null;
        }
        else
        {
            delivery.LastError = error.Length > 1000 ? error[..1000] : error;
            if (options.Retries.DelayAfter(delivery.Attempts) is { } delay) delivery.NextAttemptAt = now + delay;
            else delivery.Status = DeliveryStatus.Failed;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Null when the endpoint answered 2xx, otherwise what went wrong, in Chinese, for the delivery log.</summary>
    private async Task<string?> PostAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken ct)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(EventHeader, delivery.EventKind);
        request.Headers.Add(DeliveryHeader, delivery.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, WebhookSignature.Sign(endpoint.Secret, timestamp, delivery.Payload));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"超时（{options.Timeout.TotalSeconds:0} 秒内未响应）";
        }
        catch (HttpRequestException ex)
        {
            return "连接失败：" + (ex.InnerException?.Message ?? ex.Message);
        }
    }

    /// <summary>
    /// The handler for the sender's HttpClient. Unless internal addresses are allowed, it refuses to connect to one
    /// whatever the URL's host name resolves to, so a public name pointing inside the network is refused too.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            if (!options.AllowInternalAddresses) addresses = addresses.Where(a => !WebhookAddresses.IsInternal(a)).ToArray();
            if (addresses.Length == 0) throw new HttpRequestException($"{context.DnsEndPoint.Host} 解析为内网地址，未开启 Webhooks:AllowInternalAddresses，拒绝连接");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
