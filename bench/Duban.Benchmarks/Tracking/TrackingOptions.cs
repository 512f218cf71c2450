using System.Globalization;
using Duban.Benchmarks.Core;
using Duban.Data;
using Npgsql;

namespace Duban.Benchmarks.Tracking;

/// <summary>The arguments of <c>tracking</c>; see docs/benchmarks.md, "Tracking at province scale".</summary>
public sealed record TrackingOptions(DatabaseProvider Provider, int Cities, int CountiesPerCity, int Years, int Seed, int Warmup, int Iterations,
    string DataDirectory, bool Fresh, bool LoadOnly, bool Explain, bool NoHttp, string? DatabaseName, string? TokensFile)
{
    public const string Usage =
        "usage: tracking --provider sqlite|postgres [--cities 100] [--counties 3] [--years 5] [--seed N] [--iterations 100] [--warmup 10] [--data DIR] "
        + "[--database NAME] [--fresh] [--load-only] [--explain] [--no-http] [--tokens FILE]\n"
        + "  postgres reads its server from DUBAN_TEST_POSTGRES (bash .ci/with-postgres sets it) and uses the database duban_tracking_<cities>_<years> unless --database names another.\n"
        + "  --tokens FILE writes the bench users' API tokens (for bench/load/run-wrk.sh) and stops after the dataset is ready.";

    public static TrackingOptions Parse(IReadOnlyList<string> args)
    {
        string? Value(string name)
        {
            var at = args.ToList().IndexOf(name);
            return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
        }
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var provider = DatabaseOptions.ParseProvider(Value("--provider") ?? throw new ArgumentException("--provider is required.\n" + Usage));
        var cities = Number("--cities", 100);
        var years = Number("--years", 5);
        var seed = Number("--seed", DatasetGenerator.DefaultSeed);
        return new TrackingOptions(provider, cities, Number("--counties", 3), years, seed, Number("--warmup", 10), Number("--iterations", 100),
            Path.GetFullPath(Value("--data") ?? Path.Combine("BenchmarkDotNet.Artifacts", "tracking", $"{provider.ToString().ToLowerInvariant()}-{cities}-{years}")),
            args.Contains("--fresh"), args.Contains("--load-only"), args.Contains("--explain"), args.Contains("--no-http"), Value("--database"),
            Value("--tokens") is { } tokens ? Path.GetFullPath(tokens) : null);
    }

    public string PostgresDatabase => DatabaseName ?? $"duban_tracking_{Cities}_{Years}";

    public DatabaseOptions Database()
    {
        if (Provider == DatabaseProvider.Sqlite) return new DatabaseOptions { Provider = Provider, DataDirectory = DataDirectory };
        var server = Environment.GetEnvironmentVariable("DUBAN_TEST_POSTGRES")
                     ?? throw new InvalidOperationException("DUBAN_TEST_POSTGRES is not set: run under bash .ci/with-postgres, or export it.");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = PostgresDatabase };
        return new DatabaseOptions { Provider = Provider, ConnectionString = builder.ConnectionString, DataDirectory = DataDirectory };
    }

    public async Task DropAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
            return;
        }
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("DUBAN_TEST_POSTGRES")) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {PostgresDatabase} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
