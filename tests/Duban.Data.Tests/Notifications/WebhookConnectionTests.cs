using System.Net;
using System.Net.Sockets;
using Duban.Core.Notifications;
using Duban.Data.Notifications;
using Duban.Data.Tests.Support;

namespace Duban.Data.Tests.Notifications;

/// <summary>Sets the process-wide default proxy, so nothing else may send HTTP meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessProxyCollection
{
    public const string Name = "process-wide proxy";
}

/// <summary>How the sender's handler connects: never through a proxy, never to this machine by name.</summary>
[Collection(ProcessProxyCollection.Name)]
public sealed class WebhookConnectionTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_handler_uses_no_proxy_and_follows_no_redirect()
    {
        using var handler = WebhookSender.CreateHandler(new WebhookOptions());

        handler.UseProxy.ShouldBeFalse();
        handler.Proxy.ShouldBeNull();
        handler.AllowAutoRedirect.ShouldBeFalse();
        handler.ConnectCallback.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_system_proxy_is_not_used_the_receiver_is_reached_directly()
    {
        using var receiver = new TestReceiver();
        using var proxy = new ConnectionCounter();
        var previous = HttpClient.DefaultProxy;
        HttpClient.DefaultProxy = new AlwaysThrough(proxy.Url);
        try
        {
            using var http = new HttpClient(WebhookSender.CreateHandler(new WebhookOptions { AllowInternalAddresses = true }));
            var response = await http.PostAsync(receiver.Url, new StringContent("{}"));

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            HttpClient.DefaultProxy = previous;
        }

        receiver.Received.Count.ShouldBe(1);
        proxy.Connections.ShouldBe(0, "the system proxy was used");
    }

    [Theory, OnSqlite]
    public async Task The_machines_own_host_name_is_refused_when_connecting(DatabaseProvider provider)
    {
        using var receiver = new TestReceiver();
        var options = await databases.MigratedAsync(provider);
        var url = receiver.Url.Replace("127.0.0.1", Dns.GetHostName());
        await using (var db = DatabaseFixture.Context(options))
        {
            db.Add(new WebhookEndpoint { Name = "本机", Url = url, Secret = WebhookSignature.NewSecret(), CreatedAt = Noon });
            await db.SaveChangesAsync();
            await new WebhookOutbox(db, new WebhookOptions()).EnqueueAsync(new WebhookEvent("test:1", NotificationKinds.Test, Noon, "测试", "测试", "notifications"));
        }

        await using (var db = DatabaseFixture.Context(options))
        {
            var webhookOptions = new WebhookOptions { AllowInternalAddresses = false };
            using var http = new HttpClient(WebhookSender.CreateHandler(webhookOptions));
            (await new WebhookSender(db, http, new ManualTime(Noon), webhookOptions).SendDueAsync()).ShouldBe(1);
        }

        receiver.Received.ShouldBeEmpty();
        await using var check = DatabaseFixture.Context(options);
        check.Set<WebhookDelivery>().Single().LastError!.ShouldContain("本机");
    }

    /// <summary>A proxy setting that sends everything, loopback included, to one address.</summary>
    private sealed class AlwaysThrough(Uri proxy) : IWebProxy
    {
        public ICredentials? Credentials { get; set; }

        public Uri GetProxy(Uri destination) => proxy;

        public bool IsBypassed(Uri host) => false;
    }

    /// <summary>A TCP listener on loopback that only counts the connections made to it.</summary>
    private sealed class ConnectionCounter : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private int connections;

        public ConnectionCounter()
        {
            listener.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
            _ = Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        using var client = await listener.AcceptTcpClientAsync();
                        Interlocked.Increment(ref connections);
                    }
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    // Stopped.
                }
            });
        }

        public Uri Url { get; }

        public int Connections => Volatile.Read(ref connections);

        public void Dispose() => listener.Stop();
    }
}
