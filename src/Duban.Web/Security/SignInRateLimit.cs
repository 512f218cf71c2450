using System.Threading.RateLimiting;
using Duban.Web.Api;
using Microsoft.Extensions.Options;

namespace Duban.Web.Security;

/// <summary>
/// Limits sign-in attempts per client address (<see cref="SignInClient"/>: an IPv6 client by its /64), whatever the user
/// names: the global limit on one client's guessing. The counters live in each instance's memory, which is the one
/// piece of state the web tier keeps: losing them on a restart costs nothing, and the per-account throttle that matters
/// is counted in the database (<see cref="SignInService"/>), so it holds whichever instance a request reaches.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<SignInOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    SignInClient.KeyOf(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.AttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            options.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "60";
                if (context.Request.HasFormContentType)
                {
                    // A person at the sign-in form: a page they can read, not JSON.
                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.WriteAsync(
                        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请稍后再试 - 督办</title></head>"
                        + "<body><h1>登录尝试过于频繁</h1><p>请一分钟后再试。</p><p><a href=\"/signin\">返回登录</a></p></body></html>", ct);
                    return;
                }
                await context.RequestServices.GetRequiredService<ApiProblemWriter>()
                    .WriteAsync(context, StatusCodes.Status429TooManyRequests, ApiResults.TitleFor(429), "登录尝试过于频繁，请一分钟后再试。");
            };
        });
}
