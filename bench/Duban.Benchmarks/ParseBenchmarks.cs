using BenchmarkDotNet.Attributes;
using Duban.Parsing;
using Duban.Parsing.Model;

namespace Duban.Benchmarks;

/// <summary>
/// Parses each seed plan from its bytes (decoding included) and a large document made of many plans, to measure
/// throughput (MB/s of input) and allocation (bytes per byte of input). See docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly PlanParser _parser = new();
    private byte[] _content = [];

    [ParamsSource(nameof(Documents))]
    public string Document { get; set; } = "";

    public static IEnumerable<string> Documents() => BenchmarkInputs.Names();

    [GlobalSetup]
    public void Setup() => _content = BenchmarkInputs.Load(Document);

    [Benchmark]
    public PlanDocument Parse() => _parser.Parse(_content, Document);
}
