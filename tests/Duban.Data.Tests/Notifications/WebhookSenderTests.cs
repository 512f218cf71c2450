using System.Text.Json;
using Duban.Core.Notifications;
using Duban.Data.Notifications;
using Duban.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Notifications;

/// <summary>The outbox and the sender against real HTTP listeners on loopback, on both providers.</summary>
public sealed class WebhookSenderTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static WebhookOptions Options(int maxAttempts = 8, bool allowInternal = true) => new()
    {
        MaxAttempts = maxAttempts,
        FirstRetryDelay = TimeSpan.FromMinutes(1),
        MaxRetryDelay = TimeSpan.FromMinutes(30),
        Timeout = TimeSpan.FromSeconds(10),
        AllowInternalAddresses = allowInternal,
        PublicBaseUrl = "https://duban.example.gov.cn/",
    };

    private static WebhookEvent Event(string id = "chase:7:2026-10", string kind = NotificationKinds.Chase) =>
        new(id, kind, Noon, "催办：10月进展未填报", "市教育局尚未填报“建设实训基地”10月进展。", "tasks/7");

    [Theory, OnSqlite, OnPostgres]
    public async Task A_delivery_is_posted_once_with_headers_and_a_signature_the_receiver_can_verify(DatabaseProvider provider)
    {
        using var receiver = new TestReceiver();
        var (options, time) = (await FreshAsync(provider), new ManualTime(Noon));
        var endpoint = await AddEndpointAsync(options, receiver.Url);
        await EnqueueAsync(options, Event());

        (await SendAsync(options, time, Options())).ShouldBe(1);
        (await SendAsync(options, time, Options())).ShouldBe(0);

        receiver.Received.Count.ShouldBe(1);
        var request = receiver.Received.Single();
        request.Headers[WebhookSender.EventHeader].ShouldBe("chase");
        request.Headers[WebhookSender.TimestampHeader].ShouldBe(Noon.ToUnixTimeSeconds().ToString());
        request.Headers["Content-Type"].ShouldStartWith("application/json");
        WebhookSignature.Verify(endpoint.Secret, request.Headers[WebhookSender.TimestampHeader], request.Body, request.Headers[WebhookSender.SignatureHeader]).ShouldBeTrue();
        WebhookSignature.Verify("another secret", request.Headers[WebhookSender.TimestampHeader], request.Body, request.Headers[WebhookSender.SignatureHeader]).ShouldBeFalse();
        using var json = JsonDocument.Parse(request.Body);
        json.RootElement.GetProperty("id").GetString().ShouldBe("chase:7:2026-10");
        json.RootElement.GetProperty("link").GetString().ShouldBe("https://duban.example.gov.cn/tasks/7");
        var delivery = await SingleDeliveryAsync(options);
        request.Headers[WebhookSender.DeliveryHeader].ShouldBe(delivery.Id.ToString());
        delivery.Status.ShouldBe(DeliveryStatus.Delivered);
        delivery.Attempts.ShouldBe(1);
        delivery.DeliveredAt.ShouldBe(Noon);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_500_is_retried_after_the_backoff_and_the_200_that_follows_marks_it_delivered(DatabaseProvider provider)
    {
        using var receiver = new TestReceiver(500, 200);
        var (options, time) = (await FreshAsync(provider), new ManualTime(Noon));
        await AddEndpointAsync(options, receiver.Url);
        await EnqueueAsync(options, Event());

        (await SendAsync(options, time, Options())).ShouldBe(1);
        var failed = await SingleDeliveryAsync(options);
        failed.Status.ShouldBe(DeliveryStatus.Pending);
        failed.Attempts.ShouldBe(1);
        failed.LastError!.ShouldContain("500");
        failed.NextAttemptAt.ShouldBe(Noon.AddMinutes(1));

        time.Advance(TimeSpan.FromSeconds(59));
        (await SendAsync(options, time, Options())).ShouldBe(0, "not due before the backoff");
        time.Advance(TimeSpan.FromSeconds(1));
        (await SendAsync(options, time, Options())).ShouldBe(1);

        var delivered = await SingleDeliveryAsync(options);
        delivered.Status.ShouldBe(DeliveryStatus.Delivered);
        delivered.Attempts.ShouldBe(2);
        delivered.LastError.ShouldBeNull();
        receiver.Received.Select(r => r.Headers[WebhookSender.DeliveryHeader]).Distinct().Count().ShouldBe(1, "a retry carries the same delivery id");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_dead_endpoint_fails_after_the_last_attempt_without_holding_up_the_others(DatabaseProvider provider)
    {
        using var receiver = new TestReceiver();
        var (options, time) = (await FreshAsync(provider), new ManualTime(Noon));
        var dead = await AddEndpointAsync(options, TestReceiver.DeadUrl());
        var live = await AddEndpointAsync(options, receiver.Url);
        await EnqueueAsync(options, Event());

        (await SendAsync(options, time, Options(maxAttempts: 3))).ShouldBe(2);
        receiver.Received.Count.ShouldBe(1);
        (await DeliveryOfAsync(options, live.Id)).Status.ShouldBe(DeliveryStatus.Delivered);

        var delays = new List<DateTimeOffset>();
        for (var round = 0; round < 5; round++)
        {
            delays.Add((await DeliveryOfAsync(options, dead.Id)).NextAttemptAt);
            time.Advance(TimeSpan.FromHours(1));
            await SendAsync(options, time, Options(maxAttempts: 3));
        }

        var failed = await DeliveryOfAsync(options, dead.Id);
        failed.Status.ShouldBe(DeliveryStatus.Failed);
        failed.Attempts.ShouldBe(3);
        failed.LastError!.ShouldStartWith("连接失败");
        delays[0].ShouldBe(Noon.AddMinutes(1));
        delays[1].ShouldBe(Noon.AddHours(1).AddMinutes(2), "the second delay doubles the first");
        receiver.Received.Count.ShouldBe(1, "the live endpoint got its delivery once");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_internal_address_is_refused_at_connection_unless_allowed(DatabaseProvider provider)
    {
        using var receiver = new TestReceiver();
        var (options, time) = (await FreshAsync(provider), new ManualTime(Noon));
        await AddEndpointAsync(options, receiver.Url);
        await EnqueueAsync(options, Event());

        await SendAsync(options, time, Options(allowInternal: false));

        receiver.Received.ShouldBeEmpty();
        (await SingleDeliveryAsync(options)).LastError!.ShouldContain("内网");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_event_is_queued_once_per_accepting_enabled_endpoint_in_the_endpoints_format(DatabaseProvider provider)
    {
        var options = await FreshAsync(provider);
        var all = await AddEndpointAsync(options, "https://hooks.example.com/all");
        var chases = await AddEndpointAsync(options, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", kinds: "chase,reminder", format: WebhookFormat.WeCom);
        await AddEndpointAsync(options, "https://hooks.example.com/orders", kinds: "supervision-order");
        await AddEndpointAsync(options, "https://hooks.example.com/off", enabled: false);

        (await EnqueueAsync(options, Event())).ShouldBe(2);
        (await EnqueueAsync(options, Event())).ShouldBe(0);

        await using var db = DatabaseFixture.Context(options);
        var deliveries = await db.Set<WebhookDelivery>().OrderBy(d => d.EndpointId).ToListAsync();
        deliveries.Select(d => d.EndpointId).ShouldBe([all.Id, chases.Id]);
        using var robot = JsonDocument.Parse(deliveries[1].Payload);
        robot.RootElement.GetProperty("msgtype").GetString().ShouldBe("text");
        robot.RootElement.GetProperty("text").GetProperty("content").GetString()!.ShouldStartWith("【催办】催办：10月进展未填报");
    }

    private async Task<DatabaseOptions> FreshAsync(DatabaseProvider provider)
    {
        // A database per test: the outbox goes to every endpoint, so tests must not see each other's.
        var options = await databases.EmptyAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        await DubanDatabase.MigrateAsync(db);
        return options;
    }

    private static async Task<WebhookEndpoint> AddEndpointAsync(DatabaseOptions options, string url, string kinds = "", WebhookFormat format = WebhookFormat.Duban, bool enabled = true)
    {
        await using var db = DatabaseFixture.Context(options);
        var endpoint = new WebhookEndpoint { Name = url, Url = url, Secret = WebhookSignature.NewSecret(), EventKinds = kinds, Format = format, Enabled = enabled, CreatedAt = Noon };
        db.Add(endpoint);
        await db.SaveChangesAsync();
        return endpoint;
    }

    private static async Task<int> EnqueueAsync(DatabaseOptions options, WebhookEvent e)
    {
        await using var db = DatabaseFixture.Context(options);
        return await new WebhookOutbox(db, Options()).EnqueueAsync(e);
    }

    private static async Task<int> SendAsync(DatabaseOptions options, TimeProvider time, WebhookOptions webhookOptions)
    {
        await using var db = DatabaseFixture.Context(options);
        using var http = new HttpClient(WebhookSender.CreateHandler(webhookOptions));
        return await new WebhookSender(db, http, time, webhookOptions).SendDueAsync();
    }

    private static async Task<WebhookDelivery> SingleDeliveryAsync(DatabaseOptions options)
    {
        await using var db = DatabaseFixture.Context(options);
        return await db.Set<WebhookDelivery>().SingleAsync();
    }

    private static async Task<WebhookDelivery> DeliveryOfAsync(DatabaseOptions options, long endpointId)
    {
        await using var db = DatabaseFixture.Context(options);
        return await db.Set<WebhookDelivery>().SingleAsync(d => d.EndpointId == endpointId);
    }
}
