using Duban.Web.Api;
using Duban.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Duban.Web.Security;

/// <summary>Cookie sign-in for pages and personal API tokens for scripts, both ending in the same claims.</summary>
public static class AuthenticationSetup
{
    /// <summary>Chooses cookie or token per request: a Bearer header means a script, anything else a browser.</summary>
    public const string SchemeName = "Duban";

    /// <summary>__Host-: the browser only accepts it over HTTPS, for the whole site, from this host alone.</summary>
    public const string CookieName = "__Host-Duban";

    public const string AntiforgeryCookieName = "__Host-Duban-Antiforgery";

    /// <summary>The names without the prefix, which browsers refuse on plain HTTP, for a demo on http://localhost.</summary>
    public const string PlainHttpCookieName = "Duban";

    public const string PlainHttpAntiforgeryCookieName = "Duban-Antiforgery";

    public static IServiceCollection AddDubanAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section);
        services.AddScoped<UserPrincipalFactory>();
        services.AddScoped<SignInService>();
        services.AddSingleton<ApiProblemWriter>();

        // Keys live in the database so that any instance can read the cookies and antiforgery tokens of any other.
        // The name is fixed because by default it is derived from the content root, which differs between hosts.
        services.AddDataProtection().SetApplicationName("Duban").ProtectKeysWithConfiguredCertificate(configuration);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DatabaseXmlRepository(scopes));

        services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "Cookie or API token", options =>
                options.ForwardDefaultSelector = context =>
                    ApiTokenAuthenticationHandler.BearerToken(context.Request) is null
                        ? CookieAuthenticationDefaults.AuthenticationScheme
                        : ApiTokenAuthenticationHandler.SchemeName)
            .AddCookie(options =>
            {
                options.Cookie.HttpOnly = true;
                // Lax, not Strict: a link to a task from a notice or a chat must open signed in. Writes are protected by antiforgery.
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.Path = "/";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = "/signin";
                options.AccessDeniedPath = "/denied";
                options.ReturnUrlParameter = "returnUrl";
                options.Events.OnValidatePrincipal = CookiePrincipalRefresher.ValidateAsync;
                options.Events.OnRedirectToLogin = context => IsApi(context.Request)
                    ? Problems(context).WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "未登录", "请先登录，或在 Authorization 请求头中提供 API 令牌（Bearer）。")
                    : Redirect(context);
                options.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                    ? Problems(context).WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "无权访问", "当前用户的角色无权执行此操作。")
                    : Redirect(context);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        // Cookie names and the Secure flag follow Web:HttpsOnly, read when the options are first used.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<WebHostOptions>>((options, web) =>
            {
                options.Cookie.Name = web.Value.HttpsOnly ? CookieName : PlainHttpCookieName;
                options.Cookie.SecurePolicy = web.Value.HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            });
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IOptions<WebHostOptions>>((options, web) =>
            {
                options.Cookie.Name = web.Value.HttpsOnly ? AntiforgeryCookieName : PlainHttpAntiforgeryCookieName;
                options.Cookie.SecurePolicy = web.Value.HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            });

        services.AddAuthorization(DubanPolicies.Add);
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // API writes made with the sign-in cookie carry the token in this header (ApiCookieWriteGuard); forms keep their field.
            options.HeaderName = ApiCookieWriteGuard.HeaderName;
        });
        return services;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static ApiProblemWriter Problems(RedirectContext<CookieAuthenticationOptions> context) =>
        context.HttpContext.RequestServices.GetRequiredService<ApiProblemWriter>();

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
