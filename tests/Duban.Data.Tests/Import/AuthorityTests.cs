using System.Text;
using Duban.Core.Import;
using Duban.Core.Regions;
using Duban.Data.Import;
using Duban.Data.Tests.Import.Support;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Import;

/// <summary>
/// An import matches, revises and files plans only within what the importer answers for (<see cref="ImportAuthority"/>):
/// a county's importer re-importing a city's plan makes a plan of its own and never learns of the city's.
/// </summary>
public sealed class AuthorityTests : IDisposable
{
    private const string NumberedTitle = "西岭市职业教育提质培优实施方案";

    private readonly ImportHarness harness = new();

    public void Dispose() => harness.Dispose();

    private sealed record World(Region City, Region County);

    /// <summary>江岚省 › 西岭市 › 东川县, as the web layer's filters would see them.</summary>
    private async Task<World> WorldAsync()
    {
        var province = await harness.AddRegionAsync("江岚省");
        var city = await harness.AddRegionAsync(SamplePlan.Region, province);
        var county = await harness.AddRegionAsync("东川县", city);
        return new World(city, county);
    }

    /// <summary>What an administrator of <paramref name="region"/> answers for: the plans filed in it and below, its regions.</summary>
    private static ImportAuthority Within(Region region) => new(
        plans => plans.Where(p => p.Region != null && p.Region.Path.StartsWith(region.Path)),
        regions => regions.Where(r => r.Path.StartsWith(region.Path)),
        region.Id,
        TopLevel: false);

    private static byte[] Numbered(string deadline) => Encoding.UTF8.GetBytes($"""
        {NumberedTitle}
        西政发〔2024〕3号
        一、重点任务
        1.建设市级公共实训基地。（牵头单位：市教育局；完成时限：{deadline}）
        2.完善职业院校教师培训制度。（责任单位：市人社局；完成时限：2024年12月底前）

        """);

    private async Task<(int Versions, long? Current, string? Deadline)> StateOfAsync(long planId)
    {
        await using var db = harness.Database.NewContext();
        var plan = await db.Plans.SingleAsync(p => p.Id == planId);
        var deadline = await db.Tasks.Where(t => t.PlanId == planId && t.No == "1" && t.RemovedInVersionId == null).Select(t => t.DeadlineRaw).SingleAsync();
        return (await db.PlanVersions.CountAsync(v => v.PlanId == planId), plan.CurrentVersionId, deadline);
    }

