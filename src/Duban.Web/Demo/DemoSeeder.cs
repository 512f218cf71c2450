using Duban.Core.Organizations;
using Duban.Core.Regions;
using Duban.Core.Security;
using Duban.Core.Users;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Demo;

/// <summary>
/// Fills an empty database with a small, made-up world in which data scopes mean something: a province, the demo city
/// and its three counties, the made-up places the sample plans are about (<see cref="SamplePlaces"/>), a few
/// organisations, and one demo user per role. Runs only in demo mode and only on a database without users or regions
/// of its own (the national regions loaded at start-up do not count: they all have a code, the demo's places none).
/// </summary>
public sealed class DemoSeeder(DubanDbContext db, AuditLog audit, TimeProvider time, IEnumerable<IDemoPlanSeeder> planSeeders, IServiceProvider services, Microsoft.Extensions.Options.IOptions<DemoOptions> options, ILogger<DemoSeeder> logger)
{
    public const string Province = "江南省";
    public const string City = "清河市";
    public static readonly string[] Counties = ["东湖县", "西山县", "南岭县"];
    public const string CityEducation = "清河市教育局";
    public const string CityFinance = "清河市财政局";

    /// <summary>
    /// The made-up places the titles of samples/ name, each with the place it lies in: the sample plans are filed under
    /// them (Demo/SamplePlanSeeder.cs), not under the demo city. No codes: they are not in the national catalogue.
    /// </summary>
    public static readonly (string Name, string Parent)[] SamplePlaces =
    [
        ("青禾市", Province), ("云岭县", "青禾市"),
        ("西岭市", Province),
        ("南浦市", Province), ("南浦县", "南浦市"), ("东川区", "南浦市"),
    ];

    /// <summary>
    /// Counties no sample title names, under a sample city that has none otherwise: 各县（市、区）人民政府 in 西岭市's
    /// plans then stands for someone, as it does in 青禾市 and 南浦市.
    /// </summary>
    public static readonly (string Name, string Parent)[] SampleCityCounties = [("石桥县", "西岭市"), ("柳溪区", "西岭市")];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct) || await db.Regions.AnyAsync(r => r.Code == null, ct)) return;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var province = await AddRegionAsync(Province, RegionLevel.Province, null, ct);
        var city = await AddRegionAsync(City, RegionLevel.City, province, ct);
        var counties = new List<Region>();
        foreach (var name in Counties) counties.Add(await AddRegionAsync(name, RegionLevel.County, city, ct));
        var places = new Dictionary<string, Region> { [Province] = province };
        foreach (var (name, parent) in SamplePlaces.Concat(SampleCityCounties))
            places[name] = await AddRegionAsync(name, places[parent] == province ? RegionLevel.City : RegionLevel.County, places[parent], ct);

        var education = new Organization { Name = CityEducation, Kind = OrganizationKind.Department, RegionId = city.Id, Aliases = [new() { Name = "市教育局" }] };
        db.Organizations.AddRange(
            new Organization { Name = "江南省教育厅", Kind = OrganizationKind.Department, RegionId = province.Id, Aliases = [new() { Name = "省教育厅" }] },
            education,
            new Organization { Name = CityFinance, Kind = OrganizationKind.Department, RegionId = city.Id, Aliases = [new() { Name = "市财政局" }] },
            new Organization { Name = "清河市人力资源和社会保障局", Kind = OrganizationKind.Department, RegionId = city.Id, Aliases = [new() { Name = "市人社局" }] },
            new Organization { Name = "清河职业技术学院", Kind = OrganizationKind.School, RegionId = city.Id });
        foreach (var county in counties)
            db.Organizations.Add(new Organization { Name = county.Name + "人民政府", Kind = OrganizationKind.Government, RegionId = county.Id, Aliases = [new() { Name = county.Name + "政府" }] });
        await db.SaveChangesAsync(ct);

        var now = time.GetUtcNow();
        var admin = NewUser(DemoAccounts.Admin, "演示管理员", Role.Admin, DataScope.All, null, null, now);
        var reporter = NewUser(DemoAccounts.Reporter, "演示填报员", Role.Reporter, DataScope.Own, education.Id, null, now);
        var inspector = NewUser(DemoAccounts.Inspector, "演示督查员", Role.Inspector, DataScope.RegionAndBelow, null, city.Id, now);
        db.Users.AddRange(admin, reporter, inspector);
        await db.SaveChangesAsync(ct);

        audit.Add(Actor.System, AuditActions.DemoSeed, AuditEntities.Database, (string?)null, null,
            new { regions = 2 + counties.Count + SamplePlaces.Length + SampleCityCounties.Length, organizations = await db.Organizations.CountAsync(ct), users = new[] { admin.UserName, reporter.UserName, inspector.UserName } });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Demo data created: regions, organisations and the users {Users}", string.Join(", ", admin.UserName, reporter.UserName, inspector.UserName));

        if (options.Value.SamplePlans)
            foreach (var seeder in planSeeders) await seeder.SeedAsync(new DemoSeedContext(services, admin.Id), ct);
    }

    private async Task<Region> AddRegionAsync(string name, RegionLevel level, Region? parent, CancellationToken ct)
    {
        var region = new Region { Name = name, Level = level, ParentId = parent?.Id };
        db.Regions.Add(region);
        await db.SaveChangesAsync(ct);
        // The path holds the region's own id, known only once it is saved.
        region.Path = Region.PathOf(parent, region.Id);
        await db.SaveChangesAsync(ct);
        return region;
    }

    private static User NewUser(string userName, string displayName, Role role, DataScope scope, long? organizationId, long? regionId, DateTimeOffset now) => new()
    {
        UserName = userName,
        DisplayName = displayName,
        PasswordHash = PasswordHasher.Hash(DemoAccounts.Password),
        Role = role,
        Scope = scope,
        OrganizationId = organizationId,
        RegionId = regionId,
        CreatedAt = now,
    };
}
