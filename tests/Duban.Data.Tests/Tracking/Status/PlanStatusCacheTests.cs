using System.Text.Json;
using Duban.Core.Audit;
using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Status;
using Duban.Data.Tests.Support;
using Duban.Data.Tracking;
using Duban.Data.Tracking.Status;
using Microsoft.EntityFrameworkCore;
using static Duban.Data.Tests.Tracking.TrackingWorld;

namespace Duban.Data.Tests.Tracking.Status;

/// <summary>
/// Kept statuses (<see cref="PlanStatusCache"/>) against statuses computed afresh (<see cref="TrackingStatuses"/>) after
/// each kind of write, on both providers: they must never differ, and a plan nobody wrote to is not computed again.
/// </summary>
public sealed class PlanStatusCacheTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private readonly TestClock clock = new(April15);

    [Theory, OnSqlite, OnPostgres]
    public async Task Kept_statuses_follow_every_write_through_the_services(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var world = await CreateAsync(db, "保持" + provider);
        var other = await CreateAsync(db, "旁观" + provider);
        var kept = new PlanStatusCache(clock);

        (await SameAsync(db, kept, world, other)).ShouldBe(TrackingStatus.NotStarted);

        // A new report (a new row), then its submission and review (the same row changed, seen through the audit).
        var created = await Reports(db, clock).CreateAsync(world.Bureau, new NewReport(world.LeadAssignmentId, March,
            new ReportContent(ProgressState.Completed, 100, "已建成", "无", "无", null)));
        created.Error.ShouldBeNull();
        await SameAsync(db, kept, world, other);
        (await Reports(db, clock).SubmitAsync(world.Bureau, created.Value!.Id, null)).Error.ShouldBeNull();
        await SameAsync(db, kept, world, other);
        (await Reports(db, clock).ReviewAsync(world.Admin, created.Value.Id, null, new ReviewInput(ReviewDecision.Approved, null))).Error.ShouldBeNull();
        (await SameAsync(db, kept, world, other)).ShouldBe(TrackingStatus.Completed);

        // A value for the task's target, then a revision of it.
        var value = await Values(db, clock).CreateAsync(world.Bureau, new NewObservation(world.TaskTargetId, March, new ObservationContent(1m, null, null)));
        value.Error.ShouldBeNull();
        await SameAsync(db, kept, world, other);
        (await Values(db, clock).ReviseAsync(world.Bureau, value.Value!.Id, null, new ObservationContent(3m, "更正", null))).Error.ShouldBeNull();
        (await SameTargetsAsync(db, kept, world, other)).ShouldContain(TargetStatus.Achieved);

        // The next day the rules read another date: past the task's deadline, an unfinished task is overdue.
        var started = await Reports(db, clock).CreateAsync(other.Bureau, new NewReport(other.LeadAssignmentId, March, Content("进行中")));
        started.Error.ShouldBeNull();
        clock.Now = new DateTimeOffset(2027, 1, 2, 2, 0, 0, TimeSpan.Zero);
        await SameAsync(db, kept, world, other);
        (await kept.TasksAsync(db, [other.TaskId], [other.PlanId], default)).Tasks.Single().Result.Status.ShouldBe(TrackingStatus.Overdue);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_plan_nobody_wrote_to_is_not_computed_again_and_an_unknown_write_recomputes_all(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var world = await CreateAsync(db, "重算" + provider);
        var other = await CreateAsync(db, "不动" + provider);
        var kept = new PlanStatusCache(clock);
        await SameAsync(db, kept, world, other);

        // Past the application (no audit, no new row), the other plan's task is given a deadline that has passed. The
        // service write to the first plan makes that plan, and only that one, be computed again.
        await db.Tasks.Where(t => t.Id == other.TaskId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Due, new DateOnly(2026, 3, 1)));
        (await Reports(db, clock).CreateAsync(world.Bureau, new NewReport(world.LeadAssignmentId, March, Content("开工")))).Error.ShouldBeNull();
        var set = await kept.TasksAsync(db, [world.TaskId, other.TaskId], [world.PlanId, other.PlanId], default);
        set.Tasks.Single(t => t.TaskId == other.TaskId).Result.Status.ShouldBe(TrackingStatus.NotStarted);

        // An audited write this cache cannot place (here a plan's status) makes every plan be computed again.
        db.AuditEntries.Add(new AuditEntry { At = April15, Actor = "admin", Action = "plan.status", EntityType = "Plan", EntityId = other.PlanId.ToString() });
        await db.SaveChangesAsync();
        (await SameAsync(db, kept, world, other)).ShouldBe(TrackingStatus.NotStarted);
        (await kept.TasksAsync(db, [other.TaskId], [other.PlanId], default)).Tasks.Single().Result.Status.ShouldBe(TrackingStatus.Overdue);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Writes_that_change_no_status_are_placed_without_recomputing(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var world = await CreateAsync(db, "无关" + provider);
        var marks = await ChangeMarks.ReadAsync(db, default);

        db.AuditEntries.Add(new AuditEntry { At = April15, Actor = "admin", Action = "auth.sign-in", EntityType = "user", EntityId = "1" });
        db.AuditEntries.Add(new AuditEntry { At = April15, Actor = "admin", Action = "supervision-order.issue", EntityType = "supervision-order", EntityId = "7" });
        await db.SaveChangesAsync();
        (await PlanChanges.SinceAsync(db, marks, await ChangeMarks.ReadAsync(db, default), default)).ShouldNotBeNull().ShouldBeEmpty();

        (await Reports(db, clock).CreateAsync(world.Bureau, new NewReport(world.LeadAssignmentId, March, Content("开工")))).Error.ShouldBeNull();
        (await PlanChanges.SinceAsync(db, marks, await ChangeMarks.ReadAsync(db, default), default)).ShouldNotBeNull().ShouldBe([world.PlanId]);

        db.AuditEntries.Add(new AuditEntry { At = April15, Actor = "admin", Action = "organization.merge", EntityType = "organization", EntityId = "3" });
        await db.SaveChangesAsync();
        (await PlanChanges.SinceAsync(db, marks, await ChangeMarks.ReadAsync(db, default), default)).ShouldBeNull();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_tracking_start_change_and_a_baseline_report_recompute_their_plan_only_and_kept_statuses_follow(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var world = await CreateAsync(db, "摸底" + provider);
        var other = await CreateAsync(db, "摸底别" + provider);
        var kept = new PlanStatusCache(clock);
        (await SameAsync(db, kept, world, other)).ShouldBe(TrackingStatus.NotStarted);
        var marks = await ChangeMarks.ReadAsync(db, default);

        // The tracking start moves after the task's deadline: its plan alone is recomputed, and the task waits (待摸底).
        var due = await db.Tasks.Where(t => t.Id == world.TaskId).Select(t => t.Due).SingleAsync();
        due.ShouldNotBeNull();
        var plan = await db.Plans.SingleAsync(p => p.Id == world.PlanId);
        plan.TrackingStart = due.Value.AddDays(1);
        new Duban.Data.Audit.AuditLog(db, clock).Add(Duban.Data.Audit.Actor.System, Duban.Data.Baseline.BaselineAuditActions.TrackingStartChange,
            Duban.Data.Audit.AuditEntities.Plan, plan.Id, null, new { plan.TrackingStart });
        await db.SaveChangesAsync();
        (await PlanChanges.SinceAsync(db, marks, await ChangeMarks.ReadAsync(db, default), default)).ShouldNotBeNull().ShouldBe([world.PlanId]);
        (await SameAsync(db, kept, world, other)).ShouldBe(TrackingStatus.AwaitingBaseline);

        marks = await ChangeMarks.ReadAsync(db, default);
        var stated = await new Duban.Data.Baseline.BaselineDesk(db, new Duban.Data.Audit.AuditLog(db, clock), clock)
            .StateAsync(world.Bureau, world.TaskId, new Duban.Data.Baseline.BaselineInput(null, "completed", null, null));
        stated.Error.ShouldBeNull();
        (await PlanChanges.SinceAsync(db, marks, await ChangeMarks.ReadAsync(db, default), default)).ShouldNotBeNull().ShouldBe([world.PlanId]);
        (await SameAsync(db, kept, world, other)).ShouldNotBe(TrackingStatus.AwaitingBaseline);
    }

    /// <summary>Kept and fresh task statuses of both worlds are equal; returns the first world's task status.</summary>
    private async Task<TrackingStatus> SameAsync(DubanDbContext db, PlanStatusCache kept, TrackingWorld world, TrackingWorld other)
    {
        long[] tasks = [world.TaskId, other.TaskId];
        var fromKept = await kept.TasksAsync(db, tasks, [world.PlanId, other.PlanId], default);
        var fresh = await new TrackingStatuses(db, clock).TasksAsync(db.Tasks.Where(t => tasks.Contains(t.Id)));
        Json(fromKept.Tasks.OrderBy(t => t.TaskId)).ShouldBe(Json(fresh.Tasks.OrderBy(t => t.TaskId)));
        Json(fromKept.PeriodReports.OrderBy(r => r.AssignmentId).ThenBy(r => r.Period.Start)).ShouldBe(Json(fresh.PeriodReports.OrderBy(r => r.AssignmentId).ThenBy(r => r.Period.Start)));
        Json(fromKept.ClosedPeriods.OrderBy(p => p.Key)).ShouldBe(Json(fresh.ClosedPeriods.OrderBy(p => p.Key)));
        await SameTargetsAsync(db, kept, world, other);
        return fromKept.Tasks.Single(t => t.TaskId == world.TaskId).Result.Status;
    }

    private async Task<List<TargetStatus>> SameTargetsAsync(DubanDbContext db, PlanStatusCache kept, TrackingWorld world, TrackingWorld other)
    {
        long[] tasks = [world.TaskId, other.TaskId];
        long[] plans = [world.PlanId, other.PlanId];
        var fromKept = await kept.TargetsAsync(db, tasks, plans, default);
        var fresh = await new TrackingStatuses(db, clock).TargetsAsync(db.Targets.Where(t => t.TaskId != null ? tasks.Contains(t.TaskId.Value) : plans.Contains(t.PlanId)));
        Json(fromKept.OrderBy(s => s.TargetId).ThenBy(s => s.OrganizationId)).ShouldBe(Json(fresh.OrderBy(s => s.TargetId).ThenBy(s => s.OrganizationId)));
        fromKept.Count.ShouldBe(4);
        return fromKept.Where(s => s.TargetId == world.TaskTargetId).Select(s => s.Assessment.Status).ToList();
    }

    private static string Json<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items.ToList());
}
