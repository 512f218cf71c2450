using Duban.Core.Import;
using Duban.Core.Regions;

namespace Duban.Core.Tests.Import;

public sealed class RegionNamesTests
{
    [Theory]
    [InlineData("平凉市人民政府", "平凉市")]
    [InlineData("安阳市人民政府办公室", "安阳市")]
    [InlineData("平阴县人民政府", "平阴县")]
    [InlineData("宁夏回族自治区人民政府", "宁夏回族自治区")]
    [InlineData("甘肃省教育厅", "甘肃省")]
    [InlineData("中共平凉市委", "平凉市")]
    [InlineData("中卫市贯彻落实《自治区深化产教融合推进职业教育改革发展实施方案》重点任务暨分工方案", "中卫市")]
    [InlineData("青禾市职业技能培训扩容提质工作方案", "青禾市")]
    [InlineData("西岭市加快发展现代职业教育实施意见", "西岭市")]
    [InlineData("云岭县2025年职业教育工作要点", "云岭县")]
    [InlineData("西岭市二〇二四年度职业教育重点工作任务分解表", "西岭市")]
    public void A_place_at_the_start_of_a_heading_is_read(string heading, string place) =>
        RegionNames.FromHeading(heading).ShouldBe(place);

    [Theory]
    [InlineData("市教育局")]
    [InlineData("提质培优建设平阴职业教育创新发展高地实施方案")]
    [InlineData("全面推进县域职业教育发展的意见")]
    [InlineData("关于推进市职业教育发展的意见")]
    [InlineData("某项20250年工作要点")]
    [InlineData("")]
    [InlineData(null)]
    public void A_heading_that_does_not_open_with_a_place_gives_none(string? heading) =>
        RegionNames.FromHeading(heading).ShouldBeNull();

    [Fact]
    public void The_issuer_comes_before_the_title() =>
        RegionNames.FromDocument("平阴县人民政府", "平凉市贯彻落实…的实施方案").ShouldBe("平阴县");

    [Fact]
    public void The_title_is_read_when_there_is_no_issuer() =>
        RegionNames.FromDocument(null, "中卫市贯彻落实…分工方案").ShouldBe("中卫市");

    [Theory]
    [InlineData("甘肃省", RegionLevel.Province)]
    [InlineData("宁夏回族自治区", RegionLevel.Province)]
    [InlineData("平凉市", RegionLevel.City)]
    [InlineData("临夏回族自治州", RegionLevel.City)]
    [InlineData("崆峒区", RegionLevel.County)]
    [InlineData("平阴县", RegionLevel.County)]
    public void The_level_follows_the_suffix(string name, RegionLevel level) => RegionNames.LevelOf(name).ShouldBe(level);
}
