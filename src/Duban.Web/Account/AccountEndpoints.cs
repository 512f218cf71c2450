using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Web.Account;

/// <summary>The sign-in form's fields, each optional so that a missing one is answered on the form, not with an error page.</summary>
public sealed record SignInForm
{
    public string? UserName { get; init; }
    public string? Password { get; init; }
    public string? ReturnUrl { get; init; }
}

/// <summary>
/// Sign-in and sign-out as plain form posts: an endpoint of their own can carry the rate limit, and binding a form
/// makes the framework check the antiforgery token before the handler runs.
/// </summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/account/signin";
    public const string SignOutPath = "/account/signout";

    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignInPath, SignInAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimit.Policy).ExcludeFromDescription();
        app.MapPost(SignOutPath, SignOutAsync).RequireAuthorization(DubanPolicies.SignedIn).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignInAsync([FromForm] SignInForm form, HttpContext context, SignInService signIn, UserPrincipalFactory principals)
    {
        var returnUrl = LocalOrHome(form.ReturnUrl);
        if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrEmpty(form.Password))
            return Back("missing", form.UserName, returnUrl);

        var result = await signIn.SignInAsync(form.UserName, form.Password, Actor.From(context), context.RequestAborted);
        // One answer for every failure: which one it was would tell a stranger whether the account exists, is active or
        // is being slowed down.
        if (result.Outcome != SignInOutcome.Succeeded) return Back("invalid", form.UserName, returnUrl);

        var principal = await principals.CreateAsync(result.User!, CookieAuthenticationDefaults.AuthenticationScheme, context.RequestAborted);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.LocalRedirect(returnUrl);
    }

    private static async Task<IResult> SignOutAsync([FromForm] string? returnUrl, HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect(LocalOrHome(returnUrl));
    }

    /// <summary>Only paths of this site (<see cref="LocalReturnUrl"/>): a return address elsewhere would make the sign-in form an open redirect.</summary>
    public static string LocalOrHome(string? url) => LocalReturnUrl.OrHome(url);

    private static IResult Back(string error, string? userName, string returnUrl) =>
        TypedResults.LocalRedirect(WithQuery("/signin", ("error", error), ("userName", userName?.Trim()), ("returnUrl", returnUrl == "/" ? null : returnUrl)));

    private static string WithQuery(string path, params (string Key, string? Value)[] pairs) =>
        path + QueryString.Create(pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
}
