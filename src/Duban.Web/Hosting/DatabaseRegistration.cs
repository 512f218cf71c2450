using Duban.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
        {
            DubanDatabase.Configure((Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<DubanDbContext>)builder, Options(sp));
            if (sp.GetRequiredService<IConfiguration>().GetValue<bool>(UnorderedRowLimitIsErrorSetting))
                builder.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
        });
        return services;
    }

    /// <summary>
    /// When true, a query that limits its rows (Skip/Take) without an order fails instead of logging EF Core's warning:
    /// which rows such a query returns is up to the database's plan. The tests' hosts set it, so that every query they
    /// run is checked; a server keeps the warning, to serve the page rather than fail it.
    /// </summary>
    public const string UnorderedRowLimitIsErrorSetting = "Database:UnorderedRowLimitIsError";

    public static DatabaseOptions Options(IServiceProvider services)
    {
        var options = DatabaseOptions.FromConfiguration(services.GetRequiredService<IConfiguration>());
        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return options with { DataDirectory = Path.GetFullPath(Path.Combine(root, options.DataDirectory)) };
    }
}
