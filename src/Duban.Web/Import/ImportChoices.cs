using Duban.Core.Import;
using Duban.Data;
using Duban.Data.Import;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Import;

public sealed record OrganizationChoice(long Id, string Name, string RegionName);

public sealed record RegionOption(long Id, string Name, int Depth);

/// <summary>
/// What an administrator may choose for the units of one plan: the active organisations, and the regions to create new
/// ones in, that lie both within what the administrator answers for (<see cref="Responsibility"/>) and around the
/// plan's region (the region, the regions above it and those below it, where the importer's matcher looks too). The
/// wizard offers only these; the confirmation refuses anything else, whoever sent it.
/// </summary>
public sealed record ImportChoices(IReadOnlyList<OrganizationChoice> Organizations, IReadOnlyList<RegionOption> Regions, long? PlanRegionId)
{
    public static async Task<ImportChoices> LoadAsync(DubanDbContext db, DubanUser user, AnalyzedRegion planRegion, CancellationToken ct)
    {
        // A region the import would create has no organisations yet, and nothing of the tree around it is known for sure.
        if (planRegion is not { Id: { } id, Path: { } path }) return new([], [], null);
        var ancestors = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        var regions = await db.Regions.AsNoTracking().ActionableBy(user)
            .Where(r => ancestors.Contains(r.Id) || r.Path.StartsWith(path))
            .OrderBy(r => r.Path)
            .Select(r => new { r.Id, r.Name, r.Path })
            .ToListAsync(ct);
        var regionIds = regions.Select(r => r.Id).ToList();
        var organizations = await db.Organizations.AsNoTracking().ActionableBy(user)
            .Where(o => o.IsActive && o.MergedIntoId == null && regionIds.Contains(o.RegionId))
            .OrderBy(o => o.Name)
            .Select(o => new OrganizationChoice(o.Id, o.Name, o.Region!.Name))
            .ToListAsync(ct);
        return new(organizations, regions.Select(r => new RegionOption(r.Id, r.Name, r.Path.Count(c => c == '/') - 2)).ToList(), id);
    }

    public bool Allows(long organizationId) => Organizations.Any(o => o.Id == organizationId);

    public bool AllowsRegion(long regionId) => Regions.Any(r => r.Id == regionId);

    /// <summary>The first decision that reaches outside what may be chosen, as the problem to answer with; null when all are within.</summary>
    public ImportProblem? Refusal(ImportDecisions decisions)
    {
        foreach (var (unit, decision) in decisions.Units)
        {
            var ids = decision switch
            {
                MapToOrganizations map => map.OrganizationIds,
                ExpandCollective expand => expand.OrganizationIds,
                _ => [],
            };
            var outside = ids.Where(o => !Allows(o)).Select(o => (long?)o).FirstOrDefault();
            if (outside is not null)
                return new ImportProblem(400, ImportChoiceCodes.OutOfScope, ImportFields.Units,
                    $"单位「{unit}」所选的组织（编号 {outside}）不在您的数据范围内，或不属于本计划的地区及其上下级地区。", [unit]);
            IEnumerable<long?> newRegions = decision switch
            {
                CreateOrganization create => [create.RegionId ?? PlanRegionId],
                ExpandCollective expand => expand.MembersToCreate.Select(m => m.RegionId ?? PlanRegionId),
                _ => [],
            };
            if (newRegions.FirstOrDefault(r => r is { } region && !AllowsRegion(region)) is { } outsideRegion)
                return new ImportProblem(400, ImportChoiceCodes.OutOfScope, ImportFields.Units,
                    $"单位「{unit}」的新建地区（编号 {outsideRegion}）不在您的数据范围内，或不属于本计划的地区及其上下级地区。", [unit]);
        }
        return null;
    }
}

public static class ImportChoiceCodes
{
    /// <summary>A decision names an organisation or region outside the administrator's scope or the plan's region.</summary>
    public const string OutOfScope = "import.outOfScope";
}
