using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Data;

public static class DubanDataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="DubanDbContext"/> (scoped) for the configured provider, and the options themselves.</summary>
    public static IServiceCollection AddDubanData(this IServiceCollection services, DatabaseOptions options)
    {
        // Resolved once here, not per scope: the SQLite folder is created and the connection string built only once.
        var target = ConnectionTarget.Resolve(options);
        services.AddSingleton(options);
        services.AddDbContext<DubanDbContext>(builder => target.Apply(builder));
        return services;
    }

    /// <summary>The start-up step: applies pending migrations in a scope of its own.</summary>
    public static async Task MigrateDubanDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<DubanDbContext>();
        await DubanDatabase.MigrateAsync(context, cancellationToken);
    }
}
