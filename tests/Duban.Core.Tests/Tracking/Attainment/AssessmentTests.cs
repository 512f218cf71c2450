using System.Globalization;
using Duban.Core.Tracking.Attainment;
using Duban.Parsing.Model;

namespace Duban.Core.Tests.Tracking.Attainment;

public sealed class AssessmentTests
{
    private static readonly AttainmentOptions Options = AttainmentOptions.Default;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static ObservationFact[] Obs(params (string At, decimal Value)[] values) =>
        [.. values.Select(v => new ObservationFact(D(v.At), v.Value))];

    private static TargetAssessment Assess(TargetFacts target, ObservationFact[] observations, string today) =>
        AttainmentRules.Assess(target, observations, D(today), Options);

    [Fact]
    public void No_observation_is_no_data() =>
        Assess(AttainmentRulesTests.DualTeachers, [], "2025-01-01").Status.ShouldBe(TargetStatus.NoData);

    [Fact]
    public void The_latest_value_meeting_the_target_is_achieved()
    {
        var result = Assess(AttainmentRulesTests.DualTeachers, Obs(("2024-12-31", 52), ("2023-12-31", 40)), "2025-01-10");
        result.Status.ShouldBe(TargetStatus.Achieved);
        result.Latest!.Actual.ShouldBe(52m);
    }

    [Fact]
    public void A_steady_rise_that_reaches_the_target_in_its_year_is_on_track_across_a_leap_year()
    {
        // +5 a year, 2024 being a leap year: counted in days this would end at 49.986 and be 滞后.
        var result = Assess(AttainmentRulesTests.DualTeachers, Obs(("2023-12-31", 40), ("2024-12-31", 45)), "2025-01-10");
        result.Status.ShouldBe(TargetStatus.OnTrack);
        result.Deadline.ShouldBe(D("2025-12-31"));
        result.Projection!.Value.ShouldBe(50m);
        result.Projection.Points.ShouldBe(2);
    }

    [Fact]
    public void A_rise_too_slow_for_the_target_year_is_lagging()
    {
        var result = Assess(AttainmentRulesTests.DualTeachers, Obs(("2023-12-31", 40), ("2024-12-31", 44)), "2025-01-10");
        result.Status.ShouldBe(TargetStatus.Lagging);
        result.Projection!.Value.ShouldBe(48m);
    }

    [Fact]
    public void The_projection_is_least_squares_on_all_observations()
    {
        // Quarter ends 2025: 40, 43, 44, 47 → slope 2.2 per quarter; at 2025-12-31 (the last point) the line gives 43.5 + 2.2 × 1.5 = 46.8.
        var result = Assess(
            AttainmentRulesTests.DualTeachers,
            Obs(("2025-03-31", 40), ("2025-06-30", 43), ("2025-09-30", 44), ("2025-12-31", 47)), "2025-12-31");
        result.Projection!.Value.ShouldBe(46.8m);
        result.Status.ShouldBe(TargetStatus.Lagging);
    }

    [Fact]
    public void One_observation_gives_no_projection_and_no_verdict_of_lagging()
    {
        var result = Assess(AttainmentRulesTests.DualTeachers, Obs(("2024-12-31", 30)), "2025-01-10");
        result.Status.ShouldBe(TargetStatus.OnTrack);
        result.Projection.ShouldBeNull();
    }

    [Fact]
    public void Two_observations_of_the_same_period_end_are_one_point()
    {
        var result = Assess(AttainmentRulesTests.DualTeachers, Obs(("2024-12-31", 30), ("2024-12-31", 31)), "2025-01-10");
        result.Projection.ShouldBeNull();
        result.Status.ShouldBe(TargetStatus.OnTrack);
    }

    [Theory]
    [InlineData("2025-12-31", TargetStatus.OnTrack)]
    [InlineData("2026-01-01", TargetStatus.Lagging)]
    public void Once_the_target_year_is_over_a_target_not_met_is_lagging(string today, TargetStatus expected) =>
        Assess(AttainmentRulesTests.DualTeachers, Obs(("2025-11-30", 49)), today).Status.ShouldBe(expected);

    [Fact]
    public void Without_a_year_there_is_no_deadline_to_lag_behind()
    {
        var target = AttainmentRulesTests.DualTeachers with { Year = null };
        var result = Assess(target, Obs(("2023-12-31", 40), ("2024-12-31", 41)), "2030-01-01");
        result.Status.ShouldBe(TargetStatus.OnTrack);
        result.Deadline.ShouldBeNull();
    }

