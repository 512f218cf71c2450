using Duban.Core.Import;
using Duban.Core.Import.Units;
using Duban.Core.Organizations;
using Duban.Data.Import;
using Duban.Data.Tests.Import.Support;
using Duban.Parsing;
using Duban.Parsing.Model;
using Duban.Parsing.Units;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Import;

/// <summary>The five seed plans imported end to end as <c>duban import --create-units</c> would.</summary>
public sealed class SeedImportTests
{
    [SeedTheory]
    [InlineData("000", "平凉市", new[] { 20 })]
    [InlineData("001", "庆阳市", new[] { 20 })]
    [InlineData("002", "中卫市", new[] { 25 })]
    [InlineData("003", "平阴县", new[] { 18, 17 })]
    [InlineData("004", "安阳市", new[] { 33 })]
    public async Task A_seed_is_stored_with_its_lists_tasks_assignments_targets_and_bodies(string id, string region, int[] tasksPerList)
    {
        using var harness = new ImportHarness();
        var bytes = ImportSeedFiles.Seed(id);
        var document = new PlanParser().Parse(bytes);

        var result = await harness.ImportAsync(bytes, Path.GetFileName(ImportSeedFiles.SeedPath(id)));

        result.Outcome.ShouldBe(ImportOutcome.Imported);
        result.VersionNumber.ShouldBe(1);
        await using var db = harness.Database.NewContext();
        var plan = await db.Plans.Include(p => p.Region).SingleAsync();
        plan.Region!.Name.ShouldBe(region);
        plan.CurrentVersionId.ShouldBe(result.VersionId);
        plan.DocNumber.ShouldBe(document.DocNumber);
        var version = await db.PlanVersions.SingleAsync();
        version.Content.ShouldBe(bytes);
        version.Sha256.ShouldBe(document.Source.Sha256);
        version.Text.ShouldBe(document.Text);

        var lists = await db.TaskLists
            .Include(l => l.Tasks).ThenInclude(t => t.Assignments).ThenInclude(a => a.Organization)
            .Include(l => l.Tasks).ThenInclude(t => t.Targets)
            .OrderBy(l => l.Order)
            .ToListAsync();
        lists.Select(l => l.Tasks.Count).ShouldBe(tasksPerList);
        lists.Select(l => l.Name).ShouldBe(document.TaskLists.Select(l => l.Name));

        // Without a region tree a unit is one organisation named by its canonical name with the plan's place written out
        // (市教育局 → 平凉市教育局); collectives have nothing to expand to and are left out (不作为单位), except a body's
        // members, which expand to the member units. So a task's assignments are at least its single units, exactly
        // those when it names no body's members.
        var chain = new[] { new RegionRef(0, region, "/0/") };
        string Expected(ResponsibleUnit u) => QualifiedNames.Qualify(u.Canonical, chain)?.Name ?? u.Canonical;
        var stored = lists.SelectMany(l => l.Tasks.OrderBy(t => t.Order)).ToList();
        var parsed = TaskKeys.Of(document);
        stored.Count.ShouldBe(parsed.Count);
        for (var i = 0; i < parsed.Count; i++)
        {
            var (task, written) = (stored[i], parsed[i].Task);
            task.Key.ShouldBe(parsed[i].Key);
            task.Text.ShouldBe(written.Text);
            (task.SpanStart, task.SpanEnd).ShouldBe((written.Span.Start, written.Span.End));
            var singles = written.Units.Where(u => !u.Collective).ToList();
            var names = Names(task.Assignments.Select(a => a.Organization!)).ToList();
            var leads = Names(task.Assignments.Where(a => a.Role == UnitRole.Lead).Select(a => a.Organization!)).ToList();
            // A body's members expand; a sector named generically (教育部门) is the document's department of that sector.
            if (written.Units.Any(u => u.CollectiveKind == CollectiveKind.BodyMembers || u.Canonical.EndsWith("部门", StringComparison.Ordinal)))
            {
                singles.Where(u => !u.Canonical.EndsWith("部门", StringComparison.Ordinal)).Select(Expected).Except(names).ShouldBeEmpty($"task {task.Key}");
                names.ShouldNotContain(n => n.EndsWith("部门", StringComparison.Ordinal), $"task {task.Key}");
                continue;
            }
            names.ShouldBe(singles.Select(Expected).Distinct().Order(StringComparer.Ordinal).ToList(), $"task {task.Key}");
            leads.ShouldBe(singles.Where(u => u.Role == UnitRole.Lead || singles.Any(o => Expected(o) == Expected(u) && o.Role == UnitRole.Lead))
                .Select(Expected).Distinct().Order(StringComparer.Ordinal).ToList(), $"leads of task {task.Key}");
            if (written.Units.FirstOrDefault(u => u.Primary) is { Collective: false } primary)
                task.Assignments.Where(a => a.Primary).Select(a => a.Organization!.Name).ShouldContain(Expected(primary), $"primary of task {task.Key}");
            task.Targets.Count.ShouldBe(written.Targets.Count);
        }
        result.TasksCreated.ShouldBe(parsed.Count);
        result.AssignmentsCreated.ShouldBe(await db.Assignments.CountAsync());
        // No organisation stands for many bodies or for none.
        (await db.Organizations.Select(o => o.Name).ToListAsync()).ShouldAllBe(name => !CollectiveNames.IsCollective(name));
        (await db.Targets.CountAsync()).ShouldBe(document.Targets.Count + parsed.Sum(k => k.Task.Targets.Count));
        (await db.GoverningBodies.CountAsync()).ShouldBe(document.Bodies.Count);
        (await db.BodyMembers.CountAsync()).ShouldBe(document.Bodies.Sum(b => b.Members.Count));
    }

