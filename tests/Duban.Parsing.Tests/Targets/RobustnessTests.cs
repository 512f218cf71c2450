using System.Text;
using Duban.Parsing.Model;
using Duban.Parsing.Targets;
using Duban.Parsing.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Duban.Parsing.Tests.Targets;

/// <summary>The extractor runs on every paragraph of every document: it must not throw and must stay linear.</summary>
public class RobustnessTests
{
    // Pieces that drive the scanner into its branches, shuffled into nonsense.
    private static readonly string[] Pieces =
    [
        "0", "1", "9", "12", "2025", "1.5", "12,000", "１２", "．", ".", ",", "，", "。", "；", "：", ":", "∶", "、", " ", "\u3000", "\n",
        "—", "——", "-", "~", "至", "到", "+", "〔", "〕", "（", "）", "(", ")", "“", "”", "%", "％", "万", "亿", "千", "余", "多",
        "人", "人次", "元", "万元", "个", "个月", "所", "门", "家", "名", "项", "次", "年", "月", "/", "以上", "以下", "左右", "约",
        "不低于", "不少于", "控制在", "达到", "达", "保持在", "分别", "和", "每年", "年培训", "全市", "各县（区）", "职普比", "例",
        "大体相当", "比", "比例", "按", "的", "建成", "培养", "学生", "第", "每", "号", "版", "A", "\uD83D\uDE00", "\uD800", "\0",
    ];

    [Fact]
    public void Random_text_made_of_plan_pieces_does_not_throw_and_yields_well_formed_targets()
    {
        var random = new Random(20260101);
        for (var round = 0; round < 20_000; round++)
        {
            var text = new StringBuilder();
            var pieces = random.Next(0, 40);
            for (var p = 0; p < pieces; p++) text.Append(Pieces[random.Next(Pieces.Length)]);

            var source = text.ToString();
            var targets = TargetExtractor.Extract(MappedText.Contiguous(source, 0));

            foreach (var target in targets)
            {
                target.Subject.ShouldNotBeNullOrWhiteSpace(source);
                target.Raw.ShouldNotBeNullOrEmpty(source);
                target.Unit.ShouldNotBeNullOrEmpty(source);
                source[target.Span.Start..target.Span.End].ShouldBe(target.Raw, source);
                if (target.Comparator == Comparator.Range) target.ValueMax.ShouldNotBeNull(source);
            }
        }
    }

    [Fact]
    public void Arbitrary_strings_do_not_throw() =>
        Check.QuickThrowOnFailure(Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            TargetExtractor.Extract(MappedText.Contiguous(text ?? "", 0));
            return true;
        }));

    [Fact]
    public void A_megabyte_of_digits_is_no_target()
    {
        // Its speed is measured in bench/HostileInputBenchmarks, not here: a timed test fails on a busy machine.
        var digits = new string('7', 1 << 20);

        var targets = TargetExtractor.Extract(MappedText.Contiguous(digits, 0));

        targets.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("1个")]
    [InlineData("1:")]
    [InlineData("1—")]
    [InlineData("2025年")]
    [InlineData("职普比")]
    [InlineData("分别不少于5万元和")]
    [InlineData("全市每年安排")]
    [InlineData("12,")]
    [InlineData("。")]
    public void Long_repetitions_give_targets_within_the_text(string piece)
    {
        // 256 K characters of one fragment; the time it takes is measured in bench/HostileInputBenchmarks.
        var text = string.Concat(Enumerable.Repeat(piece, (1 << 18) / piece.Length));

        var targets = TargetExtractor.Extract(MappedText.Contiguous(text, 0));

        foreach (var t in targets) text.Substring(t.Span.Start, t.Span.End - t.Span.Start).ShouldBe(t.Raw);
    }

    [Fact]
    public void A_megabyte_of_plan_prose_gives_its_targets_many_times_over()
    {
        const string paragraph =
            "到2025年，全市中等职业教育在校生保持在2万人以上，高等职业教育规模稳定在6000人左右，继续教育和职业技能培训年培训5万人次以上。"
            + "力争打造4—5所全省优质中等职业学校和10个全省优质专业，加强党的领导，深化产教融合、校企合作，完善职业教育体系。"
            + "市财政和各县（区）政府每年安排职业教育专项经费分别不得少于500万元和300万元。";
        var text = string.Concat(Enumerable.Repeat(paragraph, (1 << 20) / paragraph.Length));
        var once = TargetExtractor.Extract(MappedText.Contiguous(paragraph, 0)).Count;

        var targets = TargetExtractor.Extract(MappedText.Contiguous(text, 0));

        // Every repetition gives the paragraph's targets again; the speed (10 MB/s goal) is in bench/HostileInputBenchmarks.
        once.ShouldBeGreaterThan(0);
        targets.Count.ShouldBe(once * (text.Length / paragraph.Length));
    }
}
