using Duban.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Web.Hosting;

/// <summary>Where the web application keeps its database.</summary>
public sealed class WebDatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The folder of the SQLite file duban.db; relative paths start at the content root.</summary>
    public string DataDirectory { get; set; } = "data";
}

/// <summary>
/// The one place the web application chooses its database provider. SQLite only for now: the persistence work adds
/// DatabaseOptions (SQLite or PostgreSQL) to Duban.Data, and at that merge this method defers to it.
/// </summary>
public static class DatabaseRegistration
{
    public static IServiceCollection AddDubanDatabase(this IServiceCollection services)
    {
        services.AddOptions<WebDatabaseOptions>().BindConfiguration(WebDatabaseOptions.Section);
        // Options are read when the first context is made, not at registration, so that settings a host adds late
        // (tests, environment) are the ones used.
        services.AddDbContext<DubanDbContext>((sp, options) =>
        {
            var directory = DataDirectory(sp);
            options.UseSqlite($"Data Source={Path.Combine(directory, "duban.db")}");
        });
        return services;
    }

    public static string DataDirectory(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<WebDatabaseOptions>>().Value.DataDirectory;
        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return Path.GetFullPath(Path.Combine(root, configured));
    }
}
