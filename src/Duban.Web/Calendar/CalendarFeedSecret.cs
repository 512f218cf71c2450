using System.Security.Cryptography;
using System.Text;

namespace Duban.Web.Calendar;

/// <summary>
/// The secret of a subscription address: 43 base64url characters (32 random bytes, 256 bits). Calendar applications
/// cannot send a header, so the secret is the address itself; it cannot be guessed, only leaked, and then revoked.
/// Only its SHA-256 is stored.
/// </summary>
public static class CalendarFeedSecret
{
    public const int Length = 43;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Anything else is refused before the database is asked (and answers 404 like an unknown secret).</summary>
    public static bool LooksLikeSecret(string? value) =>
        value is { Length: Length } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
