using Duban.Core.Security;
using Duban.Core.Text;
using Duban.Core.Users;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Operations;
using Duban.Web.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Web.Security;

/// <summary>
/// How the first administrator comes to be outside demo mode, where no password is built in: from configuration
/// (Setup:AdminUserName and Setup:AdminPassword, e.g. the environment variables Setup__AdminUserName and
/// Setup__AdminPassword), or through a set-up link printed at start.
/// </summary>
public sealed class SetupOptions
{
    public const string Section = "Setup";

    public string? AdminUserName { get; set; }

    public string? AdminPassword { get; set; }

    public string AdminDisplayName { get; set; } = "系统管理员";
}

/// <summary>
/// Set-up links: a time-limited token protected with the data-protection keys, which are in the database, so any
/// instance accepts a link any other printed and none keeps it in memory. A link stops working once an active
/// administrator exists, which makes it one-time.
/// </summary>
public sealed class SetupTokens(IDataProtectionProvider protection, TimeProvider time)
{
    private const string Payload = "first-administrator";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Duban.Setup.v1").ToTimeLimitedDataProtector();

    public string Create() => Protector.Protect(Payload, time.GetUtcNow() + Lifetime);

    public bool IsValid(string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        try
        {
            return Protector.Unprotect(token, out var expires) == Payload && expires > time.GetUtcNow();
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            // Forged, damaged or protected with keys this database does not hold.
            return false;
        }
    }
}

public sealed class FirstAdministrator(DubanDbContext db, AuditLog audit, TimeProvider time, IOptions<SetupOptions> options, ILogger<FirstAdministrator> logger)
{
    public async Task<bool> IsNeededAsync(CancellationToken ct = default) =>
        !await db.Users.AnyAsync(u => u.Role == Role.Admin && u.IsActive, ct);

    /// <summary>Creates the administrator named in configuration, if one is needed and one is named.</summary>
    public async Task EnsureFromConfigurationAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.AdminUserName) || string.IsNullOrEmpty(settings.AdminPassword)) return;
        if (!await IsNeededAsync(ct)) return;
        var outcome = await CreateAsync(Actor.System, settings.AdminUserName, settings.AdminDisplayName, settings.AdminPassword, ct);
        if (outcome.Error is { } error)
            throw new InvalidOperationException($"The first administrator from configuration (Setup:AdminUserName) could not be created: {error.Field}: {error.Message}");
        logger.LogInformation("Created the first administrator {UserName} from configuration", outcome.Value!.UserName);
    }

    public async Task<Outcome<User>> CreateAsync(Actor actor, string? userName, string? displayName, string? password, CancellationToken ct = default)
    {
        if (!await IsNeededAsync(ct)) return new OperationError(ErrorKind.Conflict, "系统已有管理员，设置链接已失效。请直接登录。");
        userName = userName?.Trim();
        if (NameText.Problem(userName, "用户名") is { } userNameProblem) return Outcome<User>.Invalid("userName", userNameProblem);
        if (string.IsNullOrEmpty(userName) || userName.Length is < 3 or > 50 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            return Outcome<User>.Invalid("userName", "用户名须为 3–50 个字母、数字、点、下划线或连字符。");
        if (NameText.Problem(displayName, "姓名") is { } displayNameProblem) return Outcome<User>.Invalid("displayName", displayNameProblem);
        displayName = displayName is null ? null : NameText.Normalize(displayName);
        if (string.IsNullOrEmpty(displayName)) return Outcome<User>.Invalid("displayName", "请输入姓名。");
        if (displayName.Length > 50) return Outcome<User>.Invalid("displayName", "姓名不能超过 50 个字符。");
        if (PasswordRules.Problem(password) is { } problem) return Outcome<User>.Invalid("password", problem);

        var existing = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (existing is not null) return new OperationError(ErrorKind.Conflict, $"用户名“{userName}”已被使用。", "userName");
        var user = new User
        {
            UserName = userName,
            DisplayName = displayName,
            PasswordHash = PasswordHasher.Hash(password!),
            Role = Role.Admin,
            Scope = DataScope.All,
            CreatedAt = time.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        // Through the link, whoever used it is the administrator just made; from configuration, it is the system.
        var who = actor == Actor.System ? actor : actor with { UserId = user.Id, Name = user.UserName };
        audit.Add(who, AuditActions.SetupFirstAdmin, AuditEntities.User, user.Id, null, UserSnapshot.Of(user));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<User>.Ok(user);
    }
}
