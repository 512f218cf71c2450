namespace Duban.Parsing.Tests.Units;

public class PrefixRestorationTests
{
    [Theory]
    [InlineData("市发展改革委、财政局", new[] { "市发展改革委", "市财政局" })]
    [InlineData("县教育和体育局、发展和改革局", new[] { "县教育和体育局", "县发展和改革局" })]
    [InlineData("县委编办、财政局、教育和体育局", new[] { "县委编办", "县财政局", "县教育和体育局" })]
    [InlineData("市委组织部，市教育局、人力资源社会保障局", new[] { "市委组织部", "市教育局", "市人力资源社会保障局" })]
    [InlineData("西峰区教育局、财政局", new[] { "西峰区教育局", "西峰区财政局" })]
    [InlineData("甘肃省平凉市教育局、财政局", new[] { "甘肃省平凉市教育局", "甘肃省平凉市财政局" })]
    [InlineData("市教育局、市场监管局", new[] { "市教育局", "市市场监管局" })]
    [InlineData("市教育局、政府办、残联、科协、总工会", new[] { "市教育局", "市政府办", "市残联", "市科协", "市总工会" })]
    public void A_department_takes_the_prefix_of_the_nearest_earlier_unit(string field, string[] expected) =>
        UnitFields.Names(field).ShouldBe(expected);

    [Fact]
    public void A_party_organ_takes_the_party_committee_prefix() =>
        UnitFields.Names("县委编办、组织部、宣传部").ShouldBe(["县委编办", "县委组织部", "县委宣传部"]);

    [Theory]
    [InlineData("市教育局、平凉职业技术学院")]
    [InlineData("市教育局、团市委")]
    [InlineData("市教育局、团县委")]
    [InlineData("市教育局、市妇联")]
    [InlineData("市教育局、各职业院校")]
    [InlineData("市教育局、西峰区政府")]
    [InlineData("市教育局、内黄县政府")]
    [InlineData("市教育局、中卫工业园区管委会")]
    [InlineData("市教育局、平凉职业教育中心")]
    [InlineData("市教育局、国家税务总局平凉市税务局")]
    [InlineData("市教育局、中共平凉市委组织部")]
    public void A_complete_name_keeps_its_own_form(string field) =>
        UnitFields.Names(field)[1].ShouldBe(field.Split('、')[1]);

    [Theory]
    [InlineData("区教育局、公安青浦分局", new[] { "区教育局", "公安青浦分局" })]
    [InlineData("区教育局、青浦公安分局", new[] { "区教育局", "青浦公安分局" })]
    [InlineData("区人力资源社会保障局、税务浦东分局、市场监管青浦分局", new[] { "区人力资源社会保障局", "税务浦东分局", "市场监管青浦分局" })]
    [InlineData("区教育局、公安分局", new[] { "区教育局", "区公安分局" })]
    public void A_branch_office_that_names_its_place_takes_no_prefix(string field, string[] expected) =>
        UnitFields.Names(field).ShouldBe(expected);

    [Fact]
    public void A_department_with_no_earlier_prefix_stays_as_written() =>
        UnitFields.Names("财政局、市教育局").ShouldBe(["财政局", "市教育局"]);

    [Fact]
    public void A_collective_neither_lends_nor_takes_a_prefix() =>
        UnitFields.Names("市教育局，县（市、区）政府、财政局").ShouldBe(["市教育局", "县（市、区）政府", "市财政局"]);

    [Theory]
    [InlineData("中宁、海原县人民政府", new[] { "中宁县人民政府", "海原县人民政府" })]
    [InlineData("中宁、同心、海原县人民政府", new[] { "中宁县人民政府", "同心县人民政府", "海原县人民政府" })]
    [InlineData("中宁县、海原县人民政府", new[] { "中宁县人民政府", "海原县人民政府" })]
    [InlineData("市、县人民政府教育督导室", new[] { "市人民政府教育督导室", "县人民政府教育督导室" })]
    [InlineData("省、市、县教育部门", new[] { "省教育部门", "市教育部门", "县教育部门" })]
    [InlineData("市、县（区）政府", new[] { "市政府", "县（区）政府" })]
    [InlineData("市、县两级政府", new[] { "市", "县两级政府" })]
    [InlineData("教育、市财政局", new[] { "教育", "市财政局" })]
    public void A_bare_place_or_level_takes_the_next_units_tail(string field, string[] expected) =>
        UnitFields.Names(field).ShouldBe(expected);

    [Theory]
    [InlineData("教育、财政部门", new[] { "教育部门", "财政部门" })]
    [InlineData("教育、财政等部门", new[] { "教育部门", "财政部门" })]
    [InlineData("教育、人力资源社会保障、财政、发展改革等相关部门", new[] { "教育部门", "人力资源社会保障部门", "财政部门", "发展改革部门" })]
    [InlineData("市教育局、财政、扶贫等部门", new[] { "市教育局", "财政部门", "扶贫部门" })]
    public void Bare_department_short_forms_share_the_tail_部门(string field, string[] expected) =>
        UnitFields.Names(field).ShouldBe(expected);
}
