using Duban.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Duban.Benchmarks.Core;

/// <summary>
/// The real application on Kestrel (loopback, a free port) over the benchmark's database, in production settings except
/// plain HTTP (no certificate on loopback), no demo data and quiet logging.
/// </summary>
public sealed class BenchWebHost : WebApplicationFactory<Program>
{
    private readonly DatabaseOptions database;

    public BenchWebHost(DatabaseOptions database)
    {
        this.database = database;
        UseKestrel(0);
    }

    /// <summary>
    /// Where the application's files are: outside a test project WebApplicationFactory cannot guess it, and reads it from
    /// this variable (named after the assembly) before guessing. Set before the host is built.
    /// </summary>
    public static void UseContentRootOf(string repositoryRoot) =>
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DUBAN_WEB", Path.Combine(repositoryRoot, "src", "Duban.Web"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("Database:DataDirectory", database.DataDirectory);
        if (database.ConnectionString is { } connection) builder.UseSetting("Database:ConnectionString", connection);
        builder.UseSetting("Web:HttpsOnly", "false");
        // Never the demo's default address (Hosting/ListenAddress.cs checks it before the start): UseKestrel(0) listens.
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Demo:Enabled", "false");
        // The generated world is the dataset's only region tree: the national divisions loaded at start would add real
        // regions whose names the generated ones reuse (定兴县), and the loader finds its world again by name.
        builder.UseSetting("Divisions:Root", "none");
        // The daily jobs (escalation, notifications) are not what is timed; started with the host they would run during the timing.
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
