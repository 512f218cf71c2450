using Duban.Core.Regions;
using Duban.Data.Audit;
using Duban.Divisions;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Regions;

/// <summary>What a load did: regions created, uncoded regions that took their code, and divisions already there.</summary>
public sealed record DivisionLoad(int Created, int Adopted, int Present)
{
    public bool ChangedAnything => Created + Adopted > 0;
}

/// <summary>
/// Materialises the configured part of the national catalogue as regions, at start-up (web host, command line): each
/// division once, found again by its code, so that a second start adds nothing and costs one read of the codes. New
/// regions are inserted one level at a time (their parents' ids are then known) and get their path once their own id
/// is known. A region an earlier release created without a code (平凉市 at the top of the tree, made by an import) takes
/// the code of the division of its name when that is beyond doubt — the name is the catalogue's only one of it, the
/// database's only uncoded one, and the region sits at the top or under that division's parent — and moves under its
/// parent, its subtree's paths rewritten; anything else is left as it is.
/// </summary>
public sealed class DivisionTreeLoader(DubanDbContext db, AuditLog audit, DivisionCatalog? catalog = null)
{
    private readonly DivisionCatalog catalog = catalog ?? DivisionCatalog.China;

    public async Task<DivisionLoad> LoadAsync(DivisionRoot root, CancellationToken ct = default)
    {
        var wanted = root.Divisions(catalog);
        if (wanted.Count == 0) return new DivisionLoad(0, 0, 0);
        try
        {
            return await LoadOnceAsync(root, wanted, ct);
        }
        catch (DbUpdateException)
        {
            // Another instance starting on the same database loaded the same codes meanwhile (the unique index on the
            // code refused ours, and our transaction was rolled back): what it did is what we meant to do.
            db.ChangeTracker.Clear();
            return await LoadOnceAsync(root, wanted, ct);
        }
    }

    private async Task<DivisionLoad> LoadOnceAsync(DivisionRoot root, IReadOnlyList<Division> wanted, CancellationToken ct)
    {
        var present = await db.Regions.AsNoTracking().Where(r => r.Code != null)
            .Select(r => new Placed(r.Id, r.Code!, r.Path)).ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, ct);
        var missing = wanted.Where(d => !present.ContainsKey(d.Code)).ToList();
        if (missing.Count == 0) return new DivisionLoad(0, 0, wanted.Count);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var uncoded = await db.Regions.Where(r => r.Code == null).ToListAsync(ct);
        var created = 0;
        var adopted = new List<object>();
        foreach (var level in missing.GroupBy(d => d.Level).OrderBy(g => g.Key))
        {
            var fresh = new List<(Region Region, string ParentPath)>();
            foreach (var division in level)
            {
                var parent = division.ParentCode is { } code ? present[code] : null;
                if (Adoptable(division, uncoded, present) is { } region)
                {
                    var before = region.Path;
                    await AdoptAsync(region, division, parent, ct);
                    adopted.Add(new { region.Id, region.Name, division.Code, Before = before, After = region.Path });
                    uncoded.Remove(region);
                    present[division.Code] = new Placed(region.Id, division.Code, region.Path);
                    continue;
                }
                var entity = new Region { Name = division.Name, Level = (RegionLevel)division.Level, Code = division.Code, ParentId = parent?.Id };
                db.Regions.Add(entity);
                fresh.Add((entity, parent?.Path ?? "/"));
            }
            await db.SaveChangesAsync(ct);
            // The path holds the region's own id, known only now.
            foreach (var (region, parentPath) in fresh)
            {
                region.Path = parentPath + region.Id + "/";
                present[region.Code!] = new Placed(region.Id, region.Code!, region.Path);
            }
            await db.SaveChangesAsync(ct);
            created += fresh.Count;
        }
        audit.Add(Actor.System, AuditActions.RegionsLoad, AuditEntities.Region, (string?)null, null,
            new { Root = root.Describe(), Source = DivisionCatalog.Source, Created = created, Adopted = adopted });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new DivisionLoad(created, adopted.Count, wanted.Count - missing.Count);
    }

    /// <summary>The uncoded region that is beyond doubt this division, if any.</summary>
    private Region? Adoptable(Division division, List<Region> uncoded, Dictionary<string, Placed> present)
    {
        if (catalog.Named(division.Name).Count != 1) return null;
        var named = uncoded.Where(r => r.Name == division.Name).Take(2).ToList();
        if (named.Count != 1) return null;
        var region = named[0];
        if (region.ParentId is null) return region;
        return division.ParentCode is { } parentCode && present.TryGetValue(parentCode, out var parent) && parent.Id == region.ParentId ? region : null;
    }

    /// <summary>Gives the region its code and level and moves it (with its subtree) under the division's parent.</summary>
    private async Task AdoptAsync(Region region, Division division, Placed? parent, CancellationToken ct)
    {
        region.Code = division.Code;
        region.Level = (RegionLevel)division.Level;
        region.ParentId = parent?.Id;
        var newPath = (parent?.Path ?? "/") + region.Id + "/";
        if (newPath != region.Path) await RegionPaths.MoveSubtreeAsync(db, region, newPath, ct);
        await db.SaveChangesAsync(ct);
    }

    private sealed record Placed(long Id, string Code, string Path);
}
