using Duban.Core.Audit;
using Duban.Core.Plans;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Status;
using Duban.Data.Tests.Support;
using Duban.Data.TaskEditing;
using Duban.Data.Tracking;
using Duban.Data.Tracking.Status;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;
using static Duban.Data.Tests.Tracking.TrackingWorld;

namespace Duban.Data.Tests.Tracking.Status;

/// <summary>
/// The statuses stored on the tasks (<see cref="StoredTaskStatuses"/>) against statuses computed afresh
/// (<see cref="TrackingStatuses"/>) after each kind of write, on both providers, as <see cref="PlanStatusCacheTests"/>
/// does for the kept ones: what the status-filtered task list reads must be the rules' verdict on the data as it is.
/// </summary>
public sealed class StoredTaskStatusesTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private readonly TestClock clock = new(April15);

    [Theory, OnSqlite, OnPostgres]
    public async Task Stored_statuses_follow_reports_reviews_edits_versions_and_the_day(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var world = await CreateAsync(db, "存储" + provider);
        var other = await CreateAsync(db, "存储旁" + provider);
        var stored = new StoredTaskStatuses(new PlanStatusCache(clock), clock);

        // Before the first computation nothing is stored: no status filter matches a task.
        (await StoredAsync(db, world.TaskId)).ShouldBe((null, false));
        (await SameAsync(db, stored, world, other)).ShouldBe(TrackingStatus.NotStarted);

        // A report submitted, then returned: still not started; submitted again and approved: completed.
        var created = await Reports(db, clock).CreateAsync(world.Bureau, new NewReport(world.LeadAssignmentId, March,
            new ReportContent(ProgressState.Completed, 100, "已建成", "无", "无", null)));
        created.Error.ShouldBeNull();
        (await Reports(db, clock).SubmitAsync(world.Bureau, created.Value!.Id, null)).Error.ShouldBeNull();
        await SameAsync(db, stored, world, other);
        var report = await db.ProgressReports.AsNoTracking().SingleAsync(r => r.Id == created.Value.Id);
        (await Reports(db, clock).ReviewAsync(world.Admin, report.Id, report.Version, new ReviewInput(ReviewDecision.Returned, "请补充佐证"))).Error.ShouldBeNull();
        (await SameAsync(db, stored, world, other)).ShouldBe(TrackingStatus.NotStarted);
        report = await db.ProgressReports.AsNoTracking().SingleAsync(r => r.Id == created.Value.Id);
        (await Reports(db, clock).SubmitAsync(world.Bureau, report.Id, report.Version)).Error.ShouldBeNull();
        report = await db.ProgressReports.AsNoTracking().SingleAsync(r => r.Id == created.Value.Id);
        (await Reports(db, clock).ReviewAsync(world.Admin, report.Id, report.Version, new ReviewInput(ReviewDecision.Approved, null))).Error.ShouldBeNull();
        (await SameAsync(db, stored, world, other)).ShouldBe(TrackingStatus.Completed);

        // A task edited (its deadline moved into the past, audited as the task editing does): unfinished, it is overdue.
        var edited = await db.Tasks.SingleAsync(t => t.Id == other.TaskId);
        edited.Due = new DateOnly(2026, 3, 31);
        new Duban.Data.Audit.AuditLog(db, clock).Add(Duban.Data.Audit.Actor.System, TaskEditingAuditActions.Edit, Duban.Data.Audit.AuditEntities.Task, edited.Id, null, new { edited.Due });
        await db.SaveChangesAsync();
        await SameAsync(db, stored, world, other);
        (await StoredAsync(db, other.TaskId)).Status.ShouldBe((int)TrackingStatus.Overdue);

        // A new version of the plan: the old task removed, a new one due within the month (即将到期), recorded by an import
        // entry the marks cannot place (every plan computed again).
        var plan = await db.Plans.Include(p => p.Versions).SingleAsync(p => p.Id == world.PlanId);
        var task = new PlanTask
        {
            PlanId = plan.Id, Key = "清单/2", No = "2", Text = "建设产教融合平台", Due = new DateOnly(2026, 5, 1),
            Assignments = [new() { OrganizationId = world.Bureau.OrganizationId!.Value, Role = UnitRole.Lead, Primary = true, UnitName = "市教育局" }],
        };
        var version = FirstVersion(task);
        version.Number = 2;
        plan.Versions.Add(version);
        await db.SaveChangesAsync();
        plan.CurrentVersionId = version.Id;
        await db.Tasks.Where(t => t.Id == world.TaskId).ExecuteUpdateAsync(s => s.SetProperty(t => t.RemovedInVersionId, version.Id));
        db.AuditEntries.Add(new AuditEntry { At = April15, Actor = "admin", Action = "plan.import", EntityType = "Plan", EntityId = plan.Id.ToString() });
        await db.SaveChangesAsync();
        await stored.EnsureAsync(db, default);
        await SameForAsync(db, [task.Id, other.TaskId]);
        (await StoredAsync(db, task.Id)).Status.ShouldBe((int)TrackingStatus.DueSoon);

        // The next Beijing day, with no write: past its deadline the new task is overdue.
        clock.Now = new DateTimeOffset(2026, 5, 1, 16, 30, 0, TimeSpan.Zero);
        await stored.EnsureAsync(db, default);
        await SameForAsync(db, [task.Id, other.TaskId]);
        (await StoredAsync(db, task.Id)).Status.ShouldBe((int)TrackingStatus.Overdue);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_second_process_finds_the_statuses_current_and_a_write_recomputes_its_plan_only(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var world = await CreateAsync(db, "二进程" + provider);
        var other = await CreateAsync(db, "二进程旁" + provider);
        var first = new StoredTaskStatuses(new PlanStatusCache(clock), clock);
        await SameAsync(db, first, world, other);

        // Past the application, the other plan's stored status is spoiled: a write to the first plan recomputes that plan
        // alone, so the spoiled value stays (the stored statuses follow the marks, as the kept ones do).
        await db.Tasks.Where(t => t.Id == other.TaskId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => EF.Property<int?>(t, StoredTaskStatuses.Status), (int)TrackingStatus.Completed));
        (await Reports(db, clock).CreateAsync(world.Bureau, new NewReport(world.LeadAssignmentId, March, Content("开工")))).Error.ShouldBeNull();
        await first.EnsureAsync(db, default);
        (await StoredAsync(db, other.TaskId)).Status.ShouldBe((int)TrackingStatus.Completed);

        // A new process (a restart, a deployment with other rules) computes every plan once: the value is right again.
        var second = new StoredTaskStatuses(new PlanStatusCache(clock), clock);
        await second.EnsureAsync(db, default);
        await SameForAsync(db, [world.TaskId, other.TaskId]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_partly_completed_task_is_stored_as_such(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var world = await CreateAsync(db, "部分" + provider);
        var other = await CreateAsync(db, "部分旁" + provider);
        // The school becomes a second lead; the bureau's approved completion completes one of two.
        await db.Assignments.Where(a => a.Id == world.CooperatingAssignmentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Role, UnitRole.Lead));
        var created = await Reports(db, clock).CreateAsync(world.Bureau, new NewReport(world.LeadAssignmentId, March,
            new ReportContent(ProgressState.Completed, 100, "已建成", "无", "无", null)));
        created.Error.ShouldBeNull();
        (await Reports(db, clock).SubmitAsync(world.Bureau, created.Value!.Id, null)).Error.ShouldBeNull();
        var report = await db.ProgressReports.AsNoTracking().SingleAsync(r => r.Id == created.Value.Id);
        (await Reports(db, clock).ReviewAsync(world.Admin, report.Id, report.Version, new ReviewInput(ReviewDecision.Approved, null))).Error.ShouldBeNull();

        var stored = new StoredTaskStatuses(new PlanStatusCache(clock), clock);
        (await SameAsync(db, stored, world, other)).ShouldNotBe(TrackingStatus.Completed);
        (await StoredAsync(db, world.TaskId)).Partly.ShouldBeTrue();
        (await StoredAsync(db, other.TaskId)).Partly.ShouldBeFalse();
    }

    /// <summary>Brings the stored statuses up to date and compares both worlds' with fresh ones; returns the first world's.</summary>
    private async Task<TrackingStatus> SameAsync(DubanDbContext db, StoredTaskStatuses stored, TrackingWorld world, TrackingWorld other)
    {
        await stored.EnsureAsync(db, default);
        await SameForAsync(db, [world.TaskId, other.TaskId]);
        return (TrackingStatus)(await StoredAsync(db, world.TaskId)).Status!.Value;
    }

    private async Task SameForAsync(DubanDbContext db, long[] tasks)
    {
        var fresh = await new TrackingStatuses(db, clock).TasksAsync(db.Tasks.Where(t => tasks.Contains(t.Id)));
        foreach (var row in fresh.Tasks)
            (await StoredAsync(db, row.TaskId)).ShouldBe(((int?)row.Result.Status, row.PartlyCompleted()), $"task {row.TaskId}");
    }

    private static async Task<(int? Status, bool Partly)> StoredAsync(DubanDbContext db, long taskId)
    {
        var row = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId)
            .Select(t => new { Status = EF.Property<int?>(t, StoredTaskStatuses.Status), Partly = EF.Property<bool>(t, StoredTaskStatuses.PartlyCompleted) }).SingleAsync();
        return (row.Status, row.Partly);
    }
}
