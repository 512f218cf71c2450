using Duban.Core.Import;
using Duban.Core.Organizations;
using Duban.Data.Import;
using Duban.Data.Tests.Import.Support;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Import;

/// <summary>The user's unit decisions: map and remember, create, expand; and what the next import learns from them.</summary>
public sealed class UnitDecisionTests : IDisposable
{
    private readonly ImportHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task A_unit_mapped_by_the_user_is_remembered_and_matched_by_the_next_import()
    {
        var region = await harness.AddRegionAsync(SamplePlan.Region);
        var office = await harness.AddOrganizationAsync("西岭市编办", OrganizationKind.Department, region);
        var analysis = await harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName);
        var decisions = analysis.DefaultDecisions(createUnmatched: true).Units.ToDictionary();
        analysis.UnitProposals.Single(p => p.Unit.Name == "市委编办").Kind.ShouldBe(UnitMatchKind.New);
        decisions["市委编办"] = new MapToOrganizations([office.Id], RememberAlias: true);

        var result = await harness.ConfirmAsync(analysis, new ImportDecisions(decisions));

        result.AliasesLearnt.ShouldBe(1);
        await using var db = harness.Database.NewContext();
        (await db.OrganizationAliases.Where(a => a.OrganizationId == office.Id).Select(a => a.Name).ToListAsync()).ShouldBe(["市委编办"]);
        var assigned = await db.Assignments.Where(a => a.UnitName == "市委编办").Select(a => a.OrganizationId).Distinct().ToListAsync();
        assigned.ShouldBe([office.Id]);
        var reread = await harness.AnalyzeAsync(SamplePlan.Load().With(t => t.Add("新增任务。（责任单位：市委编办）")).Bytes(), "v2.txt");
        reread.UnitProposals.Single(p => p.Unit.Name == "市委编办").ShouldSatisfyAllConditions(
            p => p.Kind.ShouldBe(UnitMatchKind.Alias),
            p => p.OrganizationIds.ShouldBe([office.Id]));
    }

    [Fact]
    public async Task Two_written_names_created_under_one_canonical_name_are_one_organisation()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("""
            西岭市职业教育重点任务分工方案
            一、重点任务
            1.完善职业培训补贴制度。（牵头单位：市人社局；配合单位：市财政局）
            2.推进技工院校建设。（牵头单位：市人力资源社会保障局）
            """);

        var result = await harness.ImportAsync(bytes, "plan.txt", new PlanRegion.Named(SamplePlan.Region));

        result.OrganizationsCreated.ShouldBe(2);
        await using var db = harness.Database.NewContext();
        var bureau = await db.Organizations.Include(o => o.Aliases).SingleAsync(o => o.Name == "西岭市人力资源和社会保障局");
        bureau.Aliases.Select(a => a.Name).Order().ShouldBe(["市人力资源社会保障局", "市人社局"]);
        (await db.Assignments.Where(a => a.OrganizationId == bureau.Id).CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Creating_what_already_exists_in_the_region_reuses_it()
    {
        var region = await harness.AddRegionAsync(SamplePlan.Region);
        var existing = await harness.AddOrganizationAsync("市教育局", OrganizationKind.Department, region);
        var analysis = await harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName);
        var decisions = analysis.DefaultDecisions(createUnmatched: true).Units.ToDictionary();
        decisions["市教育局"] = new CreateOrganization("市教育局", OrganizationKind.Department);

        await harness.ConfirmAsync(analysis, new ImportDecisions(decisions));

        await using var db = harness.Database.NewContext();
        (await db.Organizations.CountAsync(o => o.Name == "市教育局")).ShouldBe(1);
        (await db.Assignments.AnyAsync(a => a.OrganizationId == existing.Id)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_collective_the_user_expands_gets_one_assignment_per_organisation()
    {
        var region = await harness.AddRegionAsync(SamplePlan.Region);
        var first = await harness.AddOrganizationAsync("西岭职业技术学院", OrganizationKind.School, region);
        var second = await harness.AddOrganizationAsync("西岭市第一中等职业学校", OrganizationKind.School, region);
        var analysis = await harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName);
        var proposal = analysis.UnitProposals.Single(p => p.Unit.Name == "各职业院校");
        proposal.Kind.ShouldBe(UnitMatchKind.Collective);
        var decisions = analysis.DefaultDecisions(createUnmatched: true).Units.ToDictionary();
        decisions["各职业院校"] = new ExpandCollective([second.Id]);

        await harness.ConfirmAsync(analysis, new ImportDecisions(decisions));

        proposal.OrganizationIds.ShouldBe([first.Id, second.Id]);
        await using var db = harness.Database.NewContext();
        var assigned = await db.Assignments.Where(a => a.UnitName == "各职业院校").ToListAsync();
        assigned.Select(a => a.OrganizationId).Distinct().ShouldBe([second.Id]);
        // Task 3 (市教育局、各职业院校) and task 10 (各职业院校 alone, so the primary lead).
        assigned.Count.ShouldBe(2);
        assigned.Count(a => a.Primary).ShouldBe(1);
        (await db.OrganizationAliases.AnyAsync(a => a.Name == "各职业院校")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_new_organisation_can_be_created_in_a_region_below_the_plans()
    {
        var city = await harness.AddRegionAsync(SamplePlan.Region);
        var county = await harness.AddRegionAsync("西岭县", city);
        var analysis = await harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName);
        var decisions = analysis.DefaultDecisions(createUnmatched: true).Units.ToDictionary();
        decisions["市委编办"] = new CreateOrganization("西岭县委编办", OrganizationKind.Department, county.Id);

        await harness.ConfirmAsync(analysis, new ImportDecisions(decisions));

        await using var db = harness.Database.NewContext();
        var created = await db.Organizations.Include(o => o.Aliases).SingleAsync(o => o.Name == "西岭县委编办");
        created.RegionId.ShouldBe(county.Id);
        created.Aliases.Select(a => a.Name).ShouldBe(["市委编办"]);
    }

    [Fact]
    public async Task Governing_body_members_are_linked_to_the_organisations_their_units_name()
    {
        var bytes = ImportSeedFiles.Sample("governing-bodies.txt");

        await harness.ImportAsync(bytes, "governing-bodies.txt");

        await using var db = harness.Database.NewContext();
        var members = await db.BodyMembers.ToListAsync();
        members.ShouldNotBeEmpty();
        var linked = members.Where(m => m.OrganizationId is not null).ToList();
        linked.ShouldNotBeEmpty();
        var organizations = await db.Organizations.Include(o => o.Aliases).ToDictionaryAsync(o => o.Id);
        foreach (var member in linked)
        {
            var organization = organizations[member.OrganizationId!.Value];
            new[] { organization.Name }.Concat(organization.Aliases.Select(a => a.Name)).ShouldContain(member.UnitName);
        }
    }

    [Fact]
    public async Task A_docx_imports_like_its_text()
    {
        var lines = System.Text.Encoding.UTF8.GetString(SamplePlan.Original).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);
        var docx = MinimalDocx.FromLines(lines);

        var analysis = await harness.AnalyzeAsync(docx, "plan.docx");
        var result = await harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true));

        analysis.Format.ShouldBe("docx");
        result.TasksCreated.ShouldBe(12);
        await using var db = harness.Database.NewContext();
        (await db.PlanVersions.SingleAsync()).Content.ShouldBe(docx);
    }
}
