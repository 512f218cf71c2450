using Duban.Core.Cascade;
using Duban.Core.Organizations;
using Duban.Data;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Authorization;

/// <summary>
/// Filing requirements and (pending) filings for the matrices: one on a plan in each place the caller may be
/// responsible for or not, written straight to the database (the desk's rules are tested in CascadeProofTests).
/// </summary>
public sealed record CascadeSamples(long CityRequirement, long CityFiling, long CountyRequirement, long CountyFiling, long OtherRequirement, long OtherFiling)
{
    public static async Task<CascadeSamples> AddAsync(DubanWebFactory factory, long cityPlan, long countyPlan, long otherPlan)
    {
        var (cityRequirement, cityFiling) = await RequirementAsync(factory, cityPlan, null);
        var (countyRequirement, countyFiling) = await RequirementAsync(factory, countyPlan, null);
        var (otherRequirement, otherFiling) = await RequirementAsync(factory, otherPlan, null);
        return new(cityRequirement, cityFiling, countyRequirement, countyFiling, otherRequirement, otherFiling);
    }

    /// <summary>A requirement on the plan with a pending filing of an organisation of the plan's region (one made there when it has none).</summary>
    public static Task<(long Requirement, long Filing)> RequirementAsync(DubanWebFactory factory, long planId, long? organizationId) => factory.WithDbAsync(async db =>
    {
        var region = await db.Plans.Where(p => p.Id == planId).Select(p => p.RegionId).SingleAsync() ?? await db.Regions.Select(r => r.Id).FirstAsync();
        var organization = organizationId ?? await db.Organizations.Where(o => o.RegionId == region).OrderBy(o => o.Id).Select(o => (long?)o.Id).FirstOrDefaultAsync() ?? await NewOrganizationAsync(db, region);
        var requirement = new FilingRequirement { PlanId = planId, Kind = FilingKind.Other, Text = "矩阵备案要求", CreatedByName = "matrix", Due = new DateOnly(2026, 3, 31) };
        db.Add(requirement);
        await db.SaveChangesAsync();
        var filing = new Filing { RequirementId = requirement.Id, OrganizationId = organization };
        db.Add(filing);
        await db.SaveChangesAsync();
        return (requirement.Id, filing.Id);
    });

    private static async Task<long> NewOrganizationAsync(DubanDbContext db, long region)
    {
        var added = new Organization { Name = "矩阵备案单位" + Guid.NewGuid().ToString("N")[..6], Kind = OrganizationKind.Government, RegionId = region };
        db.Organizations.Add(added);
        await db.SaveChangesAsync();
        return added.Id;
    }
}
