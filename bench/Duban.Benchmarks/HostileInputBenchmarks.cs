using BenchmarkDotNet.Attributes;
using Duban.Parsing.Deadlines;
using Duban.Parsing.Model;
using Duban.Parsing.Targets;
using Duban.Parsing.Text;
using Duban.Parsing.Units;

namespace Duban.Benchmarks;

/// <summary>
/// The inputs the robustness tests feed the parser's stages (long repetitions of one fragment, a megabyte of digits),
/// timed here rather than in the tests: a quadratic stage shows as a time far off the others' MB/s.
/// See docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
public class HostileInputBenchmarks
{
    private const string Prose =
        "到2025年，全市中等职业教育在校生保持在2万人以上，高等职业教育规模稳定在6000人左右，继续教育和职业技能培训年培训5万人次以上。"
        + "力争打造4—5所全省优质中等职业学校和10个全省优质专业，加强党的领导，深化产教融合、校企合作，完善职业教育体系。"
        + "市财政和各县（区）政府每年安排职业教育专项经费分别不得少于500万元和300万元。";

    private static readonly UnitFieldParser Units = new(UnitAliasTable.Default);

    private MappedText targetsText = MappedText.Contiguous("", 0);
    private string deadlineText = "";
    private MappedText unitsText = MappedText.Contiguous("", 0);

    /// <summary>Target text: a megabyte of plan prose, of one digit, or of a fragment that nearly starts a target.</summary>
    [Params("prose", "digits", "1:", "分别不少于5万元和")]
    public string Fragment { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var piece = Fragment switch { "prose" => Prose, "digits" => "7", _ => Fragment };
        targetsText = MappedText.Contiguous(Repeat(piece, 1 << 20), 0);
        deadlineText = Repeat("2021年6月底前完成并长期坚持，", 200_000);
        unitsText = MappedText.Contiguous(Repeat("市教育局、人社局、各县(市、区)政府和市发改委，中宁、海原县人民政府，教育、财政等部门；", 100_000), 0);
    }

    [Benchmark]
    public int TargetsInOneMegabyte() => TargetExtractor.Extract(targetsText).Count;

    [Benchmark]
    public DateOnly? DeadlineIn200KCharacters() => DeadlineParser.Parse(deadlineText, new SourceSpan(0, deadlineText.Length), 2020).Due;

    [Benchmark]
    public int UnitsIn100KCharacters() => Units.Parse(unitsText, UnitRole.Lead, false).Count;

    private static string Repeat(string piece, int length) => string.Concat(Enumerable.Repeat(piece, Math.Max(1, length / piece.Length)));
}
