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
    /// The handler for the sender's HttpClient. It never uses a proxy, the system's included: through a proxy the
    /// connection below would be to the proxy, and the address check would see the proxy's address instead of the
    /// receiver's. Unless internal addresses are allowed, it refuses a host that names this machine, and connects only to
    /// acceptable addresses among those the host resolves to, checking the address of the socket it actually connected,
    /// so that a public name pointing inside the network (or rebinding between save and send) is refused too.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        Proxy = null,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, options.AllowInternalAddresses, ct),
    };

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowInternal, CancellationToken ct)
    {
        var machine = allowInternal ? null : LocalMachine.Current();
        if (machine is not null && !IPAddress.TryParse(endPoint.Host, out _) && machine.HasName(endPoint.Host))
            throw new HttpRequestException($"{endPoint.Host} 是本机的主机名，未开启 {WebhookAddresses.AllowSetting}，拒绝连接本机或内网地址");
        var addresses = await Dns.GetHostAddressesAsync(endPoint.Host, ct);
        var refusals = new List<string>();
        Exception? failure = null;
        foreach (var address in addresses)
        {
            if (machine is not null && WebhookAddresses.RefusalOf(address, machine) is { } refusal)
            {
                refusals.Add(refusal);
                continue;
            }
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), ct);
                // What the socket is connected to, not what was asked for, is what a request would reach.
                if (machine is not null && socket.RemoteEndPoint is IPEndPoint connected && WebhookAddresses.RefusalOf(connected.Address, machine) is { } late)
                {
                    refusals.Add(late);
                    socket.Dispose();
                    continue;
                }
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                failure = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        if (failure is not null) throw failure;
        throw new HttpRequestException(refusals.Count > 0
            ? $"{endPoint.Host} 解析为内网、本机或特殊用途地址（{string.Join("；", refusals)}），未开启 {WebhookAddresses.AllowSetting}，拒绝连接"
            : $"{endPoint.Host} 没有可连接的地址");
    }
}
