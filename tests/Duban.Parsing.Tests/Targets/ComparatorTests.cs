using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Targets;

public class ComparatorTests
{
    [Theory]
    [InlineData("在校生达到2万人以上", Comparator.AtLeast)]
    [InlineData("就业率不低于95%", Comparator.AtLeast)]
    [InlineData("培训不少于500人次", Comparator.AtLeast)]
    [InlineData("每校至少建成1个实训基地", Comparator.AtLeast)]
    [InlineData("在校生超过2万人", Comparator.AtLeast)]
    [InlineData("就业率力争达到95%以上", Comparator.AtLeast)]
    [InlineData("经费不得少于500万元", Comparator.AtLeast)]
    [InlineData("就业率达到95%及以上", Comparator.AtLeast)]
    [InlineData("班额控制在45人以下", Comparator.AtMost)]
    [InlineData("班额控制在45人以内", Comparator.AtMost)]
    [InlineData("生师比不高于20%", Comparator.AtMost)]
    [InlineData("兼职教师比例不超过30%", Comparator.AtMost)]
    [InlineData("班额控制在45人", Comparator.AtMost)]
    [InlineData("规模达到6000人左右", Comparator.Approximately)]
    [InlineData("在校生约5000人", Comparator.Approximately)]
    [InlineData("规模保持在6000人左右", Comparator.Approximately)]
    [InlineData("打造4—5所优质学校", Comparator.Range)]
    [InlineData("建设1-2个实训基地", Comparator.Range)]
    [InlineData("经费的10—20%用于职业教育", Comparator.Range)]
    [InlineData("按工资总额的1.5—2.5%提取", Comparator.Range)]
    [InlineData("每校配备3-5名专职教师", Comparator.Range)]
    [InlineData("建设1～2个实训基地", Comparator.Range)]
    [InlineData("建设1至2个实训基地", Comparator.Range)]
    [InlineData("建成10个实训基地", Comparator.Equal)]
    [InlineData("专业数达到10个", Comparator.Equal)]
    [InlineData("建设30门精品课程", Comparator.Equal)]
    public void Comparator_is_read_from_the_words_around_the_figure(string text, Comparator expected) =>
        Read.Single(text).Comparator.ShouldBe(expected);

    [Theory]
    [InlineData("打造4—5所优质学校", 4, 5)]
    [InlineData("每校配备3-5名专职教师", 3, 5)]
    [InlineData("在校生1—2万人", 10000, 20000)]
    [InlineData("在校生1万—2万人", 10000, 20000)]
    [InlineData("投入500万—1000万元", 500, 1000)]
    [InlineData("占比10%—20%", 10, 20)]
    public void Range_bounds_share_unit_and_magnitude(string text, int low, int high)
    {
        var target = Read.Single(text);

        target.Value.ShouldBe(low);
        target.ValueMax.ShouldBe(high);
    }

    [Theory]
    [InlineData("确保高中阶段招生职普比不低于4:6")]
    [InlineData("确保高中阶段招生职普比不低于4：6")]
    [InlineData("确保高中阶段招生职普比不低于4∶6")]
    public void Ratios_in_any_colon(string text)
    {
        var target = Read.Single(text);

        target.Unit.ShouldBe("ratio");
        target.Comparator.ShouldBe(Comparator.AtLeast);
        target.Value.ShouldBe(4m);
        target.Ratio.ShouldBe([4m, 6m]);
    }

    [Theory]
    [InlineData("保持职普比大体相当", "职普比")]
    [InlineData("高中阶段教育职普比例大体相当", "高中阶段教育职普比例")]
    [InlineData("保持高中阶段教育职普比例大体相当", "高中阶段教育职普比例")]
    [InlineData("普职比大致相当", "普职比")]
    public void Balanced_enrolment_is_a_ratio_of_five_to_five(string text, string subject)
    {
        var target = Read.Single(text);

        target.Unit.ShouldBe("ratio");
        target.Comparator.ShouldBe(Comparator.Approximately);
        target.Value.ShouldBe(5m);
        target.Ratio.ShouldBe([5m, 5m]);
        target.Subject.ShouldBe(subject);
    }

    [Fact]
    public void A_colon_is_a_ratio_only_where_the_clause_speaks_of_one()
    {
        Read.Single("生师比不高于20:1").Ratio.ShouldBe([20m, 1m]);
        Read.Single("按1:1比例配套").Ratio.ShouldBe([1m, 1m]);
        Read.Targets("会议于8:30召开").ShouldBeEmpty();
    }
}
