using System.Security.Claims;
using Duban.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Security;

/// <summary>
/// Checks a sign-in cookie against the database on every request: a deactivated user or a changed password ends the
/// session at once, and a changed role or scope takes effect on the next request, on whichever instance serves it.
/// </summary>
public static class CookiePrincipalRefresher
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var current = context.Principal;
        var claimed = current is null ? null : DubanUser.From(current);
        if (current is null || claimed is null)
        {
            await RejectAsync(context);
            return;
        }

        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<DubanDbContext>();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == claimed.Id, context.HttpContext.RequestAborted);
        if (user is null || !user.IsActive || current.FindFirstValue(DubanClaimTypes.PasswordStamp) != UserPrincipalFactory.PasswordStamp(user))
        {
            await RejectAsync(context);
            return;
        }

        var fresh = await services.GetRequiredService<UserPrincipalFactory>()
            .CreateAsync(user, context.Scheme.Name, context.HttpContext.RequestAborted);
        if (!SameClaims(current, fresh))
        {
            context.ReplacePrincipal(fresh);
            context.ShouldRenew = true;
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static bool SameClaims(ClaimsPrincipal a, ClaimsPrincipal b)
    {
        static HashSet<(string, string)> Set(ClaimsPrincipal p) => p.Claims.Select(c => (c.Type, c.Value)).ToHashSet();
        return Set(a).SetEquals(Set(b));
    }
}
