using Duban.Core.Security;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Status;
using Duban.Data.Tests.Support;
using Duban.Data.Tracking;
using Duban.Data.Tracking.Status;
using Microsoft.EntityFrameworkCore;
using static Duban.Data.Tests.Tracking.Status.StatusWorld;

namespace Duban.Data.Tests.Tracking.Status;

/// <summary>
/// Each revision records when it was submitted, and the "completed late" judgement reads the approved revision's own
/// submission, not an estimate from the report's first submission and the revision's writing.
/// </summary>
public sealed class RevisionSubmissionTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static DateTimeOffset Beijing(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory, OnSqlite, OnPostgres]
    public async Task A_completion_written_before_the_deadline_but_resubmitted_after_it_is_late(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        long assignment, reportId, taskId;
        var clock = new TestClock(Beijing(3, 25));
        await using (var db = DatabaseFixture.Context(options))
        {
            var world = await CreateAsync(db, "补交" + provider);
            var task = await world.TaskAsync("实训基地", new DateOnly(2026, 3, 31));
            (assignment, taskId) = (Lead(task), task.Id);
            var reporter = new TrackingActor(1001, "填报员", Role.Reporter, world.BureauId);
            var admin = new TrackingActor(1, "管理员", Role.Admin, null);
            var reports = Tracking.TrackingWorld.Reports(db, clock);
            var completed = new ReportContent(ProgressState.Completed, 100, "基地建成", "", "", null);

            // 25 March: completed, submitted; 26 March: returned; 28 March: revised; 3 April: resubmitted; 5 April: approved.
            var report = (await reports.CreateAsync(reporter, new NewReport(assignment, March, completed))).Value!;
            reportId = report.Id;
            report = (await reports.SubmitAsync(reporter, report.Id, report.Version)).Value!;
            clock.Now = Beijing(3, 26);
            report = (await reports.ReviewAsync(admin, report.Id, report.Version, new ReviewInput(ReviewDecision.Returned, "请补充验收材料"))).Value!;
            clock.Now = Beijing(3, 28);
            report = (await reports.ReviseAsync(reporter, report.Id, report.Version, completed with { Done = "基地建成，附验收报告" })).Value!;
            clock.Now = Beijing(4, 3);
            report = (await reports.SubmitAsync(reporter, report.Id, report.Version)).Value!;
            clock.Now = Beijing(4, 5);
            (await reports.ReviewAsync(admin, report.Id, report.Version, new ReviewInput(ReviewDecision.Approved, null))).Error.ShouldBeNull();
        }

        await using var read = DatabaseFixture.Context(options);
        var revisions = await read.ReportRevisions.AsNoTracking().Where(r => r.ReportId == reportId).OrderBy(r => r.Number).Select(r => r.SubmittedAt).ToListAsync();
        revisions.ShouldBe([Beijing(3, 25), Beijing(4, 3)]);
        (await read.ProgressReports.AsNoTracking().SingleAsync(r => r.Id == reportId)).SubmittedAt.ShouldBe(Beijing(3, 25));

        // Before, the estimate (the later of the first submission and the revision's writing, 28 March) made it on time.
        var set = await new TrackingStatuses(read, new TestClock(Beijing(4, 15))).TasksAsync(read.Tasks.Where(t => t.Id == taskId));
        var row = set.Tasks.Single();
        row.Result.Status.ShouldBe(TrackingStatus.Completed);
        row.Result.Late.ShouldBeTrue();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_revision_resubmitted_unchanged_keeps_its_first_submission_time(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        long reportId;
        var clock = new TestClock(Beijing(3, 25));
        await using (var db = DatabaseFixture.Context(options))
        {
            var world = await CreateAsync(db, "原样" + provider);
            var task = await world.TaskAsync("原样重交", new DateOnly(2026, 12, 31));
            var reporter = new TrackingActor(1001, "填报员", Role.Reporter, world.BureauId);
            var reports = Tracking.TrackingWorld.Reports(db, clock);
            var report = (await reports.CreateAsync(reporter, new NewReport(Lead(task), March, Tracking.TrackingWorld.Content("推进中")))).Value!;
            reportId = report.Id;
            report = (await reports.SubmitAsync(reporter, report.Id, report.Version)).Value!;
            clock.Now = Beijing(3, 26);
            report = (await reports.ReviewAsync(new TrackingActor(1, "管理员", Role.Admin, null), report.Id, report.Version, new ReviewInput(ReviewDecision.Returned, "请核实"))).Value!;
            clock.Now = Beijing(4, 2);
            (await reports.SubmitAsync(reporter, report.Id, report.Version)).Error.ShouldBeNull();
        }

        await using var read = DatabaseFixture.Context(options);
        (await read.ReportRevisions.AsNoTracking().SingleAsync(r => r.ReportId == reportId)).SubmittedAt.ShouldBe(Beijing(3, 25));
    }
}
