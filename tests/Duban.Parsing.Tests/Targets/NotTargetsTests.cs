namespace Duban.Parsing.Tests.Targets;

public class NotTargetsTests
{
    [Theory]
    [InlineData("到2025年")]
    [InlineData("2020年")]
    [InlineData("2021—2025年")]
    [InlineData("6月30日前完成")]
    [InlineData("2023年6月底前")]
    [InlineData("平政发〔2020〕76号")]
    [InlineData("根据《国家职业教育改革实施方案》（国发〔2019〕4号）")]
    [InlineData("积极实施高职本科“3+2”衔接培养模式")]
    [InlineData("推进“1+X”证书制度试点")]
    [InlineData("探索“2+3”“3+4”贯通培养")]
    [InlineData("积极实施职业教育信息化提升计划2.0版")]
    [InlineData("“十四五”时期")]
    [InlineData("丰富第二课堂")]
    [InlineData("第3次会议")]
    [InlineData("（1）建设实训基地；2、完成培训；3.加强管理")]
    [InlineData("落实5年一周期的教师全员培训制度")]
    [InlineData("每5年评估一次")]
    [InlineData("每3个月通报一次")]
    [InlineData("3个月内完成整改")]
    [InlineData("30天内报送")]
    [InlineData("学制3年")]
    [InlineData("共有职业院校12")]
    [InlineData("培训1.5万")]
    [InlineData("推广5G应用和ISO9001认证")]
    [InlineData("联系电话0371-12345678")]
    [InlineData("会议于8:30召开")]
    [InlineData("一是加强领导，二是完善制度")]
    [InlineData("")]
    public void Not_a_target(string text) => Read.Targets(text).ShouldBeEmpty();

    [Fact]
    public void A_time_with_yinei_is_a_target() =>
        Read.Single("顶岗实习时间控制在6个月以内").Comparator.ShouldBe(Duban.Parsing.Model.Comparator.AtMost);

    [Fact]
    public void Shares_used_as_money_rules_are_targets()
    {
        Read.Single("按不低于投资额30%的比例抵免").Value.ShouldBe(30m);
        Read.Single("地方教育附加用于职业教育的比例不低于30%").Subject.ShouldBe("地方教育附加用于职业教育的比例");
    }
}
