using Duban.Core.Security;
using Duban.Core.Text;
using Duban.Core.Users;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Operations;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Users;

/// <summary>An API token as its owner sees it in the list: never the token itself, which exists only at creation.</summary>
/// <param name="ExpiresAt">Null for a token that does not expire.</param>
public sealed record ApiTokenView(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt,
    DateTimeOffset? ExpiresAt)
{
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && now >= expires;
}

/// <summary>The token in clear, returned once by <see cref="MyAccount.CreateTokenAsync"/>.</summary>
public sealed record NewApiToken(ApiTokenView Token, string Secret);

/// <summary>What users do to their own account: personal API tokens and their own password.</summary>
public sealed class MyAccount(DubanDbContext db, AuditLog audit, TimeProvider time)
{
    public const int MaxActiveTokens = 20;

    /// <summary>The lifetimes a user may choose for a new token, in days; no lifetime (null) means it does not expire.</summary>
    public static readonly IReadOnlyList<int> TokenLifetimes = [30, 90, 365];

    public async Task<IReadOnlyList<ApiTokenView>> TokensAsync(DubanUser me, CancellationToken ct = default) =>
        await db.ApiTokens.AsNoTracking().Where(t => t.UserId == me.Id)
            .OrderBy(t => t.RevokedAt != null).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new ApiTokenView(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt, t.ExpiresAt))
            .ToListAsync(ct);

    /// <param name="expiresInDays">One of <see cref="TokenLifetimes"/>, or null for a token that does not expire.</param>
    public async Task<Outcome<NewApiToken>> CreateTokenAsync(DubanUser me, Actor actor, string? name, int? expiresInDays, CancellationToken ct = default)
    {
        if (NameText.Problem(name, "令牌名称") is { } nameProblem) return Outcome<NewApiToken>.Invalid("name", nameProblem);
        name = name is null ? null : NameText.Normalize(name);
        if (string.IsNullOrEmpty(name)) return Outcome<NewApiToken>.Invalid("name", "请为令牌起一个名称，例如它所用于的脚本。");
        if (name.Length > 100) return Outcome<NewApiToken>.Invalid("name", "令牌名称不能超过 100 个字符。");
        if (expiresInDays is { } days && !TokenLifetimes.Contains(days))
            return Outcome<NewApiToken>.Invalid("expiresInDays", $"有效期只能是 {string.Join("、", TokenLifetimes)} 天或永不过期。");
        if (await db.ApiTokens.CountAsync(t => t.UserId == me.Id && t.RevokedAt == null, ct) >= MaxActiveTokens)
            return Outcome<NewApiToken>.Invalid("name", $"有效令牌最多 {MaxActiveTokens} 个，请先撤销不再使用的令牌。");

        var secret = ApiTokenFormat.NewToken();
        var now = time.GetUtcNow();
        var token = new ApiToken
        {
            UserId = me.Id,
            Name = name,
            Prefix = ApiTokenFormat.PrefixOf(secret),
            Hash = ApiTokenFormat.HashOf(secret),
            CreatedAt = now,
            ExpiresAt = expiresInDays is { } lifetime ? now.AddDays(lifetime) : null,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        audit.Add(actor, AuditActions.TokenCreate, AuditEntities.ApiToken, token.Id, null, new { token.Name, token.Prefix, token.UserId, token.ExpiresAt });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<NewApiToken>.Ok(new(new(token.Id, token.Name, token.Prefix, token.CreatedAt, null, null, token.ExpiresAt), secret));
    }

    public async Task<Outcome<ApiTokenView>> RevokeTokenAsync(DubanUser me, Actor actor, long tokenId, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == me.Id, ct);
        if (token is null) return Outcome<ApiTokenView>.NotFound("未找到该令牌。");
        if (token.RevokedAt is null)
        {
            token.RevokedAt = time.GetUtcNow();
            audit.Add(actor, AuditActions.TokenRevoke, AuditEntities.ApiToken, token.Id,
                new { token.Name, token.Prefix, revokedAt = (DateTimeOffset?)null }, new { token.Name, token.Prefix, token.RevokedAt });
            await db.SaveChangesAsync(ct);
        }
        return Outcome<ApiTokenView>.Ok(new(token.Id, token.Name, token.Prefix, token.CreatedAt, token.LastUsedAt, token.RevokedAt, token.ExpiresAt));
    }

    /// <summary>Changes the user's own password after checking the current one; the caller signs the user in again.</summary>
    public async Task<Outcome<User>> ChangePasswordAsync(DubanUser me, Actor actor, string? current, string? next, string? confirm, CancellationToken ct = default)
    {
        var user = await db.Users.SingleAsync(u => u.Id == me.Id, ct);
        if (string.IsNullOrEmpty(current) || user.PasswordHash is null || !PasswordHasher.Verify(current, user.PasswordHash))
            return Outcome<User>.Invalid("currentPassword", "当前密码不正确。");
        if (PasswordRules.Problem(next) is { } problem) return Outcome<User>.Invalid("newPassword", problem);
        if (next != confirm) return Outcome<User>.Invalid("confirmPassword", "两次输入的新密码不一致。");
        user.PasswordHash = PasswordHasher.Hash(next!);
        user.NewSecurityStamp();
        user.Version = Guid.NewGuid();
        audit.Add(actor, AuditActions.UserChangePassword, AuditEntities.User, user.Id, new { password = "（原密码）" }, new { password = "（新密码，不记录）" });
        // False when an administrator changed the account in the meantime; the user tries again on the fresh page.
        if (!await db.SaveUnlessStaleAsync(ct)) return new OperationError(ErrorKind.PreconditionFailed, Display.ChineseText.StaleRecord, "currentPassword");
        return Outcome<User>.Ok(user);
    }
}
