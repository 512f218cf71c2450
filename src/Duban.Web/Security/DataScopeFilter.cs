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

    /// <summary>
    /// The users an administrator may see: exactly those it may manage (<see cref="Responsibility"/>). An account whose
    /// organisation lies in the administrator's region but whose own scope reaches wider is neither listed nor found.
    /// </summary>
    public static IQueryable<User> VisibleTo(this IQueryable<User> users, DubanUser admin, DubanDbContext db) => users.ActionableBy(admin, db);
}
