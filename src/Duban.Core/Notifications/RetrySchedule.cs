namespace Duban.Core.Notifications;

/// <summary>
/// When a failed delivery is tried again: exponential backoff (first delay, then doubling, capped), and after
/// <see cref="MaxAttempts"/> attempts no more.
/// </summary>
public sealed record RetrySchedule(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static RetrySchedule Default { get; } = new(8, TimeSpan.FromMinutes(1), TimeSpan.FromHours(6));

    /// <summary>The delay after the given number of attempts, or null when that was the last one.</summary>
    public TimeSpan? DelayAfter(int attempts)
    {
        if (attempts >= MaxAttempts) return null;
        var factor = Math.Pow(2, Math.Max(0, attempts - 1));
        var ticks = Math.Min(FirstDelay.Ticks * factor, MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
