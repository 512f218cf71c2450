using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Duban.Data.Tests.Notifications;

/// <summary>A real HTTP server on loopback that answers each POST with the next scripted status and keeps what it got.</summary>
internal sealed class TestReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<int> statuses;
    private readonly Task loop;

    public TestReceiver(params int[] statuses)
    {
        this.statuses = new(statuses);
        Url = $"http://127.0.0.1:{FreePort()}/hook/";
        listener.Prefixes.Add(Url);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>A loopback address where nothing listens.</summary>
    public static string DeadUrl() => $"http://127.0.0.1:{FreePort()}/dead";

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, System.Text.Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            Received.Enqueue(new(headers, body));
            context.Response.StatusCode = statuses.TryDequeue(out var status) ? status : 200;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending accept: nothing more to serve.
        }
    }
}

internal sealed record ReceivedRequest(IReadOnlyDictionary<string, string> Headers, string Body);
