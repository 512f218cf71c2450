using Duban.Core.Organizations;
using Duban.Core.Regions;
using Duban.Core.Security;
using Duban.Core.Users;
using Duban.Data;

namespace Duban.Web.Security;

/// <summary>
/// The data scope as query filters: every read of scoped data goes through one of these, so what a user sees is
/// decided on the server by the same rule for pages and API. A user whose scope lacks its anchor (no region, no
/// organisation) sees nothing rather than everything.
/// </summary>
public static class DataScopeFilter
{
    public static IQueryable<Region> VisibleTo(this IQueryable<Region> regions, DubanUser user) => (user.Scope, user.ScopeRegionPath) switch
    {
        (DataScope.All, _) => regions,
        (DataScope.RegionAndBelow, { } path) => regions.Where(r => r.Path.StartsWith(path)),
        (DataScope.Own, { } path) => regions.Where(r => r.Path == path),
        _ => regions.Where(r => false),
    };

    public static IQueryable<Organization> VisibleTo(this IQueryable<Organization> organizations, DubanUser user) => (user.Scope, user.ScopeRegionPath) switch
    {
        (DataScope.All, _) => organizations,
        (DataScope.RegionAndBelow, { } path) => organizations.Where(o => o.Region!.Path.StartsWith(path)),
        (DataScope.Own, _) when user.OrganizationId is { } own => organizations.Where(o => o.Id == own),
        _ => organizations.Where(o => false),
    };

    /// <summary>The users an administrator may see and manage: those whose region or organisation lies in the administrator's scope.</summary>
    public static IQueryable<User> VisibleTo(this IQueryable<User> users, DubanUser admin, DubanDbContext db)
    {
        switch (admin.Scope, admin.ScopeRegionPath)
        {
            case (DataScope.All, _):
                return users;
            case (DataScope.RegionAndBelow, { } path):
                var regions = db.Regions.Where(r => r.Path.StartsWith(path)).Select(r => r.Id);
                var organizations = db.Organizations.Where(o => regions.Contains(o.RegionId)).Select(o => o.Id);
                return users.Where(u => (u.RegionId != null && regions.Contains(u.RegionId.Value))
                                        || (u.OrganizationId != null && organizations.Contains(u.OrganizationId.Value)));
            case (DataScope.Own, _) when admin.OrganizationId is { } own:
                return users.Where(u => u.OrganizationId == own);
            default:
                return users.Where(u => false);
        }
    }
}