    [Theory]
    // 建成实训基地3个 in a task due 2024-06-30, no year of its own: judged by the task's deadline.
    [InlineData("2024-05-10", 1, TargetStatus.Lagging)]   // one by April, the line through 0 → 1 does not reach 3 by June
    [InlineData("2024-05-10", 2, TargetStatus.OnTrack)]   // 0 → 2 reaches 3 by June
    [InlineData("2024-07-01", 2, TargetStatus.Lagging)]   // the task's deadline has passed
    [InlineData("2024-07-01", 3, TargetStatus.Achieved)]
    public void Without_a_year_a_tasks_target_is_due_with_its_task(string today, decimal april, TargetStatus expected)
    {
        var target = new TargetFacts(Comparator.AtLeast, 3, null, "个", null, false, TaskDue: D("2024-06-30"));
        var result = Assess(target, Obs(("2024-01-31", 0), ("2024-04-30", april)), today);
        result.Status.ShouldBe(expected);
        result.Deadline.ShouldBe(D("2024-06-30"));
    }

    [Theory]
    // 年培训1万人次以上: values are the year so far; last year's figures do not bend this year's line.
    [InlineData(4500, TargetStatus.Lagging, 9500)]
    [InlineData(5200, TargetStatus.OnTrack, 11600)]
    public void A_per_year_target_projects_the_year_so_far_to_its_end(int juneValue, TargetStatus expected, int projected)
    {
        var result = Assess(
            AttainmentRulesTests.YearlyTraining,
            Obs(("2024-12-31", 12000), ("2025-03-31", 2000), ("2025-06-30", juneValue)), "2025-07-05");
        result.Status.ShouldBe(expected);
        result.Deadline.ShouldBe(D("2025-12-31"));
        result.Projection!.Value.ShouldBe(projected);
        result.Projection.Points.ShouldBe(2);
    }

    [Fact]
    public void A_per_year_target_met_so_far_this_year_is_achieved() =>
        Assess(AttainmentRulesTests.YearlyTraining, Obs(("2025-09-30", 10500)), "2025-10-05").Status.ShouldBe(TargetStatus.Achieved);

    [Fact]
    public void A_per_year_target_missed_last_year_is_lagging_until_this_year_is_reported() =>
        Assess(AttainmentRulesTests.YearlyTraining, Obs(("2024-12-31", 9000)), "2025-01-10").Status.ShouldBe(TargetStatus.Lagging);

    [Theory]
    [InlineData(3.5, TargetStatus.Lagging)]
    [InlineData(3.0, TargetStatus.OnTrack)]
    public void An_at_most_target_projects_downwards(decimal latest, TargetStatus expected)
    {
        var target = new TargetFacts(Comparator.AtMost, 2m, null, "%", 2025, false);
        Assess(target, Obs(("2023-12-31", 4), ("2024-12-31", latest)), "2025-01-10").Status.ShouldBe(expected);
    }

    [Fact]
    public void A_ratio_projects_its_share()
    {
        // 职普比不低于4:6 by 2025: 36 % → 38 % of students in vocational schools; 40 % at the end of 2025.
        var target = AttainmentRulesTests.VocationalShareAtLeast with { Year = 2025 };
        ObservationFact[] observations = [new(D("2023-12-31"), 3600, 6400), new(D("2024-12-31"), 3800, 6200)];
        var result = AttainmentRules.Assess(target, observations, D("2025-01-10"), Options);
        result.Projection!.Value.ShouldBe(0.4m);
        result.Status.ShouldBe(TargetStatus.OnTrack);
    }

    [Fact]
    public void The_rules_read_today_from_the_time_provider()
    {
        var rules = new AttainmentRules(Options, FixedTime.At("2025-12-31T16:00:00Z")); // 2026-01-01 in Beijing
        rules.Assess(AttainmentRulesTests.DualTeachers, Obs(("2025-11-30", 49))).Status.ShouldBe(TargetStatus.Lagging);
    }

    [Fact]
    public void Every_target_status_has_a_chinese_label() =>
        Enum.GetValues<TargetStatus>().Select(s => s.Label()).ShouldBe(["无数据", "正常", "滞后", "已达成"]);
}
