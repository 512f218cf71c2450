using Duban.Core.Jobs;
using Duban.Data.Jobs;
using Microsoft.Extensions.Options;

namespace Duban.Web.Notifications;

/// <summary>What one round of the runner did: the jobs it ran, those that failed, and those another instance holds or that are not due.</summary>
public sealed record JobRound(IReadOnlyList<string> Ran, IReadOnlyList<string> Failed, IReadOnlyList<string> NotDue);

/// <summary>
/// Runs the registered <see cref="IScheduledJob"/>s, each once per <see cref="JobRunnerOptions.Interval"/> across all
/// instances. Every poll, an instance tries each job's lease; the lease is free only when its time is up, so one
/// instance wins it, runs the job and then keeps the lease until the next run is due. A job that fails keeps the short
/// lease only, so that any instance tries again once it runs out.
/// </summary>
public sealed partial class ScheduledJobRunner(
    IServiceScopeFactory scopes, IOptionsMonitor<JobRunnerOptions> options, TimeProvider time, ILogger<ScheduledJobRunner> logger) : BackgroundService
{
    /// <summary>This runner among the instances: host, process and a random part, so two runners in one process differ too.</summary>
    public string InstanceId { get; } = Truncate($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", 200);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[^length..];

    public static string LeaseName(IScheduledJob job) => "job:" + job.Name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            LogDisabled(logger);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
                await Task.Delay(options.CurrentValue.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unreachable; the next poll tries again.
                LogRoundFailed(logger, e);
                await Task.Delay(options.CurrentValue.PollInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One round: every job whose lease this instance wins now is run.</summary>
    public async Task<JobRound> RunDueAsync(CancellationToken ct = default)
    {
        var settings = options.CurrentValue;
        var ran = new List<string>();
        var failed = new List<string>();
        var notDue = new List<string>();
        int count;
        await using (var scope = scopes.CreateAsyncScope()) count = scope.ServiceProvider.GetServices<IScheduledJob>().Count();

        for (var i = 0; i < count; i++)
        {
            // A scope per job: its own DbContext, so one job's failed unit of work cannot leak into the next.
            await using var scope = scopes.CreateAsyncScope();
            var job = scope.ServiceProvider.GetServices<IScheduledJob>().ElementAt(i);
            var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
            var started = time.GetUtcNow();
            if (!await leases.TryAcquireAsync(LeaseName(job), InstanceId, started, settings.LeaseDuration, ct))
            {
                notDue.Add(job.Name);
                continue;
            }
            try
            {
                LogStarting(logger, job.Name, InstanceId);
                await job.RunAsync(new JobRun(started, InstanceId), ct);
                ran.Add(job.Name);
                await leases.HoldUntilAsync(LeaseName(job), InstanceId, started + settings.Interval, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogJobFailed(logger, e, job.Name);
                failed.Add(job.Name);
            }
        }
        return new(ran, failed, notDue);
    }

    [LoggerMessage(LogLevel.Information, "Scheduled jobs are disabled on this instance (Jobs:Enabled = false).")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Running scheduled job {Job} on {Instance}.")]
    private static partial void LogStarting(ILogger logger, string job, string instance);

    [LoggerMessage(LogLevel.Error, "Scheduled job {Job} failed; it runs again when its lease expires.")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(LogLevel.Error, "A round of scheduled jobs failed.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
