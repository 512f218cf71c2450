using Duban.Core.Jobs;
using Duban.Core.Notifications;
using Duban.Data.Jobs;
using Duban.Data.Notifications;
using Duban.Web.Demo;
using Duban.Web.Notifications;
using Duban.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Duban.Web.Tests.Notifications;

/// <summary>
/// The runner with a test job, in the real application. The hosted runner is switched off (Jobs:Enabled = false) and
/// the tests make runners of their own on a clock they move, standing for instances sharing one database.
/// </summary>
public sealed class JobRunnerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
    private readonly JobProbe probe = new();
    private WebApplicationFactory<Program> app = default!;

    public Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?> { ["Demo:SamplePlans"] = "false", ["Jobs:Enabled"] = "false" };
        app = new DubanWebFactory(directory, settings).WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(probe);
            services.AddScoped<IScheduledJob, DailyDigestJob>();
            services.AddScoped<IScheduledJob, FlakyJob>();
        }));
        _ = app.Services;
        return Task.CompletedTask;
    }

    private ScheduledJobRunner Runner(TimeProvider time) => ActivatorUtilities.CreateInstance<ScheduledJobRunner>(app.Services, time);

    [Fact]
    public async Task Two_instances_polling_at_once_run_each_job_once_and_notify_once()
    {
        var time = new ManualTime(Monday);
        var (first, second) = (Runner(time), Runner(time));

        var rounds = await Task.WhenAll(Task.Run(() => first.RunDueAsync()), Task.Run(() => second.RunDueAsync()));

        rounds.Sum(r => r.Ran.Count(j => j == DailyDigestJob.JobName)).ShouldBe(1);
        rounds.Sum(r => r.NotDue.Count(j => j == DailyDigestJob.JobName)).ShouldBe(1);
        probe.Runs(DailyDigestJob.JobName).ShouldBe(1);
        (await NotificationsAsync("digest:2026-11-23")).ShouldBe(1);
    }

    [Fact]
    public async Task A_job_runs_again_only_when_the_interval_has_passed_and_a_repeated_run_creates_nothing_twice()
    {
        var time = new ManualTime(Monday.AddDays(10));
        var (first, second) = (Runner(time), Runner(time));
        await first.RunDueAsync();
        probe.Runs(DailyDigestJob.JobName).ShouldBe(1);

        time.Advance(TimeSpan.FromHours(23));
        (await second.RunDueAsync()).NotDue.ShouldContain(DailyDigestJob.JobName);
        (await first.RunDueAsync()).NotDue.ShouldContain(DailyDigestJob.JobName);
        time.Advance(TimeSpan.FromHours(1));
        (await second.RunDueAsync()).Ran.ShouldContain(DailyDigestJob.JobName);

        probe.Runs(DailyDigestJob.JobName).ShouldBe(2);
        (await NotificationsAsync("digest:2026-12-03")).ShouldBe(1);
        (await NotificationsAsync("digest:2026-12-04")).ShouldBe(1);

        // The job itself is idempotent: a run forced on the same day (a crash after acting, a lease taken over) adds nothing.
        await using var scope = app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IScheduledJob>().OfType<DailyDigestJob>().Single();
        await job.RunAsync(new JobRun(time.GetUtcNow(), "forced"), default);
        (await NotificationsAsync("digest:2026-12-04")).ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_job_is_tried_again_after_its_lease_runs_out_and_does_not_stop_the_others()
    {
        var time = new ManualTime(Monday.AddDays(20));
        var runner = Runner(time);

        var round = await runner.RunDueAsync();
        round.Failed.ShouldBe([FlakyJob.JobName]);
        round.Ran.ShouldContain(DailyDigestJob.JobName);

        time.Advance(TimeSpan.FromMinutes(29));
        (await runner.RunDueAsync()).NotDue.ShouldContain(FlakyJob.JobName);
        time.Advance(TimeSpan.FromMinutes(1));
        (await runner.RunDueAsync()).Ran.ShouldContain(FlakyJob.JobName);
    }

    [Fact]
    public void The_hosted_runner_does_nothing_when_disabled()
    {
        var hosted = app.Services.GetServices<IHostedService>().OfType<ScheduledJobRunner>().Single();

        hosted.ExecuteTask.ShouldNotBeNull();
        hosted.ExecuteTask.IsCompletedSuccessfully.ShouldBeTrue();
    }

    private Task<int> NotificationsAsync(string keyPrefix) => app.Services.CreateAsyncScope().ServiceProvider
        .GetRequiredService<Duban.Data.DubanDbContext>().Set<Notification>().CountAsync(n => n.IdempotencyKey.StartsWith(keyPrefix));

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

/// <summary>Counts the runs of each test job, across the runners of one test.</summary>
public sealed class JobProbe
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> runs = new();

    public void Ran(string job) => runs.AddOrUpdate(job, 1, (_, n) => n + 1);

    public int Runs(string job) => runs.GetValueOrDefault(job);
}

/// <summary>A job the way the escalation job will be written: each action behind a deterministic idempotency key.</summary>
public sealed class DailyDigestJob(JobActions actions, NotificationCenter notifications, Duban.Data.DubanDbContext db, JobProbe probe) : IScheduledJob
{
    public const string JobName = "test-digest";

    public string Name => JobName;

    public async Task RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        probe.Ran(JobName);
        var key = $"digest:{run.StartedAt:yyyy-MM-dd}";
        if (!await actions.TryRecordAsync(JobName, NotificationKinds.Reminder, key, null, run.StartedAt, cancellationToken)) return;
        var admin = await db.Users.Where(u => u.UserName == DemoAccounts.Admin).Select(u => u.Id).SingleAsync(cancellationToken);
        await notifications.NotifyUserAsync(admin, new NotificationMessage(NotificationKinds.Reminder, "每日提醒", "测试作业。", null, key), run.StartedAt, cancellationToken);
    }
}

/// <summary>Fails on its first run, then succeeds.</summary>
public sealed class FlakyJob(JobProbe probe) : IScheduledJob
{
    public const string JobName = "test-flaky";

    public string Name => JobName;

    public Task RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        probe.Ran(JobName);
        if (probe.Runs(JobName) == 1) throw new InvalidOperationException("the first run fails");
        return Task.CompletedTask;
    }
}
