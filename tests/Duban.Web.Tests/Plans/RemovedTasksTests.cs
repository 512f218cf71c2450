using System.Text;
using Duban.Data.Import;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Plans;

/// <summary>A task a later version of its plan drops keeps its row and history but is listed nowhere as current.</summary>
public sealed class RemovedTasksTests : IAsyncLifetime
{
    private const string DroppedTask = "12.开展校长能力提升培训。";

    private readonly WebAppFixture app = new WebAppWithoutSamplePlansFixture();

    private DubanWebFactory Factory => app.Factory;

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task The_api_the_tasks_page_and_the_plan_reader_list_current_tasks_only()
    {
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var original = await File.ReadAllTextAsync(SampleFile());
        var plan = await PlansFixture.ImportAsync(Factory, Encoding.UTF8.GetBytes(original), "deadline-forms.txt", new PlanRegion.Existing(city));
        var dropped = await Factory.WithDbAsync(db => db.Tasks.Where(t => t.PlanId == plan && t.Text.StartsWith("开展校长能力提升培训")).Select(t => t.Id).SingleAsync());
        var revised = string.Join('\n', original.Split('\n').Where(line => !line.StartsWith(DroppedTask, StringComparison.Ordinal)));

        (await PlansFixture.ImportAsync(Factory, Encoding.UTF8.GetBytes(revised), "deadline-forms-v2.txt", new PlanRegion.Existing(city))).ShouldBe(plan);

        var (removedIn, current, kept) = await Factory.WithDbAsync(async db => (
            (await db.Tasks.SingleAsync(t => t.Id == dropped)).RemovedInVersionId,
            await db.Plans.Where(p => p.Id == plan).Select(p => p.CurrentVersionId).SingleAsync(),
            await db.Assignments.CountAsync(a => a.TaskId == dropped)));
        removedIn.ShouldBe(current);
        kept.ShouldBeGreaterThan(0);

        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var page = await (await admin.GetAsync($"/api/v1/tasks?planId={plan}&pageSize=100")).JsonAsync();
        var ids = page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToList();
        ids.Count.ShouldBe(11);
        ids.ShouldNotContain(dropped);
        page.GetProperty("total").GetInt32().ShouldBe(11);

        var anchor = $"t-{dropped}\"";
        (await admin.GetStringAsync("/tasks")).ShouldNotContain(anchor);
        var reader = await admin.GetStringAsync($"/plans/{plan}");
        reader.ShouldNotContain(anchor);
        reader.ShouldContain($"t-{ids[0]}\"");
        var plans = await (await admin.GetAsync("/api/v1/plans?pageSize=100")).JsonAsync();
        plans.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == plan).GetProperty("taskCount").GetInt32().ShouldBe(11);
    }

    private static string SampleFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Duban.sln"))) return Path.Combine(dir.FullName, "samples", "deadline-forms.txt");
        throw new InvalidOperationException("samples/ not found above the test assembly");
    }
}
