using System.Globalization;
using Duban.Data;
using Npgsql;

namespace Duban.Benchmarks.Core;

/// <summary>The arguments of <c>core</c>; see docs/benchmarks.md.</summary>
public sealed record CoreOptions(DatabaseProvider Provider, int Plans, int Sample, int Warmup, int Iterations, int ProvinceIterations, int Seed, string DataDirectory, bool Fresh, bool LoadOnly, bool Explain, bool Tail, string? CopyFrom, string? DatabaseName, bool Pages = false, string? Page = null, string? Export = null, int ExportRuns = 2)
{
    public const string Usage =
        "usage: core --provider sqlite|postgres [--plans 10000] [--sample 300] [--iterations 1000] [--warmup 100] [--province-iterations 50] [--seed N] [--data DIR] [--fresh] [--load-only] [--explain] [--tail] [--pages [--page PATH]] [--export [--export-path PATH] [--export-runs 2]] [--copy-from SQLITE-DIR] [--database NAME]\n"
        + "  --pages times every list page over HTTP (the province's administrator, organisations' reporters) instead of the task list (--page: only that path);\n"
        + "    each page is called --warmup times before --province-iterations timed calls, so that a warm server is timed, not JIT tier-up.\n"
        + "  --export requests the province administrator's 任务台账 (/api/v1/ledger.xlsx, or --export-path) over HTTP and prints time, file size, rows and the process's peak memory.\n"
        + "  postgres reads its server from DUBAN_TEST_POSTGRES (bash .ci/with-postgres sets it) and uses the database duban_bench_<seed> unless --database names another.";

    public static CoreOptions Parse(IReadOnlyList<string> args)
    {
        string? Value(string name)
        {
            var at = args.ToList().IndexOf(name);
            return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
        }
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var provider = DatabaseOptions.ParseProvider(Value("--provider") ?? throw new ArgumentException("--provider is required.\n" + Usage));
        var seed = Number("--seed", DatasetGenerator.DefaultSeed);
        var plans = Number("--plans", 10_000);
        return new CoreOptions(provider, plans, Math.Min(plans, Number("--sample", 300)), Number("--warmup", 100), Number("--iterations", 1000),
            Number("--province-iterations", 50), seed,
            Path.GetFullPath(Value("--data") ?? Path.Combine("BenchmarkDotNet.Artifacts", "core", $"{provider.ToString().ToLowerInvariant()}-{seed}")),
            args.Contains("--fresh"), args.Contains("--load-only"), args.Contains("--explain"), args.Contains("--tail"),
            Value("--copy-from") is { } copy ? Path.GetFullPath(copy) : null, Value("--database"), args.Contains("--pages") || Value("--page") is not null, Value("--page"),
            args.Contains("--export") || Value("--export-path") is not null ? Value("--export-path") ?? ExportProbe.DefaultPath : null, Number("--export-runs", 2));
    }

    public string PostgresDatabase => DatabaseName ?? $"duban_bench_{Seed}";

    public DatabaseOptions Database() => BenchDatabase.Options(Provider, DataDirectory, PostgresDatabase);

    /// <summary>Removes the benchmark's database so that the run loads it from nothing.</summary>
    public Task DropAsync() => BenchDatabase.DropAsync(Provider, DataDirectory, PostgresDatabase);
}
