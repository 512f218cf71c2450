using Duban.Parsing.Model;
using Duban.Parsing.Structure;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tests.Text;

/// <summary>
/// Rules for task shapes seen in 分工方案 and 工作要点 beyond education (docs/parsing-rules.md): units as the subject of
/// the last sentence, numbered parts under a task that names its units, 保障措施 headings, year-less dates in the text
/// of a plan for one year, the lead-first note inside a labelled field — each with what must not be taken for it.
/// </summary>
public class TaskShapeRuleTests
{
    private static IReadOnlyList<PlanTask> Tasks(string text) =>
        new PlanParser().ParseText(text).TaskLists.SelectMany(l => l.Tasks).ToList();

    private static string Leads(PlanTask t) => string.Join("、", t.Units.Where(u => u.Role == UnitRole.Lead).Select(u => u.Name));

    private static string Partners(PlanTask t) => string.Join("、", t.Units.Where(u => u.Role == UnitRole.Cooperating).Select(u => u.Name));

    [Theory]
    [InlineData("1.2025年6月底前完成系统迁移。", 1)]
    [InlineData("12.2024年起实施。", 12)]
    [InlineData("1.6月底前完成评估。", 1)]
    [InlineData("3.12月30日前出台办法。", 3)]
    [InlineData("2.9月份启动。", 2)]
    [InlineData("4.10月中旬前完成。", 4)]
    public void A_year_right_after_the_dot_opens_an_item(string paragraph, int number) =>
        HeadingMarker.Read(CharFolding.Fold(paragraph)).ShouldNotBeNull().Number.ShouldBe(number);

    [Theory]
    [InlineData("1.2025万元用于设备购置。")]
    [InlineData("1.20255年")]
    [InlineData("1.1000年")]
    [InlineData("1.5个月内完成。")]
    [InlineData("1.13月底前")]
    [InlineData("2.6月的")]
    public void A_figure_after_the_dot_is_still_no_marker(string paragraph) =>
        HeadingMarker.Read(CharFolding.Fold(paragraph)).ShouldBeNull();

    [Fact]
    public void Items_opening_with_a_month_are_items_of_the_list()
    {
        var tasks = Tasks("""
            青禾市2025年职业教育重点工作任务分工
            一、重点任务
            1.6月底前完成全市中职学校办学条件达标评估。（牵头单位：市教育局；配合单位：市财政局）
            2.9月底前建成市级公共实训基地。（牵头单位：市人社局）
            3.12月底前出台产教融合型企业认定办法。（牵头单位：市发展改革委；配合单位：市教育局）
            """);
        tasks.Select(t => t.No).ShouldBe(["1", "2", "3"]);
        tasks[0].Text.ShouldBe("6月底前完成全市中职学校办学条件达标评估。");
        tasks.Select(t => t.Deadline!.Due).ShouldBe([new DateOnly(2025, 6, 30), new DateOnly(2025, 9, 30), new DateOnly(2025, 12, 31)]);
    }

    [Fact]
    public void Units_opening_the_last_sentence_are_the_tasks_and_the_sentence_goes_on()
    {
        var tasks = Tasks("""
            西岭市2025年政务服务工作要点
            一、提升服务效能
            （一）深化一网通办。由市政务服务中心牵头，市级各有关部门配合，推动高频事项全程网办。
            （二）落实数据安全责任。市委网信办、市公安局按职责分工负责，9月底前完成数据目录备案。
            （三）优化热线服务。整合各类热线，由市政务服务中心负责。
            """);
        tasks.Select(Leads).ShouldBe(["市政务服务中心", "市委网信办、市公安局", "市政务服务中心"]);
        Partners(tasks[0]).ShouldBe("市级各有关部门");
        tasks[0].Text.ShouldBe("深化一网通办。推动高频事项全程网办。");
        tasks[1].Deadline.ShouldNotBeNull().Due.ShouldBe(new DateOnly(2025, 9, 30));
    }

    [Fact]
    public void Organisations_without_a_place_or_in_an_earlier_sentence_are_no_units()
    {
        var tasks = Tasks("""
            西岭市2025年产教融合工作要点
            一、重点工作
            （一）共建实训基地。学校牵头，企业参与，共建共享实训基地。
            （二）建立联席会议。市教育局牵头，市发展改革委等部门参加，定期召开会议。研究解决突出问题。
            （三）完善激励政策。（市财政局负责）
            （四）培育产教融合型企业。（市发展改革委负责）
            """);
        tasks.Select(t => t.Units.Count).ShouldBe([0, 0, 1, 1]);
        tasks[0].Text.ShouldBe("共建实训基地。学校牵头，企业参与，共建共享实训基地。");
    }

