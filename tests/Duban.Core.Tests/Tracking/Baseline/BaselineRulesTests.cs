using System.Globalization;
using Duban.Core.Tracking.Baseline;
using Duban.Core.Tracking.Escalation;
using Duban.Core.Tracking.Status;
using Duban.Parsing.Model;

namespace Duban.Core.Tests.Tracking.Baseline;

/// <summary>The tracking baseline (待摸底) through the status and escalation rules: table tests.</summary>
public sealed class BaselineRulesTests
{
    private static readonly DateOnly TrackingStart = D("2026-12-01");
    private static readonly DateOnly Today = D("2026-12-06");

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static BaselineStatement? Stated(BaselineState? state, string? newDate = null) =>
        state is { } s ? new(s, newDate is null ? null : D(newDate), D("2026-12-03")) : null;

    public static TheoryData<string, string?, BaselineState?, string?, bool, bool, string?> StandingCases => new()
    {
        // name, due, stated, new date → awaiting, completed, due held to
        { "deadline after tracking start: untouched", "2027-06-30", null, null, false, false, "2027-06-30" },
        { "deadline on the tracking start day: untouched", "2026-12-01", null, null, false, false, "2026-12-01" },
        { "no deadline: untouched", null, null, null, false, false, null },
        { "deadline before tracking start, nothing stated: 待摸底", "2022-12-31", null, null, true, false, "2022-12-31" },
        { "stated 已完成", "2022-12-31", BaselineState.Completed, null, false, true, "2022-12-31" },
        { "stated 推进中 with a new date: the new date holds", "2022-12-31", BaselineState.InProgress, "2027-03-31", false, false, "2027-03-31" },
        { "stated 推进中 with a past new date: still the new date", "2022-12-31", BaselineState.InProgress, "2026-06-30", false, false, "2026-06-30" },
        { "a new date before the deadline moves nothing", "2022-12-31", BaselineState.InProgress, "2022-06-30", false, false, "2022-12-31" },
        { "stated 未开展: the original deadline", "2022-12-31", BaselineState.NotStarted, null, false, false, "2022-12-31" },
    };

    [Theory, MemberData(nameof(StandingCases))]
    public void Standing(string name, string? due, BaselineState? state, string? newDate, bool awaiting, bool completed, string? heldTo)
    {
        var standing = BaselineRules.Standing(due is null ? null : D(due), TrackingStart, Stated(state, newDate));
        Assert.True(standing == new BaselineStanding(awaiting, completed, heldTo is null ? null : D(heldTo)), $"{name}: {standing}");
    }

    [Fact]
    public void A_plan_without_tracking_start_needs_no_baseline() =>
        Assert.Equal(BaselineStanding.Untouched(D("2020-01-01")), BaselineRules.Standing(D("2020-01-01"), null, null));

    public static TheoryData<string, string, BaselineState?, string?, TrackingStatus> StatusCases => new()
    {
        // name, due, stated, new date → the assignment's status today (2026-12-06)
        { "old deadline, nothing stated", "2022-12-31", null, null, TrackingStatus.AwaitingBaseline },
        { "old deadline, 已完成", "2022-12-31", BaselineState.Completed, null, TrackingStatus.Completed },
        { "old deadline, 推进中 until next year", "2022-12-31", BaselineState.InProgress, "2027-06-30", TrackingStatus.NotStarted },
        { "old deadline, 推进中 until the 20th: due soon", "2022-12-31", BaselineState.InProgress, "2026-12-20", TrackingStatus.DueSoon },
        { "old deadline, 推进中 with a past new date: overdue", "2022-12-31", BaselineState.InProgress, "2026-06-30", TrackingStatus.Overdue },
        { "old deadline, 未开展: overdue", "2022-12-31", BaselineState.NotStarted, null, TrackingStatus.Overdue },
        { "deadline passed after tracking start: overdue, no baseline", "2026-12-03", null, null, TrackingStatus.Overdue },
    };

    [Theory, MemberData(nameof(StatusCases))]
    public void Assignment_status(string name, string due, BaselineState? state, string? newDate, TrackingStatus expected)
    {
        var facts = new AssignmentFacts(1, UnitRole.Lead, D(due), false, null, ClosedPeriodReport.NoClosedPeriod,
            BaselineRules.Standing(D(due), TrackingStart, Stated(state, newDate)));
        var result = StatusRules.ForAssignment(facts, Today, StatusOptions.Default);
        Assert.True(expected == result.Status, $"{name}: {result.Status}");
        Assert.False(result.Late);
    }

    [Fact]
    public void An_approved_completion_beats_waiting_for_the_baseline()
    {
        var facts = new AssignmentFacts(1, UnitRole.Lead, D("2022-12-31"), false, new ApprovedReport(ReportedState.Completed, 100, D("2026-12-04")),
            ClosedPeriodReport.NoClosedPeriod, BaselineRules.Standing(D("2022-12-31"), TrackingStart, null));
        Assert.Equal(TrackingStatus.Completed, StatusRules.ForAssignment(facts, Today, StatusOptions.Default).Status);
    }

