using System.Security.Claims;
using Duban.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Security;

/// <summary>
/// Checks a sign-in cookie against the database on every request, on whichever instance serves it: a cookie whose
/// security stamp no longer matches the user's (password, role, scope, organisation changed, or deactivated) is
/// refused and the user signs in again.
/// </summary>
/// <remarks>
/// Cost: one primary-key lookup of three columns per request with a cookie; no cache, so that a deactivation or a
/// demotion holds at once across instances. Claims are rebuilt (two more small queries) only when the display name
/// changed, the one thing that may change without a new stamp.
/// </remarks>
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
        var ct = context.HttpContext.RequestAborted;
        var state = await db.Users.AsNoTracking().Where(u => u.Id == claimed.Id)
            .Select(u => new { u.IsActive, u.SecurityStamp, u.DisplayName })
            .SingleOrDefaultAsync(ct);
        if (state is null || !state.IsActive || current.FindFirstValue(DubanClaimTypes.SecurityStamp) != UserPrincipalFactory.StampText(state.SecurityStamp))
        {
            await RejectAsync(context);
            return;
        }

        if (state.DisplayName != claimed.DisplayName)
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == claimed.Id, ct);
            context.ReplacePrincipal(await services.GetRequiredService<UserPrincipalFactory>().CreateAsync(user, context.Scheme.Name, ct));
            context.ShouldRenew = true;
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
