using System.Globalization;

namespace Duban.Parsing.Tests.Targets;

public class NumberAndUnitTests
{
    [Theory]
    [InlineData("在校生达到2万人", 20000, "人")]
    [InlineData("培训达到5万人次", 50000, "人次")]
    [InlineData("培训达到1.5万人次", 15000, "人次")]
    [InlineData("在校生达到5.7万人", 57000, "人")]
    [InlineData("专项经费达到500万元", 500, "万元")]
    [InlineData("专项经费达到2亿元", 2, "亿元")]
    [InlineData("专项经费达到5千万元", 5000, "万元")]
    [InlineData("在校生达到3千人", 3000, "人")]
    [InlineData("拨款标准达到12,000元", 12000, "元")]
    [InlineData("拨款标准达到１２０００元", 12000, "元")]
    [InlineData("就业率达到９５．５％", 95.5, "%")]
    [InlineData("在校生达到 2 万人", 20000, "人")]
    [InlineData("就业率提高5个百分点", 5, "个百分点")]
    public void Figures_are_normalised(string text, double value, string unit)
    {
        var target = Read.Single(text);

        target.Value.ShouldBe((decimal)value);
        target.Unit.ShouldBe(unit);
    }

    [Fact]
    public void Normalised_values_carry_no_trailing_zeros() =>
        Read.Single("在校生达到5.7万人").Value.ToString(CultureInfo.InvariantCulture).ShouldBe("57000");

    [Theory]
    [InlineData("建设3座实训楼", "座")]
    [InlineData("建设3处实践基地", "处")]
    [InlineData("组建10支教学创新团队", "支")]
    [InlineData("遴选2批试点学校", "批")]
    [InlineData("开发50本新型活页式教材", "本")]
    [InlineData("开发20套教学资源", "套")]
    [InlineData("建设5条生产线", "条")]
    [InlineData("建设30门精品在线课程", "门")]
    [InlineData("新建实训基地200亩", "亩")]
    [InlineData("教师培训不少于72学时", "学时")]
    [InlineData("实践课时不少于900课时", "课时")]
    [InlineData("企业实践不少于30天", "天")]
    [InlineData("岗前培训不少于2周", "周")]
    [InlineData("招收500名学生", "名")]
    [InlineData("实施10项重点工程", "项")]
    [InlineData("举办技能大赛3次以上", "次")]
    [InlineData("引进10家企业", "家")]
    public void Units_that_plans_count_in(string text, string unit) => Read.Single(text).Unit.ShouldBe(unit);

    [Theory]
    [InlineData("学校所有专业")]
    [InlineData("帮助3个人")]
    [InlineData("建设2本科专业")]
    [InlineData("年满16周岁")]
    [InlineData("具备3条件")]
    [InlineData("围绕6个方面开展工作")]
    [InlineData("5支持政策")]
    [InlineData("1家庭")]
    public void Words_that_only_start_with_a_unit_are_not_units(string text) => Read.Targets(text).ShouldBeEmpty();

    [Fact]
    public void Years_are_a_unit_only_after_a_link()
    {
        var target = Read.Single("新增劳动力平均受教育年限达到13.5年");
        target.Value.ShouldBe(13.5m);
        target.Unit.ShouldBe("年");
        target.Subject.ShouldBe("新增劳动力平均受教育年限");

        Read.Targets("学制3年").ShouldBeEmpty();
        Read.Targets("落实5年一周期的教师全员培训制度").ShouldBeEmpty();
    }

    [Fact]
    public void More_than_written_as_yu_or_duo()
    {
        var target = Read.Single("培训1万余人");

        target.Value.ShouldBe(10000m);
        target.Comparator.ShouldBe(Duban.Parsing.Model.Comparator.AtLeast);
        Read.Single("投入100余万元").Value.ShouldBe(100m);
    }

    [Fact]
    public void Per_year_after_the_unit() => Read.Single("安排专项经费500万元/年").PerYear.ShouldBeTrue();
}
