using Duban.Data;
using Duban.Data.Audit;
using Duban.Data.Regions;
using Duban.Divisions;
using Duban.Web.Demo;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Web.Hosting;

/// <summary>
/// Brings the database to what this version needs before the first request: schema, the configured part of the
/// national region tree (<c>Divisions:Root</c>), demo data, first administrator.
/// </summary>
public static class DatabaseStartup
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<DubanDbContext>();

        // The only place the schema is made: the versioned migrations of Duban.Data, safe when several instances
        // start at once on one PostgreSQL.
        await DubanDatabase.MigrateAsync(db, ct);

        // The regions exist from the first start, before anyone imports: the demo, the first administrator's scope and
        // every import find them there. A root that names no division stops the start with a message saying so.
        var root = DivisionRoot.Parse(provider.GetRequiredService<IOptions<DivisionOptions>>().Value.Root, DivisionCatalog.China);
        var load = await new DivisionTreeLoader(db, provider.GetRequiredService<AuditLog>()).LoadAsync(root, ct);
        if (load.ChangedAnything)
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup))
                .LogInformation("Regions loaded for {Root}: {Created} created, {Adopted} given their code", root.Describe(), load.Created, load.Adopted);

        if (provider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
            await provider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        await provider.GetRequiredService<FirstAdministrator>().EnsureFromConfigurationAsync(ct);
    }
}
