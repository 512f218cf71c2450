namespace Duban.Parsing.Tests.Units;

public class SplittingTests
{
    [Theory]
    [InlineData("市发改委、市财政局、市教育局")]
    [InlineData("市发改委，市财政局，市教育局")]
    [InlineData("市发改委,市财政局,市教育局")]
    [InlineData("市发改委；市财政局；市教育局")]
    [InlineData("市发改委,市财政局;市教育局")]
    [InlineData("市发改委、 市财政局 ；市教育局。")]
    public void Splits_on_every_list_separator_alike(string field) =>
        UnitFields.Names(field).ShouldBe(["市发改委", "市财政局", "市教育局"]);

    [Theory]
    [InlineData("各县（市、区）人民政府", "各县（市、区）人民政府")]
    [InlineData("各县(区)政府", "各县（区）政府")]
    [InlineData("各县(市,区)政府", "各县（市、区）政府")]
    public void Never_splits_inside_brackets(string field, string expected) =>
        UnitFields.Names(field).ShouldBe([expected]);

    [Theory]
    [InlineData("市人力资源和社会保障局")]
    [InlineData("县发展和改革局")]
    [InlineData("工业和信息化局")]
    [InlineData("旅游和文体广电局")]
    [InlineData("县教育和体育局")]
    [InlineData("市住房和城乡建设局")]
    [InlineData("市云计算和大数据局")]
    [InlineData("各级党委和政府")]
    public void Keeps_a_conjunction_that_is_part_of_a_name(string field) =>
        UnitFields.Names(field).ShouldBe([field]);

    [Theory]
    [InlineData("市发展改革委和各县(市、区)政府", new[] { "市发展改革委", "各县（市、区）政府" })]
    [InlineData("市教育局和市财政局", new[] { "市教育局", "市财政局" })]
    [InlineData("市人力资源和社会保障局和市教育局", new[] { "市人力资源和社会保障局", "市教育局" })]
    [InlineData("市教育局及各职业院校", new[] { "市教育局", "各职业院校" })]
    [InlineData("市教育局以及各职业院校", new[] { "市教育局", "各职业院校" })]
    [InlineData("市教育局、和各县区", new[] { "市教育局", "各县区" })]
    public void Splits_on_a_conjunction_between_two_whole_names(string field, string[] expected) =>
        UnitFields.Names(field).ShouldBe(expected);

    [Fact]
    public void Table_cells_split_on_any_white_space()
    {
        UnitFields.Names("市教育局 市财政局\t市民政局\u3000市残联\n市妇联\r\n各县区", table: true)
            .ShouldBe(["市教育局", "市财政局", "市民政局", "市残联", "市妇联", "各县区"]);
    }

    [Fact]
    public void Running_text_splits_on_white_space_only_between_two_whole_names()
    {
        UnitFields.Names("市教育局 市财政局").ShouldBe(["市教育局", "市财政局"]);
        // A line wrapped inside a name: the space is dropped.
        UnitFields.Names("市人力资源 和社会保障局").ShouldBe(["市人力资源和社会保障局"]);
        UnitFields.Names("市人力资源\n社会保障局").ShouldBe(["市人力资源社会保障局"]);
    }

    [Theory]
    [InlineData("市残联等", "市残联")]
    [InlineData("市民政局等单位", "市民政局")]
    [InlineData("市教育局等有关部门", "市教育局")]
    [InlineData("各中等职业学校", "各中等职业学校")]
    public void Drops_a_trailing_etcetera(string field, string expected) =>
        UnitFields.Names(field).ShouldBe([expected]);

    [Fact]
    public void The_span_of_a_unit_is_its_piece_as_written()
    {
        UnitFields.Written("市发展改革委、财政局，中宁、海原县人民政府")
            .ShouldBe(["市发展改革委", "财政局", "中宁", "海原县人民政府"]);
        UnitFields.Written("市残联等。").ShouldBe(["市残联"]);
        UnitFields.Written("市农业局(市畜牧局)、扶贫等部门").ShouldBe(["市农业局(市畜牧局)", "扶贫等部门"]);
    }

    [Fact]
    public void Spans_point_into_the_source_through_the_mapping()
    {
        // The field was assembled from a source where it starts at offset 100 and 财政局 sat after a line break.
        var offsets = new[] { 100, 101, 102, 103, 104, 106, 107, 108 };
        var field = new Duban.Parsing.Text.MappedText("市教育局、财政局", offsets);
        var units = new Duban.Parsing.Units.UnitFieldParser(Duban.Parsing.Units.UnitAliasTable.Default)
            .Parse(field, Model.UnitRole.Lead, fromTableCell: false);
        units.Select(u => u.Span).ShouldBe([new Model.SourceSpan(100, 104), new Model.SourceSpan(106, 109)]);
    }

    [Theory]
    [InlineData("责任单位：市教育局", new[] { "市教育局" })]
    [InlineData("牵头单位:市教育局；配合单位：市财政局。", new[] { "市教育局", "市财政局" })]
    [InlineData("牵头单位市教育局", new[] { "市教育局" })]
    [InlineData("市教育局（牵头）、市财政局", new[] { "市教育局", "市财政局" })]
    [InlineData("市教育局（责任单位）", new[] { "市教育局" })]
    [InlineData("市教育局牵头，市财政局配合", new[] { "市教育局", "市财政局" })]
    [InlineData("市教育局、市财政局按职责分工负责", new[] { "市教育局", "市财政局" })]
    public void Drops_labels_and_role_notes_that_slipped_in(string field, string[] expected) =>
        UnitFields.Names(field).ShouldBe(expected);

    [Theory]
    [InlineData("市农业局(市畜牧局)", "市农业局")]
    [InlineData("市政府办公室(市政府外侨办)", "市政府办公室")]
    [InlineData("市政府办公室（市政府外侨办）", "市政府办公室")]
    public void A_bracketed_alias_after_a_name_is_dropped(string field, string expected) =>
        UnitFields.Names(field).ShouldBe([expected]);

    [Theory]
    [InlineData("市教育局)", "市教育局")]
    [InlineData("（市教育局", "市教育局")]
    [InlineData("（市教育局）", "市教育局")]
    [InlineData("（1）市教育局", "市教育局")]
    [InlineData("1.市教育局", "市教育局")]
    [InlineData("“市教育局”", "市教育局")]
    public void Trims_debris_around_a_name(string field, string expected) =>
        UnitFields.Names(field).ShouldBe([expected]);

    [Fact]
    public void Reads_traditional_characters_and_keeps_them_as_written()
    {
        UnitFields.Names("縣教育局、財政局，各縣（區）人民政府").ShouldBe(["縣教育局", "縣財政局", "各縣（區）人民政府"]);
        UnitFields.Parse("各縣（區）人民政府")[0].CollectiveKind.ShouldBe(Model.CollectiveKind.SubordinateGovernments);
    }
}
