using Duban.Core.Jobs;

namespace Duban.Web.Supervision;

/// <summary>
/// A 督办 job switched off by <see cref="EscalationSettings.Enabled"/> without leaving the runner's list: the escalation
/// run, the meeting cadence and the filing ladder are all the office's automatic 督办, so one setting stops all three.
/// </summary>
internal sealed class EscalationSwitchedJob<TJob>(EscalationSettings settings, TJob job) : IScheduledJob where TJob : IScheduledJob
{
    public string Name => job.Name;

    public Task RunAsync(JobRun run, CancellationToken cancellationToken) => settings.Enabled ? job.RunAsync(run, cancellationToken) : Task.CompletedTask;
}
