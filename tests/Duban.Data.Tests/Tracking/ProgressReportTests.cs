using Duban.Data.Audit;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Data.Tests.Support;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;
using static Duban.Data.Tests.Tracking.TrackingWorld;

namespace Duban.Data.Tests.Tracking;

/// <summary>Progress reports on both providers: append-only revisions, optimistic concurrency, one report per assignment and period, review.</summary>
public sealed class ProgressReportTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private readonly TestClock clock = new(April15);

    private async Task<(DatabaseOptions Options, TrackingWorld World)> WorldAsync(DatabaseProvider provider, string name)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        return (options, await CreateAsync(db, name + provider));
    }

    private async Task<ProgressReport> CreateMarchAsync(DatabaseOptions options, TrackingWorld world, string done = "第一稿")
    {
        await using var db = DatabaseFixture.Context(options);
        var outcome = await Reports(db, clock).CreateAsync(world.Bureau, new NewReport(world.LeadAssignmentId, March, Content(done)));
        outcome.Error.ShouldBeNull();
        return outcome.Value!;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Each_save_appends_a_revision_and_every_revision_stays_readable(DatabaseProvider provider)
    {
        var (options, world) = await WorldAsync(provider, "追加");
        var report = await CreateMarchAsync(options, world);
        await using (var db = DatabaseFixture.Context(options))
        {
            var second = await Reports(db, clock).ReviseAsync(world.Bureau, report.Id, report.Version, Content("第二稿", 50));
            second.Error.ShouldBeNull();
            second.Value!.Version.ShouldNotBe(report.Version);
        }

        await using var read = DatabaseFixture.Context(options);
        var stored = await read.ProgressReports.Include(r => r.Revisions).Include(r => r.Period).SingleAsync(r => r.Id == report.Id);
        stored.Revisions.OrderBy(r => r.Number).Select(r => (r.Number, r.Done, r.PercentComplete)).ShouldBe([(1, "第一稿", 30), (2, "第二稿", 50)]);
        stored.LatestRevisionId.ShouldBe(stored.Revisions.Single(r => r.Number == 2).Id);
        stored.RevisionCount.ShouldBe(2);
        stored.Status.ShouldBe(ReportStatus.Draft);
        stored.Period!.Span.ShouldBe(new PeriodSpan(PeriodKind.Monthly, March, new DateOnly(2026, 3, 31)));
        (await read.AuditEntries.CountAsync(a => a.EntityType == TrackingAuditActions.ReportEntity && a.EntityId == report.Id.ToString()))
            .ShouldBe(2);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_reporters_saving_the_same_report_at_once_one_wins_the_other_is_stale_and_nothing_is_lost(DatabaseProvider provider)
    {
        var (options, world) = await WorldAsync(provider, "并发");
        var report = await CreateMarchAsync(options, world);

        // Both read the report before either saves.
        await using var first = DatabaseFixture.Context(options);
        await using var second = DatabaseFixture.Context(options);
        (await first.ProgressReports.SingleAsync(r => r.Id == report.Id)).Version.ShouldBe(report.Version);
        (await second.ProgressReports.SingleAsync(r => r.Id == report.Id)).Version.ShouldBe(report.Version);

        var won = await Reports(first, clock).ReviseAsync(world.Bureau, report.Id, report.Version, Content("甲的修改"));
        var lost = await Reports(second, clock).ReviseAsync(world.Bureau, report.Id, report.Version, Content("乙的修改"));

        won.Error.ShouldBeNull();
        lost.Error.ShouldNotBeNull().Kind.ShouldBe(TrackingErrorKind.Stale);
        await using var read = DatabaseFixture.Context(options);
        var revisions = await read.ReportRevisions.Where(r => r.ReportId == report.Id).OrderBy(r => r.Number).Select(r => r.Done).ToListAsync();
        revisions.ShouldBe(["第一稿", "甲的修改"]);
        (await read.ProgressReports.SingleAsync(r => r.Id == report.Id)).RevisionCount.ShouldBe(2);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task One_report_per_assignment_and_period(DatabaseProvider provider)
    {
        var (options, world) = await WorldAsync(provider, "唯一");
        var report = await CreateMarchAsync(options, world);

        await using var db = DatabaseFixture.Context(options);
        var again = await Reports(db, clock).CreateAsync(world.Bureau, new NewReport(world.LeadAssignmentId, March, Content("重复")));
        again.Error.ShouldNotBeNull().Kind.ShouldBe(TrackingErrorKind.Conflict);
        again.Error.Field.ShouldBe("periodStart");

        // The database itself refuses a second row, whatever the code above checks.
        await using var direct = DatabaseFixture.Context(options);
        direct.ProgressReports.Add(new ProgressReport { AssignmentId = world.LeadAssignmentId, PeriodId = report.PeriodId, CreatedAt = April15 });
        await Should.ThrowAsync<DbUpdateException>(() => direct.SaveChangesAsync());

        // The cooperating school reports on the same task and period: its own assignment, its own report.
        await using var school = DatabaseFixture.Context(options);
        (await Reports(school, clock).CreateAsync(world.School, new NewReport(world.CooperatingAssignmentId, March, Content("配合")))).Error.ShouldBeNull();
        (await school.Periods.CountAsync(p => p.PlanId == world.PlanId)).ShouldBe(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Returned_then_revised_then_resubmitted_then_approved_and_locked(DatabaseProvider provider)
    {
        clock.Now = new DateTimeOffset(2026, 4, 3, 2, 0, 0, TimeSpan.Zero); // within March's window
        var (options, world) = await WorldAsync(provider, "审核");
        var report = await CreateMarchAsync(options, world);
        Guid version;
        await using (var db = DatabaseFixture.Context(options))
        {
            var reports = Reports(db, clock);
            var submitted = (await reports.SubmitAsync(world.Bureau, report.Id, report.Version)).Value.ShouldNotBeNull();
            submitted.Status.ShouldBe(ReportStatus.Submitted);
            (await reports.ReviseAsync(world.Bureau, report.Id, submitted.Version, Content("审核中修改"))).Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
            (await reports.ReviewAsync(world.Admin, report.Id, submitted.Version, new ReviewInput(ReviewDecision.Returned, " "))).Error!.Field.ShouldBe("comment");
            var returned = (await reports.ReviewAsync(world.Admin, report.Id, submitted.Version, new ReviewInput(ReviewDecision.Returned, "请补充佐证材料"))).Value!;
            returned.Status.ShouldBe(ReportStatus.Returned);
            var revised = (await reports.ReviseAsync(world.Bureau, report.Id, returned.Version, Content("补充后", 60))).Value!;
            var resubmitted = (await reports.SubmitAsync(world.Bureau, report.Id, revised.Version)).Value!;
            var approved = (await reports.ReviewAsync(world.Admin, report.Id, resubmitted.Version, new ReviewInput(ReviewDecision.Approved, null))).Value!;
            approved.Status.ShouldBe(ReportStatus.Approved);
            version = approved.Version;
        }

        await using (var db = DatabaseFixture.Context(options))
        {
            var reports = Reports(db, clock);
            (await reports.ReviseAsync(world.Bureau, report.Id, version, Content("通过后修改"))).Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
            (await reports.SubmitAsync(world.Bureau, report.Id, version)).Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
            (await reports.ReviewAsync(world.Admin, report.Id, version, new ReviewInput(ReviewDecision.Returned, "再退回"))).Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
        }

        await using var read = DatabaseFixture.Context(options);
        var stored = await read.ProgressReports.Include(r => r.Revisions).Include(r => r.Reviews).SingleAsync(r => r.Id == report.Id);
        stored.Revisions.Count.ShouldBe(2);
        stored.Reviews.OrderBy(r => r.Id).Select(r => (r.Decision, r.Comment, r.RevisionId))
            .ShouldBe([(ReviewDecision.Returned, "请补充佐证材料", stored.Revisions.Single(r => r.Number == 1).Id), (ReviewDecision.Approved, (string?)null, stored.Revisions.Single(r => r.Number == 2).Id)]);
        stored.Late.ShouldBeFalse();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Only_a_reporter_of_the_assigned_organisation_writes_and_only_an_administrator_reviews(DatabaseProvider provider)
    {
        var (options, world) = await WorldAsync(provider, "权限");
        var report = await CreateMarchAsync(options, world);

        await using var db = DatabaseFixture.Context(options);
        var reports = Reports(db, clock);
        (await reports.CreateAsync(world.Admin, new NewReport(world.LeadAssignmentId, new DateOnly(2026, 2, 1), Content("代填")))).Error!.Kind.ShouldBe(TrackingErrorKind.Forbidden);
        (await reports.CreateAsync(world.School, new NewReport(world.LeadAssignmentId, new DateOnly(2026, 2, 1), Content("冒填")))).Error!.Kind.ShouldBe(TrackingErrorKind.NotFound);
        (await reports.ReviseAsync(world.School, report.Id, report.Version, Content("冒改"))).Error!.Kind.ShouldBe(TrackingErrorKind.NotFound);
        (await reports.ReviseAsync(world.Admin, report.Id, report.Version, Content("代改"))).Error!.Kind.ShouldBe(TrackingErrorKind.Forbidden);
        (await reports.SubmitAsync(world.Bureau, report.Id, report.Version)).Error.ShouldBeNull();
        (await reports.ReviewAsync(world.Bureau, report.Id, null, new ReviewInput(ReviewDecision.Approved, null))).Error!.Kind.ShouldBe(TrackingErrorKind.Forbidden);
        (await db.ReportRevisions.CountAsync(r => r.ReportId == report.Id)).ShouldBe(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_report_for_a_period_not_started_or_not_on_a_period_start_is_refused(DatabaseProvider provider)
    {
        var (options, world) = await WorldAsync(provider, "周期");
        await using var db = DatabaseFixture.Context(options);
        var reports = Reports(db, clock);

        (await reports.CreateAsync(world.Bureau, new NewReport(world.LeadAssignmentId, new DateOnly(2026, 5, 1), Content("未来")))).Error!.Field.ShouldBe("periodStart");
        (await reports.CreateAsync(world.Bureau, new NewReport(world.LeadAssignmentId, new DateOnly(2026, 3, 2), Content("月中")))).Error!.Field.ShouldBe("periodStart");
        (await reports.CreateAsync(world.Bureau, new NewReport(world.LeadAssignmentId, March, Content("x", 101)))).Error!.Field.ShouldBe("percentComplete");
        // Year 0001 has begun, and December 9999 is past any calendar arithmetic: both are outside the plausible dates.
        (await reports.CreateAsync(world.Bureau, new NewReport(world.LeadAssignmentId, DateOnly.MinValue, Content("公元元年")))).Error!.Field.ShouldBe("periodStart");
        (await reports.CreateAsync(world.Bureau, new NewReport(world.LeadAssignmentId, new DateOnly(9999, 12, 1), Content("万年")))).Error!.Field.ShouldBe("periodStart");
        (await db.ProgressReports.CountAsync(r => r.AssignmentId == world.LeadAssignmentId)).ShouldBe(0);
        (await db.Periods.CountAsync(p => p.PlanId == world.PlanId)).ShouldBe(0);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_late_submission_is_flagged_or_refused_as_the_plans_cycle_says(DatabaseProvider provider)
    {
        var (options, world) = await WorldAsync(provider, "逾期");
        // March closes on 5 April; it is 15 April.
        var report = await CreateMarchAsync(options, world);
        await using (var db = DatabaseFixture.Context(options))
        {
            var submitted = await Reports(db, clock).SubmitAsync(world.Bureau, report.Id, report.Version);
            submitted.Value!.Late.ShouldBeTrue();
        }

        var (strictOptions, strict) = await WorldAsync(provider, "拒收");
        await using (var db = DatabaseFixture.Context(strictOptions))
        {
            (await new ReportingPeriods(db, clock, new AuditLog(db, clock)).UpdateCycleAsync(strict.Admin, strict.PlanId, Guid.Empty,
                new CycleInput(PeriodKind.Monthly, 5, LateRule.RefuseAfter, 7))).Error.ShouldBeNull();
        }
        var refused = await CreateMarchAsync(strictOptions, strict);
        await using (var db = DatabaseFixture.Context(strictOptions))
        {
            var outcome = await Reports(db, clock).SubmitAsync(strict.Bureau, refused.Id, refused.Version);
            outcome.Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
            outcome.Error.Message.ShouldContain("2026-04-05");
        }
        await using var read = DatabaseFixture.Context(strictOptions);
        (await read.ProgressReports.SingleAsync(r => r.Id == refused.Id)).Status.ShouldBe(ReportStatus.Draft);
    }
}
