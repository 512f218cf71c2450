using Duban.Core.Regions;
using Duban.Divisions;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Import;

/// <summary>
/// The places recognition chooses among: every region of the database, marked in scope when the importer may file
/// plans there, and every division of the national catalogue the database does not hold (a deployment whose root is
/// one city), in scope only for an importer who answers for every region and so may create it.
/// </summary>
internal static class RegionGazetteer
{
    public static async Task<List<KnownPlace>> LoadAsync(DubanDbContext db, ImportAuthority authority, DivisionCatalog catalog, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking()
            .Select(r => new { r.Id, r.Name, r.Code, r.Level, r.ParentId })
            .ToDictionaryAsync(r => r.Id, ct);
        var inScope = (await authority.Regions(db.Regions.AsNoTracking()).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        var places = new List<KnownPlace>(regions.Count);
        foreach (var region in regions.Values)
        {
            var lineage = new List<string>();
            for (var parent = region.ParentId; parent is { } p && regions.TryGetValue(p, out var above) && lineage.Count < 10; parent = above.ParentId)
                lineage.Insert(0, above.Name);
            places.Add(new KnownPlace(new PlaceRef(region.Id, region.Code), region.Name, region.Level, region.Code, lineage, inScope.Contains(region.Id)));
        }
        var codes = regions.Values.Select(r => r.Code).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var division in catalog.All.Where(d => !codes.Contains(d.Code)))
            places.Add(CataloguePlace(division, catalog, authority.TopLevel));
        return places;
    }

    public static KnownPlace CataloguePlace(Division division, DivisionCatalog catalog, bool inScope) =>
        new(new PlaceRef(null, division.Code), division.Name, (RegionLevel)division.Level, division.Code,
            [.. catalog.AncestorsOf(division).Select(a => a.Name)], inScope);

    public static RegionCandidate Candidate(KnownPlace place) => new(place.Ref.RegionId, place.Name, place.Code, [.. place.Lineage, place.Name]);
}
