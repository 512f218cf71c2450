using System.Globalization;
using Duban.Benchmarks.Core;
using Duban.Data;
using Npgsql;

namespace Duban.Benchmarks.Tracking;

/// <summary>The arguments of <c>tracking</c>; see docs/benchmarks.md, "Tracking at province scale".</summary>
public sealed record TrackingOptions(DatabaseProvider Provider, int Cities, int CountiesPerCity, int Years, int Seed, int Warmup, int Iterations,
    string DataDirectory, bool Fresh, bool LoadOnly, bool Explain, bool NoHttp, string? DatabaseName, string? TokensFile)
{
    /// <summary><c>--lists</c>: time the 督办单, 审核 and audit lists instead (docs/benchmarks.md, "Lists at province scale").</summary>
    public bool Lists { get; init; }

    /// <summary>With <c>--lists</c>: how many 督办单 and audit entries the database is filled to.</summary>
    public int Orders { get; init; } = 200_000;

    public int AuditEntries { get; init; } = 1_000_000;

    public const string Usage =
        "usage: tracking --provider sqlite|postgres [--cities 100] [--counties 3] [--years 5] [--seed N] [--iterations 100] [--warmup 10] [--data DIR] "
        + "[--database NAME] [--fresh] [--load-only] [--explain] [--no-http] [--tokens FILE] [--lists [--orders 200000] [--audit 1000000]]\n"
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
            Value("--tokens") is { } tokens ? Path.GetFullPath(tokens) : null)
        {
            Lists = args.Contains("--lists"), Orders = Number("--orders", 200_000), AuditEntries = Number("--audit", 1_000_000),
        };
    }

    public string PostgresDatabase => DatabaseName ?? $"duban_tracking_{Cities}_{Years}";

    public DatabaseOptions Database() => BenchDatabase.Options(Provider, DataDirectory, PostgresDatabase);

    /// <summary>Removes the benchmark's database so that the run loads it from nothing.</summary>
    public Task DropAsync() => BenchDatabase.DropAsync(Provider, DataDirectory, PostgresDatabase);
}
