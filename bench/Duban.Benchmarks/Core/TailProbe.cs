using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Duban.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Duban.Benchmarks.Core;

/// <summary>
/// For <c>--tail</c>: times each call of a list and its parts — every SQL command from its sending to its reader's
/// disposal, the garbage collections during the call, whether it is the reader's first call — so that a long tail is
/// found rather than guessed at (docs/benchmarks.md, "One organisation's list on PostgreSQL").
/// </summary>
public sealed class TailProbe : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<DbCommand, long> started = new();
    private readonly List<(string Sql, double Ms)> commands = [];

    private DbContextOptions<DubanDbContext>? options;

    /// <summary>A context with this probe, its options built once as the application's are.</summary>
    public DubanDbContext Context(DatabaseOptions database) =>
        new(options ??= DubanDatabase.Configure(new DbContextOptionsBuilder<DubanDbContext>(), database).AddInterceptors(this).Options);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        started[command] = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (started.TryRemove(command, out var at))
            lock (commands) commands.Add((command.CommandText, Stopwatch.GetElapsedTime(at).TotalMilliseconds));
        return result;
    }

    /// <summary>One call: total, the commands' times, the collections of each generation during it.</summary>
    public sealed record Call(string Case, bool First, double Ms, IReadOnlyList<double> Commands, int Gen0, int Gen1, int Gen2);

    public async Task<IReadOnlyList<Call>> RunAsync<T>(IReadOnlyList<T> cases, Func<T, string> name, int warmup, int iterations, Func<T, Task> call)
    {
        var seen = new HashSet<string>();
        var calls = new List<Call>();
        for (var i = 0; i < warmup + iterations; i++)
        {
            var c = cases[i % cases.Count];
            var first = seen.Add(name(c));
            lock (commands) commands.Clear();
            var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var at = Stopwatch.GetTimestamp();
            await call(c);
            var ms = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
            if (i < warmup) continue;
            List<double> times;
            lock (commands) times = commands.Select(x => x.Ms).ToList();
            calls.Add(new Call(name(c), first, ms, times, GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2));
        }
        return calls;
    }

    public static void Print(string title, IReadOnlyList<Call> calls, TextWriter output)
    {
        string P(IEnumerable<double> xs)
        {
            var s = xs.Order().ToArray();
            if (s.Length == 0) return "—";
            double At(double p) => s[Math.Min(s.Length - 1, (int)Math.Ceiling(p * s.Length) - 1)];
            return string.Create(CultureInfo.InvariantCulture, $"n {s.Length}, p50 {At(0.5):F1}, p95 {At(0.95):F1}, max {s[^1]:F1}");
        }
        output.WriteLine($"### {title}");
        output.WriteLine($"- all calls: {P(calls.Select(c => c.Ms))}");
        output.WriteLine($"- reader's first call: {P(calls.Where(c => c.First).Select(c => c.Ms))}");
        output.WriteLine($"- later calls: {P(calls.Where(c => !c.First).Select(c => c.Ms))}");
        output.WriteLine($"- calls with a gen-2 GC: {P(calls.Where(c => c.Gen2 > 0).Select(c => c.Ms))}; with a gen-0/1 GC only: {P(calls.Where(c => c.Gen2 == 0 && c.Gen0 > 0).Select(c => c.Ms))}");
        output.WriteLine($"- SQL time per call: {P(calls.Select(c => c.Commands.Sum()))}; outside SQL: {P(calls.Select(c => c.Ms - c.Commands.Sum()))}");
        output.WriteLine("- slowest 15 calls (case, first?, ms, each command's ms, GCs gen0/1/2):");
        foreach (var c in calls.OrderByDescending(c => c.Ms).Take(15))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  - {c.Case} {(c.First ? "first" : "again")} {c.Ms:F1} ms: [{string.Join(", ", c.Commands.Select(x => x.ToString("F1", CultureInfo.InvariantCulture)))}] GC {c.Gen0}/{c.Gen1}/{c.Gen2}"));
    }
}
