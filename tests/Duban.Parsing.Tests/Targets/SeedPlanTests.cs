using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Targets;

/// <summary>Harder sentences met in the seed plans (shared/seeds): the rules added for them, one case each.</summary>
public class SeedPlanTests
{
    [Theory]
    [InlineData("严格执行地方教育费附加用于职业教育的比例不低于30%的规定", "地方教育费附加用于职业教育的比例")]
    [InlineData("切实落实教育费附加用于职业教育的比例不低于30%", "教育费附加用于职业教育的比例")]
    [InlineData("使思政教师专业化率达到90%", "思政教师专业化率")]
    [InlineData("设备使用率达到90%", "设备使用率")]
    [InlineData("应届毕业生就业率达到95%", "应届毕业生就业率")]
    [InlineData("各级、各类职业院校调整到13所", "各级、各类职业院校")]
    [InlineData("确保到2018年秋季学期开学前全市中等职业学校调整至10所左右", "中等职业学校")]
    [InlineData("净收入按不低于 50%", "净收入")]
    public void Adverbs_and_verbs_around_the_subject_are_dropped(string text, string subject) =>
        Read.Single(text).Subject.ShouldBe(subject);

    [Fact]
    public void A_share_written_X_de_N_percent_Y_is_a_share_of_Y()
    {
        var target = Read.Single("市、县（市、区）财政足额落实本级财政应承担的20%中职免学费补助资金");

        target.Subject.ShouldBe("中职免学费补助资金");
        target.Value.ShouldBe(20m);
        target.Unit.ShouldBe("%");
    }

    [Theory]
    [InlineData("可按投资额的30%抵免该企业当年应缴教育费附加", "投资额")]
    [InlineData("按照不低于公用经费的5%列支教师培训经费", "公用经费")]
    public void After_an_preposition_the_share_is_of_the_base(string text, string subject) =>
        Read.Single(text).Subject.ShouldBe(subject);

    [Fact]
    public void A_quoted_scheme_name_is_part_of_the_counted_noun()
    {
        var targets = Read.Targets("市、县职业技术学校与相关院校合办4个“3+4”本科专业（市职业技术学校2个，中宁1个）");

        targets.Select(t => (t.Subject, t.Value)).ShouldBe([("3+4本科专业", 4m), ("市职业技术学校", 2m), ("中宁", 1m)]);
    }

    [Fact]
    public void Bars_and_tabs_of_a_flattened_table_separate_clauses()
    {
        var target = Read.Single("|市教育局 各县(区)政府 |2025年 |4 |支持庆阳建设3所省级中职“双优”学校");

        target.Subject.ShouldBe("省级中职双优学校");
        target.Scope.ShouldBeNull();
        target.Year.ShouldBe(2025);
        target.Raw.ShouldBe("支持庆阳建设3所省级中职“双优”学校");
        Read.Single("县财政局\t2020年底\t落实学校20%").Raw.ShouldBe("落实学校20%");
    }

    [Fact]
    public void A_figure_in_a_document_title_is_not_a_target() =>
        Read.Targets("根据《市委办公室印发〈关于健全完善乡村治理体系提高治理能力的实施意见〉等5个实施意见的通知》精神").ShouldBeEmpty();

    [Theory]
    [InlineData("力争建成10个左右中职省级优质专业(群)", "中职省级优质专业")]
    [InlineData("全市90%以上中等职业学校、高等职业院校均建成标准化数字校园", "中等职业学校")]
    [InlineData("力争70%以上的中职学校全部指标达标", "中职学校全部指标达标")]
    public void The_noun_after_a_figure_may_start_with_zhong(string text, string subject) =>
        Read.Single(text).Subject.ShouldBe(subject);

    [Fact]
    public void Percentages_in_a_list_share_the_subject_after_fenbie()
    {
        var targets = Read.Targets("中、高等职业院校毕业生就业率分别保持在95%、90%以上");

        targets.Select(t => (t.Subject, t.Comparator, t.Value)).ShouldBe(
        [
            ("中、高等职业院校毕业生就业率", Comparator.Equal, 95m),
            ("中、高等职业院校毕业生就业率", Comparator.AtLeast, 90m),
        ]);
    }
}
