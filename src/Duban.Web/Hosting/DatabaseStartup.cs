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
        Directory.CreateDirectory(DatabaseRegistration.DataDirectory(services));
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<DubanDbContext>();

        // The only place the schema is made. Until Duban.Data's migrations land this creates it whole; at that merge
        // it becomes db.Database.MigrateAsync().
        await db.Database.EnsureCreatedAsync(ct);
        // Readers do not wait for a writer, and a writer waits for another rather than failing at once.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

        if (provider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
            await provider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        await provider.GetRequiredService<FirstAdministrator>().EnsureFromConfigurationAsync(ct);
    }
}
