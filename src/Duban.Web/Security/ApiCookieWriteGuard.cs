using Duban.Web.Api;
using Microsoft.AspNetCore.Antiforgery;

namespace Duban.Web.Security;

/// <summary>
/// Cross-site request forgery on the API. A browser sends the sign-in cookie with any request another site makes it
/// send (a form post, a multipart upload, a fetch without preflight), so an API write that rides on the cookie must
/// prove it comes from Duban's own pages: a same-origin request (Origin and Sec-Fetch-Site, where the browser sends
/// them) carrying the antiforgery token in the <see cref="HeaderName"/> header, fetched from
/// <c>GET /api/v1/me/antiforgery</c>. Scripts use an API token (Bearer), which no other site can make a browser send,
/// and are not affected. Reads change nothing and are not checked.
/// </summary>
public static class ApiCookieWriteGuard
{
    public const string HeaderName = "RequestVerificationToken";

    private const string Refused = "跨站请求被拒绝";

    public static IApplicationBuilder UseApiCookieWriteGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!NeedsProof(context))
        {
            await next(context);
            return;
        }
        if (CrossSite(context.Request) is { } why)
        {
            await Problems(context).WriteAsync(context, StatusCodes.Status403Forbidden, Refused, why);
            return;
        }
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            await Problems(context).WriteAsync(context, StatusCodes.Status403Forbidden, Refused,
                $"以浏览器登录状态调用写接口时，须在请求头 {HeaderName} 中提供防伪令牌（GET /api/v1/me/antiforgery 获取）；脚本请使用 API 令牌（Authorization: Bearer）。");
            return;
        }
        await next(context);
    });

    /// <summary>A write to the API by a user signed in with the cookie.</summary>
    private static bool NeedsProof(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ApiEndpoints.Prefix)
        && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
        && !HttpMethods.IsOptions(context.Request.Method) && !HttpMethods.IsTrace(context.Request.Method)
        && context.User.Identity?.IsAuthenticated == true
        && ApiTokenAuthenticationHandler.BearerToken(context.Request) is null;

    /// <summary>Why the browser says the request comes from another site; null when it does not say so.</summary>
    private static string? CrossSite(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
            return "该请求来自其他网站（Sec-Fetch-Site），不能以浏览器登录状态写入。";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return null;
        var own = $"{request.Scheme}://{request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) ? null : $"该请求来自其他来源（Origin: {Printable(origin)}），不能以浏览器登录状态写入。";
    }

    private static string Printable(string text) => new(text.Take(100).Where(c => !char.IsControl(c)).ToArray());

    private static ApiProblemWriter Problems(HttpContext context) => context.RequestServices.GetRequiredService<ApiProblemWriter>();
}
