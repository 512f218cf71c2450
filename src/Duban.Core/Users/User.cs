using Duban.Core.Security;

namespace Duban.Core.Users;

/// <summary>A person who signs in: an administrator (管理员), a reporter for one organisation (填报员), or an inspector (督查员).</summary>
public sealed class User
{
    public long Id { get; set; }

    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>PBKDF2-SHA256 hash in <see cref="PasswordHasher"/>'s format.</summary>
    public string? PasswordHash { get; set; }

    public Role Role { get; set; }

    public DataScope Scope { get; set; }

    /// <summary>The organisation a reporter reports for (scope Own).</summary>
    public long? OrganizationId { get; set; }

    /// <summary>The region a RegionAndBelow scope starts at.</summary>
    public long? RegionId { get; set; }

    public bool IsActive { get; set; } = true;

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Comma-separated notification kinds the user also wants outside the site, through the webhook endpoints that
    /// deliver personal notifications (a mail gateway, a 企业微信 application relay); empty: only in the 通知中心.
    /// The user chooses them in 我的账户.
    /// </summary>
    public string ForwardedNotificationKinds { get; set; } = "";

    /// <summary>
    /// Changes whenever what a session may do changes (password, role, scope, organisation, region, deactivation):
    /// a sign-in cookie carries it and is refused once it no longer matches. See <see cref="NewSecurityStamp"/>.
    /// </summary>
    public Guid SecurityStamp { get; set; } = Guid.NewGuid();

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Ends every session signed in before: call it with any change of password, role, scope, organisation or activity.</summary>
    public void NewSecurityStamp() => SecurityStamp = Guid.NewGuid();
}

/// <summary>A personal API token: shown once, stored as a SHA-256 hash.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the token, to recognise it in lists.</summary>
    public required string Prefix { get; set; }

    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>After this instant the token is refused; null for a token that does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || now < expires);
}
