using Duban.Core.Plans;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Import;

public sealed class DemoPlansTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_demo_files_each_sample_plan_under_the_made_up_place_its_title_names_and_its_own_plan_in_the_demo_city()
    {
        var samples = Directory.GetFiles(ImportTestData.SamplesFolder(), "*.txt").Length;
        var (plans, educationTasks, countyTasks) = await app.Factory.WithDbAsync(async db =>
        {
            var education = await db.Organizations.SingleAsync(o => o.Name == DemoSeeder.CityEducation);
            var counties = await db.Organizations.Where(o => o.Name.EndsWith("县人民政府") && DemoSeeder.Counties.Any(c => o.Name.StartsWith(c))).Select(o => o.Id).ToListAsync();
            return (await db.Plans.Select(p => new { p.Title, p.Status, Region = p.Region!.Name, p.Region.Code }).ToListAsync(),
                await db.Assignments.Where(a => a.OrganizationId == education.Id).Select(a => a.TaskId).Distinct().CountAsync(),
                await db.Assignments.CountAsync(a => counties.Contains(a.OrganizationId)));
        });

        // Every sample but the one without task lists (which the importer refuses by default), and the excerpts that are
        // revisions of another sample, is a plan of its own; the demo city has one plan written for it.
        plans.Count.ShouldBeGreaterThanOrEqualTo(samples - 4 + 1);
        plans.ShouldAllBe(p => p.Status == PlanStatus.Published);
        plans.ShouldAllBe(p => p.Code == null);
        foreach (var plan in plans) plan.Title.ShouldContain(plan.Region, customMessage: $"「{plan.Title}」 is filed under {plan.Region}");
        // One sample is a provincial plan of the demo's province (unlabelled-dates.txt, 江南省…分工方案).
        plans.Select(p => p.Region).Distinct().ShouldBe([DemoSeeder.Province, DemoSeeder.City, .. DemoSeeder.SamplePlaces.Select(p => p.Name)], ignoreOrder: true);
        plans.Where(p => p.Region == DemoSeeder.City).ShouldHaveSingleItem().Title.ShouldStartWith("清河市职业教育提质培优行动计划");
        // The city's plan gives the demo reporter's organisation its work and expands 各县人民政府 to the demo counties.
        educationTasks.ShouldBe(7);
        countyTasks.ShouldBe(3 * 3);
    }

    [Fact]
    public async Task 西岭市s_plans_expand_each_county_government_to_the_counties_of_西岭市()
    {
        var governments = await app.Factory.WithDbAsync(async db =>
        {
            var plan = await db.Plans.Where(p => p.Title.StartsWith("西岭市职业教育质量提升行动")).Select(p => p.Id).SingleAsync();
            return await db.Assignments
                .Where(a => a.Task!.PlanId == plan && a.Organization!.Kind == Duban.Core.Organizations.OrganizationKind.Government)
                .Select(a => a.Organization!.Name).Distinct().ToListAsync();
        });
        governments.ShouldBe(DemoSeeder.SampleCityCounties.Select(c => c.Name + "人民政府"), ignoreOrder: true);
    }

    [Fact]
    public async Task With_the_national_regions_loaded_the_demo_files_its_东川区_plans_under_its_own_东川区_not_kunmings()
    {
        var directory = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var factory = new DubanWebFactory(directory, new Dictionary<string, string?> { ["Divisions:Root"] = "全国" });
            var (regions, plans, kunming) = await factory.WithDbAsync(async db => (
                await db.Regions.CountAsync(),
                await db.Plans.Select(p => new { p.Title, Region = p.Region!.Name, p.Region.Code }).ToListAsync(),
                await db.Plans.CountAsync(p => p.Region!.Code == "530113")));

            regions.ShouldBe(Duban.Divisions.DivisionCatalog.China.All.Count + 2 + DemoSeeder.Counties.Length + DemoSeeder.SamplePlaces.Length + DemoSeeder.SampleCityCounties.Length);
            plans.Count.ShouldBeGreaterThan(5);
            plans.ShouldAllBe(p => p.Code == null);
            plans.ShouldContain(p => p.Region == "东川区");
            foreach (var plan in plans) plan.Title.ShouldContain(plan.Region);
            kunming.ShouldBe(0);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_restart_on_the_same_database_imports_nothing_again()
    {
        var directory = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
        try
        {
            (int, int, int) first;
            await using (var one = new DubanWebFactory(directory))
                first = await one.WithDbAsync(async db => (await db.Plans.CountAsync(), await db.Tasks.CountAsync(), await db.AuditEntries.CountAsync()));
            await using var two = new DubanWebFactory(directory);
            var second = await two.WithDbAsync(async db => (await db.Plans.CountAsync(), await db.Tasks.CountAsync(), await db.AuditEntries.CountAsync()));

            first.Item1.ShouldBeGreaterThan(0);
            second.ShouldBe(first);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
