using System.Text.Encodings.Web;
using Duban.Data;
using Duban.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Web.Security;

/// <summary>
/// Authenticates "Authorization: Bearer dbn_…" against the stored hashes of personal API tokens. The claims are the
/// same as a cookie's, built from the database on every request, so a deactivated user's tokens stop at once.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DubanDbContext db,
    UserPrincipalFactory principals,
    ApiProblemWriter problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>Last-used times are kept to the minute; writing one on every call would turn every read into a write.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken(Request);
        if (token is null) return AuthenticateResult.NoResult();
        if (!ApiTokenFormat.LooksLikeToken(token)) return AuthenticateResult.Fail("malformed token");

        var hash = ApiTokenFormat.HashOf(token);
        var found = await db.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var now = TimeProvider.GetUtcNow();
        if (found is null || !found.IsUsableAt(now)) return AuthenticateResult.Fail("unknown, revoked or expired token");
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == found.UserId, Context.RequestAborted);
        if (user is null || !user.IsActive) return AuthenticateResult.Fail("user inactive");

        if (found.LastUsedAt is null || now - found.LastUsedAt >= LastUsedResolution)
        {
            found.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }
        var principal = await principals.CreateAsync(user, SchemeName, Context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "未登录或令牌无效", "API 令牌无效、已撤销、已过期，或其所属用户已停用。");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "无权访问", "当前用户的角色无权执行此操作。");
}
