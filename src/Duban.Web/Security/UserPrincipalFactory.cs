using System.Globalization;
using System.Security.Claims;
using Duban.Core.Security;
using Duban.Core.Users;
using Duban.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Security;

/// <summary>Builds the claims of a user from the database, for cookie sign-in, API tokens and the per-request refresh.</summary>
public sealed class UserPrincipalFactory(DubanDbContext db)
{
    public async Task<ClaimsPrincipal> CreateAsync(User user, string authenticationType, CancellationToken ct = default)
    {
        var regionPath = await ScopeRegionPathAsync(user, ct);
        var claims = new List<Claim>
        {
            new(DubanClaimTypes.UserId, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(DubanClaimTypes.UserName, user.UserName),
            new(DubanClaimTypes.DisplayName, user.DisplayName),
            new(DubanClaimTypes.Role, user.Role.ToString()),
            new(DubanClaimTypes.Scope, user.Scope.ToString()),
            new(DubanClaimTypes.SecurityStamp, StampOf(user)),
        };
        if (user.OrganizationId is { } org) claims.Add(new(DubanClaimTypes.OrganizationId, org.ToString(CultureInfo.InvariantCulture)));
        if (user.RegionId is { } region) claims.Add(new(DubanClaimTypes.RegionId, region.ToString(CultureInfo.InvariantCulture)));
        if (regionPath is not null) claims.Add(new(DubanClaimTypes.RegionPath, regionPath));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, DubanClaimTypes.UserName, DubanClaimTypes.Role));
    }

    public static string StampOf(User user) => StampText(user.SecurityStamp);

    public static string StampText(Guid stamp) => stamp.ToString("N");

    private async Task<string?> ScopeRegionPathAsync(User user, CancellationToken ct)
    {
        long? regionId = user.Scope switch
        {
            DataScope.RegionAndBelow => user.RegionId,
            DataScope.Own when user.OrganizationId is { } org =>
                await db.Organizations.Where(o => o.Id == org).Select(o => (long?)o.RegionId).SingleOrDefaultAsync(ct),
            _ => null,
        };
        if (regionId is null) return null;
        return await db.Regions.Where(r => r.Id == regionId).Select(r => r.Path).SingleOrDefaultAsync(ct);
    }
}