    [Fact]
    public void A_task_nobody_leads_waits_for_its_baseline_when_its_deadline_passed_before_tracking_started()
    {
        var old = new TaskFacts(1, D("2022-12-31"), false, [], TrackingStart);
        var future = new TaskFacts(2, D("2027-12-31"), false, [], TrackingStart);

        Assert.Equal(TrackingStatus.AwaitingBaseline, StatusRules.ForTask(old, Today, StatusOptions.Default).Status);
        Assert.NotEqual(TrackingStatus.AwaitingBaseline, StatusRules.ForTask(future, Today, StatusOptions.Default).Status);
        Assert.Equal(TrackingStatus.Overdue, StatusRules.ForTask(old with { TrackingStart = null }, Today, StatusOptions.Default).Status);
    }

    [Fact]
    public void A_task_waits_while_any_lead_awaits_its_baseline_and_is_held_to_the_latest_new_date()
    {
        var due = D("2022-12-31");
        AssignmentFacts Lead(long id, BaselineStatement? stated) =>
            new(id, UnitRole.Lead, due, false, null, ClosedPeriodReport.NoClosedPeriod, BaselineRules.Standing(due, TrackingStart, stated));
        var cooperating = new AssignmentFacts(9, UnitRole.Cooperating, due, false, null, ClosedPeriodReport.NoClosedPeriod, BaselineRules.Standing(due, TrackingStart, null));

        var waiting = new TaskFacts(1, due, false, [Lead(1, Stated(BaselineState.Completed)), Lead(2, null), cooperating]);
        Assert.Equal(TrackingStatus.AwaitingBaseline, StatusRules.ForTask(waiting, Today, StatusOptions.Default).Status);

        var moved = new TaskFacts(1, due, false, [Lead(1, Stated(BaselineState.Completed)), Lead(2, Stated(BaselineState.InProgress, "2027-06-30")), cooperating]);
        var result = StatusRules.ForTask(moved, Today, StatusOptions.Default);
        Assert.Equal(TrackingStatus.NotStarted, result.Status);
        Assert.Equal(D("2027-06-30").DayNumber - Today.DayNumber, result.DaysLeft);

        var done = new TaskFacts(1, due, false, [Lead(1, Stated(BaselineState.Completed)), Lead(2, Stated(BaselineState.Completed)), cooperating]);
        var completed = StatusRules.ForTask(done, Today, StatusOptions.Default);
        Assert.Equal(TrackingStatus.Completed, completed.Status);
        Assert.False(completed.Late);
    }

    public static TheoryData<string, string, BaselineState?, string?, string[]> EscalationCases => new()
    {
        // name, due, stated, new date → keys due today (2026-12-06)
        { "待摸底: nothing, not even a chase", "2022-12-31", null, null, [] },
        { "已完成: nothing", "2022-12-31", BaselineState.Completed, null, [] },
        { "未开展: the overdue order of the original deadline", "2022-12-31", BaselineState.NotStarted, null, ["order:overdue:7:20221231"] },
        { "推进中 with a past new date: an order keyed by the new date", "2022-12-31", BaselineState.InProgress, "2026-11-30", ["order:overdue:7:20261130"] },
        { "推进中 with a new date in 5 days: a reminder", "2022-12-31", BaselineState.InProgress, "2026-12-11", ["reminder:deadline:7:20261211"] },
        { "推进中 with a far new date: nothing", "2022-12-31", BaselineState.InProgress, "2027-06-30", [] },
        { "deadline after tracking start: the normal order", "2026-12-03", null, null, ["order:overdue:7:20261203"] },
    };

    [Theory, MemberData(nameof(EscalationCases))]
    public void Escalation(string name, string due, BaselineState? state, string? newDate, string[] keys)
    {
        var missed = new ReportingWindow(D("2026-11-01"), D("2026-11-30"), D("2026-12-05"), false);
        var facts = new EscalationFacts(7, D(due), false, null, missed, 1, D("2026-11-01"), 1, [], new HashSet<string>())
            .With(BaselineRules.Standing(D(due), TrackingStart, Stated(state, newDate)));
        var actual = EscalationRules.Decide(facts, Today, EscalationOptions.Default).Where(a => a.Kind != EscalationKind.Chase).Select(a => a.Key).ToArray();
        Assert.True(keys.SequenceEqual(actual), $"{name}: [{string.Join(", ", actual)}]");
        if (state is null && BaselineRules.NeedsBaseline(D(due), TrackingStart))
            Assert.Empty(EscalationRules.Decide(facts, Today, EscalationOptions.Default));
    }
}
