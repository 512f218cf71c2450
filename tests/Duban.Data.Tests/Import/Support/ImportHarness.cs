using Duban.Core.Import;
using Duban.Core.Organizations;
using Duban.Core.Regions;
using Duban.Data.Import;
using Duban.Parsing;
using Microsoft.EntityFrameworkCore;
using Duban.Data.Audit;
using Duban.Data.Regions;

namespace Duban.Data.Tests.Import.Support;

/// <summary>A database, a clock and the import service over them, with the steps the import tests share.</summary>
public sealed class ImportHarness : IDisposable
{
    public static readonly ImportActor Actor = new("张三", UserId: 7, RemoteAddress: "10.0.0.8");

    public ImportTestDatabase Database { get; } = new();

    public FixedClock Clock { get; } = new();

    public ImportOptions Options { get; set; } = ImportOptions.Default;

    /// <summary>A service over a context of its own, as a web request or a CLI run would have.</summary>
    public PlanImportService Service(DubanDbContext db) => new(db, Clock, new AuditLog(db, Clock), new PlanParser(), Options);

    /// <summary>Analyses as <paramref name="authority"/>, by default as the machine's operator.</summary>
    public async Task<ImportAnalysis> AnalyzeAsync(byte[] content, string fileName, PlanRegion? region = null, ImportAuthority? authority = null)
    {
        await using var db = Database.NewContext();
        return await Service(db).AnalyzeAsync(new ImportFile(content, fileName), region ?? new PlanRegion.FromDocument(), authority ?? ImportAuthority.Unrestricted);
    }

    public async Task<ImportResult> ConfirmAsync(ImportAnalysis analysis, ImportDecisions decisions)
    {
        await using var db = Database.NewContext();
        return await Service(db).ConfirmAsync(analysis, decisions, Actor);
    }

    /// <summary>Analyses and confirms with the proposals as they stand, creating unmatched units (duban import --create-units).</summary>
    public async Task<ImportResult> ImportAsync(byte[] content, string fileName, PlanRegion? region = null, bool createUnits = true, ImportAuthority? authority = null)
    {
        var analysis = await AnalyzeAsync(content, fileName, region, authority);
        return await ConfirmAsync(analysis, analysis.DefaultDecisions(createUnits));
    }

    /// <summary>Loads the national regions below <paramref name="root"/> (全国 by default), as the start-up does.</summary>
    public async Task<DivisionLoad> LoadDivisionsAsync(string root = "全国")
    {
        await using var db = Database.NewContext();
        return await new DivisionTreeLoader(db, new AuditLog(db, Clock)).LoadAsync(DivisionRoot.Parse(root, Duban.Divisions.DivisionCatalog.China));
    }

    public async Task<RowCounts> CountsAsync()
    {
        await using var db = Database.NewContext();
        return new RowCounts(
            await db.Regions.CountAsync(),
            await db.Organizations.CountAsync(),
            await db.OrganizationAliases.CountAsync(),
            await db.Plans.CountAsync(),
            await db.PlanVersions.CountAsync(),
            await db.TaskLists.CountAsync(),
            await db.Tasks.CountAsync(),
            await db.Assignments.CountAsync(),
            await db.Targets.CountAsync(),
            await db.GoverningBodies.CountAsync(),
            await db.BodyMembers.CountAsync(),
            await db.AuditEntries.CountAsync());
    }

    /// <summary>Adds a region below <paramref name="parent"/> (or at the top), with its ancestor path.</summary>
    public async Task<Region> AddRegionAsync(string name, Region? parent = null)
    {
        await using var db = Database.NewContext();
        var region = new Region { Name = name, Level = RegionNames.LevelOf(name), ParentId = parent?.Id };
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        region.Path = Region.PathOf(parent, region.Id);
        await db.SaveChangesAsync();
        return region;
    }

    public async Task<Organization> AddOrganizationAsync(string name, OrganizationKind kind, Region region, params string[] aliases)
    {
        await using var db = Database.NewContext();
        var organization = new Organization
        {
            Name = name,
            Kind = kind,
            RegionId = region.Id,
            Aliases = [.. aliases.Select(a => new OrganizationAlias { Name = a })],
        };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization;
    }

    /// <summary>A city with its counties, each with its government (各县（区）人民政府 expands to these), and schools.</summary>
    public async Task<SeededCity> AddCityAsync(string city, string[] counties, params (string Name, string? County)[] schools)
    {
        var region = await AddRegionAsync(city);
        var governments = new List<Organization>();
        var countyRegions = new Dictionary<string, Region>();
        foreach (var county in counties)
        {
            var countyRegion = countyRegions[county] = await AddRegionAsync(county, region);
            governments.Add(await AddOrganizationAsync(county + "人民政府", OrganizationKind.Government, countyRegion));
        }
        var schoolOrganizations = new List<Organization>();
        foreach (var (name, county) in schools)
            schoolOrganizations.Add(await AddOrganizationAsync(name, OrganizationKind.School, county is null ? region : countyRegions[county]));
        return new SeededCity(region, governments, schoolOrganizations);
    }

    public void Dispose() => Database.Dispose();
}

public sealed record SeededCity(Region Region, IReadOnlyList<Organization> Governments, IReadOnlyList<Organization> Schools);

/// <summary>How many rows each table holds: "nothing stored" and "nothing changed" are checked on all of them.</summary>
public sealed record RowCounts(
    int Regions,
    int Organizations,
    int Aliases,
    int Plans,
    int Versions,
    int TaskLists,
    int Tasks,
    int Assignments,
    int Targets,
    int Bodies,
    int BodyMembers,
    int AuditEntries);
