using Duban.Data;
using Duban.Web.Demo;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Web.Hosting;

/// <summary>Brings the database to what this version needs before the first request: schema, demo data, first administrator.</summary>
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

        if (provider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
            await provider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        await provider.GetRequiredService<FirstAdministrator>().EnsureFromConfigurationAsync(ct);
    }
}
