using Duban.Core.Plans;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Import;

public sealed class DemoPlansTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_demo_database_has_the_sample_plans_published_in_the_demo_city_with_tasks_for_the_reporters_organisation()
    {
        var samples = Directory.GetFiles(ImportTestData.SamplesFolder(), "*.txt").Length;
        var (plans, published, inCity, tasks, educationTasks, countyTasks) = await app.Factory.WithDbAsync(async db =>
        {
            var city = await db.Regions.SingleAsync(r => r.Name == DemoSeeder.City);
            var education = await db.Organizations.SingleAsync(o => o.Name == DemoSeeder.CityEducation);
            var counties = await db.Organizations.Where(o => o.Name.EndsWith("县人民政府") && DemoSeeder.Counties.Any(c => o.Name.StartsWith(c))).Select(o => o.Id).ToListAsync();
            return (await db.Plans.CountAsync(), await db.Plans.CountAsync(p => p.Status == PlanStatus.Published), await db.Plans.CountAsync(p => p.RegionId == city.Id),
                await db.Tasks.CountAsync(), await db.Assignments.Where(a => a.OrganizationId == education.Id).Select(a => a.TaskId).Distinct().CountAsync(),
                await db.Assignments.CountAsync(a => counties.Contains(a.OrganizationId)));
        });

        // Every sample but the one without task lists (which the importer refuses by default), and the excerpts that are
        // revisions of another sample, is a plan of its own.
        plans.ShouldBeGreaterThanOrEqualTo(samples - 4);
        published.ShouldBe(plans);
        inCity.ShouldBe(plans);
        tasks.ShouldBeGreaterThan(50);
        educationTasks.ShouldBeGreaterThan(5);
        countyTasks.ShouldBeGreaterThan(0);
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
