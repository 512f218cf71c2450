using BenchmarkDotNet.Attributes;
using Duban.Parsing;
using Duban.Parsing.Input;
using Duban.Parsing.Input.Pdf;
using Duban.Parsing.Model;
using UglyToad.PdfPig.Writer;

namespace Duban.Benchmarks;

/// <summary>
/// Reads PDFs: samples/pdf/deadline-forms.pdf (2 pages of running text), tab-table.pdf (2 pages, a ruled table read
/// line by line before issue 12's grid reading, cell by cell since), merged-cells-table.pdf (2 pages, a ruled table
/// with merged cells), and two 30-page plans, the size of a typical plan: "plan-30-pages", deadline-forms.pdf merged
/// fifteen times, "tables-30-pages", merged-cells-table.pdf merged fifteen times (a ruled table on every page), and
/// "asides-30-pages", text-boxes.pdf and sidebar-unframed.pdf merged fifteen times each (framed boxes, unframed
/// sidebars at either side: the frame, column and sidebar reading on every page).
/// Text extraction alone (<see cref="InputReader"/>), the layout work alone on lines already read (<c>Layout</c>:
/// where the reader's own code shows, apart from PdfPig's decoding), and the whole parse. The target: a 30-page plan in under a second.
/// See docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
public class PdfBenchmarks
{
    private readonly PlanParser _parser = new();
    private byte[] _content = [];

    [Params("deadline-forms.pdf", "tab-table.pdf", "merged-cells-table.pdf", "plan-30-pages", "tables-30-pages", "asides-30-pages")]
    public string Document { get; set; } = "";

    private List<PdfPageLines> _pages = [];

    [GlobalSetup]
    public void Setup()
    {
        _content = Load(Document);
        _pages = Pages(_content);
    }

    /// <summary>The pages' lines and rules as <see cref="PdfTextExtractor"/> reads them, running text removed.</summary>
    private static List<PdfPageLines> Pages(byte[] content)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(content);
        var pages = new List<PdfPageLines>();
        foreach (var page in document.GetPages())
        {
            var lines = PdfLineBuilder.Build(page.Letters, page.Width, page.Height);
            var (vertical, horizontal, shades) = PdfRules.Read(page);
            pages.Add(new PdfPageLines(page.Number, page.Width, page.Height, lines) { Rules = vertical, HorizontalRules = horizontal, Shades = shades });
        }
        PdfRunningText.Remove(pages);
        return pages;
    }

    public static byte[] Load(string name)
    {
        var folder = Path.Combine(BenchmarkInputs.Root(), "samples", "pdf");
        if (name == "asides-30-pages")
        {
            var (boxes, sidebars) = (File.ReadAllBytes(Path.Combine(folder, "text-boxes.pdf")), File.ReadAllBytes(Path.Combine(folder, "sidebar-unframed.pdf")));
            return PdfMerger.Merge(Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? boxes : sidebars).ToArray());
        }
        var merged = name switch { "plan-30-pages" => "deadline-forms.pdf", "tables-30-pages" => "merged-cells-table.pdf", _ => null };
        if (merged is null) return File.ReadAllBytes(Path.Combine(folder, name));
        var one = File.ReadAllBytes(Path.Combine(folder, merged));
        return PdfMerger.Merge(Enumerable.Repeat(one, 15).ToArray());
    }

    [Benchmark]
    public SourceText Extract() => InputReader.Read(_content, Document, InputLimits.Default);

    /// <summary>The layout work alone, on lines already read: frames, columns, sidebars, paragraphs, tables, regions.</summary>
    [Benchmark]
    public int Layout() => PdfParagraphs.Write(_pages).Text.Length;

    [Benchmark]
    public PlanDocument Parse() => _parser.Parse(_content, Document);
}
