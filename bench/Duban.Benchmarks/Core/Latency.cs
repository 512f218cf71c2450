using System.Diagnostics;

namespace Duban.Benchmarks.Core;

/// <summary>Percentiles of a series of timings, in milliseconds.</summary>
public sealed record Latency(string Name, int Count, double Mean, double P50, double P95, double P99, double Max)
{
    public static Latency Of(string name, IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Latency(name, sorted.Length, sorted.Average(), At(0.50), At(0.95), At(0.99), sorted[^1]);
    }

    /// <summary>Runs <paramref name="call"/> for each case, the first <paramref name="warmup"/> untimed.</summary>
    public static Task<Latency> MeasureAsync<T>(string name, IReadOnlyList<T> cases, int warmup, int iterations, Func<T, Task> call) =>
        MeasureAsync(name, cases, warmup, iterations, _ => Task.CompletedTask, call);

    /// <summary>As above, with <paramref name="before"/> run untimed before each call (a write the call then reads, say).</summary>
    public static async Task<Latency> MeasureAsync<T>(string name, IReadOnlyList<T> cases, int warmup, int iterations, Func<T, Task> before, Func<T, Task> call)
    {
        for (var i = 0; i < warmup; i++)
        {
            await before(cases[i % cases.Count]);
            await call(cases[i % cases.Count]);
        }
        var timings = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            await before(cases[(warmup + i) % cases.Count]);
            var started = Stopwatch.GetTimestamp();
            await call(cases[(warmup + i) % cases.Count]);
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return Of(name, timings);
    }
}
