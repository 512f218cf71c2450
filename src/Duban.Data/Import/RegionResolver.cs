using Duban.Core.Import;
using Duban.Core.Regions;
using Duban.Core.Text;
using Duban.Data.Audit;
using Duban.Divisions;
using Duban.Parsing.Model;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Import;

/// <summary>
/// Settles the region a plan is imported into, within what the importer answers for (<see cref="ImportAuthority"/>),
/// and creates it on confirmation when it is new: a division of the national catalogue with its missing ancestors, any
/// other place below the importer's own region, at the top of the tree only for someone who answers for every region.
/// </summary>
internal static class RegionResolver
{
    public static async Task<AnalyzedRegion> AnalyzeAsync(
        DubanDbContext db, PlanRegion choice, PlanDocument document, ImportOptions options, ImportAuthority authority, CancellationToken ct)
    {
        var region = choice switch
        {
            PlanRegion.Existing existing => await ExistingAsync(db, existing.Id, authority, ct),
            PlanRegion.Coded coded => await CodedAsync(db, coded.Code, authority, ct),
            PlanRegion.Named named => await NamedAsync(db, named.Name, authority, ct),
            _ => await FromDocumentAsync(db, document, options, authority, ct),
        };
        return await WithLineageAsync(db, region, ct);
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

    /// <summary>The region of a 行政区划代码: the database's, else the catalogue's division (to be created with its ancestors).</summary>
    private static async Task<AnalyzedRegion> CodedAsync(DubanDbContext db, string code, ImportAuthority authority, CancellationToken ct)
    {
        var full = DivisionCodes.Normalize(code)
            ?? throw new PlanImportException(ImportErrorCodes.UnknownRegion, ImportFields.Region, $"地区代码「{code}」无效：应为 6 位行政区划代码（如 620800）。");
        if (await db.Regions.Where(r => r.Code == full).Select(r => (long?)r.Id).SingleOrDefaultAsync(ct) is { } id)
            return await ExistingAsync(db, id, authority, ct);
        if (DivisionCatalog.China.Find(full) is not { } division)
            throw new PlanImportException(ImportErrorCodes.UnknownRegion, ImportFields.Region, $"没有代码为 {full} 的地区。");
        return FromPlace(RegionGazetteer.CataloguePlace(division, DivisionCatalog.China, authority.TopLevel), fromDocument: false, authority);
    }

    /// <summary>The region of this name (or code, written in digits); several of that name → the candidates; none → a new one.</summary>
    private static async Task<AnalyzedRegion> NamedAsync(DubanDbContext db, string name, ImportAuthority authority, CancellationToken ct)
    {
        var trimmed = name.Trim();
        if (trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit)) return await CodedAsync(db, trimmed, authority, ct);
        trimmed = CheckedName(trimmed);
        var places = RegionRecognizer.Preferred((await RegionGazetteer.LoadAsync(db, authority, DivisionCatalog.China, ct)).Where(p => p.Name == trimmed));
        return places.Count switch
        {
            0 => await WithinAsync(db, new AnalyzedRegion(null, trimmed, null), fromDocument: false, authority, ct),
            1 => await PlacedAsync(db, places[0], fromDocument: false, authority, ct),
            _ => throw Ambiguous(trimmed, places, $"有多个名为“{trimmed}”的地区"),
        };
    }

    private static async Task<AnalyzedRegion> FromDocumentAsync(DubanDbContext db, PlanDocument document, ImportOptions options, ImportAuthority authority, CancellationToken ct)
    {
        var places = await RegionGazetteer.LoadAsync(db, authority, DivisionCatalog.China, ct);
        var recognition = RegionRecognizer.Recognize(RegionClues.From(document), places);
        if (recognition.Chosen is { } chosen)
            return await PlacedAsync(db, chosen, fromDocument: true, authority, ct) with { Clue = recognition.Clue };
        if (recognition.IsAmbiguous)
            throw Ambiguous(recognition.Name!, recognition.Candidates, $"{recognition.Clue}所指的“{recognition.Name}”有多个同名地区");
        if (recognition.Name is { } unknown)
            return await WithinAsync(db, new AnalyzedRegion(null, CheckedName(unknown), null), fromDocument: true, authority, ct) with { Clue = recognition.Clue };

        // A document that names no place belongs where its importer works; the placeholder region is for those who
        // answer for every region.
        if (authority.HomeRegionId is { } home) return await ExistingAsync(db, home, authority, ct);
        var placeholder = await db.Regions.AsNoTracking().Where(r => r.Name == options.UnknownRegionName && r.Code == null)
            .OrderBy(r => r.Id).Select(r => new AnalyzedRegion(r.Id, r.Name, r.Path, null)).FirstOrDefaultAsync(ct);
        return await WithinAsync(db, placeholder ?? new AnalyzedRegion(null, options.UnknownRegionName, null), fromDocument: true, authority, ct);
    }

    /// <summary>A recognised place: the database's region, if the importer may file plans there; the catalogue's, if it may create it.</summary>
    private static async Task<AnalyzedRegion> PlacedAsync(DubanDbContext db, KnownPlace place, bool fromDocument, ImportAuthority authority, CancellationToken ct) =>
        place.Ref.RegionId is { } id
            ? await WithinAsync(db, new AnalyzedRegion(id, place.Name, null) { Code = place.Code }, fromDocument, authority, ct)
            : FromPlace(place, fromDocument, authority);

