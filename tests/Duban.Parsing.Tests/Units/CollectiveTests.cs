using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Units;

public class CollectiveTests
{
    [Theory]
    [InlineData("各县（区）人民政府", CollectiveKind.SubordinateGovernments)]
    [InlineData("各县（市、区）政府", CollectiveKind.SubordinateGovernments)]
    [InlineData("各县市区", CollectiveKind.SubordinateGovernments)]
    [InlineData("各县市", CollectiveKind.SubordinateGovernments)]
    [InlineData("各县区", CollectiveKind.SubordinateGovernments)]
    [InlineData("各区人民政府", CollectiveKind.SubordinateGovernments)]
    [InlineData("各镇人民政府", CollectiveKind.SubordinateGovernments)]
    [InlineData("县（市、区）政府", CollectiveKind.SubordinateGovernments)]
    [InlineData("各级政府", CollectiveKind.SubordinateGovernments)]
    [InlineData("各地", CollectiveKind.SubordinateGovernments)]
    [InlineData("各地区", CollectiveKind.SubordinateGovernments)]
    [InlineData("各街道", CollectiveKind.SubordinateGovernments)]
    [InlineData("各乡镇（街道）", CollectiveKind.SubordinateGovernments)]
    [InlineData("各街道办事处", CollectiveKind.SubordinateGovernments)]
    [InlineData("各乡镇人民政府", CollectiveKind.SubordinateGovernments)]
    [InlineData("各职业院校", CollectiveKind.Schools)]
    [InlineData("各中职学校", CollectiveKind.Schools)]
    [InlineData("各职业学校", CollectiveKind.Schools)]
    [InlineData("各学校", CollectiveKind.Schools)]
    [InlineData("有关学校", CollectiveKind.Schools)]
    [InlineData("各中等职业学校", CollectiveKind.Schools)]
    [InlineData("联席会议成员单位", CollectiveKind.BodyMembers)]
    [InlineData("市职业教育工作联席会议成员单位", CollectiveKind.BodyMembers)]
    [InlineData("领导小组成员单位", CollectiveKind.BodyMembers)]
    [InlineData("市直有关部门", CollectiveKind.Departments)]
    [InlineData("市政府相关部门", CollectiveKind.Departments)]
    [InlineData("相关部门", CollectiveKind.Departments)]
    [InlineData("有关单位", CollectiveKind.Departments)]
    [InlineData("各有关单位", CollectiveKind.Departments)]
    [InlineData("各县（市、区）教育局", CollectiveKind.Other)]
    [InlineData("各有关企业", CollectiveKind.Other)]
    [InlineData("各级党委和政府", CollectiveKind.SubordinateGovernments)]
    public void Recognises_a_collective_and_its_kind(string field, CollectiveKind kind)
    {
        var unit = UnitFields.Parse(field).ShouldHaveSingleItem();
        unit.Collective.ShouldBeTrue();
        unit.CollectiveKind.ShouldBe(kind);
    }

    [Theory]
    [InlineData("县政府")]
    [InlineData("西峰区政府")]
    [InlineData("市教育局")]
    [InlineData("教育部门")]
    [InlineData("平凉职业技术学院")]
    [InlineData("县人民政府教育督导室")]
    [InlineData("市妇联")]
    public void A_single_body_is_not_collective(string field)
    {
        var unit = UnitFields.Parse(field).ShouldHaveSingleItem();
        unit.Collective.ShouldBeFalse();
        unit.CollectiveKind.ShouldBeNull();
    }

    [Fact]
    public void A_collective_gets_a_canonical_name_too() =>
        UnitFields.Canonicals("各县(区)政府、县（市、区）政府、各县市区").ShouldBe(["各县（区）人民政府", "县（市、区）人民政府", "各县市区"]);
}
