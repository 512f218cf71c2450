using System.Net;
using System.Net.Sockets;
using Duban.Core.Jobs;
using Duban.Core.Notifications;
using Duban.Data.Notifications;
using Duban.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Notifications;

/// <summary>
/// The hosted services as they run in the application, with short poll intervals: the runner starts a registered job,
/// and the sender posts a queued event to a real HTTP listener on loopback. The tests wait for the event, never for a time.
/// </summary>
public sealed class BackgroundServicesTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
    private readonly SignalJob.Signal ran = new();
    private WebApplicationFactory<Program> app = default!;

    public Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Demo:SamplePlans"] = "false",
            ["Jobs:PollInterval"] = "00:00:00.200",
            ["Webhooks:PollInterval"] = "00:00:00.200",
            ["Webhooks:AllowInternalAddresses"] = "true",
        };
        app = new DubanWebFactory(directory, settings).WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(ran);
            services.AddScoped<IScheduledJob, SignalJob>();
        }));
        _ = app.Services;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_hosted_runner_runs_a_registered_job()
    {
        var run = await ran.Task.WaitAsync(TimeSpan.FromMinutes(1));

        run.InstanceId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task The_hosted_sender_posts_a_queued_event_with_a_valid_signature()
    {
        using var listener = new HttpListener();
        var url = $"http://127.0.0.1:{FreePort()}/hook/";
        listener.Prefixes.Add(url);
        listener.Start();
        var endpoint = new WebhookEndpoint { Name = "本机", Url = url, Secret = WebhookSignature.NewSecret(), CreatedAt = DateTimeOffset.UtcNow };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Duban.Data.DubanDbContext>();
            db.Add(endpoint);
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<WebhookOutbox>().EnqueueAsync(
                new WebhookEvent("bulletin:1", NotificationKinds.Bulletin, DateTimeOffset.UtcNow, "通报", "第三季度进展通报。", null));
        }

        var context = await listener.GetContextAsync().WaitAsync(TimeSpan.FromMinutes(1));
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        context.Response.StatusCode = 204;
        context.Response.Close();

        context.Request.Headers[WebhookSender.EventHeader].ShouldBe("bulletin");
        WebhookSignature.Verify(endpoint.Secret, context.Request.Headers[WebhookSender.TimestampHeader]!, body, context.Request.Headers[WebhookSender.SignatureHeader]).ShouldBeTrue();
        body.ShouldContain("第三季度进展通报。");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing connection; the temp folder is cleaned by the system in the end.
        }
    }
}

/// <summary>Completes its signal on its first run.</summary>
public sealed class SignalJob(SignalJob.Signal signal) : IScheduledJob
{
    public sealed class Signal
    {
        private readonly TaskCompletionSource<JobRun> source = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<JobRun> Task => source.Task;

        public void Set(JobRun run) => source.TrySetResult(run);
    }

    public string Name => "test-signal";

    public Task RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        signal.Set(run);
        return Task.CompletedTask;
    }
}
