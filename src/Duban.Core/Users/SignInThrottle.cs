namespace Duban.Core.Users;

/// <summary>
/// Wrong passwords for one account from one client (an IPv4 address or an IPv6 /64), and until when that client must
/// wait before its next attempt for that account is even checked. Counted per client so that a stranger's guessing
/// slows the stranger down, never the account's owner signing in from elsewhere. A correct password removes the row.
/// </summary>
public sealed class SignInThrottle
{
    public const int MaxClientLength = 64;

    public long Id { get; set; }

    public long UserId { get; set; }

    /// <summary>The client's key: see <c>SignInClient</c> in the web project.</summary>
    public required string Client { get; set; }

    /// <summary>Wrong passwords in a row from this client, forgotten once a day passes without one.</summary>
    public int Failures { get; set; }

    public DateTimeOffset LastFailureAt { get; set; }

    /// <summary>Before this instant the client's attempts for the account are refused without checking the password.</summary>
    public DateTimeOffset? BlockedUntil { get; set; }
}
