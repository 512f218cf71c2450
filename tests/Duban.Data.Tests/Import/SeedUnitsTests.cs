using Duban.Core.Import;
using Duban.Core.Import.Units;
using Duban.Core.Organizations;
using Duban.Data.Audit;
using Duban.Data.Import;
using Duban.Data.Regions;
using Duban.Data.Tests.Import.Support;
using Duban.Data.Tests.Support;
using Duban.Divisions;
using Duban.Parsing;
using Duban.Parsing.Model;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Import;

/// <summary>
/// Issue 11's proof on a fresh database holding the national tree, on SQLite and PostgreSQL: the five seed plans imported
/// with the suggested choices land on their real divisions, every organisation they create names its place (no bare
/// 市教育局), 平凉's 各县市 is its seven county-level governments and 安阳's 各县（市、区） its nine counties, and nothing is
/// put at the top of the tree.
/// </summary>
public sealed class SeedUnitsTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)));

    private static readonly string[] PingliangCounties = ["崆峒区人民政府", "泾川县人民政府", "灵台县人民政府", "崇信县人民政府", "庄浪县人民政府", "静宁县人民政府", "华亭市人民政府"];

    private static readonly string[] AnyangCounties =
        ["文峰区人民政府", "北关区人民政府", "殷都区人民政府", "龙安区人民政府", "安阳县人民政府", "汤阴县人民政府", "滑县人民政府", "内黄县人民政府", "林州市人民政府"];

    [SeedTheory, OnSqlite, OnPostgres]
    public async Task The_five_seeds_name_real_organisations_of_their_real_regions(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        await using (var db = DatabaseFixture.Context(options))
        {
            await DubanDatabase.MigrateAsync(db);
            await new DivisionTreeLoader(db, new AuditLog(db, Clock)).LoadAsync(DivisionRoot.Parse("全国", DivisionCatalog.China));
        }
        var codes = new Dictionary<string, string> { ["000"] = "620800", ["001"] = "621000", ["002"] = "640500", ["003"] = "370124", ["004"] = "410500" };
        var analyses = new Dictionary<string, ImportAnalysis>();
        foreach (var (id, code) in codes)
        {
            await using var db = DatabaseFixture.Context(options);
            var service = new PlanImportService(db, Clock, new AuditLog(db, Clock), new PlanParser());
            var analysis = await service.AnalyzeAsync(new ImportFile(ImportSeedFiles.Seed(id), id + ".txt"), new PlanRegion.FromDocument());
            analysis.Region.Code.ShouldBe(code, $"seed {id}");
            await service.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true), ImportHarness.Actor);
            analyses[id] = analysis;
        }

        await using var check = DatabaseFixture.Context(options);
        var plans = await check.Plans.Include(p => p.Region).ToListAsync();
        plans.Select(p => p.Region!.Code).Order().ShouldBe(codes.Values.Order());
        (await check.Regions.CountAsync(r => r.ParentId == null)).ShouldBe(31);
        (await check.Regions.AnyAsync(r => r.Code == null)).ShouldBeFalse("no region was created beside the national tree");

        // Every organisation names its place: none opens with a bare level word, none stands for many bodies or none.
        var organizations = await check.Organizations.Include(o => o.Region).Include(o => o.Aliases).ToListAsync();
        organizations.ShouldNotBeEmpty();
        organizations.Where(o => LevelPrefix.Read(OrganizationNames.Normalize(o.Name)) is not null).Select(o => o.Name).ShouldBeEmpty();
        organizations.Where(o => Parsing.Units.CollectiveNames.IsCollective(o.Name)).Select(o => o.Name).ShouldBeEmpty();
        organizations.Where(o => o.Region!.ParentId == null && o.Region.Level != Core.Regions.RegionLevel.Province).ShouldBeEmpty();
        // The written short forms are kept as aliases: 平凉市教育局 is 市教育局 in 平凉's plan, and only there.
        var pingliangBureau = organizations.Single(o => o.Name == "平凉市教育局");
        pingliangBureau.Region!.Code.ShouldBe("620800");
        pingliangBureau.Aliases.Select(a => a.Name).ShouldContain("市教育局");
        organizations.GroupBy(o => o.Name).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("no two organisations share a name");
        // 平阴's 县教育和体育局 is the county's, and the province's 教育厅 of a city plan the province's.
        organizations.Single(o => o.Name == "平阴县教育和体育局").Region!.Code.ShouldBe("370124");

        await AssertExpandedAsync(check, analyses["000"], "各县市", "620800", PingliangCounties);
        await AssertExpandedAsync(check, analyses["004"], "各县（市、区）", "410500", AnyangCounties);
    }

    private static async Task AssertExpandedAsync(DubanDbContext db, ImportAnalysis analysis, string collective, string cityCode, string[] expected)
    {
        var proposal = analysis.UnitProposals.Single(p => p.Unit.Name == collective);
        proposal.Kind.ShouldBe(UnitMatchKind.Collective);
        var plan = await db.Plans.SingleAsync(p => p.Region!.Code == cityCode);
        var assigned = await db.Assignments.Where(a => a.Task!.PlanId == plan.Id && a.UnitName == collective)
            .Select(a => new { a.TaskId, a.Organization!.Name, a.Organization.Kind, RegionCode = a.Organization.Region!.Code, ParentCode = a.Organization.Region.Parent!.Code })
            .ToListAsync();
        assigned.ShouldNotBeEmpty();
        foreach (var task in assigned.GroupBy(a => a.TaskId))
        {
            task.Select(a => a.Name).Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal), $"task {task.Key} of {collective}");
            task.ShouldAllBe(a => a.Kind == OrganizationKind.Government && a.ParentCode == cityCode);
        }
    }
}