    [Fact]
    public void Numbered_parts_without_units_under_a_task_with_units_are_its_text()
    {
        var tasks = Tasks("""
            南浦县2025年数字乡村工作要点
            一、夯实基础
            （一）推进乡村网络覆盖。（牵头单位：县工业和信息化局；配合单位：县农业农村局）
            1.于6月底前实现行政村千兆光网全覆盖。
            2.推进自然村5G网络覆盖。
            （二）建设县级数据平台。（县大数据中心负责）
            """);
        tasks.Select(t => t.No).ShouldBe(["1", "2"]);
        tasks[0].Text.ShouldBe("推进乡村网络覆盖。1.于6月底前实现行政村千兆光网全覆盖。2.推进自然村5G网络覆盖。");
        tasks[0].Deadline.ShouldNotBeNull().Due.ShouldBe(new DateOnly(2025, 6, 30));
    }

    [Fact]
    public void Under_保障措施_only_items_naming_units_are_tasks_while_a_topic_ending_in_保障_is_no_such_part()
    {
        var doc = new PlanParser().ParseText("""
            东川区2025年社会保障工作要点
            一、强化兜底保障
            （一）提高低保标准。（区民政局负责）
            （二）完善临时救助。加强救助衔接。
            （三）做好残疾人两项补贴。（区残联负责）
            二、保障措施
            （一）加强组织领导。各部门要高度重视。
            （二）强化督查考核。纳入年度考核。（区政府督查室负责）
            """);
        var tasks = doc.TaskLists.SelectMany(l => l.Tasks).ToList();
        tasks.Select(t => t.Text[..4]).ShouldBe(["提高低保", "完善临时", "做好残疾", "强化督查"]);
        doc.Warnings.Count(w => w.Code == "task.noUnits").ShouldBe(1);
    }

    [Fact]
    public void Year_less_dates_in_the_text_fall_in_the_year_the_title_names()
    {
        var tasks = Tasks("""
            云岭县2025年市场监管工作要点
            1.更新个体工商户名录库，6月底前完成。（责任单位：县市场监管局）
            2.开展收费检查，年底前实现重点行业全覆盖。（责任单位：县市场监管局）
            3.每年3月底前公布抽查计划。（责任单位：县市场监管局）
            4.力争3年底前培育规上企业5家。（责任单位：县市场监管局）
            5.次年6月底前出台奖补办法。（责任单位：县市场监管局）
            """);
        tasks.Select(t => t.Deadline?.Due).ShouldBe(
            [new DateOnly(2025, 6, 30), new DateOnly(2025, 12, 31), new DateOnly(2025, 3, 31), null, null]);
        tasks[2].Deadline!.Recurrence.ShouldBe(Recurrence.Yearly);
    }

    [Fact]
    public void Year_less_dates_in_the_text_of_a_plan_over_several_years_stay_unread()
    {
        var tasks = Tasks("""
            云岭县市场监管三年行动方案（2025—2027年）
            1.更新个体工商户名录库，6月底前完成。（责任单位：县市场监管局）
            2.开展收费检查，2026年底前实现重点行业全覆盖。（责任单位：县市场监管局）
            """);
        tasks[0].Deadline.ShouldBeNull();
        tasks[1].Deadline.ShouldNotBeNull().Due.ShouldBe(new DateOnly(2026, 12, 31));
    }

    [Fact]
    public void The_lead_first_note_inside_a_labelled_field_is_no_unit()
    {
        var tasks = Tasks("""
            云岭县2025年卫生健康重点工作任务清单
            1.完善公立医院薪酬制度。（责任单位：县人社局、县财政局、县卫生健康局，排在第一位的为牵头单位，下同）
            2.推进医共体建设。（责任单位：县卫生健康局、县医保局）
            """);
        Leads(tasks[0]).ShouldBe("县人社局");
        Partners(tasks[0]).ShouldBe("县财政局、县卫生健康局");
        Leads(tasks[1]).ShouldBe("县卫生健康局");
        Partners(tasks[1]).ShouldBe("县医保局");
    }

    [Fact]
    public void 时间安排_is_a_deadline_label_where_a_field_begins_only()
    {
        var tasks = Tasks("""
            西岭市2025年民政重点工作任务清单
            1.提高城乡低保标准。责任主体：市民政局；时间安排：2025年6月底前。
            2.办好敬老月活动，活动时间安排：每年10月。（责任单位：市民政局）
            """);
        tasks[0].Deadline.ShouldNotBeNull().Raw.ShouldBe("2025年6月底前");
        tasks[0].Units.Single().Name.ShouldBe("市民政局");
        tasks[1].Text.ShouldContain("活动时间安排：每年10月");
    }
}
