using Duban.Benchmarks.Core;
using Duban.Core.Organizations;
using Duban.Core.Regions;
using Duban.Data;
using Duban.Parsing;
using Microsoft.EntityFrameworkCore;

namespace Duban.Benchmarks.Tests;

public sealed class DatasetGeneratorTests
{
    [Fact]
    public void The_world_is_one_province_of_cities_and_counties_with_a_thousand_organisations()
    {
        var world = DatasetGenerator.World();

        world.Regions.Count(r => r.Level == RegionLevel.Province).ShouldBe(1);
        world.Regions.Count(r => r.Level == RegionLevel.City).ShouldBe(10);
        world.Regions.Count(r => r.Level == RegionLevel.County).ShouldBe(66);
        world.Regions.Select(r => r.Name).ShouldBeUnique();
        world.Organizations.Count.ShouldBe(1000);
        world.Organizations.Select(o => o.Name).ShouldBeUnique();
        world.Regions.ShouldAllBe(r => world.Organizations.Count(o => o.RegionIndex == r.Index && o.Kind == OrganizationKind.Government) == 1);
    }

    [Fact]
    public void The_same_seed_gives_the_same_plans_and_another_seed_other_ones()
    {
        var world = DatasetGenerator.World();

        DatasetGenerator.World().ShouldBeEquivalentTo(world);
        DatasetGenerator.Plan(world, 7).ShouldBe(DatasetGenerator.Plan(DatasetGenerator.World(), 7));
        DatasetGenerator.Plan(world, 7).Text.ShouldNotBe(DatasetGenerator.Plan(world, 8).Text);
        DatasetGenerator.Plan(DatasetGenerator.World(1), 7).Text.ShouldNotBe(DatasetGenerator.Plan(world, 7).Text);
    }

    [Fact]
    public void A_generated_plan_parses_into_its_numbered_tasks_each_with_a_lead_unit_and_a_deadline()
    {
        var world = DatasetGenerator.World();
        var parser = new PlanParser();

        foreach (var plan in Enumerable.Range(0, 40).Select(i => DatasetGenerator.Plan(world, i)))
        {
            var document = parser.Parse(System.Text.Encoding.UTF8.GetBytes(plan.Text), plan.FileName);
            var tasks = document.TaskLists.SelectMany(l => l.Tasks).ToList();
            tasks.Count.ShouldBe(plan.TaskCount, plan.FileName);
            tasks.ShouldAllBe(t => t.Units.Any(u => u.Role == Duban.Parsing.Model.UnitRole.Lead) && t.Deadline != null, plan.FileName);
            document.DocNumber.ShouldNotBeNull(plan.FileName);
        }
    }

    [Fact]
    public async Task A_small_dataset_imports_with_every_unit_mapped_and_an_organisation_lists_only_its_own_tasks()
    {
        var directory = Path.Combine(Path.GetTempPath(), "duban-bench-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var database = new DatabaseOptions { DataDirectory = directory };
            var world = DatasetGenerator.World();
            var loader = new DatasetLoader(database, world);
            var ids = await loader.EnsureWorldAsync(CancellationToken.None);

            var figures = await loader.ImportAsync(ids, 0, 12, null, CancellationToken.None);

            figures.Plans.ShouldBe(12);
            figures.Tasks.ShouldBe(Enumerable.Range(0, 12).Sum(i => DatasetGenerator.Plan(world, i).TaskCount));
            figures.OrganizationsCreated.ShouldBe(0);
            (await loader.PlanCountAsync(CancellationToken.None)).ShouldBe(12);

            await using var db = DubanDatabase.CreateContext(database);
            var busiest = await db.Assignments.GroupBy(a => a.OrganizationId).OrderByDescending(g => g.Select(a => a.TaskId).Distinct().Count())
                .Select(g => new { Organization = g.Key, Tasks = g.Select(a => a.TaskId).Distinct().Count() }).FirstAsync();
            var bench = new TaskQueryBench(database, world, ids);
            var (readers, province) = await bench.ReadersAsync(CancellationToken.None);
            var organization = world.Organizations.First(o => ids.Organizations[o.Index] == busiest.Organization);
            var reader = readers.FirstOrDefault(r => r.User.OrganizationId == busiest.Organization)?.User
                         ?? readers[0].User with { OrganizationId = busiest.Organization, ScopeRegionPath = ids.RegionPaths[organization.RegionIndex] };

            var page = await bench.ListAsync(reader, CancellationToken.None);

            page.Total.ShouldBe(busiest.Tasks);
            page.Items.Count.ShouldBe(Math.Min(20, busiest.Tasks));
            page.Items.ShouldAllBe(t => t.Leads.Concat(t.Cooperating).Any(u => u.OrganizationId == busiest.Organization));
            (await bench.ListAsync(province.User, CancellationToken.None)).Total.ShouldBe(figures.Tasks);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
