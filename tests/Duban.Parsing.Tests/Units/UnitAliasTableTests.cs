using Duban.Parsing.Units;

namespace Duban.Parsing.Tests.Units;

public class UnitAliasTableTests
{
    private static readonly UnitAliasTable Default = UnitAliasTable.Default;

    [Fact]
    public void The_built_in_table_is_loaded_from_its_data_file() => Default.GroupCount.ShouldBeGreaterThan(20);

    [Theory]
    [InlineData("市人社局", "市人力资源和社会保障局")]
    [InlineData("市人力资源社会保障局", "市人力资源和社会保障局")]
    [InlineData("市人力资源和社会保障局", "市人力资源和社会保障局")]
    [InlineData("市发改委", "市发展和改革委员会")]
    [InlineData("市发展改革委", "市发展和改革委员会")]
    [InlineData("县发改局", "县发展和改革局")]
    [InlineData("县发展改革局", "县发展和改革局")]
    [InlineData("市政府国资委", "市人民政府国有资产监督管理委员会")]
    [InlineData("市国资委", "市人民政府国有资产监督管理委员会")]
    [InlineData("市工信局", "市工业和信息化局")]
    [InlineData("市文旅局", "市文化和旅游局")]
    [InlineData("市卫健委", "市卫生健康委员会")]
    [InlineData("县退役军人局", "县退役军人事务局")]
    [InlineData("市扶贫办", "市扶贫开发办公室")]
    [InlineData("市委编办", "市委机构编制委员会办公室")]
    [InlineData("市编办", "市委机构编制委员会办公室")]
    [InlineData("市市场监管局", "市市场监督管理局")]
    [InlineData("市科技局", "市科学技术局")]
    [InlineData("县住建局", "县住房和城乡建设局")]
    [InlineData("县教体局", "县教育和体育局")]
    [InlineData("县文体广电旅游局", "县文化体育广电和旅游局")]
    [InlineData("市政府办", "市人民政府办公室")]
    [InlineData("市政府办公室", "市人民政府办公室")]
    [InlineData("县政府", "县人民政府")]
    [InlineData("西峰区政府", "西峰区人民政府")]
    [InlineData("甘肃省平凉市人社局", "甘肃省平凉市人力资源和社会保障局")]
    [InlineData("县妇联", "县妇女联合会")]
    [InlineData("市科协", "市科学技术协会")]
    [InlineData("市残联", "市残疾人联合会")]
    [InlineData("团市委", "共青团市委")]
    [InlineData("团县委", "共青团县委")]
    [InlineData("省人社厅", "省人力资源和社会保障厅")]
    public void Gives_the_full_formal_name_under_the_same_prefix(string name, string canonical) =>
        Default.Canonicalize(name).ShouldBe(canonical);

    [Theory]
    [InlineData("市自然资源局")]
    [InlineData("市农业局")]
    [InlineData("市农业农村局")]
    [InlineData("市教育局")]
    [InlineData("市税务局")]
    [InlineData("市委组织部")]
    [InlineData("平凉职业技术学院")]
    [InlineData("")]
    public void Leaves_a_name_it_does_not_know_as_it_is(string name) => Default.Canonicalize(name).ShouldBe(name);

    [Fact]
    public void Offices_of_different_eras_are_not_merged()
    {
        Default.Canonicalize("市农业局").ShouldNotBe(Default.Canonicalize("市农业农村局"));
        Default.Canonicalize("市自然资源局").ShouldNotBe(Default.Canonicalize("市自然资源和规划局"));
        Default.Canonicalize("市扶贫办").ShouldNotBe(Default.Canonicalize("市乡村振兴局"));
    }

    [Fact]
    public void Folds_traditional_characters_and_half_width_brackets()
    {
        Default.Canonicalize("市人社局").ShouldBe(Default.Canonicalize("市人社局"));
        Default.Canonicalize("縣發改局").ShouldBe("县发展和改革局");
        Default.Canonicalize("各县(区)政府").ShouldBe("各县（区）人民政府");
    }

    [Fact]
    public void With_adds_groups_whose_first_name_is_canonical()
    {
        var local = Default.With([["自然资源和规划局", "自然资源局"], ["平凉市职业教育中心", "平凉职教中心"]]);

        local.Canonicalize("市自然资源局").ShouldBe("市自然资源和规划局");
        local.Canonicalize("平凉职教中心").ShouldBe("平凉市职业教育中心");
        local.Canonicalize("市人社局").ShouldBe("市人力资源和社会保障局");
        Default.Canonicalize("市自然资源局").ShouldBe("市自然资源局");
    }

    [Fact]
    public void FromJson_reads_groups_and_ignores_other_properties()
    {
        var table = UnitAliasTable.FromJson("""
            {
              "about": "test",
              // a comment
              "groups": [["发展和改革委员会", "发改委"], ["政府", ""], []],
            }
            """);

        table.GroupCount.ShouldBe(2);
        table.Canonicalize("市发改委").ShouldBe("市发展和改革委员会");
        table.Canonicalize("市人社局").ShouldBe("市人社局");
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"groups\": {}}")]
    [InlineData("{\"groups\": [\"人社局\"]}")]
    [InlineData("{\"groups\": [[1]]}")]
    [InlineData("{\"groups\": [[\"人社局\"]")]
    public void FromJson_rejects_text_of_another_form(string json) =>
        Should.Throw<FormatException>(() => UnitAliasTable.FromJson(json));

    [Fact]
    public void The_parser_uses_the_table_it_is_given()
    {
        var parser = new UnitFieldParser(UnitAliasTable.Empty);
        var unit = parser.Parse(Duban.Parsing.Text.MappedText.Contiguous("市人社局", 0), Model.UnitRole.Lead, false).ShouldHaveSingleItem();
        unit.Canonical.ShouldBe("市人社局");
    }
}
