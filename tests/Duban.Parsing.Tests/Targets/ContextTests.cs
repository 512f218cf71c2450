using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Targets;

/// <summary>Year, scope, per-year and subject: what the words around a figure say about it.</summary>
public class ContextTests
{
    [Theory]
    [InlineData("到2025年，建成10个实训基地")]
    [InlineData("到 2025 年，建成10个实训基地")]
    [InlineData("2025年前，建成10个实训基地")]
    [InlineData("到2025年年底，建成10个实训基地")]
    [InlineData("截至2025年底，建成10个实训基地")]
    [InlineData("2021—2025年，建成10个实训基地")]
    public void Year_earlier_in_the_sentence_applies(string text) => Read.Single(text).Year.ShouldBe(2025);

    [Fact]
    public void Year_stops_at_the_end_of_the_sentence()
    {
        var targets = Read.Targets("到2025年，建成10个实训基地。建设20门精品课程。");

        targets.Select(t => t.Year).ShouldBe([2025, null]);
    }

    [Fact]
    public void Year_does_not_apply_to_figures_before_it()
    {
        var targets = Read.Targets("建成10个实训基地，到2025年建设20门精品课程");

        targets.Select(t => t.Year).ShouldBe([null, 2025]);
    }

    [Fact]
    public void An_edition_is_not_a_year() => Read.Single("依据2020年版标准，建成10个实训基地").Year.ShouldBeNull();

    [Theory]
    [InlineData("每年培训5000人次")]
    [InlineData("年培训5000人次")]
    [InlineData("年均培训5000人次")]
    [InlineData("年生均拨款不低于6000元")]
    [InlineData("生均公用经费不低于每生每年2000元")]
    public void Per_year(string text) => Read.Single(text).PerYear.ShouldBeTrue();

    [Fact]
    public void A_figure_joined_to_the_previous_one_inherits_per_year()
    {
        var targets = Read.Targets("每年培训企业职工5000人次、农民3000人次");

        targets.Select(t => (t.Subject, t.PerYear)).ShouldBe([("企业职工", true), ("农民", true)]);
    }

    [Theory]
    [InlineData("到2025年培训5000人次")]
    [InlineData("培训5000人次")]
    public void Not_per_year(string text) => Read.Single(text).PerYear.ShouldBeFalse();

    [Theory]
    [InlineData("全市建成10个实训基地", "全市")]
    [InlineData("全县建成10个实训基地", "全县")]
    [InlineData("全区建成10个实训基地", "全区")]
    [InlineData("全省建成10个实训基地", "全省")]
    [InlineData("每个县（市）至少建成1所中职学校", "每个县（市）")]
    [InlineData("各县（区）每年培训不少于1000人次", "各县（区）")]
    [InlineData("建成10个实训基地", null)]
    public void Scope_in_the_clause(string text, string? scope) => Read.Single(text).Scope.ShouldBe(scope);

    [Fact]
    public void Scope_does_not_cross_a_clause_break()
    {
        var targets = Read.Targets("全市建成10个实训基地，培育5个产教融合型企业");

        targets.Select(t => t.Scope).ShouldBe(["全市", null]);
    }

    [Theory]
    [InlineData("建设10个教师企业流动站", "教师企业流动站")]
    [InlineData("打造4—5所全省优质中等职业学校", "全省优质中等职业学校")]
    [InlineData("“双师型”教师比例达到50%以上", "双师型教师比例")]
    [InlineData("毕业生稳定就业率达到95%以上", "毕业生稳定就业率")]
    [InlineData("实践课时不低于总课时的 50%", "实践课时")]
    [InlineData("力争全市中职在校生稳定在2万人", "中职在校生")]
    [InlineData("职业院校教师每年至少1个月在企业实践", "职业院校教师")]
    [InlineData("每年组织1000名以上教师参加培训", "教师")]
    [InlineData("按不低于投资额30%的比例抵免", "投资额")]
    [InlineData("每年安排不少于1000万元专项资金", "专项资金")]
    [InlineData("建设实训基地（10个）", "实训基地")]
    [InlineData("（一）中职在校生达到2万人", "中职在校生")]
    [InlineData("一是建成10个实训基地", "实训基地")]
    public void Subject(string text, string subject) => Read.Single(text).Subject.ShouldBe(subject);

    [Theory]
    [InlineData("建设30门")]
    [InlineData("达到95%")]
    [InlineData("约5000人")]
    public void Subject_falls_back_to_the_raw_phrase(string text)
    {
        var target = Read.Single(text);

        target.Subject.ShouldBe(text);
        target.Raw.ShouldBe(text);
    }

    [Fact]
    public void Figures_joined_by_he_share_the_subject_without_fenbie()
    {
        var targets = Read.Targets("中职、高职在校生分别达到2万人和6000人");

        targets.Select(t => (t.Subject, t.Value)).ShouldBe([("中职、高职在校生", 20000m), ("中职、高职在校生", 6000m)]);
        targets.ShouldAllBe(t => t.Scope == null);
    }

    [Fact]
    public void Fenbie_keeps_the_clause_scope_when_the_actors_do_not_match_the_figures()
    {
        var targets = Read.Targets("各县（区）每年安排职业教育专项经费分别不得少于500万元和300万元");

        targets.Count.ShouldBe(2);
        targets.ShouldAllBe(t => t.Subject == "职业教育专项经费" && t.Comparator == Comparator.AtLeast);
        targets.ShouldAllBe(t => t.Scope == "各县（区）");
    }
}
