using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Targets;

/// <summary>Sentences taken from real 实施方案, with what a reader of the plan would note down.</summary>
public class RealPlanExamplesTests
{
    [Fact]
    public void Enrolment_targets_share_the_year_and_the_first_names_its_scope()
    {
        var targets = Read.Targets(
            "到2025年，全市中等职业教育在校生保持在2万人以上，高等职业教育规模稳定在6000人左右，继续教育和职业技能培训年培训5万人次以上。");

        targets.Count.ShouldBe(3);
        targets.ShouldAllBe(t => t.Year == 2025);

        targets[0].Subject.ShouldBe("中等职业教育在校生");
        targets[0].Scope.ShouldBe("全市");
        targets[0].Comparator.ShouldBe(Comparator.AtLeast);
        targets[0].Value.ShouldBe(20000m);
        targets[0].Unit.ShouldBe("人");
        targets[0].PerYear.ShouldBeFalse();

        targets[1].Subject.ShouldBe("高等职业教育规模");
        targets[1].Comparator.ShouldBe(Comparator.Approximately);
        targets[1].Value.ShouldBe(6000m);
        targets[1].Unit.ShouldBe("人");

        targets[2].Subject.ShouldBe("继续教育和职业技能培训");
        targets[2].Comparator.ShouldBe(Comparator.AtLeast);
        targets[2].Value.ShouldBe(50000m);
        targets[2].Unit.ShouldBe("人次");
        targets[2].PerYear.ShouldBeTrue();
    }

    [Fact]
    public void Ratio_of_vocational_to_general_enrolment()
    {
        var target = Read.Single("确保高中阶段招生职普比不低于4:6");

        target.Unit.ShouldBe("ratio");
        target.Comparator.ShouldBe(Comparator.AtLeast);
        target.Value.ShouldBe(4m);
        target.Ratio.ShouldBe([4m, 6m]);
        target.Subject.ShouldBe("高中阶段招生职普比");
    }

    [Fact]
    public void Counted_nouns_come_after_their_figures()
    {
        var targets = Read.Targets("力争打造4—5所全省优质中等职业学校和10个全省优质专业");

        targets.Count.ShouldBe(2);
        targets[0].Subject.ShouldBe("全省优质中等职业学校");
        targets[0].Comparator.ShouldBe(Comparator.Range);
        targets[0].Value.ShouldBe(4m);
        targets[0].ValueMax.ShouldBe(5m);
        targets[0].Unit.ShouldBe("所");
        targets[1].Subject.ShouldBe("全省优质专业");
        targets[1].Comparator.ShouldBe(Comparator.Equal);
        targets[1].Value.ShouldBe(10m);
        targets[1].Unit.ShouldBe("个");
        // 全省 describes the schools; it is not where the target applies.
        targets.ShouldAllBe(t => t.Scope == null);
    }

    [Fact]
    public void Three_percentages_after_a_clause_without_figures()
    {
        var targets = Read.Targets(
            "力争到2025年全市职业院校办学条件达到国家标准，“双师型”教师比例达到50%以上，数字化资源覆盖率达到100%，毕业生稳定就业率达到95%以上。");

        targets.Select(t => (t.Subject, t.Comparator, t.Value, t.Unit)).ShouldBe(
        [
            ("双师型教师比例", Comparator.AtLeast, 50m, "%"),
            ("数字化资源覆盖率", Comparator.Equal, 100m, "%"),
            ("毕业生稳定就业率", Comparator.AtLeast, 95m, "%"),
        ]);
        targets.ShouldAllBe(t => t.Year == 2025);
    }

    [Fact]
    public void Counts_with_a_minimum()
    {
        var targets = Read.Targets("全市建成20个以上特色品牌专业，培育5个以上在全省有影响力的专业群集");

        targets.Count.ShouldBe(2);
        targets[0].Subject.ShouldBe("特色品牌专业");
        targets[0].Scope.ShouldBe("全市");
        targets[0].Comparator.ShouldBe(Comparator.AtLeast);
        targets[0].Value.ShouldBe(20m);
        targets[0].Unit.ShouldBe("个");
        targets[1].Subject.ShouldBe("在全省有影响力的专业群集");
        targets[1].Comparator.ShouldBe(Comparator.AtLeast);
        targets[1].Value.ShouldBe(5m);
    }

    [Fact]
    public void Yearly_training()
    {
        var target = Read.Single("年培训达到1万人次以上");

        target.PerYear.ShouldBeTrue();
        target.Comparator.ShouldBe(Comparator.AtLeast);
        target.Value.ShouldBe(10000m);
        target.Unit.ShouldBe("人次");
        target.Subject.ShouldBe("年培训");
    }

    [Fact]
    public void Yearly_training_volume()
    {
        var target = Read.Single("年培训量达6000人次以上");

        target.Subject.ShouldBe("年培训量");
        target.PerYear.ShouldBeTrue();
        target.Comparator.ShouldBe(Comparator.AtLeast);
        target.Value.ShouldBe(6000m);
        target.Unit.ShouldBe("人次");
    }

    [Fact]
    public void Figure_with_blanks_around_it()
    {
        var target = Read.Single("每年培养具有合格职业技能的学生 800 人以上");

        target.Subject.ShouldBe("具有合格职业技能的学生");
        target.PerYear.ShouldBeTrue();
        target.Comparator.ShouldBe(Comparator.AtLeast);
        target.Value.ShouldBe(800m);
        target.Unit.ShouldBe("人");
    }

