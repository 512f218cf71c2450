using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Regions;
using Duban.Core.Security;
using Duban.Core.Users;
using Duban.Data;

namespace Duban.Web.Security;

/// <summary>
/// The right to act follows responsibility, not visibility. <see cref="DataScopeFilter"/> decides what a user may
/// read; these filters decide what a user may act on. A region scope sees a task when any one of its organisations lies
/// in the region, but a write that concerns an organisation, a user, a plan or a region needs <em>that</em>
/// organisation, user, plan or region to lie inside the actor's own scope (docs/web.md, "Who may do what").
/// Inspectors act on nothing; a reporter acts only for its own organisation.
/// </summary>
public static class Responsibility
{
    /// <summary>
    /// The organisations whose work the actor answers for: its region and below for a region scope, its own
    /// organisation for scope 本单位, all for 全部. Inspectors answer for none.
    /// </summary>
    public static IQueryable<Organization> ActionableBy(this IQueryable<Organization> organizations, DubanUser actor) =>
        (actor.Role, actor.Scope, actor.ScopeRegionPath, actor.OrganizationId) switch
        {
            (Role.Inspector, _, _, _) => organizations.Where(o => false),
            (Role.Reporter, _, _, { } own) => organizations.Where(o => o.Id == own),
            (Role.Reporter, _, _, _) => organizations.Where(o => false),
            (_, DataScope.All, _, _) => organizations,
            (_, DataScope.RegionAndBelow, { } path, _) => organizations.Where(o => o.Region!.Path.StartsWith(path)),
            (_, DataScope.Own, _, { } own) => organizations.Where(o => o.Id == own),
            _ => organizations.Where(o => false),
        };

    /// <summary>
    /// The regions an administrator may change or create regions under: its scope's region and below, every region for
    /// 全部. An administrator of one organisation (scope 本单位) administers no region.
    /// </summary>
    public static IQueryable<Region> ActionableBy(this IQueryable<Region> regions, DubanUser actor) =>
        (actor.Role, actor.Scope, actor.ScopeRegionPath) switch
        {
            (Role.Admin, DataScope.All, _) => regions,
            (Role.Admin, DataScope.RegionAndBelow, { } path) => regions.Where(r => r.Path.StartsWith(path)),
            _ => regions.Where(r => false),
        };

    /// <summary>
    /// The plans an administrator may import into, revise, publish, configure and edit: plans filed under a region in
    /// its scope; a plan without a region belongs to the administrators with scope 全部 alone.
    /// </summary>
    public static IQueryable<Plan> ActionableBy(this IQueryable<Plan> plans, DubanUser actor) =>
        (actor.Role, actor.Scope, actor.ScopeRegionPath) switch
        {
            (Role.Admin, DataScope.All, _) => plans,
            (Role.Admin, DataScope.RegionAndBelow, { } path) => plans.Where(p => p.Region != null && p.Region.Path.StartsWith(path)),
            _ => plans.Where(p => false),
        };

    /// <summary>
    /// The users an administrator may manage (edit, deactivate, reset the password of): those whose organisation
    /// <em>and</em> region <em>and</em> data scope all lie within the administrator's own. A city's administrator does
    /// not manage an account of scope 全部, nor one whose scope starts at the province, even when that account's
    /// organisation is in the city.
    /// </summary>
    public static IQueryable<User> ActionableBy(this IQueryable<User> users, DubanUser admin, DubanDbContext db)
    {
        if (admin.Role != Role.Admin) return users.Where(u => false);
        switch (admin.Scope, admin.ScopeRegionPath, admin.OrganizationId)
        {
            case (DataScope.All, _, _):
                return users;
            case (DataScope.RegionAndBelow, { } path, _):
                var regions = db.Regions.Where(r => r.Path.StartsWith(path)).Select(r => r.Id);
                var organizations = db.Organizations.Where(o => regions.Contains(o.RegionId)).Select(o => o.Id);
                return users.Where(u => u.Scope != DataScope.All
                                        && (u.OrganizationId == null || organizations.Contains(u.OrganizationId.Value))
                                        && (u.RegionId == null || regions.Contains(u.RegionId.Value))
                                        && (u.OrganizationId != null || u.RegionId != null));
            case (DataScope.Own, _, { } own):
                return users.Where(u => u.Scope == DataScope.Own && u.OrganizationId == own && u.RegionId == null);
            default:
                return users.Where(u => false);
        }
    }
}
