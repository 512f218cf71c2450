using Duban.Core.Plans;
using Duban.Data;
using Duban.Data.Import;
using Duban.Parsing;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Duban.Data.Audit;

namespace Duban.Web.Tests.Plans;

/// <summary>
/// The demo application with three plans imported from samples/ as <c>duban import --create-units</c> would:
/// unit-clauses.txt in 清河市 (published), deadline-forms.txt in 清河市 (draft, two versions: one task edited), and paren-numbered-tasks.txt in the
/// region its text names, the demo's 云岭县 under 青禾市, outside 清河市 (draft).
/// </summary>
public sealed class PlansFixture : IAsyncLifetime
{
    private readonly WebAppFixture app = new WebAppWithoutSamplePlansFixture();

    public DubanWebFactory Factory => app.Factory;

    public long PublishedPlanId { get; private set; }

    public long DraftCityPlanId { get; private set; }

    public long OtherRegionPlanId { get; private set; }

    public async Task InitializeAsync()
    {
        await app.InitializeAsync();
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        PublishedPlanId = await ImportAsync("unit-clauses.txt", new PlanRegion.Existing(city));
        DraftCityPlanId = await ImportAsync("deadline-forms.txt", new PlanRegion.Existing(city));
        OtherRegionPlanId = await ImportAsync("paren-numbered-tasks.txt", new PlanRegion.FromDocument());
        // A revision of the draft: one task's text edited, so that the plan has two versions to compare.
        var revised = (await File.ReadAllTextAsync(Path.Combine(SamplesFolder, "deadline-forms.txt"))).Replace("发布专业预警名单。", "发布专业预警名单，动态调整专业结构。");
        (await ImportAsync(Factory, System.Text.Encoding.UTF8.GetBytes(revised), "deadline-forms-revised.txt", new PlanRegion.Existing(city))).ShouldBe(DraftCityPlanId);
        await Factory.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == PublishedPlanId);
            plan.Status = PlanStatus.Published;
            await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => app.DisposeAsync();

    private Task<long> ImportAsync(string sample, PlanRegion region) => ImportAsync(Factory, sample, region);

    /// <summary>Imports a file of samples/ into the application's database, creating the units that match none.</summary>
    public static async Task<long> ImportAsync(DubanWebFactory factory, string sample, PlanRegion region) =>
        await ImportAsync(factory, await File.ReadAllBytesAsync(Path.Combine(SamplesFolder, sample)), sample, region);

    public static async Task<long> ImportAsync(DubanWebFactory factory, byte[] bytes, string fileName, PlanRegion region, Func<ImportAnalysis, ImportDecisions>? decide = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDbContext>();
        var service = new PlanImportService(db, TimeProvider.System, new AuditLog(db, TimeProvider.System), new PlanParser());
        var (_, result) = await service.ImportAsync(new ImportFile(bytes, fileName), region, decide ?? (a => a.DefaultDecisions(true)), new ImportActor("测试导入"));
        return result.PlanId;
    }

    /// <summary>Imports a file of samples/ with the decisions <paramref name="decide"/> makes.</summary>
    public static async Task<long> ImportAsync(DubanWebFactory factory, string sample, PlanRegion region, Func<ImportAnalysis, ImportDecisions> decide) =>
        await ImportAsync(factory, await File.ReadAllBytesAsync(Path.Combine(SamplesFolder, sample)), sample, region, decide);

    private static string SamplesFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Duban.sln"))) return Path.Combine(dir.FullName, "samples");
            throw new InvalidOperationException("Duban.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Ids of the current tasks assigned to an organisation (any role), straight from the database.</summary>
    public Task<List<long>> TaskIdsOfAsync(string organization) => Factory.WithDbAsync(db => CurrentTasks(db)
        .Where(t => t.Assignments.Any(a => a.Organization!.Name == organization)).Select(t => t.Id).OrderBy(id => id).ToListAsync());

    public Task<List<long>> TaskIdsOfPlansAsync(params long[] plans) => Factory.WithDbAsync(db => CurrentTasks(db)
        .Where(t => plans.Contains(t.PlanId)).Select(t => t.Id).OrderBy(id => id).ToListAsync());

    public Task<List<PlanTask>> TasksAsync(long plan) => Factory.WithDbAsync(db => CurrentTasks(db).Where(t => t.PlanId == plan).OrderBy(t => t.Id).ToListAsync());

    private static IQueryable<PlanTask> CurrentTasks(DubanDbContext db) =>
        db.Tasks.AsNoTracking().Include(t => t.Assignments).Where(t => db.Plans.Any(p => p.Id == t.PlanId && p.CurrentVersionId == t.TaskList!.PlanVersionId));
}
