using Duban.Core.Regions;
using Duban.Data.Audit;
using Duban.Data.Import;
using Duban.Data.Tests.Import.Support;
using Duban.Divisions;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Import;

/// <summary>
/// The five seed plans imported on a fresh database that holds the national tree, as a deployment has it from its
/// first start: each is filed under the real division its document names, with its code, and nothing is added at the
/// top of the tree.
/// </summary>
public sealed class SeedRegionTests : IDisposable
{
    private readonly ImportHarness harness = new();

    public void Dispose() => harness.Dispose();

    [SeedFact]
    public async Task Each_seed_plan_is_filed_under_its_real_division_and_nothing_lands_at_the_top()
    {
        await harness.LoadDivisionsAsync();
        var before = await harness.CountsAsync();
        var expected = new Dictionary<string, (string Code, string[] Lineage)>
        {
            ["000"] = ("620800", ["甘肃省", "平凉市"]),
            ["001"] = ("621000", ["甘肃省", "庆阳市"]),
            ["002"] = ("640500", ["宁夏回族自治区", "中卫市"]),
            ["003"] = ("370124", ["山东省", "济南市", "平阴县"]),
            ["004"] = ("410500", ["河南省", "安阳市"]),
        };

        foreach (var (id, (code, lineage)) in expected)
        {
            var analysis = await harness.AnalyzeAsync(ImportSeedFiles.Seed(id), id + ".txt");
            analysis.Region.ShouldSatisfyAllConditions(
                r => r.Code.ShouldBe(code, $"seed {id}"),
                r => r.IsNew.ShouldBeFalse($"seed {id}"),
                r => r.Lineage.ShouldBe(lineage, $"seed {id}"),
                r => r.Clue.ShouldNotBeNullOrEmpty($"seed {id}"));
            await harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true));
        }

        await using var db = harness.Database.NewContext();
        var plans = await db.Plans.Include(p => p.Region).ThenInclude(r => r!.Parent).ThenInclude(r => r!.Parent).ToListAsync();
        plans.Select(p => p.Region!.Code).Order().ShouldBe(expected.Values.Select(v => v.Code).Order());
        var pingyin = plans.Single(p => p.Region!.Code == "370124").Region!;
        (pingyin.Name, pingyin.Parent!.Code, pingyin.Parent.Name, pingyin.Parent.Parent!.Code).ShouldBe(("平阴县", "370100", "济南市", "370000"));
        // Nothing new in the tree: no region created, none at the top but the 31 provinces.
        (await harness.CountsAsync()).Regions.ShouldBe(before.Regions);
        (await db.Regions.Where(r => r.ParentId == null).CountAsync()).ShouldBe(31);
        (await db.Regions.AnyAsync(r => r.Code == null)).ShouldBeFalse();
        (await db.AuditEntries.CountAsync(e => e.Action == AuditActions.RegionCreate)).ShouldBe(0);
    }

    [SeedFact]
    public async Task A_division_outside_a_city_deployment_is_created_with_its_missing_ancestors_by_who_answers_for_every_region()
    {
        await harness.LoadDivisionsAsync("620800");

        var analysis = await harness.AnalyzeAsync(ImportSeedFiles.Seed("004"), "004.txt");

        (analysis.Region.IsNew, analysis.Region.Code).ShouldBe((true, "410500"));
        analysis.Region.Lineage.ShouldBe(["河南省", "安阳市"]);
        var result = await harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true));
        await using var db = harness.Database.NewContext();
        var anyang = await db.Regions.Include(r => r.Parent).SingleAsync(r => r.Code == "410500");
        (anyang.Parent!.Code, anyang.Parent.Name, anyang.Parent.ParentId).ShouldBe(("410000", "河南省", null));
        anyang.Path.ShouldBe($"/{anyang.Parent.Id}/{anyang.Id}/");
        (await db.Plans.SingleAsync(p => p.Id == result.PlanId)).RegionId.ShouldBe(anyang.Id);
        (await db.AuditEntries.Where(e => e.Action == AuditActions.RegionCreate).Select(e => e.EntityId).ToListAsync())
            .ShouldBe([anyang.Parent.Id.ToString(), anyang.Id.ToString()], ignoreOrder: true);
        // 庆阳市 goes under the 甘肃省 the deployment already has.
        var qingyang = await harness.AnalyzeAsync(ImportSeedFiles.Seed("001"), "001.txt");
        qingyang.Region.ShouldSatisfyAllConditions(r => r.Code.ShouldBe("621000"), r => r.IsNew.ShouldBeTrue());
    }

    [SeedFact]
    public async Task A_county_administrator_may_not_file_a_city_plan_nor_create_the_city()
    {
        await harness.LoadDivisionsAsync("370124");
        await using (var db = harness.Database.NewContext())
        {
            var pingyin = await db.Regions.SingleAsync(r => r.Code == "370124");
            var within = new ImportAuthority(
                plans => plans.Where(p => p.Region != null && p.Region.Path.StartsWith(pingyin.Path)),
                regions => regions.Where(r => r.Path.StartsWith(pingyin.Path)), pingyin.Id, TopLevel: false);

            (await harness.AnalyzeAsync(ImportSeedFiles.Seed("003"), "003.txt", authority: within)).Region.Id.ShouldBe(pingyin.Id);
            var refused = await Should.ThrowAsync<PlanImportException>(() => harness.AnalyzeAsync(ImportSeedFiles.Seed("000"), "000.txt", authority: within));
            (refused.Code, refused.Field).ShouldBe((ImportErrorCodes.RegionOutOfScope, ImportFields.Region));
            refused.Message.ShouldContain("平凉市（620800）");
        }
        (await harness.CountsAsync()).Regions.ShouldBe(3);
    }

    [Fact]
    public async Task A_name_two_divisions_share_is_refused_with_both_as_candidates_and_the_code_settles_it()
    {
        await harness.LoadDivisionsAsync("全国");
        var plan = System.Text.Encoding.UTF8.GetBytes("""
            朝阳区人民政府关于推进职业教育发展的实施意见
            一、重点任务
            1.建设区级公共实训基地。（责任单位：区教育局；完成时限：2024年12月底前）

            """);

        var ambiguous = await Should.ThrowAsync<AmbiguousRegionException>(() => harness.AnalyzeAsync(plan, "朝阳.txt"));

        (ambiguous.Code, ambiguous.Field, ambiguous.Name).ShouldBe((ImportErrorCodes.AmbiguousRegion, ImportFields.Region, "朝阳区"));
        ambiguous.Candidates.Select(c => (c.Code, c.Label)).Order().ShouldBe([("110105", "北京市朝阳区（110105）"), ("220104", "吉林省长春市朝阳区（220104）")]);
        ambiguous.Candidates.ShouldAllBe(c => c.Id != null);
        ambiguous.Message.ShouldContain("北京市朝阳区（110105）");
        var chosen = await harness.AnalyzeAsync(plan, "朝阳.txt", new PlanRegion.Coded("220104"));
        (chosen.Region.Name, chosen.Region.Code, chosen.Region.Clue).ShouldBe(("朝阳区", "220104", null));
        (await harness.AnalyzeAsync(plan, "朝阳.txt", new PlanRegion.Named("110105"))).Region.Code.ShouldBe("110105");
    }

    [Fact]
    public async Task A_code_that_names_no_division_is_refused_naming_the_region_field()
    {
        var bad = await Should.ThrowAsync<PlanImportException>(() => harness.AnalyzeAsync(ImportSeedFiles.Sample("unit-clauses.txt"), "x.txt", new PlanRegion.Coded("62080")));
        (bad.Code, bad.Field).ShouldBe((ImportErrorCodes.UnknownRegion, ImportFields.Region));
        bad.Message.ShouldContain("6 位行政区划代码");
        var missing = await Should.ThrowAsync<PlanImportException>(() => harness.AnalyzeAsync(ImportSeedFiles.Sample("unit-clauses.txt"), "x.txt", new PlanRegion.Coded("999999")));
        missing.Message.ShouldContain("没有代码为 999999 的地区");
    }
}
