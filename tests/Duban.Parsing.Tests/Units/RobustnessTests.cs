using System.Text;
using Duban.Parsing.Model;
using Duban.Parsing.Text;
using Duban.Parsing.Units;
using FsCheck;
using FsCheck.Fluent;

namespace Duban.Parsing.Tests.Units;

public class RobustnessTests
{
    private static readonly UnitFieldParser Parser = new(UnitAliasTable.Default);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("、，,；;。")]
    [InlineData("等")]
    [InlineData("（）()")]
    [InlineData("！@#￥%……&*")]
    [InlineData("123 456")]
    [InlineData("一、")]
    [InlineData("责任单位：")]
    public void A_field_without_a_name_gives_no_units(string field)
    {
        UnitFields.Parse(field).ShouldBeEmpty();
        UnitFields.Parse(field, table: true).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("和和和和和")]
    [InlineData("((((（（【《")]
    [InlineData("））））)))】》")]
    [InlineData("市、、、县，，，区")]
    [InlineData("各各各各")]
    [InlineData("市市市市市市市市市市市市市市教育局")]
    [InlineData("2023年6月底前完成")]
    [InlineData("\u0000\uFFFF\uD800")]
    public void Garbage_never_throws(string field)
    {
        Should.NotThrow(() => UnitFields.Parse(field));
        Should.NotThrow(() => UnitFields.Parse(field, table: true));
    }

    [Fact]
    public void A_100_KB_field_is_read_without_failing()
    {
        var list = Repeat("市教育局、人社局、各县(市、区)政府和市发改委，中宁、海原县人民政府，教育、财政等部门；", 100_000);
        var oneName = Repeat("人力资源和社会保障", 100_000);
        var conjunctions = Repeat("局和 ", 100_000);
        var brackets = Repeat("（市（", 100_000);

        foreach (var field in new[] { list, oneName, conjunctions, brackets })
        {
            // The time it takes is measured in bench/HostileInputBenchmarks, not asserted here.
            Should.NotThrow(() => UnitFields.Parse(field));
            Should.NotThrow(() => UnitFields.Parse(field, table: true));
        }
        UnitFields.Parse(list).Count.ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public void Any_field_is_read_without_throwing_and_with_spans_inside_it()
    {
        // Characters the rules react to, so random fields exercise them.
        var alphabet = "市县区省各有关相关和与及以等局委办厅部门单位政府人民教育财政发改中宁海原（）()【】、，,；;：:。 \t\n等团成员学校院旗镇乡自治縣區x1".ToCharArray();
        var fields = Gen.ArrayOf(Gen.Elements(alphabet)).Select(cs => new string(cs)).ToArbitrary();

        Prop.ForAll(fields, (string field) =>
        {
            var mapped = MappedText.Contiguous(field, 7);
            foreach (var table in new[] { false, true })
                foreach (var unit in Parser.Parse(mapped, UnitRole.Lead, table))
                {
                    if (unit.Name.Length == 0 || unit.Canonical.Length == 0) return false;
                    if (unit.Span.Start < 7 || unit.Span.End > 7 + field.Length || unit.Span.Length <= 0) return false;
                }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parsing_is_deterministic_and_shares_no_state_between_threads()
    {
        const string field = "市发展改革委、财政局，中宁、海原县人民政府，教育、财政等部门";
        var expected = UnitFields.Names(field);
        Parallel.For(0, 200, _ => UnitFields.Names(field).ShouldBe(expected));
    }

    private static string Repeat(string unit, int length)
    {
        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length) text.Append(unit);
        return text.ToString(0, length);
    }
}
