using Microsoft.EntityFrameworkCore;
using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Status;
using Duban.Data.Tests.Support;
using Duban.Data.Tracking.Status;
using Comparator = Duban.Parsing.Model.Comparator;
using static Duban.Data.Tests.Tracking.Status.StatusWorld;

namespace Duban.Data.Tests.Tracking.Status;

/// <summary>Statuses read from stored reports and values on both providers: every task status and target status is reachable.</summary>
public sealed class TrackingStatusesTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    /// <summary>15 April 2026, 10:00 in Beijing.</summary>
    private readonly TestClock clock = new(new DateTimeOffset(2026, 4, 15, 2, 0, 0, TimeSpan.Zero));

    private static readonly DateOnly Far = new(2026, 12, 31);

    private static DateTimeOffset Beijing(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory, OnSqlite, OnPostgres]
    public async Task Each_task_status_comes_from_the_stored_reports(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var world = await CreateAsync(db, "状态" + provider);

        // task → what is stored → expected (status, late)
        var notStarted = await world.TaskAsync("未开始", Far);
        await world.ReportAsync(Lead(notStarted), March, ReportStatus.Approved, ProgressState.NotStarted, 0);

        var inProgress = await world.TaskAsync("推进中", Far);
        await world.ReportAsync(Lead(inProgress), March, ReportStatus.Approved, ProgressState.InProgress, 30);

        var completed = await world.TaskAsync("已完成", Far);
        await world.ReportAsync(Lead(completed), February, ReportStatus.Approved, ProgressState.InProgress, 50);
        await world.ReportAsync(Lead(completed), March, ReportStatus.Approved, ProgressState.Completed, 100);

        var completedLate = await world.TaskAsync("逾期完成", new DateOnly(2026, 2, 28));
        await world.ReportAsync(Lead(completedLate), February, ReportStatus.Approved, ProgressState.Completed, 100, Beijing(3, 3));

        // Not approved yet: the approved February report decides.
        var awaiting = await world.TaskAsync("待审", Far);
        await world.ReportAsync(Lead(awaiting), February, ReportStatus.Approved, ProgressState.InProgress, 40);
        await world.ReportAsync(Lead(awaiting), March, ReportStatus.Submitted, ProgressState.Completed, 100);

        // A cooperating organisation's 已完成 does not complete (nor start) the task.
        var cooperatingDone = await world.TaskAsync("配合完成", Far);
        await world.ReportAsync(Cooperating(cooperatingDone), March, ReportStatus.Approved, ProgressState.Completed, 100);

        var dueSoon = await world.TaskAsync("即将到期", new DateOnly(2026, 5, 15));
        var dueToday = await world.TaskAsync("今日到期", new DateOnly(2026, 4, 15));
        var overdue = await world.TaskAsync("逾期", new DateOnly(2026, 4, 14));

        var ongoingReported = await world.TaskAsync("长期正常", null, ongoing: true);
        await world.ReportAsync(Lead(ongoingReported), March, ReportStatus.Returned, ProgressState.Ongoing);

        var ongoingMissing = await world.TaskAsync("长期缺报", null, ongoing: true);
        await world.ReportAsync(Lead(ongoingMissing), February, ReportStatus.Approved, ProgressState.Ongoing);
        // A draft is not a report.
        await world.ReportAsync(Lead(ongoingMissing), March, ReportStatus.Draft, ProgressState.Ongoing);

        // A deadline before the plan's tracking start, and no baseline report: 待摸底.
        var awaitingBaseline = await world.TaskAsync("待摸底", new DateOnly(2026, 1, 31));
        await db.Plans.Where(p => p.Id == world.PlanId).ExecuteUpdateAsync(u => u.SetProperty(p => p.TrackingStart, new DateOnly(2026, 2, 1)));

        var set = await new TrackingStatuses(db, clock).TasksAsync(db.Tasks.Where(t => t.PlanId == world.PlanId));

        var byId = set.Tasks.ToDictionary(t => t.TaskId, t => (t.Result.Status, t.Result.Late));
        byId[notStarted.Id].ShouldBe((TrackingStatus.NotStarted, false));
        byId[inProgress.Id].ShouldBe((TrackingStatus.InProgress, false));
        byId[completed.Id].ShouldBe((TrackingStatus.Completed, false));
        byId[completedLate.Id].ShouldBe((TrackingStatus.Completed, true));
        byId[awaiting.Id].ShouldBe((TrackingStatus.InProgress, false));
        byId[cooperatingDone.Id].ShouldBe((TrackingStatus.NotStarted, false));
        byId[dueSoon.Id].ShouldBe((TrackingStatus.DueSoon, false));
        byId[dueToday.Id].ShouldBe((TrackingStatus.DueSoon, false));
        byId[overdue.Id].ShouldBe((TrackingStatus.Overdue, false));
        byId[ongoingReported.Id].ShouldBe((TrackingStatus.OngoingOnTrack, false));
        byId[ongoingMissing.Id].ShouldBe((TrackingStatus.OngoingMissingReport, false));
        byId[awaitingBaseline.Id].ShouldBe((TrackingStatus.AwaitingBaseline, false));
        set.Tasks.Select(t => t.Result.Status).Distinct().Count().ShouldBe(Enum.GetValues<TrackingStatus>().Length);

        // The cooperating organisation's own status is 已完成.
        set.Tasks.Single(t => t.TaskId == cooperatingDone.Id).Assignments.Single(a => a.OrganizationId == world.SchoolId)
            .Result.Status.ShouldBe(TrackingStatus.Completed);
        set.Tasks.Single(t => t.TaskId == ongoingMissing.Id).Assignments.Single(a => a.OrganizationId == world.BureauId)
            .LastClosedReport.ShouldBe(ClosedPeriodReport.Missing);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Timeliness_counts_each_closed_period_since_the_import_for_each_lead(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var world = await CreateAsync(db, "及时" + provider);
        var task = await world.TaskAsync("长期", null, ongoing: true);
        await world.ReportAsync(Lead(task), January, ReportStatus.Approved, ProgressState.Ongoing, submittedAt: Beijing(2, 3));
        await world.ReportAsync(Lead(task), February, ReportStatus.Submitted, ProgressState.Ongoing, submittedAt: Beijing(3, 20), late: true);
        // The cooperating organisation's reports are not counted: timeliness is of the leads.
        await world.ReportAsync(Cooperating(task), March, ReportStatus.Submitted, ProgressState.Ongoing);

        var set = await new TrackingStatuses(db, clock).TasksAsync(db.Tasks.Where(t => t.PlanId == world.PlanId));

        set.ClosedPeriods[world.PlanId].Select(p => p.Start).ShouldBe([January, February, March]);
        set.PeriodReports.Select(r => (r.OrganizationId, r.Period.Start, r.Timeliness)).ShouldBe(
        [
            (world.BureauId, January, PeriodTimeliness.OnTime),
            (world.BureauId, February, PeriodTimeliness.Late),
            (world.BureauId, March, PeriodTimeliness.Missing),
        ]);
    }

    [Fact]
    public void Closed_periods_start_with_the_import_and_end_before_the_open_window()
    {
        var quarterly = new ReportingCycle { Kind = PeriodKind.Quarterly, WindowDays = 10 };
        // 10 April: the first quarter's window (to 10 April) is still open.
        TrackingStatuses.ClosedPeriods(quarterly, new DateOnly(2025, 8, 1), new DateOnly(2026, 4, 10)).Select(p => p.Label)
            .ShouldBe(["2025年第3季度", "2025年第4季度"]);
        TrackingStatuses.ClosedPeriods(quarterly, new DateOnly(2025, 8, 1), new DateOnly(2026, 4, 11)).Select(p => p.Label)
            .ShouldBe(["2025年第3季度", "2025年第4季度", "2026年第1季度"]);
        // Imported this month: nothing has closed since.
        TrackingStatuses.ClosedPeriods(new ReportingCycle(), new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 15)).ShouldBeEmpty();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Each_target_status_comes_from_the_stored_values_per_organisation(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var world = await CreateAsync(db, "指标" + provider);
        var task = await world.TaskAsync("实训基地", Far);

        var noData = await world.TargetAsync("无数据", Comparator.AtLeast, 3, "个", 2026, task.Id);
        var achieved = await world.TargetAsync("已达成", Comparator.AtLeast, 3, "个", 2026, task.Id);
        await world.ValueAsync(achieved.Id, world.BureauId, March, 4);
        // Rising 1 a month from 20 in January: 31 by December, short of 50.
        var lagging = await world.TargetAsync("滞后", Comparator.AtLeast, 50, "%", 2026);
        await world.ValueAsync(lagging.Id, world.BureauId, January, 20);
        await world.ValueAsync(lagging.Id, world.BureauId, February, 21);
        // Rising 5 a month from 20: 75 by December.
        await world.ValueAsync(lagging.Id, world.SchoolId, January, 20);
        await world.ValueAsync(lagging.Id, world.SchoolId, February, 25);
        var ratio = await world.TargetAsync("职普比", Comparator.AtLeast, 4, "ratio", 2026);
        await world.ValueAsync(ratio.Id, world.BureauId, March, 4.2m);
        // No year of its own: due with its task, which was due on 31 March; one of three by then is 滞后.
        var dueTask = await world.TaskAsync("建成实训基地", new DateOnly(2026, 3, 31));
        var withTask = await world.TargetAsync("随任务时限", Comparator.AtLeast, 3, "个", null, dueTask.Id);
        await world.ValueAsync(withTask.Id, world.BureauId, March, 1);

        var targets = await new TrackingStatuses(db, clock).TargetsAsync(db.Targets.Where(t => t.PlanId == world.PlanId));

        targets.Select(t => (t.TargetId, t.OrganizationId, t.Assessment.Status)).OrderBy(t => t.TargetId).ThenBy(t => t.OrganizationId).ShouldBe(
        new[]
        {
            (noData.Id, (long?)null, TargetStatus.NoData),
            (achieved.Id, world.BureauId, TargetStatus.Achieved),
            (lagging.Id, world.BureauId, TargetStatus.Lagging),
            (lagging.Id, world.SchoolId, TargetStatus.OnTrack),
            (ratio.Id, world.BureauId, TargetStatus.Achieved),
            (withTask.Id, world.BureauId, TargetStatus.Lagging),
        }.Select(t => (t.Item1, t.Item2, t.Item3)).OrderBy(t => t.Item1).ThenBy(t => t.Item2));
        targets.Single(t => t.TargetId == achieved.Id).LatestValue!.Value.ShouldBe(4m);
        targets.Single(t => t.TargetId == achieved.Id).LatestValue!.Period.Start.ShouldBe(March);
    }
}
