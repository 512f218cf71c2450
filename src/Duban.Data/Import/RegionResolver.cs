using Duban.Core.Import;
using Duban.Core.Regions;
using Duban.Core.Text;
using Duban.Parsing.Model;
using Microsoft.EntityFrameworkCore;
using Duban.Data.Audit;

namespace Duban.Data.Import;

/// <summary>
/// Settles the region a plan is imported into, within what the importer answers for (<see cref="ImportAuthority"/>),
/// and creates it on confirmation when it is new: below the importer's own region, at the top of the tree only for
/// someone who answers for every region.
/// </summary>
internal static class RegionResolver
{
    public static async Task<AnalyzedRegion> AnalyzeAsync(
        DubanDbContext db, PlanRegion choice, PlanDocument document, ImportOptions options, ImportAuthority authority, CancellationToken ct)
    {
        switch (choice)
        {
            case PlanRegion.Existing existing:
                return await ExistingAsync(db, existing.Id, authority, ct);
            case PlanRegion.Named named:
                return await WithinAsync(db, await ByNameAsync(db, named.Name, ct), fromDocument: false, authority, ct);
            default:
                // A document that names no place belongs where its importer works; the placeholder region is for those
                // who answer for every region.
                var place = RegionNames.FromDocument(document.Issuer, document.Title);
                if (place is null && authority.HomeRegionId is { } home) return await ExistingAsync(db, home, authority, ct);
                return await WithinAsync(db, await ByNameAsync(db, place ?? options.UnknownRegionName, ct), fromDocument: true, authority, ct);
        }
    }

    /// <summary>The region of this id, which must exist and lie within the importer's regions.</summary>
    public static async Task<AnalyzedRegion> ExistingAsync(DubanDbContext db, long id, ImportAuthority authority, CancellationToken ct)
    {
        var region = await Select(authority.Regions(db.Regions.AsNoTracking()).Where(r => r.Id == id)).SingleOrDefaultAsync(ct);
        if (region is not null) return region;
        if (!await db.Regions.AnyAsync(r => r.Id == id, ct))
            throw new PlanImportException(ImportErrorCodes.UnknownRegion, ImportFields.Region, $"地区（编号 {id}）不存在。");
        throw new PlanImportException(ImportErrorCodes.RegionOutOfScope, ImportFields.Region,
            $"地区（编号 {id}）不在您的管理范围内：只能将计划导入您所管理的地区或其下级地区。");
    }

    public static async Task<AnalyzedRegion> ByNameAsync(DubanDbContext db, string name, CancellationToken ct)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0) throw new PlanImportException(ImportErrorCodes.UnknownRegion, ImportFields.Region, "地区名称不能为空。");
        if (NameText.Problem(trimmed, "地区名称") is { } nameProblem) throw new PlanImportException(ImportErrorCodes.UnknownRegion, ImportFields.Region, nameProblem);
        trimmed = NameText.Normalize(trimmed);
        var found = await Select(db.Regions.AsNoTracking().Where(r => r.Name == trimmed)).Take(2).ToListAsync(ct);
        return found.Count switch
        {
            0 => new AnalyzedRegion(null, trimmed, null),
            1 => found[0],
            _ => throw new PlanImportException(ImportErrorCodes.AmbiguousRegion, ImportFields.Region, $"有多个名为“{trimmed}”的地区，请按编号指定。"),
        };
    }

    /// <summary>
    /// A region found by name, if the importer may file plans there; a region not found, placed where the importer may
    /// create it. Otherwise refused, naming the region field: the importer chooses one of its own regions instead.
    /// </summary>
    private static async Task<AnalyzedRegion> WithinAsync(DubanDbContext db, AnalyzedRegion region, bool fromDocument, ImportAuthority authority, CancellationToken ct)
    {
        var named = fromDocument ? $"文件的发文机关或标题所指的地区「{region.Name}」" : $"地区「{region.Name}」";
        if (region.Id is { } id)
        {
            if (await authority.Regions(db.Regions).AnyAsync(r => r.Id == id, ct)) return region;
            throw new PlanImportException(ImportErrorCodes.RegionOutOfScope, ImportFields.Region,
                $"{named}不在您的管理范围内：请在“地区”（regionId）中选择您所管理的地区。");
        }
        if (!authority.MayCreateRegions)
            throw new PlanImportException(ImportErrorCodes.RegionOutOfScope, ImportFields.Region,
                $"{named}尚不存在，而您无权新建地区：请在“地区”（regionId）中选择您所管理的地区。");
        if (authority.HomeRegionId is not { } home) return region;
        // The new region goes below the importer's own, which must itself be one the importer answers for.
        var parent = await ExistingAsync(db, home, authority, ct);
        return region with { ParentId = parent.Id };
    }

    /// <summary>The id of the analysed region, creating it (below its parent, or at the top) when the analysis found none.</summary>
    public static async Task<long> EnsureAsync(DubanDbContext db, AnalyzedRegion region, ImportAuthority authority, ImportAuditTrail audit, CancellationToken ct)
    {
        if (region.Id is { } id) return id;
        // Another import may have created it since the analysis; two regions of one name would make names ambiguous.
        // One created elsewhere is no more the importer's to file under than if it had been there all along.
        if ((await ByNameAsync(db, region.Name, ct)).Id is { } created)
            return (await WithinAsync(db, region with { Id = created }, fromDocument: false, authority, ct)).Id!.Value;

        var parent = region.ParentId is { } parentId ? await db.Regions.SingleAsync(r => r.Id == parentId, ct) : null;
        var entity = new Region { Name = ColumnText.Fit(region.Name, 100), Level = RegionNames.LevelOf(region.Name), ParentId = parent?.Id };
        db.Regions.Add(entity);
        await db.SaveChangesAsync(ct);
        // The path holds the region's own id, so it can only be written once the id is known.
        entity.Path = Region.PathOf(parent, entity.Id);
        await db.SaveChangesAsync(ct);
        audit.Add(AuditActions.RegionCreate, AuditEntities.Region, () => entity.Id, null,
            () => new { entity.Id, entity.Name, entity.Level, entity.ParentId, entity.Path });
        return entity.Id;
    }

    private static IQueryable<AnalyzedRegion> Select(IQueryable<Region> regions) => regions.Select(r => new AnalyzedRegion(r.Id, r.Name, r.Path, null));
}
