using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Duban.Benchmarks.Core;
using Duban.Benchmarks.Tracking;
using Duban.Core.Assessments;
using Duban.Core.Tracking.Periods;
using Duban.Data;
using Duban.Data.Assessments;

namespace Duban.Benchmarks.Assessment;

/// <summary>
/// <c>assessment</c>: on the tracking benchmark's province (built or reused exactly as <c>tracking</c> builds it), the
/// annual assessment a province runs under the default scheme — the government of every city and county below it and
/// every department of the province —: the first computation (facts read, scored, results stored), recomputations, and opening one organisation's
/// explained score card in process and over HTTP. Prints a Markdown summary for docs/benchmarks.md.
/// </summary>
public static class AssessmentCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        TrackingOptions options;
        try
        {
            options = TrackingOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(TrackingOptions.Usage.Replace("usage: tracking", "usage: assessment", StringComparison.Ordinal));
            return 2;
        }
        var ct = CancellationToken.None;
        if (options.Fresh) await options.DropAsync();
        var database = options.Database();
        var today = ChinaCalendar.Today(DateTimeOffset.UtcNow);
        var shape = new TrackingShape(options.Cities, options.CountiesPerCity, options.Years, options.Seed, today);
        var bench = new TrackingBench(database);
        await TrackingCommand.BuildAsync(database, shape, bench, Log, ct);
        var readers = await bench.ReadersAsync(ct);
        var province = readers.Province;
        var year = today.Year - 1;
        var setup = new AssessmentBench(database);
        var assessed = await setup.PrepareAsync(Log, ct);
        Log($"{assessed.Length} organisations assessed for {year} under the default scheme ({DefaultScheme.Indicators.Count} indicators)");
        var schemeId = await setup.SchemeAsync(province, assessed, ct);

        var started = Stopwatch.GetTimestamp();
        var assessmentId = await setup.AssessAsync(province, schemeId, year, ct);
        var firstSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Log($"first computation: {firstSeconds:F2} s");
        var contextOptions = DubanDatabase.CreateOptions(database);
        var actor = AssessmentBench.Actor(province);
        AssessmentDesk Desk(DubanDbContext db) => setup.Desk(db);

        var recompute = await Latency.MeasureAsync("recompute (facts read, scored, compared with the last run, stored)", [assessmentId], 1, Math.Max(3, options.Iterations / 20),
            async id =>
            {
                await using var db = new DubanDbContext(contextOptions);
                var run = await Desk(db).RecomputeAsync(actor, id, null, ct);
                if (run.Error is { } error) throw new InvalidOperationException("recompute refused: " + error.Message);
            });

        // Cards: organisations spread over the ranking, read as the province's administrator.
        var cards = assessed.Where((_, i) => i % Math.Max(1, assessed.Length / 50) == 0).ToArray();
        var sample = await setup.CardAsync(province, assessmentId, cards[0], ct);
        Log($"sample card: {sample.Indicators.Count} indicators, {sample.Indicators.Sum(i => i.Score.Items.Count)} explanation items");
        var results = new List<Latency>
        {
            recompute,
            await Latency.MeasureAsync("score card with its explanation, province administrator (in process)", cards, options.Warmup, options.Iterations,
                organizationId => setup.CardAsync(province, assessmentId, organizationId, ct)),
        };
        if (!options.NoHttp)
        {
            BenchWebHost.UseContentRootOf(BenchmarkInputs.Root());
            await using var host = new BenchWebHost(database);
            host.StartServer();
            using var client = host.CreateClient();
            results.Add(await Latency.MeasureAsync("GET /api/v1/assessments/{id}/cards/{organizationId}", cards, options.Warmup, options.Iterations,
                organizationId => TrackingBench.GetAsync(client, province, $"/api/v1/assessments/{assessmentId}/cards/{organizationId}", ct)));
            results.Add(await Latency.MeasureAsync("GET /assessments/{id}/cards/{organizationId} (the page)", cards, options.Warmup, options.Iterations,
                organizationId => TrackingBench.GetAsync(client, province, $"/assessments/{assessmentId}/cards/{organizationId}", ct)));
            results.Add(await Latency.MeasureAsync("GET /api/v1/assessments/{id}/results (the ranking)", [assessmentId], 2, Math.Max(5, options.Iterations / 10),
                id => TrackingBench.GetAsync(client, province, $"/api/v1/assessments/{id}/results", ct)));
        }

        Console.WriteLine();
        Console.WriteLine($"## {options.Provider}, {assessed.Length} organisations, year {year}");
        Console.WriteLine();
        Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"First computation (POST /assessments through the desk, one transaction): **{firstSeconds:F2} s**"));
        Console.WriteLine();
        Console.WriteLine("| call | calls | mean ms | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Count} | {r.Mean:F1} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Max:F1} |"));
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
