using BenchmarkDotNet.Running;
using Duban.Benchmarks.Core;

namespace Duban.Benchmarks;

// A named class, not top-level statements: those would declare a Program clashing with Duban.Web's, which BenchWebHost starts.
public static class BenchmarkProgram
{
    /// <summary>"core" is the platform benchmark (dataset, import, task queries; docs/benchmarks.md), "tracking" the tracking one, "assessment" the
    /// province-scale assessment on the tracking dataset,
    /// "docx-memory" the large .docx measurement; anything else goes to BenchmarkDotNet.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "core") return await CoreCommand.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "tracking") return await Duban.Benchmarks.Tracking.TrackingCommand.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "assessment") return await Duban.Benchmarks.Assessment.AssessmentCommand.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "docx-memory") return DocxMemoryCommand.Run(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args);
        return 0;
    }
}
