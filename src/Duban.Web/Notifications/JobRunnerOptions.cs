namespace Duban.Web.Notifications;

/// <summary>The "Jobs" configuration section: the background runner of scheduled jobs and of webhook deliveries.</summary>
public sealed class JobRunnerOptions
{
    public const string Section = "Jobs";

    /// <summary>Off: this instance runs no scheduled job and sends no webhook (another instance may).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each job runs, across all instances together.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often an instance checks whether a job is due (its lease has run out).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a run may take before another instance may assume its holder died and run the job itself.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(30);
}
