using Duban.Core.Assessments;
using Duban.Core.Tracking.Status;
using Duban.Parsing.Model;
using static Duban.Core.Tests.Assessments.AssessmentFactsBuilder;

namespace Duban.Core.Tests.Assessments;

/// <summary>Table tests of each indicator kind of the default scheme, with the arithmetic worked by hand.</summary>
public sealed class AssessmentScorerTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static TheoryData<string, decimal> TaskCases => new()
    {
        // One lead task finished on time: 30 × 1 ÷ 1.
        { "on time", 30m },
        // Finished after its deadline: 30 × 0.6.
        { "late", 18m },
        // Past its deadline and not done: 0.
        { "overdue", 0m },
        // Not due by the assessment day: nothing to assess, full points.
        { "not due", 30m },
        // Finished last year: not this year's work, full points.
        { "last year", 30m },
        // 1 + 0.6 + 0 + 0.3 × 1 over weights 1 + 1 + 1 + 0.3: 30 × 1.9 ÷ 3.3 = 17.2727… → 17.27.
        { "mixed", 17.27m },
        // Two ongoing tasks, one reported and one missing its last period: 30 × (1 + 0.5) ÷ 2.
        { "ongoing", 22.5m },
    };

    [Theory, MemberData(nameof(TaskCases))]
    public void Task_completion_follows_the_status_rules_on_the_assessment_day(string @case, decimal expected)
    {
        var facts = new AssessmentFactsBuilder();
        _ = @case switch
        {
            "on time" => facts.Done(UnitRole.Lead, D(2026, 6, 30), D(2026, 6, 20)),
            "late" => facts.Done(UnitRole.Lead, D(2026, 6, 30), D(2026, 7, 10)),
            "overdue" => facts.Assignment(UnitRole.Lead, D(2026, 6, 30)),
            "not due" => facts.Assignment(UnitRole.Lead, D(2027, 6, 30)),
            "last year" => facts.Done(UnitRole.Lead, D(2025, 6, 30), D(2025, 5, 1)),
            "mixed" => facts.Done(UnitRole.Lead, D(2026, 6, 30), D(2026, 6, 20)).Done(UnitRole.Lead, D(2026, 6, 30), D(2026, 7, 10))
                .Assignment(UnitRole.Lead, D(2026, 3, 31)).Done(UnitRole.Cooperating, D(2026, 9, 30), D(2026, 9, 1)),
            "ongoing" => facts.Assignment(UnitRole.Lead, null, ongoing: true, lastClosed: ClosedPeriodReport.Reported)
                .Assignment(UnitRole.Lead, null, ongoing: true, lastClosed: ClosedPeriodReport.Missing),
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };

        var score = Score("task", facts.Facts());

        score.Points.ShouldBe(expected);
        score.Points.ShouldBe(Points.Round(score.Items.Sum(i => i.Points)));
    }

    [Fact]
    public void A_task_explanation_names_each_task_the_rule_and_the_arithmetic()
    {
        var facts = new AssessmentFactsBuilder().Done(UnitRole.Lead, D(2026, 6, 30), D(2026, 7, 10)).Assignment(UnitRole.Lead, D(2027, 6, 30)).Facts();

        var score = Score("task", facts);

        score.Items.Count.ShouldBe(2);
        score.Items[0].Detail.ShouldContain("逾期完成");
        score.Items[0].Detail.ShouldContain("2026年7月10日");
        score.Items[0].Points.ShouldBe(18m);
        score.Items[1].Counted.ShouldBeFalse();
        score.Items[1].Detail.ShouldContain("未到期");
        score.Arithmetic.ShouldBe("30 × 0.6 ÷ 1 = 18 分（得分率 60%）");
        score.Rule.ShouldContain("逾期完成计 0.6");
    }

    [Fact]
    public void Cooperating_work_counts_only_with_a_weight()
    {
        var facts = new AssessmentFactsBuilder().Assignment(UnitRole.Lead, D(2026, 3, 31)).Done(UnitRole.Cooperating, D(2026, 9, 30), D(2026, 9, 1)).Facts();
        var unweighted = Indicator("task") with { Rule = Indicator("task").Rule with { CooperatingWeight = 0m } };

        // Weighted 0.3: 30 × 0.3 ÷ 1.3 = 6.92; unweighted: only the overdue lead task counts, 0.
        Score("task", facts).Points.ShouldBe(6.92m);
        AssessmentScorer.ScoreIndicator(unweighted, facts, facts.Organizations[0]).Points.ShouldBe(0m);
    }

    [Fact]
    public void Report_timeliness_is_the_rate_of_periods_on_time_with_late_reports_half()
    {
        var facts = new AssessmentFactsBuilder().Period(ReportTiming.OnTime, 3).Period(ReportTiming.Late, 4).Period(ReportTiming.Missing, 5).Period(ReportTiming.OnTime, 6).Facts();

        var score = Score("timeliness", facts);

        // 15 × (1 + 0.5 + 0 + 1) ÷ 4 = 9.375, rounded half away from zero: 9.38.
        score.Points.ShouldBe(9.38m);
        score.Items.Select(i => i.Points).ShouldBe([3.75m, 1.875m, 0m, 3.75m]);
        score.Items[2].Detail.ShouldStartWith("缺报");
    }

    [Fact]
    public void Report_quality_is_the_share_of_reviewed_reports_never_returned()
    {
        var facts = new AssessmentFactsBuilder().Reviewed(0).Reviewed(2).Reviewed(0).Facts();

        // 5 × 2 ÷ 3 = 3.33.
        Score("quality", facts).Points.ShouldBe(3.33m);
    }

    [Fact]
    public void Targets_are_judged_by_direction_and_funding_rules_are_scored_apart()
    {
        var facts = new AssessmentFactsBuilder()
            .Target("双师型教师比例", Comparator.AtLeast, 50, "%", 2026, (D(2026, 6, 30), 55))     // met: 1
            .Target("中职学校数量", Comparator.AtLeast, 10, "所", 2025, (D(2025, 12, 31), 8))        // year passed, 80 %: 0.8 × 0.5
            .Target("生师比", Comparator.AtMost, 20, "人", 2025, (D(2025, 12, 31), 25))              // at most 20, 25: 20/25 = 0.8 × 0.5
            .Target("培训人次", Comparator.AtLeast, 10000, "人次", 2026)                              // no value: 0
            .Target("教育费附加用于职业教育比例", Comparator.AtLeast, 30, "%", 2026, (D(2025, 12, 31), 20), (D(2026, 6, 30), 22))
            .Facts();

        var targets = Score("targets", facts);
        var funding = Score("funding", facts);

        // 20 × (1 + 0.4 + 0.4 + 0) ÷ 4 = 9.
        targets.Points.ShouldBe(9m);
        targets.Items.Count.ShouldBe(4);
        targets.Items[2].Detail.ShouldContain("滞后");
        // Funding: 20 → 22 by mid-2026 projects 24 at the year's end, short of 30: lagging, 22/30 × 0.5 = 0.3667 of 10.
        funding.Points.ShouldBe(3.67m);
        funding.Items.ShouldHaveSingleItem().Detail.ShouldContain("按趋势不能按期达成");
    }

    [Fact]
    public void A_target_without_a_value_counts_only_once_a_value_was_owed()
    {
        var facts = new AssessmentFactsBuilder().Target("培训人次", Comparator.AtLeast, 10000, "人次", 2026).Facts();
        var owed = facts.Organizations[0].Targets[0];
        AssessmentFacts With(DateOnly? due) => facts with { Organizations = [facts.Organizations[0] with { Targets = [owed with { FirstReportDue = due }] }] };

        // The first window closed in April: nothing reported by December is the organisation's lapse.
        Score("targets", With(new DateOnly(2026, 4, 10))).Points.ShouldBe(0m);
        // The plan came in December and its first window closes in January: nothing was owed yet.
        var early = Score("targets", With(new DateOnly(2027, 1, 10)));
        early.Points.ShouldBe(20m);
        early.Items[0].Counted.ShouldBeFalse();
        early.Items[0].Detail.ShouldContain("尚未到期");
    }

    [Fact]
    public void An_at_most_target_under_its_ceiling_is_met()
    {
        var facts = new AssessmentFactsBuilder().Target("生师比", Comparator.AtMost, 20, "人", 2026, (D(2026, 9, 30), 18)).Facts();
        Score("targets", facts).Points.ShouldBe(20m);
    }

    [Fact]
    public void Orders_count_the_reply_by_its_date_and_the_closing()
    {
        var issued = D(2026, 3, 1);
        var facts = new AssessmentFactsBuilder()
            .Order(issued, D(2026, 3, 11), D(2026, 3, 5), closed: true)                  // 0.6 + 0.4
            .Order(issued, D(2026, 3, 11), D(2026, 3, 20), closed: false)                 // 0.6 × 0.5
            .Order(issued, D(2026, 3, 11), null, closed: false)                           // 0
            .Order(D(2026, 12, 28), D(2027, 1, 7), null, closed: false)                   // not yet due: not counted
            .Order(issued, D(2026, 3, 11), null, closed: true, closedWithoutReply: true)  // settled by the office: 1
            .Facts();

        var score = Score("orders", facts);

        // 10 × (1 + 0.3 + 0 + 1) ÷ 4 = 5.75.
        score.Points.ShouldBe(5.75m);
        score.Items.Count(i => !i.Counted).ShouldBe(1);
        score.Items[1].Detail.ShouldContain("逾期回复");
    }

    [Fact]
    public void Deductions_add_up_and_stop_at_the_cap()
    {
        var some = new AssessmentFactsBuilder().Flag(FlagKind.Summons, D(2026, 4, 1)).Flag(FlagKind.Bulletin, D(2026, 5, 1)).Facts();
        var many = new AssessmentFactsBuilder().Flag(FlagKind.Summons, D(2026, 4, 1)).Flag(FlagKind.Summons, D(2026, 4, 2))
            .Flag(FlagKind.Bulletin, D(2026, 5, 1)).Flag(FlagKind.Bulletin, D(2026, 5, 2)).Flag(FlagKind.Bulletin, D(2026, 5, 3)).Facts();

        Score("deduction", some).Points.ShouldBe(-5m);
        var capped = Score("deduction", many);
        // −2 −2 −3 −3 −3 = −13, capped at −10: the cap is an item of its own, +3.
        capped.Points.ShouldBe(-10m);
        capped.Items[^1].Points.ShouldBe(3m);
        capped.Items.Sum(i => i.Points).ShouldBe(-10m);
        Score("deduction", new AssessmentFactsBuilder().Facts()).Points.ShouldBe(0m);
    }

    [Fact]
    public void Bonus_items_are_capped_each_and_together()
    {
        Score("bonus", new AssessmentFactsBuilder().Entry("bonus", 2, "省级示范校").Entry("bonus", 4, "国家级教学成果奖").Facts()).Points.ShouldBe(5m);
        var over = Score("bonus", new AssessmentFactsBuilder().Entry("bonus", 2).Entry("bonus", 3).Entry("bonus", 1).Facts());
        over.Points.ShouldBe(5m);
        over.Items[^1].Label.ShouldBe("加分上限");
        // Entries of another indicator are not this one's.
        Score("bonus", new AssessmentFactsBuilder().Entry("inspection", 8).Facts()).Points.ShouldBe(0m);
    }

    [Fact]
    public void A_manual_score_is_the_latest_entry_within_its_range()
    {
        Score("inspection", new AssessmentFactsBuilder().Entry("inspection", 7, id: 1).Entry("inspection", 8.5m, id: 2).Facts()).Points.ShouldBe(8.5m);
        // The order they come in does not matter: the latest by id stands.
        Score("inspection", new AssessmentFactsBuilder().Entry("inspection", 8.5m, id: 2).Entry("inspection", 7, id: 1).Facts()).Points.ShouldBe(8.5m);
        Score("inspection", new AssessmentFactsBuilder().Entry("inspection", 12).Facts()).Points.ShouldBe(10m);
        var none = Score("inspection", new AssessmentFactsBuilder().Facts());
        none.Points.ShouldBe(0m);
        none.Items.ShouldHaveSingleItem().Label.ShouldBe("尚未评分");
    }

    [Fact]
    public void The_total_is_the_sum_of_the_indicators()
    {
        var facts = new AssessmentFactsBuilder()
            .Done(UnitRole.Lead, D(2026, 6, 30), D(2026, 7, 10))   // task 18
            .Period(ReportTiming.Late)                              // timeliness 7.5
            .Reviewed(1)                                            // quality 0
            .Flag(FlagKind.Summons, D(2026, 4, 1))                  // −2
            .Entry("inspection", 9)                                 // 9
            .Facts();

        var sheet = AssessmentScorer.Score(DefaultScheme.For([1]), facts);

        // 18 + 7.5 + 0 + targets 20 + funding 10 + orders 10 + 9 − 2 + 0 = 72.5.
        sheet.Organizations.ShouldHaveSingleItem().Total.ShouldBe(72.5m);
        sheet.BaseTotal.ShouldBe(100m);
    }
}
