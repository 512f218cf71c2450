using Duban.Core.Import;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Import;

/// <summary>Loads what the <see cref="UnitMatcher"/> may propose for a plan of one region: the organisations of the region, its ancestors and the regions below it.</summary>
internal static class ImportScope
{
    public static async Task<UnitMatcher> MatcherAsync(DubanDbContext db, AnalyzedRegion region, CancellationToken ct)
    {
        // A region that does not exist yet has no organisations; matching outside it would map 市教育局 to another city's.
        // Its name still says what 市教育局 is called there (平凉市教育局), and its parent's chain what 省教育厅 is.
        if (region is not { Id: { } id, Path: { } path })
        {
            var parentChain = region.ParentId is { } parentId ? await ChainAsync(db, parentId, ct) : [];
            return new UnitMatcher([], new MatchScope(new RegionRef(0, region.Name, "/0/"), [], parentChain));
        }

        var ancestorIds = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        var regions = await db.Regions.AsNoTracking()
            .Where(r => ancestorIds.Contains(r.Id) || r.Path.StartsWith(path))
            .Select(r => new RegionRef(r.Id, r.Name, r.Path, r.Code))
            .ToListAsync(ct);
        var byId = regions.ToDictionary(r => r.Id);
        var regionIds = byId.Keys.ToList();
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive && o.MergedIntoId == null && regionIds.Contains(o.RegionId))
            .Select(o => new { o.Id, o.Name, o.Kind, o.RegionId, Aliases = o.Aliases.Select(a => a.Name).ToList() })
            .ToListAsync(ct);

        var planRegion = byId[id];
        return new UnitMatcher(
            organizations.Select(o => new OrganizationCandidate(o.Id, o.Name, o.Kind, byId[o.RegionId], o.Aliases)),
            new MatchScope(planRegion, [.. regions.Where(r => r.IsBelow(planRegion))],
                [.. regions.Where(r => planRegion.IsBelow(r)).OrderByDescending(r => r.Depth)]));
    }

    /// <summary>The region and its ancestors, nearest first.</summary>
    private static async Task<List<RegionRef>> ChainAsync(DubanDbContext db, long regionId, CancellationToken ct)
    {
        var path = await db.Regions.AsNoTracking().Where(r => r.Id == regionId).Select(r => r.Path).SingleAsync(ct);
        var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new RegionRef(r.Id, r.Name, r.Path, r.Code)).ToListAsync(ct);
        return [.. regions.OrderByDescending(r => r.Depth)];
    }
}
