using Duban.Core.Cascade;
using Duban.Core.Security;
using Duban.Data;
using Duban.Web.Plans;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Cascade;

/// <summary>
/// Who may read and do what in the cascade (docs/cascade.md, "Permissions"), asked by the API and the pages alike.
/// Reading follows the plan: whoever sees a plan sees its links, requirements, filings and coverage (limited to the
/// linked plans they also see). Acting follows responsibility: a plan's links are set by the administrators of the
/// lower plan's region; requirements, acceptance and return of filings, and coverage decisions by those of the upper
/// plan's region; a filing by the filing organisation (its reporters, or administrators whose scope holds it).
/// </summary>
public sealed class CascadeAccess(DubanDbContext db, PlanQueries plans)
{
    public const string NotResponsible = "该计划不在您的管理范围内：您可以查看，但只能由计划所在地区的管理员处理。";

    public const string NotFiler = "您不能代该单位报备：只有该单位的填报员或管理该单位的管理员可以报备。";

    public Task<bool> SeesPlanAsync(DubanUser? user, long planId, CancellationToken ct) => plans.VisiblePlans(user).AnyAsync(p => p.Id == planId, ct);

    public IQueryable<long> VisiblePlanIds(DubanUser? user) => plans.VisiblePlans(user).Select(p => p.Id);

    public IQueryable<Core.Plans.Plan> VisiblePlanQuery(DubanUser? user) => plans.VisiblePlans(user);

    public Task<bool> AdministersPlanAsync(DubanUser user, long planId, CancellationToken ct) =>
        user.Role == Role.Admin ? db.Plans.ActionableBy(user).AnyAsync(p => p.Id == planId, ct) : Task.FromResult(false);

    /// <summary>A filing for the organisation: its own reporter, or an administrator whose scope holds it.</summary>
    public async Task<bool> FilesForAsync(DubanUser user, long organizationId, CancellationToken ct) => user.Role switch
    {
        Role.Reporter => user.OrganizationId == organizationId,
        Role.Admin => await db.Organizations.ActionableBy(user).AnyAsync(o => o.Id == organizationId, ct),
        _ => false,
    };

    /// <summary>The requirement with its plan, when the user sees that plan.</summary>
    public async Task<FilingRequirement?> RequirementAsync(DubanUser user, long requirementId, CancellationToken ct)
    {
        var requirement = await db.Set<FilingRequirement>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == requirementId, ct);
        return requirement is not null && await SeesPlanAsync(user, requirement.PlanId, ct) ? requirement : null;
    }

    /// <summary>The filing and its upper plan, when the user sees that plan or the filing organisation.</summary>
    public async Task<(Filing Filing, long PlanId)?> FilingAsync(DubanUser user, long filingId, CancellationToken ct)
    {
        var found = await (from f in db.Set<Filing>().AsNoTracking()
                           join r in db.Set<FilingRequirement>() on f.RequirementId equals r.Id
                           where f.Id == filingId
                           select new { Filing = f, r.PlanId }).SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var seen = await SeesPlanAsync(user, found.PlanId, ct) || await db.Organizations.VisibleTo(user).AnyAsync(o => o.Id == found.Filing.OrganizationId, ct);
        return seen ? (found.Filing, found.PlanId) : null;
    }
}
