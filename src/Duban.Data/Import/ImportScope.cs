using Duban.Core.Import;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Import;

/// <summary>Loads what the <see cref="UnitMatcher"/> may propose for a plan of one region: the organisations of the region, its ancestors and the regions below it.</summary>
internal static class ImportScope
{
    public static async Task<UnitMatcher> MatcherAsync(DubanDbContext db, AnalyzedRegion region, CancellationToken ct)
    {
        // A region that does not exist yet has no organisations; matching outside it would map 市教育局 to another city's.
        if (region is not { Id: { } id, Path: { } path }) return new UnitMatcher([], MatchScope.Everywhere);

        var ancestorIds = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        var regions = await db.Regions.AsNoTracking()
            .Where(r => ancestorIds.Contains(r.Id) || r.Path.StartsWith(path))
            .Select(r => new RegionRef(r.Id, r.Name, r.Path))
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
            new MatchScope(planRegion, [.. regions.Where(r => r.IsBelow(planRegion))]));
    }
}