    [SeedFact]
    public async Task All_five_seeds_go_into_one_database_each_in_its_own_region()
    {
        using var harness = new ImportHarness();

        foreach (var id in new[] { "000", "001", "002", "003", "004" })
            (await harness.ImportAsync(ImportSeedFiles.Seed(id), id + ".txt")).Outcome.ShouldBe(ImportOutcome.Imported);

        await using var db = harness.Database.NewContext();
        (await db.Plans.CountAsync()).ShouldBe(5);
        (await db.Tasks.CountAsync()).ShouldBe(20 + 20 + 25 + 35 + 33);
        // 市教育局 of one city is not 市教育局 of another: each is its city's, under its city's name, 市教育局 its alias.
        var educationBureaus = await db.Organizations.Include(o => o.Region).Include(o => o.Aliases)
            .Where(o => o.Aliases.Any(a => a.Name == "市教育局")).ToListAsync();
        educationBureaus.Select(o => (o.Name, o.Region!.Name)).OrderBy(o => o.Item2, StringComparer.Ordinal)
            .ShouldBe([("中卫市教育局", "中卫市"), ("安阳市教育局", "安阳市"), ("平凉市教育局", "平凉市"), ("庆阳市教育局", "庆阳市")]);
    }

    [SeedFact]
    public async Task Pingliangs_collectives_expand_to_its_county_governments_and_schools()
    {
        using var harness = new ImportHarness();
        var city = await harness.AddCityAsync(SeedCities.Pingliang, SeedCities.PingliangCounties,
            ("平凉职业技术学院", null), ("静宁县职业教育中心", "静宁县"));
        var bytes = ImportSeedFiles.Seed("000");
        var document = new PlanParser().Parse(bytes);

        var analysis = await harness.AnalyzeAsync(bytes, "000.txt", new PlanRegion.Existing(city.Region.Id));
        var result = await harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true));

        analysis.UnitProposals.Where(p => p.Kind == UnitMatchKind.Collective).Select(p => p.Unit.Name).Order()
            .ShouldBe(["各县市", "各县市区", "各职业院校"]);
        analysis.UnitProposals.Single(p => p.Unit.Name == "平凉职业技术学院").Kind.ShouldBe(UnitMatchKind.Exact);
        await using var db = harness.Database.NewContext();
        var governmentIds = city.Governments.Select(g => g.Id).ToHashSet();
        var schoolIds = city.Schools.Select(s => s.Id).ToHashSet();
        var tasks = await db.Tasks.Include(t => t.Assignments).OrderBy(t => t.Order).ToListAsync();
        var parsed = TaskKeys.Of(document);
        foreach (var (task, written) in tasks.Zip(parsed.Select(k => k.Task)))
        {
            var counties = written.Units.Any(u => u.CollectiveKind == CollectiveKind.SubordinateGovernments);
            var schools = written.Units.Any(u => u.CollectiveKind == CollectiveKind.Schools);
            task.Assignments.Count(a => governmentIds.Contains(a.OrganizationId)).ShouldBe(counties ? 7 : 0, $"task {task.No}");
            task.Assignments.Count(a => schoolIds.Contains(a.OrganizationId))
                .ShouldBe(schools ? 2 : written.Units.Any(u => u.Name == "平凉职业技术学院") ? 1 : 0, $"task {task.No}");
            task.Assignments.Select(a => a.OrganizationId).ShouldBeUnique();
        }
        // 5 tasks name 各县市 and 9 各县市区, none both; 10 name 各职业院校, 2 of them 平凉职业技术学院 as well.
        tasks.Sum(t => t.Assignments.Count(a => governmentIds.Contains(a.OrganizationId))).ShouldBe((5 + 9) * 7);
        tasks.SelectMany(t => t.Assignments).Where(a => governmentIds.Contains(a.OrganizationId)).Select(a => a.UnitName).Distinct().Order()
            .ShouldBe(["各县市", "各县市区"]);
        // The collectives and the school were matched; nothing was created for them.
        (await db.Organizations.CountAsync(o => o.Name.StartsWith("各"))).ShouldBe(0);
        (await db.Organizations.CountAsync(o => o.Name == "平凉职业技术学院")).ShouldBe(1);
        result.OrganizationsCreated.ShouldBe(parsed.SelectMany(k => k.Task.Units)
            .Where(u => !u.Collective && u.Name != "平凉职业技术学院").Select(u => u.Canonical).Distinct().Count());
    }

    [SeedFact]
    public async Task Qingyangs_county_governments_are_expanded_and_its_named_district_government_found_by_canonical_name()
    {
        using var harness = new ImportHarness();
        var city = await harness.AddCityAsync(SeedCities.Qingyang, SeedCities.QingyangCounties);
        var xifeng = city.Governments.Single(g => g.Name == "西峰区人民政府");

        var analysis = await harness.AnalyzeAsync(ImportSeedFiles.Seed("001"), "001.txt", new PlanRegion.Named(SeedCities.Qingyang));
        await harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true));

        var named = analysis.UnitProposals.Single(p => p.Unit.Name == "西峰区政府");
        named.Kind.ShouldBe(UnitMatchKind.Alias);
        named.OrganizationIds.ShouldBe([xifeng.Id]);
        analysis.UnitProposals.Single(p => p.Unit.Name == "各县（区）政府").OrganizationIds.Count.ShouldBe(8);
        await using var db = harness.Database.NewContext();
        (await db.OrganizationAliases.Where(a => a.OrganizationId == xifeng.Id).Select(a => a.Name).ToListAsync()).ShouldBe(["西峰区政府"]);
        var governmentIds = city.Governments.Select(g => g.Id).ToList();
        var expanded = await db.Assignments.Where(a => a.UnitName == "各县（区）政府").ToListAsync();
        expanded.Select(a => a.OrganizationId).Distinct().Order().ShouldBe(governmentIds.Order());
        expanded.GroupBy(a => a.TaskId).Count().ShouldBe(19);
    }

    private static IEnumerable<string> Names(IEnumerable<Organization> organizations) => organizations.Select(o => o.Name).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Canonical(IEnumerable<ResponsibleUnit> units) => units.Select(u => u.Canonical).Distinct().Order(StringComparer.Ordinal);
}
