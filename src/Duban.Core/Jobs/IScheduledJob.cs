namespace Duban.Core.Jobs;

/// <summary>
/// A job the background runner starts once per interval, on one instance at a time (it holds the job lease while the
/// job runs). A job must be idempotent: it may run again after a crash or on another instance, so each action it takes
/// goes through an idempotency key.
/// </summary>
public interface IScheduledJob
{
    /// <summary>A stable name: it appears in job_actions and in the logs.</summary>
    string Name { get; }

    Task RunAsync(JobRun run, CancellationToken cancellationToken);
}

/// <summary>One run of the scheduled jobs: when it started (from the runner's TimeProvider) and on which instance.</summary>
public sealed record JobRun(DateTimeOffset StartedAt, string InstanceId);