    [Fact]
    public async Task A_document_number_of_a_plan_outside_the_authority_matches_nothing_and_the_import_makes_a_plan_of_its_own()
    {
        var world = await WorldAsync();
        var city = await harness.ImportAsync(Numbered("2024年12月底前"), "v1.txt", new PlanRegion.Existing(world.City.Id));
        var before = await StateOfAsync(city.PlanId);
        // To someone who answers for the city, the changed document is the city plan's next version.
        (await harness.AnalyzeAsync(Numbered("2024年6月底前"), "v2.txt", new PlanRegion.Existing(world.City.Id), Within(world.City)))
            .RevisionOf.ShouldNotBeNull().PlanId.ShouldBe(city.PlanId);

        var analysis = await harness.AnalyzeAsync(Numbered("2024年6月底前"), "v2.txt", new PlanRegion.Existing(world.County.Id), Within(world.County));

        analysis.Document.DocNumber.ShouldBe("西政发〔2024〕3号");
        analysis.RevisionOf.ShouldBeNull();
        analysis.Duplicate.ShouldBeNull();
        var result = await harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true));
        result.Outcome.ShouldBe(ImportOutcome.Imported);
        result.PlanId.ShouldNotBe(city.PlanId);
        (await StateOfAsync(city.PlanId)).ShouldBe(before);
        await using var db = harness.Database.NewContext();
        (await db.Plans.SingleAsync(p => p.Id == result.PlanId)).RegionId.ShouldBe(world.County.Id);
    }

    [Fact]
    public async Task A_region_outside_the_authority_is_refused_naming_the_region_field_whether_asked_for_or_named_by_the_document()
    {
        var world = await WorldAsync();
        var city = await harness.ImportAsync(SamplePlan.Original, SamplePlan.FileName, new PlanRegion.Existing(world.City.Id));
        var revised = SamplePlan.Load().With(tasks => tasks[1] = tasks[1].Replace("每年12月底前", "每年6月底前")).Bytes();
        var counts = await harness.CountsAsync();

        var asked = await Should.ThrowAsync<PlanImportException>(() =>
            harness.AnalyzeAsync(revised, "v2.txt", new PlanRegion.Existing(world.City.Id), Within(world.County)));
        (asked.Code, asked.Field).ShouldBe((ImportErrorCodes.RegionOutOfScope, "regionId"));
        asked.Message.ShouldContain($"编号 {world.City.Id}");

        // The issuer, 西岭市教育局, names the city.
        var named = await Should.ThrowAsync<PlanImportException>(() =>
            harness.AnalyzeAsync(revised, "v2.txt", new PlanRegion.FromDocument(), Within(world.County)));
        (named.Code, named.Field).ShouldBe((ImportErrorCodes.RegionOutOfScope, "regionId"));
        named.Message.ShouldContain("西岭市");

        (await harness.CountsAsync()).ShouldBe(counts);
        (await StateOfAsync(city.PlanId)).Versions.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_file_stored_under_a_plan_outside_the_authority_is_refused_without_naming_that_plan()
    {
        var world = await WorldAsync();
        await harness.ImportAsync(SamplePlan.Original, SamplePlan.FileName, new PlanRegion.Existing(world.City.Id));
        var counts = await harness.CountsAsync();

        var error = await Should.ThrowAsync<PlanImportException>(() =>
            harness.AnalyzeAsync(SamplePlan.Original, "copy.txt", new PlanRegion.Existing(world.County.Id), Within(world.County)));

        (error.Code, error.Field).ShouldBe((ImportErrorCodes.StoredElsewhere, ImportFields.File));
        error.Message.ShouldNotContain("职业院校办学能力提升行动实施方案");
        error.Message.ShouldNotContain("计划 ");
        (await harness.CountsAsync()).ShouldBe(counts);

        // Within the authority the same bytes are, as ever, a duplicate that changes nothing.
        (await harness.AnalyzeAsync(SamplePlan.Original, "copy.txt", new PlanRegion.Existing(world.City.Id), Within(world.City))).Duplicate.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_region_the_document_names_but_the_database_lacks_is_created_below_the_importers_own_region()
    {
        var world = await WorldAsync();
        var plan = Encoding.UTF8.GetBytes("""
            青石区职业教育实训基地建设方案
            一、重点任务
            1.建设区级公共实训基地。（责任单位：区教育局；完成时限：2024年12月底前）

            """);

        var analysis = await harness.AnalyzeAsync(plan, "青石区.txt", new PlanRegion.FromDocument(), Within(world.County));

        (analysis.Region.Id, analysis.Region.Name, analysis.Region.Path, analysis.Region.ParentId).ShouldBe((null, "青石区", null, world.County.Id));
        analysis.Region.Lineage.ShouldBe(["江岚省", SamplePlan.Region, "东川县", "青石区"]);
        analysis.Region.Code.ShouldBeNull();
        var result = await harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true));
        await using var db = harness.Database.NewContext();
        var created = await db.Regions.SingleAsync(r => r.Name == "青石区");
        (created.ParentId, created.Path).ShouldBe((world.County.Id, $"{world.County.Path}{created.Id}/"));
        (await db.Plans.SingleAsync(p => p.Id == result.PlanId)).RegionId.ShouldBe(created.Id);
    }

    [Fact]
    public async Task A_document_that_names_no_place_is_filed_under_the_importers_own_region()
    {
        var world = await WorldAsync();
        var plan = Encoding.UTF8.GetBytes("""
            职业院校实训基地建设方案
            一、重点任务
            1.建设公共实训基地。（责任单位：教育局；完成时限：2024年12月底前）

            """);

        var analysis = await harness.AnalyzeAsync(plan, "无地名.txt", new PlanRegion.FromDocument(), Within(world.County));

        analysis.Region.Id.ShouldBe(world.County.Id);
        await using var db = harness.Database.NewContext();
        (await db.Regions.AnyAsync(r => r.Name == ImportOptions.Default.UnknownRegionName)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_authority_over_no_region_files_nothing_and_creates_no_region()
    {
        var world = await WorldAsync();
        var nothing = new ImportAuthority(plans => plans.Where(_ => false), regions => regions.Where(_ => false), null, TopLevel: false);
        var counts = await harness.CountsAsync();

        var existing = await Should.ThrowAsync<PlanImportException>(() =>
            harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName, new PlanRegion.Existing(world.County.Id), nothing));
        existing.Code.ShouldBe(ImportErrorCodes.RegionOutOfScope);
        var created = await Should.ThrowAsync<PlanImportException>(() =>
            harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName, new PlanRegion.Named("新设区"), nothing));
        created.Code.ShouldBe(ImportErrorCodes.RegionOutOfScope);
        created.Message.ShouldContain("无权新建地区");

        (await harness.CountsAsync()).ShouldBe(counts);
    }
}
