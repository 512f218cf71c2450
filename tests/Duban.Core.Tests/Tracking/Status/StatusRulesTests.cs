using Duban.Core.Plans;
using Duban.Core.Tracking.Status;
using Duban.Parsing.Model;
using PlanTask = Duban.Core.Plans.PlanTask;

namespace Duban.Core.Tests.Tracking.Status;

public sealed class StatusRulesTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static ApprovedReport Report(ReportedState state, string submitted = "2025-05-20", int? percent = null) =>
        new(state, percent, D(submitted));

    private static AssignmentFacts Lead(
        string? due, ApprovedReport? latest = null, bool ongoing = false,
        ClosedPeriodReport closed = ClosedPeriodReport.NoClosedPeriod, UnitRole role = UnitRole.Lead) =>
        new(1, role, due is null ? null : D(due), ongoing, latest, closed);

    public static TheoryData<string, AssignmentFacts, string, TrackingStatus, bool> AssignmentCases => new()
    {
        // name, facts, today, status, late
        { "no report, far deadline", Lead("2025-12-31"), "2025-06-01", TrackingStatus.NotStarted, false },
        { "approved 未启动", Lead("2025-12-31", Report(ReportedState.NotStarted)), "2025-06-01", TrackingStatus.NotStarted, false },
        { "未启动 with a percent has begun", Lead("2025-12-31", Report(ReportedState.NotStarted, percent: 10)), "2025-06-01", TrackingStatus.InProgress, false },
        { "推进中", Lead("2025-12-31", Report(ReportedState.InProgress, percent: 40)), "2025-06-01", TrackingStatus.InProgress, false },
        { "100% but not declared 已完成", Lead("2025-12-31", Report(ReportedState.InProgress, percent: 100)), "2025-06-01", TrackingStatus.InProgress, false },
        { "已完成 before the deadline", Lead("2025-12-31", Report(ReportedState.Completed)), "2025-06-01", TrackingStatus.Completed, false },
        { "已完成 on the deadline day is not late", Lead("2025-05-20", Report(ReportedState.Completed, "2025-05-20")), "2025-06-01", TrackingStatus.Completed, false },
        { "已完成 after the deadline: completed, late", Lead("2025-03-31", Report(ReportedState.Completed, "2025-04-01")), "2025-06-01", TrackingStatus.Completed, true },
        { "completed beats overdue", Lead("2024-12-31", Report(ReportedState.Completed, "2025-05-20")), "2025-06-01", TrackingStatus.Completed, true },
        { "31 days left: not yet due soon", Lead("2025-07-02"), "2025-06-01", TrackingStatus.NotStarted, false },
        { "exactly 30 days left: due soon", Lead("2025-07-01"), "2025-06-01", TrackingStatus.DueSoon, false },
        { "due soon beats in progress", Lead("2025-06-10", Report(ReportedState.InProgress, percent: 90)), "2025-06-01", TrackingStatus.DueSoon, false },
        { "due today: due soon, not overdue", Lead("2025-06-01"), "2025-06-01", TrackingStatus.DueSoon, false },
        { "due yesterday: overdue", Lead("2025-05-31"), "2025-06-01", TrackingStatus.Overdue, false },
        { "overdue beats in progress", Lead("2025-05-31", Report(ReportedState.InProgress, percent: 95)), "2025-06-01", TrackingStatus.Overdue, false },
        { "leap day deadline, the day after", Lead("2024-02-29"), "2024-03-01", TrackingStatus.Overdue, false },
        { "leap day deadline, on the day", Lead("2024-02-29"), "2024-02-29", TrackingStatus.DueSoon, false },
        { "30 days before a leap-day deadline (Jan 30)", Lead("2024-02-29"), "2024-01-30", TrackingStatus.DueSoon, false },
        { "31 days before a leap-day deadline (Jan 29)", Lead("2024-02-29"), "2024-01-29", TrackingStatus.NotStarted, false },
        { "month end 2025-02-28, 30 days before is Jan 29", Lead("2025-02-28"), "2025-01-29", TrackingStatus.DueSoon, false },
        { "month end 2025-02-28, 31 days before is Jan 28", Lead("2025-02-28"), "2025-01-28", TrackingStatus.NotStarted, false },
        { "year end deadline on new year's day", Lead("2025-12-31"), "2026-01-01", TrackingStatus.Overdue, false },
        { "ongoing, reported last period", Lead(null, Report(ReportedState.Ongoing), true, ClosedPeriodReport.Reported), "2025-06-01", TrackingStatus.OngoingOnTrack, false },
        { "ongoing, last period missing", Lead(null, Report(ReportedState.Ongoing), true, ClosedPeriodReport.Missing), "2025-06-01", TrackingStatus.OngoingMissingReport, false },
        { "ongoing, no period closed yet", Lead(null, null, true, ClosedPeriodReport.NoClosedPeriod), "2025-06-01", TrackingStatus.OngoingOnTrack, false },
        { "ongoing, approved 已完成", Lead(null, Report(ReportedState.Completed), true, ClosedPeriodReport.Missing), "2025-06-01", TrackingStatus.Completed, false },
        { "dated and ongoing: the date rules", Lead("2025-05-31", Report(ReportedState.Ongoing), true, ClosedPeriodReport.Reported), "2025-06-01", TrackingStatus.Overdue, false },
        { "dated and ongoing, far date: missing report still shows as progress", Lead("2025-12-31", Report(ReportedState.Ongoing), true, ClosedPeriodReport.Missing), "2025-06-01", TrackingStatus.InProgress, false },
        { "undated, not ongoing, no report", Lead(null), "2025-06-01", TrackingStatus.NotStarted, false },
        { "undated, not ongoing, in progress", Lead(null, Report(ReportedState.InProgress)), "2025-06-01", TrackingStatus.InProgress, false },
        { "a cooperating assignment has its own status", Lead("2025-05-31", role: UnitRole.Cooperating), "2025-06-01", TrackingStatus.Overdue, false },
    };

    [Theory]
    [MemberData(nameof(AssignmentCases))]
    public void Assignment_status(string name, AssignmentFacts facts, string today, TrackingStatus expected, bool late)
    {
        var result = StatusRules.ForAssignment(facts, D(today), StatusOptions.Default);
        result.Status.ShouldBe(expected, name);
        result.Late.ShouldBe(late, name);
    }

    [Theory]
    [InlineData("2025-07-01", 30)]
    [InlineData("2025-06-01", 0)]
    [InlineData("2025-05-31", -1)]
    public void Days_left_counts_calendar_days(string due, int expected) =>
        StatusRules.ForAssignment(Lead(due), Today, StatusOptions.Default).DaysLeft.ShouldBe(expected);

    [Theory]
    [InlineData(7, "2025-06-08", TrackingStatus.DueSoon)]
    [InlineData(7, "2025-06-09", TrackingStatus.NotStarted)]
    [InlineData(0, "2025-06-01", TrackingStatus.DueSoon)]
    [InlineData(0, "2025-06-02", TrackingStatus.NotStarted)]
    public void The_due_soon_window_is_configurable(int days, string due, TrackingStatus expected) =>
        StatusRules.ForAssignment(Lead(due), Today, new StatusOptions(days)).Status.ShouldBe(expected);

    private static AssignmentFacts A(long id, UnitRole role, ApprovedReport? latest, ClosedPeriodReport closed = ClosedPeriodReport.Reported) =>
        new(id, role, null, false, latest, closed);

    public static TheoryData<string, string?, bool, AssignmentFacts[], TrackingStatus, bool> TaskCases => new()
    {
        { "the only lead completed", "2025-12-31", false, [A(1, UnitRole.Lead, Report(ReportedState.Completed))], TrackingStatus.Completed, false },
        { "one of two leads completed", "2025-12-31", false,
            [A(1, UnitRole.Lead, Report(ReportedState.Completed)), A(2, UnitRole.Lead, Report(ReportedState.InProgress))], TrackingStatus.InProgress, false },
        { "all leads completed", "2025-12-31", false,
            [A(1, UnitRole.Lead, Report(ReportedState.Completed)), A(2, UnitRole.Lead, Report(ReportedState.Completed, "2025-05-30"))], TrackingStatus.Completed, false },
        { "the last lead completed after the deadline: late", "2025-05-25", false,
            [A(1, UnitRole.Lead, Report(ReportedState.Completed, "2025-05-01")), A(2, UnitRole.Lead, Report(ReportedState.Completed, "2025-05-30"))], TrackingStatus.Completed, true },
        { "a lead's completion beside an unfinished one does not stop overdue", "2025-05-31", false,
            [A(1, UnitRole.Lead, Report(ReportedState.Completed)), A(2, UnitRole.Lead, null)], TrackingStatus.Overdue, false },
        { "cooperating completion never closes the task", "2025-12-31", false,
            [A(1, UnitRole.Lead, null), A(2, UnitRole.Cooperating, Report(ReportedState.Completed))], TrackingStatus.NotStarted, false },
        { "cooperating progress does not start the task", "2025-12-31", false,
            [A(1, UnitRole.Lead, Report(ReportedState.NotStarted)), A(2, UnitRole.Cooperating, Report(ReportedState.InProgress))], TrackingStatus.NotStarted, false },
        { "an unfinished cooperating part does not hold back a completed lead", "2025-05-31", false,
            [A(1, UnitRole.Lead, Report(ReportedState.Completed)), A(2, UnitRole.Cooperating, null)], TrackingStatus.Completed, false },
        { "no lead at all: never completed", "2025-05-31", false,
            [A(1, UnitRole.Cooperating, Report(ReportedState.Completed))], TrackingStatus.Overdue, false },
        { "ongoing: any lead missing the last period", null, true,
            [A(1, UnitRole.Lead, Report(ReportedState.Ongoing)), A(2, UnitRole.Lead, Report(ReportedState.Ongoing), ClosedPeriodReport.Missing)], TrackingStatus.OngoingMissingReport, false },
        { "ongoing: a cooperating unit missing does not matter", null, true,
            [A(1, UnitRole.Lead, Report(ReportedState.Ongoing)), A(2, UnitRole.Cooperating, null, ClosedPeriodReport.Missing)], TrackingStatus.OngoingOnTrack, false },
        { "ongoing: no period closed yet", null, true,
            [A(1, UnitRole.Lead, null, ClosedPeriodReport.NoClosedPeriod)], TrackingStatus.OngoingOnTrack, false },
    };

    [Theory]
    [MemberData(nameof(TaskCases))]
    public void Task_status(string name, string? due, bool ongoing, AssignmentFacts[] assignments, TrackingStatus expected, bool late)
    {
        var facts = new TaskFacts(7, due is null ? null : D(due), ongoing, assignments);
        var result = StatusRules.ForTask(facts, Today, StatusOptions.Default);
        result.Status.ShouldBe(expected, name);
        result.Late.ShouldBe(late, name);
    }

    [Fact]
    public void A_recurring_task_without_a_deadline_is_ongoing()
    {
        var task = new PlanTask { Key = "k", No = "1", Text = "每年开展", Recurrence = Recurrence.Yearly };
        var facts = TaskFacts.From(task, [A(1, UnitRole.Lead, Report(ReportedState.Ongoing), ClosedPeriodReport.Missing)]);
        facts.Ongoing.ShouldBeTrue();
        StatusRules.ForTask(facts, Today, StatusOptions.Default).Status.ShouldBe(TrackingStatus.OngoingMissingReport);
    }

    [Theory]
    // 2025-05-31T16:00Z is 2025-06-01 00:00 in Beijing: a deadline of 05-31 has just passed there.
    [InlineData("2025-05-31T15:59:59Z", TrackingStatus.DueSoon)]
    [InlineData("2025-05-31T16:00:00Z", TrackingStatus.Overdue)]
    public void Today_is_the_day_in_China_read_from_the_time_provider(string utc, TrackingStatus expected)
    {
        new StatusRules(StatusOptions.Default, FixedTime.At(utc)).ForAssignment(Lead("2025-05-31")).Status.ShouldBe(expected);
    }

    [Fact]
    public void Every_status_has_a_chinese_label() =>
        Enum.GetValues<TrackingStatus>().Select(s => s.Label()).ShouldBe(
            ["未开始", "推进中", "已完成", "即将到期", "逾期", "长期推进·正常", "长期推进·缺报", "待摸底"]);
}
