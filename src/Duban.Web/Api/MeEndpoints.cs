using Microsoft.AspNetCore.Antiforgery;
using Duban.Core.Security;
using Duban.Data;
using Duban.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Api;

/// <summary>The signed-in user as the server sees them, role and data scope included.</summary>
public sealed record MeView(
    long Id,
    string UserName,
    string DisplayName,
    Role Role,
    DataScope Scope,
    long? OrganizationId,
    string? OrganizationName,
    long? RegionId,
    string? RegionName);

public sealed record AntiforgeryTokenView(string Token, string HeaderName);

public static class MeEndpoints
{
    public static void MapMe(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("当前用户").RequireAuthorization(DubanPolicies.SignedIn);
        me.MapGet("", GetAsync).WithName("GetMe").WithSummary("当前用户").WithDescription("返回令牌或登录会话所属的用户、角色和数据范围。");
        me.MapGet("/antiforgery", Antiforgery).WithName("GetAntiforgeryToken").WithSummary("防伪令牌（浏览器会话调用写接口用）")
            .WithDescription($"以浏览器登录状态（Cookie）调用 /api/v1 的写接口时，须把此令牌放在请求头 {ApiCookieWriteGuard.HeaderName} 中，且请求须来自本站；"
                             + "使用 API 令牌（Bearer）的脚本不需要。");
    }

    /// <summary>The token a page's script sends with its API writes; the matching cookie comes with this answer.</summary>
    private static Ok<AntiforgeryTokenView> Antiforgery(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryTokenView(tokens.RequestToken!, ApiCookieWriteGuard.HeaderName));
    }

    private static async Task<Ok<MeView>> GetAsync(HttpContext context, DubanDbContext db, CancellationToken ct)
    {
        var user = DubanUser.Required(context.User);
        var organization = user.OrganizationId is { } org ? await db.Organizations.Where(o => o.Id == org).Select(o => o.Name).SingleOrDefaultAsync(ct) : null;
        var region = user.RegionId is { } r ? await db.Regions.Where(x => x.Id == r).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        return TypedResults.Ok(new MeView(user.Id, user.UserName, user.DisplayName, user.Role, user.Scope, user.OrganizationId, organization, user.RegionId, region));
    }
}
