namespace Duban.Core.Jobs;

/// <summary>
/// Who may run a named job now: one row per job. An instance holds the lease until <see cref="ExpiresAt"/>; after that
/// any instance may take it over, so a crashed holder blocks the job for at most one lease duration.
/// </summary>
public sealed class JobLease
{
    public required string JobName { get; set; }

    /// <summary>The instance id of the holder (machine name and process, see the job runner).</summary>
    public required string Holder { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
