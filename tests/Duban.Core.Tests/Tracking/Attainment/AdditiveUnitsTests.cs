using Duban.Core.Tracking.Attainment;

namespace Duban.Core.Tests.Tracking.Attainment;

public sealed class AdditiveUnitsTests
{
    [Theory]
    [InlineData("人", true)]
    [InlineData("人次", true)]
    [InlineData("所", true)]
    [InlineData("个", true)]
    [InlineData("家", true)]
    [InlineData("项", true)]
    [InlineData("名", true)]
    [InlineData("万元", true)]
    [InlineData("人/年", true)]
    [InlineData("人次/年", true)]
    [InlineData("%", false)]
    [InlineData("‰", false)]
    [InlineData("个百分点", false)]
    [InlineData("ratio", false)]
    [InlineData("元", false)]
    [InlineData("元/生", false)]
    [InlineData("学时", false)]
    [InlineData("个月", false)]
    [InlineData("年", false)]
    [InlineData("", false)]
    [InlineData("不认识的单位", false)]
    public void Which_units_add_up(string unit, bool additive) => AdditiveUnits.IsAdditive(unit).ShouldBe(additive);

    [Fact]
    public void Counties_sum_to_the_region_for_an_additive_unit() =>
        // 年培训1万人次以上 for the city, from three counties.
        AdditiveUnits.Sum("人次", [3200m, 2900m, 4100m]).ShouldBe(10200m);

    [Theory]
    [InlineData("%", "单位为“%”")]
    [InlineData("ratio", "单位为“比例”")]
    public void Percentages_and_ratios_are_never_summed(string unit, string message)
    {
        var error = Should.Throw<NonAdditiveUnitException>(() => AdditiveUnits.Sum(unit, [40m, 50m]));
        error.Unit.ShouldBe(unit);
        error.Message.ShouldContain(message);
    }
}
