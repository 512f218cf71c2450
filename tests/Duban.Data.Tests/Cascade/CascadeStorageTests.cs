using Duban.Core.Cascade;
using Duban.Core.Organizations;
using Duban.Core.Regions;
using Duban.Data.Audit;
using Duban.Data.Cascade;
using Duban.Data.Import;
using Duban.Data.Notifications;
using Duban.Data.Tests.Import.Support;
using Duban.Data.Tests.Support;
using Duban.Parsing;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Cascade;

/// <summary>
/// The cascade on both databases: the basis stored at import, links proposed both ways (here the county plans come
/// first and the city plan later links them), filing requirements read from the text and matched by the plans
/// already there, coverage proposed, the late filing escalated once; the seeds' basis documents as the issue names them.
/// </summary>
public sealed class CascadeStorageTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    private static async Task<long> ImportAsync(DatabaseOptions options, byte[] content, string fileName, long regionId)
    {
        await using var db = DatabaseFixture.Context(options);
        var clock = new FixedClock();
        var service = new PlanImportService(db, clock, new AuditLog(db, clock), new PlanParser());
        var (_, result) = await service.ImportAsync(new ImportFile(content, fileName), new PlanRegion.Existing(regionId),
            analysis => analysis.DefaultDecisions(createUnmatched: true), ImportHarness.Actor);
        return result.PlanId;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_city_plan_imported_after_its_county_plans_links_them_matches_their_filings_and_proposes_coverage(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        long city, nanlingGovernment;
        var counties = new Dictionary<string, long>();
        await using (var db = DatabaseFixture.Context(options))
        {
            await DubanDatabase.MigrateAsync(db);
            var province = await TestRegions.AddAsync(db, "江南省", RegionLevel.Province);
            var cityRegion = await TestRegions.AddAsync(db, "清河市", RegionLevel.City, province);
            city = cityRegion.Id;
            foreach (var name in new[] { "东湖县", "西山县", "南岭县" })
            {
                var county = await TestRegions.AddAsync(db, name, RegionLevel.County, cityRegion);
                counties[name] = county.Id;
                db.Organizations.Add(new Organization { Name = name + "人民政府", Kind = OrganizationKind.Government, RegionId = county.Id });
            }
            db.Organizations.Add(new Organization { Name = "清河职业技术学院", Kind = OrganizationKind.School, RegionId = city });
            await db.SaveChangesAsync();
            nanlingGovernment = await db.Organizations.Where(o => o.Name == "南岭县人民政府").Select(o => o.Id).SingleAsync();
        }

        var donghu = await ImportAsync(options, ImportSeedFiles.Sample("cascade/donghu-county-plan.txt"), "donghu.txt", counties["东湖县"]);
        var xishan = await ImportAsync(options, ImportSeedFiles.Sample("cascade/xishan-county-plan.txt"), "xishan.txt", counties["西山县"]);
        await using (var db = DatabaseFixture.Context(options))
        {
            var basis = await db.Set<PlanBasis>().Where(b => b.PlanId == xishan).SingleAsync();
            (basis.Title, basis.DocNumber, basis.DocKey).ShouldBe(("清河市深化现代职业教育体系建设改革实施方案", "清政发〔2026〕8号", "清政发[2026]8号"));
            (await db.Set<PlanLink>().CountAsync()).ShouldBe(0);
        }

        var cityPlan = await ImportAsync(options, ImportSeedFiles.Sample("cascade/qinghe-city-plan.txt"), "city.txt", city);
        await using (var db = DatabaseFixture.Context(options))
        {
            (await db.Set<PlanLink>().OrderBy(l => l.LowerPlanId).Select(l => new { l.LowerPlanId, l.UpperPlanId, l.State }).ToListAsync())
                .ShouldBe([new { LowerPlanId = donghu, UpperPlanId = cityPlan, State = LinkState.Proposed }, new { LowerPlanId = xishan, UpperPlanId = cityPlan, State = LinkState.Proposed }]);
            var requirements = await db.Set<FilingRequirement>().Where(r => r.PlanId == cityPlan).OrderBy(r => r.Id).ToListAsync();
            requirements.Select(r => (r.Kind, r.EveryChildRegion, r.Office, r.Due, r.FromText))
                .ShouldBe([(FilingKind.County, true, "市教育局", new DateOnly(2026, 3, 31), true), (FilingKind.School, false, "市教育局", new DateOnly(2026, 3, 31), true)]);
            var filings = await db.Set<Filing>().Where(f => f.RequirementId == requirements[0].Id).ToDictionaryAsync(f => f.OrganizationId);
            filings.Count.ShouldBe(3);
            filings.Values.Where(f => f.State == FilingState.Filed).Select(f => f.LowerPlanId).Order().ShouldBe(new long?[] { donghu, xishan }.Order());
            filings[nanlingGovernment].State.ShouldBe(FilingState.Pending);
            (await db.Set<Coverage>().Where(c => c.LowerPlanId == donghu).CountAsync()).ShouldBeGreaterThan(0);
            (await db.Set<Coverage>().Where(c => c.LowerPlanId == xishan).CountAsync()).ShouldBeGreaterThan(0);
            (await db.AuditEntries.CountAsync(a => a.Action == CascadeAuditActions.LinkPropose)).ShouldBe(2);
            (await db.AuditEntries.CountAsync(a => a.Action == CascadeAuditActions.FilingMatch)).ShouldBe(2);
        }

        // The same file again changes nothing; a late filing is escalated once.
        (await ImportAsync(options, ImportSeedFiles.Sample("cascade/qinghe-city-plan.txt"), "city.txt", city)).ShouldBe(cityPlan);
        await using (var db = DatabaseFixture.Context(options))
        {
            (await db.Set<PlanLink>().CountAsync()).ShouldBe(2);
            var job = new FilingJob(db, new NotificationCenter(db), new AuditLog(db, new FixedClock()));
            (await job.EscalateAsync(Now)).ShouldBe(2);
            (await job.EscalateAsync(Now)).ShouldBe(0);
        }
        await using (var db = DatabaseFixture.Context(options))
            (await db.Set<Filing>().Where(f => f.OrganizationId == nanlingGovernment).Select(f => f.EscalatedAt).SingleAsync()).ShouldBe(Now);
    }

    [SeedFact]
    public async Task The_seeds_keep_their_basis_documents_and_qingyang_requires_county_and_school_plans()
    {
        var options = await databases.EmptyAsync(DatabaseProvider.Sqlite);
        long region;
        await using (var db = DatabaseFixture.Context(options))
        {
            await DubanDatabase.MigrateAsync(db);
            region = (await TestRegions.AddAsync(db, "种子市", RegionLevel.City)).Id;
        }
        var pingliang = await ImportAsync(options, ImportSeedFiles.Seed("000"), "000.txt", region);
        var qingyang = await ImportAsync(options, ImportSeedFiles.Seed("001"), "001.txt", region);
        var pingyin = await ImportAsync(options, ImportSeedFiles.Seed("003"), "003.txt", region);
        await using var check = DatabaseFixture.Context(options);
        async Task<string?[]> KeysAsync(long plan) => [.. await check.Set<PlanBasis>().Where(b => b.PlanId == plan && b.DocKey != null).OrderBy(b => b.Order).Select(b => b.DocKey).ToListAsync()];
        (await KeysAsync(pingliang)).ShouldBe(["甘政发[2020]38号"]);
        (await KeysAsync(qingyang)).ShouldBe(["甘政发[2020]38号"]);
        (await KeysAsync(pingyin)).ShouldBe(["鲁政发[2020]3号", "济政发[2020]10号"]);
        (await check.Set<FilingRequirement>().Where(r => r.PlanId == qingyang).OrderBy(r => r.Id).Select(r => r.Kind).ToListAsync())
            .ShouldBe([FilingKind.County, FilingKind.School]);
    }
}
