using System.Security.Cryptography;

namespace Duban.Core.Security;

/// <summary>
/// PBKDF2-SHA256 password hashes, stored as "pbkdf2-sha256$iterations$salt$hash" (base64), so the iteration count can
/// grow without invalidating stored hashes.
/// </summary>
public static class PasswordHasher
{
    public const int Iterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Scheme = "pbkdf2-sha256";

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations) || iterations < 1) return false;
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>True when a stored hash was made with fewer iterations than today's and should be replaced at next sign-in.</summary>
    public static bool NeedsRehash(string stored) =>
        !stored.StartsWith(Scheme + "$", StringComparison.Ordinal) || !int.TryParse(stored.Split('$')[1], out var n) || n < Iterations;
}
