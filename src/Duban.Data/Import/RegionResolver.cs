using Duban.Core.Import;
using Duban.Core.Regions;
using Duban.Core.Text;
using Duban.Parsing.Model;
using Microsoft.EntityFrameworkCore;
using Duban.Data.Audit;

namespace Duban.Data.Import;

/// <summary>Settles the region a plan is imported into, and creates it on confirmation when it is new.</summary>
internal static class RegionResolver
{
    public static async Task<AnalyzedRegion> AnalyzeAsync(DubanDbContext db, PlanRegion choice, PlanDocument document, ImportOptions options, CancellationToken ct) => choice switch
    {
        PlanRegion.Existing existing => await db.Regions.AsNoTracking().Where(r => r.Id == existing.Id)
            .Select(r => new AnalyzedRegion(r.Id, r.Name, r.Path)).SingleOrDefaultAsync(ct)
            ?? throw new PlanImportException(ImportErrorCodes.UnknownRegion, ImportFields.Region, $"地区（编号 {existing.Id}）不存在。"),
        PlanRegion.Named named => await ByNameAsync(db, named.Name, ct),
        _ => await ByNameAsync(db, RegionNames.FromDocument(document.Issuer, document.Title) ?? options.UnknownRegionName, ct),
    };

    public static async Task<AnalyzedRegion> ByNameAsync(DubanDbContext db, string name, CancellationToken ct)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0) throw new PlanImportException(ImportErrorCodes.UnknownRegion, ImportFields.Region, "地区名称不能为空。");
        if (NameText.Problem(trimmed, "地区名称") is { } nameProblem) throw new PlanImportException(ImportErrorCodes.UnknownRegion, ImportFields.Region, nameProblem);
        trimmed = NameText.Normalize(trimmed);
        var found = await db.Regions.AsNoTracking().Where(r => r.Name == trimmed)
            .Select(r => new AnalyzedRegion(r.Id, r.Name, r.Path)).Take(2).ToListAsync(ct);
        return found.Count switch
        {
            0 => new AnalyzedRegion(null, trimmed, null),
            1 => found[0],
            _ => throw new PlanImportException(ImportErrorCodes.AmbiguousRegion, ImportFields.Region, $"有多个名为“{trimmed}”的地区，请按编号指定。"),
        };
    }

    /// <summary>The id of the analysed region, creating it (at the top of the tree) when the analysis found none.</summary>
    public static async Task<long> EnsureAsync(DubanDbContext db, AnalyzedRegion region, ImportAuditTrail audit, CancellationToken ct)
    {
        if (region.Id is { } id) return id;
        // Another import may have created it since the analysis; two regions of one name would make names ambiguous.
        if ((await ByNameAsync(db, region.Name, ct)).Id is { } created) return created;

        var entity = new Region { Name = ColumnText.Fit(region.Name, 100), Level = RegionNames.LevelOf(region.Name) };
        db.Regions.Add(entity);
        await db.SaveChangesAsync(ct);
        // The path holds the region's own id, so it can only be written once the id is known.
        entity.Path = Region.PathOf(null, entity.Id);
        await db.SaveChangesAsync(ct);
        audit.Add(AuditActions.RegionCreate, AuditEntities.Region, () => entity.Id, null,
            () => new { entity.Id, entity.Name, entity.Level, entity.ParentId, entity.Path });
        return entity.Id;
    }
}
