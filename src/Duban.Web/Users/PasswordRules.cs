using System.Security.Cryptography;

namespace Duban.Web.Users;

/// <summary>What a password must be, and how the ones the system makes are made.</summary>
public static class PasswordRules
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <summary>Letters and digits that cannot be mistaken for each other when read aloud or copied from a screen.</summary>
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    public static string? Problem(string? password) => password switch
    {
        null or "" => "请输入密码。",
        { Length: < MinLength } => $"密码至少需要 {MinLength} 个字符。",
        { Length: > MaxLength } => $"密码不能超过 {MaxLength} 个字符。",
        _ when password.Distinct().Count() < 4 => "密码过于简单，请使用更多不同的字符。",
        _ => null,
    };

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, 16);
}
