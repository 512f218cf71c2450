using Duban.Core.Cascade;
using Duban.Core.Notifications;
using Duban.Core.Security;
using Duban.Core.Tracking.Escalation;
using Duban.Core.Tracking.Supervision;
using Duban.Core.Users;
using Duban.Core.Organizations;
using Duban.Core.Regions;
using Duban.Data.Audit;
using Duban.Data.Cascade;
using Duban.Data.Import;
using Duban.Data.Notifications;
using Duban.Data.Supervision;
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
            var job = Job(db, Now);
            (await job.EscalateAsync(Now)).Chased.ShouldBe(2);
            (await job.EscalateAsync(Now)).ShouldBe(new FilingRun(0, 0, 0));
        }
        await using (var db = DatabaseFixture.Context(options))
            (await db.Set<Filing>().Where(f => f.OrganizationId == nanlingGovernment).Select(f => f.EscalatedAt).SingleAsync()).ShouldBe(Now);
    }

    private static FilingJob Job(DubanDbContext db, DateTimeOffset at)
    {
        var clock = new FixedClock(at);
        var audit = new AuditLog(db, clock);
        var center = new NotificationCenter(db);
        var orders = new FilingOrders(db, clock, audit, center, new WebhookOutbox(db, new WebhookOptions()), EscalationOptions.Default);
        return new FilingJob(db, center, audit, orders, EscalationOptions.Default);
    }

    /// <summary>Noon in Beijing on the day.</summary>
    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.FromHours(8));

    [Theory, OnSqlite, OnPostgres]
    public async Task A_missing_filing_climbs_the_ladder_reminder_chase_order_each_once(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        long city, nanling;
        await using (var db = DatabaseFixture.Context(options))
        {
            await DubanDatabase.MigrateAsync(db);
            var cityRegion = await TestRegions.AddAsync(db, "清河市", RegionLevel.City);
            city = cityRegion.Id;
            var county = await TestRegions.AddAsync(db, "南岭县", RegionLevel.County, cityRegion);
            var government = new Organization { Name = "南岭县人民政府", Kind = OrganizationKind.Government, RegionId = county.Id };
            db.Organizations.Add(government);
            db.Organizations.Add(new Organization { Name = "清河职业技术学院", Kind = OrganizationKind.School, RegionId = city });
            await db.SaveChangesAsync();
            nanling = government.Id;
            db.Users.AddRange(
                new User { UserName = "nanling", DisplayName = "南岭填报员", Role = Role.Reporter, Scope = DataScope.Own, OrganizationId = nanling, IsActive = true, CreatedAt = Now },
                new User { UserName = "qinghe", DisplayName = "清河管理员", Role = Role.Admin, Scope = DataScope.RegionAndBelow, RegionId = city, IsActive = true, CreatedAt = Now });
            await db.SaveChangesAsync();
        }
        // Requires 一县一案 of every county (南岭县 here) and 一校一案 of 清河职业技术学院, by 2026年3月31日.
        var plan = await ImportAsync(options, ImportSeedFiles.Sample("cascade/qinghe-city-plan.txt"), "city.txt", city);
        long filing;
        await using (var db = DatabaseFixture.Context(options))
            filing = await db.Set<Filing>().Where(f => f.OrganizationId == nanling).Select(f => f.Id).SingleAsync();

        async Task<FilingRun> RunAsync(DateTimeOffset at)
        {
            await using var db = DatabaseFixture.Context(options);
            return await Job(db, at).EscalateAsync(at);
        }

        (await RunAsync(On(2026, 3, 23))).ShouldBe(new FilingRun(0, 0, 0));
        (await RunAsync(On(2026, 3, 24))).Reminded.ShouldBe(2);
        (await RunAsync(On(2026, 3, 28))).ShouldBe(new FilingRun(0, 0, 0));
        (await RunAsync(On(2026, 4, 1))).ShouldBe(new FilingRun(0, 2, 0));
        (await RunAsync(On(2026, 4, 14))).ShouldBe(new FilingRun(0, 0, 0));
        (await RunAsync(On(2026, 4, 15))).ShouldBe(new FilingRun(0, 0, 2));
        (await RunAsync(On(2026, 4, 16))).ShouldBe(new FilingRun(0, 0, 0));

        await using (var db = DatabaseFixture.Context(options))
        {
            var kinds = await db.Set<Notification>().Where(n => n.IdempotencyKey.StartsWith($"filing-reminder:{filing}/") || n.IdempotencyKey.StartsWith($"filing-late:{filing}/")
                    || n.IdempotencyKey.StartsWith($"filing-order:{filing}/"))
                .Select(n => n.Kind).ToListAsync();
            kinds.Order().ShouldBe(new[] { NotificationKinds.Chase, NotificationKinds.Reminder, NotificationKinds.SupervisionOrder }.Order());
            var order = await db.Set<SupervisionOrder>().SingleAsync(o => o.FilingId == filing);
            (order.TaskId, order.AssignmentId, order.OrganizationId, order.Origin, order.Status, order.ReplyBy)
                .ShouldBe((null, null, nanling, OrderOrigin.Automatic, OrderStatus.Open, new DateOnly(2026, 4, 25)));
            order.Number.ShouldBe($"督办〔2026〕{order.Id}号");
            order.Reason.ShouldContain("南岭县人民政府逾期 15 天仍未报备");
            (await db.AuditEntries.CountAsync(a => a.Action == CascadeAuditActions.FilingRemind && a.EntityId == filing.ToString())).ShouldBe(1);
            (await db.AuditEntries.CountAsync(a => a.Action == SupervisionAuditActions.OrderIssue && a.EntityId == order.Id.ToString())).ShouldBe(1);

            // The subject is a task's assignment or a filing, never neither: the database refuses an order without one.
            db.Add(new SupervisionOrder
            {
                Number = "无主", OrganizationId = nanling, Reason = "x", IssuedAt = Now, IssuedByName = "x", ReplyBy = new DateOnly(2026, 5, 1), IdempotencyKey = "no-subject",
            });
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        plan.ShouldBeGreaterThan(0);
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
