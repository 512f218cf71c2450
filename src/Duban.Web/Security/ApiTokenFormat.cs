using System.Security.Cryptography;
using System.Text;

namespace Duban.Web.Security;

/// <summary>
/// The shape of a personal API token: "dbn_" and 43 base64url characters (32 random bytes). Only its SHA-256 is stored;
/// a token this long needs no slow hash, because it cannot be guessed, only stolen.
/// </summary>
public static class ApiTokenFormat
{
    public const string Marker = "dbn_";

    /// <summary>How much of the token lists show, enough to tell tokens apart and far too little to use.</summary>
    public const int PrefixLength = 12;

    public static string NewToken() => Marker + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string PrefixOf(string token) => token[..Math.Min(PrefixLength, token.Length)];

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes, the form kept in the database.</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool LooksLikeToken(string value) => value.StartsWith(Marker, StringComparison.Ordinal) && value.Length is > PrefixLength and < 200;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
