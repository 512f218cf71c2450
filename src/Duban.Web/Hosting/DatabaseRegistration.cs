using Duban.Data;

namespace Duban.Web.Hosting;

/// <summary>
/// The one place the web application chooses its database: Duban.Data's <see cref="DatabaseOptions"/> (SQLite by
/// default, PostgreSQL when configured), with a relative SQLite data directory taken from the content root.
/// </summary>
public static class DatabaseRegistration
{
    public static IServiceCollection AddDubanDatabase(this IServiceCollection services)
    {
        // Options are read when the first context is made, not at registration, so that settings a host adds late
        // (tests, environment) are the ones used.
        services.AddDbContext<DubanDbContext>((sp, builder) =>
            DubanDatabase.Configure((Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<DubanDbContext>)builder, Options(sp)));
        return services;
    }

    public static DatabaseOptions Options(IServiceProvider services)
    {
        var options = DatabaseOptions.FromConfiguration(services.GetRequiredService<IConfiguration>());
        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return options with { DataDirectory = Path.GetFullPath(Path.Combine(root, options.DataDirectory)) };
    }
}