    private static AnalyzedRegion FromPlace(KnownPlace place, bool fromDocument, ImportAuthority authority)
    {
        var label = $"「{place.Name}（{place.Code}）」";
        if (!authority.TopLevel)
            throw new PlanImportException(ImportErrorCodes.RegionOutOfScope, ImportFields.Region,
                $"{(fromDocument ? "文件的发文机关或标题所指的地区" : "地区")}{label}不在您的管理范围内：请在“地区”（regionId）中选择您所管理的地区。");
        return new AnalyzedRegion(null, place.Name, null) { Code = place.Code };
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
            if (await Select(authority.Regions(db.Regions.AsNoTracking()).Where(r => r.Id == id)).SingleOrDefaultAsync(ct) is { } found) return found;
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

    /// <summary>The id of the analysed region, creating it (and, for a catalogue division, its missing ancestors) when the analysis found none.</summary>
    public static async Task<long> EnsureAsync(DubanDbContext db, AnalyzedRegion region, ImportAuthority authority, ImportAuditTrail audit, CancellationToken ct)
    {
        if (region.Id is { } id) return id;
        if (region.Code is { } code && DivisionCatalog.China.Find(code) is { } division) return await MaterialiseAsync(db, division, audit, ct);

        // Another import may have created it since the analysis; two regions of one name in one place would make names
        // ambiguous. One created elsewhere is no more the importer's to file under than if it had been there all along.
        var twin = await db.Regions.AsNoTracking().Where(r => r.Name == region.Name && r.ParentId == region.ParentId && r.Code == null)
            .Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
        if (twin is { } created) return (await WithinAsync(db, region with { Id = created }, fromDocument: false, authority, ct)).Id!.Value;

        var parent = region.ParentId is { } parentId ? await db.Regions.SingleAsync(r => r.Id == parentId, ct) : null;
        return (await AddAsync(db, ColumnText.Fit(region.Name, 100), RegionNames.LevelOf(region.Name), null, parent, audit, ct)).Id;
    }

    /// <summary>The division's region, created with each missing ancestor (found again by code), each creation audited.</summary>
    private static async Task<long> MaterialiseAsync(DubanDbContext db, Division division, ImportAuditTrail audit, CancellationToken ct)
    {
        Region? parent = null;
        foreach (var step in DivisionCatalog.China.AncestorsOf(division).Append(division))
            parent = await db.Regions.SingleOrDefaultAsync(r => r.Code == step.Code, ct)
                     ?? await AddAsync(db, step.Name, (RegionLevel)step.Level, step.Code, parent, audit, ct);
        return parent!.Id;
    }

    private static async Task<Region> AddAsync(DubanDbContext db, string name, RegionLevel level, string? code, Region? parent, ImportAuditTrail audit, CancellationToken ct)
    {
        var entity = new Region { Name = name, Level = level, Code = code, ParentId = parent?.Id };
        db.Regions.Add(entity);
        await db.SaveChangesAsync(ct);
        // The path holds the region's own id, so it can only be written once the id is known.
        entity.Path = Region.PathOf(parent, entity.Id);
        await db.SaveChangesAsync(ct);
        audit.Add(AuditActions.RegionCreate, AuditEntities.Region, () => entity.Id, null,
            () => new { entity.Id, entity.Name, entity.Code, entity.Level, entity.ParentId, entity.Path });
        return entity;
    }

    /// <summary>The region with the names above it (and, for one to create, where it will stand).</summary>
    public static async Task<AnalyzedRegion> WithLineageAsync(DubanDbContext db, AnalyzedRegion region, CancellationToken ct)
    {
        if (region.Path is { } path)
        {
            var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
            var names = await db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
            return region with { Lineage = [.. ids.Select(i => names.GetValueOrDefault(i, "?"))] };
        }
        if (region.Code is { } code && DivisionCatalog.China.Find(code) is { } division)
            return region with { Lineage = [.. DivisionCatalog.China.AncestorsOf(division).Select(d => d.Name), division.Name] };
        if (region.ParentId is { } parentId && await db.Regions.AsNoTracking().Where(r => r.Id == parentId).Select(r => r.Path).SingleOrDefaultAsync(ct) is { } parentPath)
        {
            var above = await WithLineageAsync(db, new AnalyzedRegion(null, region.Name, parentPath, null), ct);
            return region with { Lineage = [.. above.Lineage, region.Name] };
        }
        return region with { Lineage = [region.Name] };
    }

    private static string CheckedName(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0) throw new PlanImportException(ImportErrorCodes.UnknownRegion, ImportFields.Region, "地区名称不能为空。");
        if (NameText.Problem(trimmed, "地区名称") is { } problem) throw new PlanImportException(ImportErrorCodes.UnknownRegion, ImportFields.Region, problem);
        return NameText.Normalize(trimmed);
    }

    private static AmbiguousRegionException Ambiguous(string name, IEnumerable<KnownPlace> places, string what)
    {
        var candidates = places.Select(RegionGazetteer.Candidate).ToList();
        var listed = string.Join("、", candidates.Take(8).Select(c => c.Label)) + (candidates.Count > 8 ? $" 等 {candidates.Count} 个" : "");
        return new AmbiguousRegionException(name, candidates, $"{what}（{listed}），请在“地区”（regionId）中指定其一。");
    }

    private static IQueryable<AnalyzedRegion> Select(IQueryable<Region> regions) =>
        regions.Select(r => new AnalyzedRegion(r.Id, r.Name, r.Path, null) { Code = r.Code });
}
