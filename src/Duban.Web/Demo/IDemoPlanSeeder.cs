namespace Duban.Web.Demo;

/// <summary>
/// The hook for sample plans in demo mode. Plan import lives in Duban.Data/Import; it registers an implementation
/// (services.AddScoped&lt;IDemoPlanSeeder, …&gt;()) that imports the plans in samples/. Every registered seeder runs once,
/// on the start that creates the demo data, after the demo regions, organisations and users exist.
/// </summary>
public interface IDemoPlanSeeder
{
    Task SeedAsync(DemoSeedContext context, CancellationToken ct);
}

/// <param name="Services">The services of the start-up scope, with its DubanDbContext.</param>
/// <param name="AdminUserId">The demo administrator, to record as the importer.</param>
public sealed record DemoSeedContext(IServiceProvider Services, long AdminUserId);
