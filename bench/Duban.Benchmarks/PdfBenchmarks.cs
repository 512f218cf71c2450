using BenchmarkDotNet.Attributes;
using Duban.Parsing;
using Duban.Parsing.Input;
using Duban.Parsing.Model;
using UglyToad.PdfPig.Writer;

namespace Duban.Benchmarks;

/// <summary>
/// Reads PDFs: samples/pdf/deadline-forms.pdf (2 pages of running text), tab-table.pdf (2 pages, a ruled table read
/// line by line before issue 12's grid reading, cell by cell since), merged-cells-table.pdf (2 pages, a ruled table
/// with merged cells), and two 30-page plans, the size of a typical plan: "plan-30-pages", deadline-forms.pdf merged
/// fifteen times, and "tables-30-pages", merged-cells-table.pdf merged fifteen times (a ruled table on every page).
/// Text extraction alone (<see cref="InputReader"/>) and the whole parse. The target: a 30-page plan in under a second.
/// See docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
public class PdfBenchmarks
{
    private readonly PlanParser _parser = new();
    private byte[] _content = [];

    [Params("deadline-forms.pdf", "tab-table.pdf", "merged-cells-table.pdf", "plan-30-pages", "tables-30-pages")]
    public string Document { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _content = Load(Document);

    public static byte[] Load(string name)
    {
        var folder = Path.Combine(BenchmarkInputs.Root(), "samples", "pdf");
        var merged = name switch { "plan-30-pages" => "deadline-forms.pdf", "tables-30-pages" => "merged-cells-table.pdf", _ => null };
        if (merged is null) return File.ReadAllBytes(Path.Combine(folder, name));
        var one = File.ReadAllBytes(Path.Combine(folder, merged));
        return PdfMerger.Merge(Enumerable.Repeat(one, 15).ToArray());
    }

    [Benchmark]
    public SourceText Extract() => InputReader.Read(_content, Document, InputLimits.Default);

    [Benchmark]
    public PlanDocument Parse() => _parser.Parse(_content, Document);
}
