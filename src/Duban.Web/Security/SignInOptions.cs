namespace Duban.Web.Security;

/// <summary>Lockout and rate limiting of sign-in ("SignIn" section).</summary>
public sealed class SignInOptions
{
    public const string Section = "SignIn";

    /// <summary>Wrong passwords in a row that lock an account.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts one client address may make per minute, whatever the user names.</summary>
    public int AttemptsPerMinute { get; set; } = 10;
}