    [Theory]
    [InlineData("全年培训学徒300人。", "学徒", 300)]
    [InlineData("全年新增订单班4个。", "订单班", 4)]
    [InlineData("当年新增实训工位400个。", "实训工位", 400)]
    public void A_word_for_the_year_is_not_the_subject(string text, string subject, int value)
    {
        var target = Read.Single(text);

        target.Subject.ShouldBe(subject);
        target.Value.ShouldBe(value);
    }

    [Fact]
    public void Share_of_teachers()
    {
        var target = Read.Single("“双师型”教师占专业教师比例达到 50%以上");

        target.Subject.ShouldBe("双师型教师占专业教师比例");
        target.Comparator.ShouldBe(Comparator.AtLeast);
        target.Value.ShouldBe(50m);
        target.Unit.ShouldBe("%");
    }

    [Fact]
    public void Share_of_a_total_and_a_duration()
    {
        var targets = Read.Targets("实践课时不低于总课时的 50%，学生顶岗实习不低于 6 个月");

        targets.Select(t => (t.Subject, t.Comparator, t.Value, t.Unit)).ShouldBe(
        [
            ("实践课时", Comparator.AtLeast, 50m, "%"),
            ("学生顶岗实习", Comparator.AtLeast, 6m, "个月"),
        ]);
    }

    [Fact]
    public void Counted_noun_before_its_figure()
    {
        var target = Read.Single("培育区、市认定的产教融合型企业 10 家以上");

        target.Subject.ShouldBe("区、市认定的产教融合型企业");
        target.Comparator.ShouldBe(Comparator.AtLeast);
        target.Value.ShouldBe(10m);
        target.Unit.ShouldBe("家");
    }

    [Fact]
    public void Funding_per_student_per_year()
    {
        var target = Read.Single("全市公办高等职业院校年生均财政拨款水平不低于12000元");

        target.Subject.ShouldBe("公办高等职业院校年生均财政拨款水平");
        target.Scope.ShouldBe("全市");
        target.PerYear.ShouldBeTrue();
        target.Comparator.ShouldBe(Comparator.AtLeast);
        target.Value.ShouldBe(12000m);
        target.Unit.ShouldBe("元");
    }

    [Fact]
    public void Year_end_deadline_and_decimal_ten_thousands()
    {
        var targets = Read.Targets(
            "到2018年年底，现代职业教育体系基本建立，全市职业院校在校生规模达到5.7万人左右，其中，中等职业教育在校生规模达到3.6万人");

        targets.Count.ShouldBe(2);
        targets.ShouldAllBe(t => t.Year == 2018);
        targets[0].Subject.ShouldBe("职业院校在校生规模");
        targets[0].Scope.ShouldBe("全市");
        targets[0].Comparator.ShouldBe(Comparator.Approximately);
        targets[0].Value.ShouldBe(57000m);
        targets[0].Value.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("57000");
        targets[1].Subject.ShouldBe("中等职业教育在校生规模");
        targets[1].Comparator.ShouldBe(Comparator.Equal);
        targets[1].Value.ShouldBe(36000m);
    }

    [Fact]
    public void Ranges_of_percentages_of_money()
    {
        var targets = Read.Targets(
            "农村科学技术开发、技术推广经费的10—20%用于农村职业教育，企业按照职工工资总额的1.5—2.5%提取教育培训经费");

        targets.Count.ShouldBe(2);
        targets[0].Subject.ShouldBe("农村科学技术开发、技术推广经费");
        targets[0].Comparator.ShouldBe(Comparator.Range);
        (targets[0].Value, targets[0].ValueMax, targets[0].Unit).ShouldBe((10m, (decimal?)20m, "%"));
        targets[1].Subject.ShouldBe("职工工资总额");
        targets[1].Comparator.ShouldBe(Comparator.Range);
        (targets[1].Value, targets[1].ValueMax, targets[1].Unit).ShouldBe((1.5m, (decimal?)2.5m, "%"));
    }

    [Fact]
    public void Two_shares_of_teachers()
    {
        var targets = Read.Targets("专业课教师占专任教师比例达到60%以上，“双师型”教师占专任教师比例达到50%以上。");

        targets.Select(t => (t.Subject, t.Comparator, t.Value)).ShouldBe(
        [
            ("专业课教师占专任教师比例", Comparator.AtLeast, 60m),
            ("双师型教师占专任教师比例", Comparator.AtLeast, 50m),
        ]);
    }

    [Fact]
    public void Yearly_share_of_a_workforce()
    {
        var target = Read.Single("市内所有企业需设置学生实习、学徒培养岗位，原则上每年按企业职工总数的2%接纳职业院校学生实习。");

        target.Subject.ShouldBe("企业职工总数");
        target.PerYear.ShouldBeTrue();
        target.Comparator.ShouldBe(Comparator.Equal);
        target.Value.ShouldBe(2m);
        target.Unit.ShouldBe("%");
    }

    [Fact]
    public void Fenbie_distributes_the_figures_over_the_payers()
    {
        var targets = Read.Targets("市财政和各县（区）政府每年安排职业教育专项经费分别不得少于500万元和300万元");

        targets.Count.ShouldBe(2);
        targets.ShouldAllBe(t => t.Subject == "职业教育专项经费" && t.PerYear && t.Comparator == Comparator.AtLeast && t.Unit == "万元");
        targets[0].Value.ShouldBe(500m);
        targets[0].Scope.ShouldBe("市财政");
        targets[1].Value.ShouldBe(300m);
        targets[1].Scope.ShouldBe("各县（区）政府");
    }

    [Theory]
    [InlineData("积极实施职业教育信息化提升计划2.0版")]
    [InlineData("积极实施高职本科“3+2”衔接培养模式")]
    [InlineData("平政发〔2020〕76号")]
    public void Figures_that_are_not_targets(string text) => Read.Targets(text).ShouldBeEmpty();
}
