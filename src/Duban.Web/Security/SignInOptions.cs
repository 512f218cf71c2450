namespace Duban.Web.Security;

/// <summary>Throttling and rate limiting of sign-in ("SignIn" section); docs/web.md, "Sign-in answers and throttling".</summary>
public sealed class SignInOptions
{
    public const string Section = "SignIn";

    /// <summary>Wrong passwords in a row for one account from one client before that client has to wait.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>The wait after the <see cref="MaxFailedAttempts"/>th wrong password; each further one doubles it.</summary>
    public int FirstDelaySeconds { get; set; } = 30;

    /// <summary>The longest wait, however many wrong passwords came before.</summary>
    public int MaxDelayMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts one client address may make per minute, whatever the user names.</summary>
    public int AttemptsPerMinute { get; set; } = 10;

    /// <summary>The wait one client must keep after <paramref name="failures"/> wrong passwords in a row for one account, or null for none.</summary>
    public TimeSpan? DelayAfter(int failures)
    {
        if (failures < Math.Max(1, MaxFailedAttempts)) return null;
        var max = TimeSpan.FromMinutes(Math.Max(0, MaxDelayMinutes));
        // 2^20 times the first delay is past any sensible cap; the exponent stops there so that nothing overflows.
        var doublings = Math.Min(failures - Math.Max(1, MaxFailedAttempts), 20);
        var delay = TimeSpan.FromSeconds(Math.Max(0, FirstDelaySeconds) * (double)(1L << doublings));
        return delay < max ? delay : max;
    }
}
