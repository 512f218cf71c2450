namespace Duban.Core.Tracking.Status;

/// <summary>The thresholds of the status rules.</summary>
/// <param name="DueSoonDays">
/// A task not done is 即将到期 from this many days before its deadline up to the deadline day itself (inclusive both
/// ends: with 30, due 2025-06-30 is 即将到期 from 2025-05-31).
/// </param>
public sealed record StatusOptions(int DueSoonDays = 30)
{
    public static StatusOptions Default { get; } = new();
}
