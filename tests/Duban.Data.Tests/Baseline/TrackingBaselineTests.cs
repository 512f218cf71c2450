using Duban.Core.Jobs;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Baseline;
using Duban.Core.Tracking.Escalation;
using Duban.Core.Tracking.Status;
using Duban.Core.Tracking.Supervision;
using Duban.Core.Users;
using Duban.Data.Audit;
using Duban.Data.Baseline;
using Duban.Data.Import;
using Duban.Data.Supervision;
using Duban.Data.Tests.Import.Support;
using Duban.Data.Tests.Supervision;
using Duban.Data.Tests.Support;
using Duban.Data.Tracking;
using Duban.Data.Tracking.Status;
using Duban.Parsing;
using Duban.Parsing.Model;
using Duban.Parsing.Units;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Baseline;

/// <summary>
/// The tracking baseline on a real database (SQLite and PostgreSQL): the 平凉 seed published with its deadlines of
/// 2021–2023 floods nobody; after the baseline reports exactly the overdue ones escalate; baseline reports are stated
/// once, validated and audited; and no 督办单 goes to an organisation nobody can answer for.
/// </summary>
public sealed class TrackingBaselineTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    /// <summary>1 December 2026, 09:00 in Beijing: the day 平凉's plan is imported and published.</summary>
    private static readonly DateTimeOffset Published = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [SeedTheory, OnSqlite, OnPostgres]
    public async Task Publishing_pingliang_creates_no_order_for_old_deadlines_and_after_the_baseline_exactly_the_overdue_ones_escalate(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        await using (var db = DatabaseFixture.Context(options)) await DubanDatabase.MigrateAsync(db);
        var clock = new FixedClock(Published);
        long planId;
        await using (var db = DatabaseFixture.Context(options))
        {
            var service = new PlanImportService(db, clock, new AuditLog(db, clock), new PlanParser());
            var analysis = await service.AnalyzeAsync(ImportSeedFiles.Seed("000"), "平凉.txt");
            var result = await service.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true), ImportHarness.Actor);
            planId = result.PlanId;
            // Published on 1 December 2026 with the default tracking start: the publication day.
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            plan.Status = PlanStatus.Published;
            plan.TrackingStart = new DateOnly(2026, 12, 1);
            // Every organisation that is one has a reporter: what holds the orders back here is the baseline alone.
            foreach (var organization in await db.Organizations.ToListAsync())
                db.Users.Add(new User
                {
                    UserName = "pl-" + organization.Id, DisplayName = organization.Name, Role = Role.Reporter, Scope = DataScope.Own,
                    OrganizationId = organization.Id, CreatedAt = Published,
                });
            await db.SaveChangesAsync();
        }

        List<(long TaskId, long AssignmentId, long OrganizationId, DateOnly Due)> dated;
        await using (var db = DatabaseFixture.Context(options))
        {
            var rows = await db.Assignments.Where(a => a.Task!.PlanId == planId && a.Task.Due != null)
                .Select(a => new { a.TaskId, a.Id, a.OrganizationId, a.Role, Due = a.Task!.Due!.Value, a.Organization!.Name }).ToListAsync();
            rows.ShouldNotBeEmpty();
            rows.ShouldAllBe(r => r.Due < new DateOnly(2024, 1, 1), "平凉's deadlines fall in 2021–2023");
            // Leads that are real organisations, on three different tasks: the assignments the baseline reports are about.
            dated = [.. rows.Where(r => r.Role == UnitRole.Lead && !CollectiveNames.IsCollective(r.Name)).GroupBy(r => r.TaskId)
                .Select(g => g.OrderBy(r => r.Id).First()).OrderBy(r => r.TaskId).Select(r => (r.TaskId, r.Id, r.OrganizationId, r.Due))];
            dated.Count.ShouldBeGreaterThanOrEqualTo(3, string.Join("、", rows.Select(r => $"{r.TaskId}:{r.Role}:{r.Name}")));
        }

        // The first run: every dated task waits for its baseline.
        var firstDay = Published.AddDays(1);
        await RunJobAsync(options, firstDay);
        await using (var db = DatabaseFixture.Context(options))
        {
            (await db.Set<SupervisionOrder>().CountAsync()).ShouldBe(0, "no 督办单 for deadlines before tracking start");
            var preview = await Planner(db).PlanAsync(EscalationFactsReader.ChinaDay(firstDay), planId);
            preview.ShouldNotContain(p => p.Action.Kind == EscalationKind.SupervisionOrder, "the preview says so too");
            var statuses = await new TrackingStatuses(db, new FixedClock(firstDay)).TasksAsync(db.Tasks.Where(t => t.PlanId == planId && t.Due != null));
            statuses.Tasks.ShouldAllBe(t => t.Result.Status == TrackingStatus.AwaitingBaseline);
        }

        // The baseline reports of three leads: not started, in progress with a new date already past, done.
        var (notStarted, inProgress, done) = (dated[0], dated[1], dated[2]);
        await StateAsync(options, clock, notStarted, new BaselineInput(null, "notStarted", null, "尚未开展"));
        await StateAsync(options, clock, inProgress, new BaselineInput(null, "inProgress", new DateOnly(2026, 11, 20), "年内完成"));
        await StateAsync(options, clock, done, new BaselineInput(null, "completed", null, "2022年已完成"));

        var secondDay = Published.AddDays(2);
        await using (var db = DatabaseFixture.Context(options))
        {
            var preview = await Planner(db).PlanAsync(EscalationFactsReader.ChinaDay(secondDay), planId);
            preview.Where(p => p.Action.Kind == EscalationKind.SupervisionOrder).Select(p => p.Assignment.AssignmentId)
                .ShouldBe([notStarted.AssignmentId, inProgress.AssignmentId], ignoreOrder: true);
        }
        await RunJobAsync(options, secondDay);
        await using (var check = DatabaseFixture.Context(options))
        {
            var orders = await check.Set<SupervisionOrder>().Select(o => new { o.AssignmentId, o.IdempotencyKey }).ToListAsync();
            orders.Select(o => o.AssignmentId).ShouldBe([notStarted.AssignmentId, inProgress.AssignmentId], ignoreOrder: true);
            orders.Single(o => o.AssignmentId == notStarted.AssignmentId).IdempotencyKey.ShouldBe($"order:overdue:{notStarted.AssignmentId}:{notStarted.Due:yyyyMMdd}");
            orders.Single(o => o.AssignmentId == inProgress.AssignmentId).IdempotencyKey.ShouldBe($"order:overdue:{inProgress.AssignmentId}:20261120");

            // The three leads' own statuses follow their baseline; their tasks' other organisations still wait for theirs.
            var statuses = (await new TrackingStatuses(check, new FixedClock(secondDay)).TasksAsync(check.Tasks.Where(t => t.PlanId == planId)))
                .Tasks.SelectMany(t => t.Assignments).ToDictionary(a => a.AssignmentId, a => a.Result.Status);
            statuses[notStarted.AssignmentId].ShouldBe(TrackingStatus.Overdue);
            statuses[inProgress.AssignmentId].ShouldBe(TrackingStatus.Overdue);
            statuses[done.AssignmentId].ShouldBe(TrackingStatus.Completed);
            statuses.Where(s => s.Key != notStarted.AssignmentId && s.Key != inProgress.AssignmentId && s.Key != done.AssignmentId)
                .Select(s => s.Value).ShouldNotContain(TrackingStatus.Overdue, "nobody else became overdue");
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_baseline_report_is_stated_once_by_its_organisation_validated_and_audited(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await SupervisionWorld.CreateAsync(options, "摸底" + Tag());
        await SetTrackingStartAsync(options, world, new DateOnly(2027, 1, 1));
        var clock = new FixedClock(new DateTimeOffset(2027, 1, 2, 10, 0, 0, TimeSpan.FromHours(8)));

        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = new BaselineDesk(db, new AuditLog(db, clock), clock);
            (await desk.StateAsync(world.Lead, world.TaskId, new BaselineInput(null, "finished", null, null))).Error!.Field.ShouldBe("state");
            (await desk.StateAsync(world.Lead, world.TaskId, new BaselineInput(null, "inProgress", null, null))).Error!.Field.ShouldBe("newDate");
            (await desk.StateAsync(world.Lead, world.TaskId, new BaselineInput(null, "completed", new DateOnly(2027, 3, 1), null))).Error!.Field.ShouldBe("newDate");
            (await desk.StateAsync(world.Lead, world.TaskId, new BaselineInput(null, "completed", null, new string('说', 2001)))).Error!.Field.ShouldBe("note");
            (await desk.StateAsync(world.Admin, world.TaskId, new BaselineInput(null, "completed", null, null))).Error!.Field.ShouldBe("organizationId");
            // Another organisation's reporter cannot state the lead's.
            (await desk.StateAsync(world.School, world.TaskId, new BaselineInput(world.Lead.OrganizationId, "completed", null, null))).Error!.Kind.ShouldBe(TrackingErrorKind.NotFound);
        }
        await using (var db = DatabaseFixture.Context(options)) (await db.Set<BaselineReport>().CountAsync(b => b.TaskId == world.TaskId)).ShouldBe(0, "nothing half-stored");

        await using (var db = DatabaseFixture.Context(options))
        {
            var stated = await new BaselineDesk(db, new AuditLog(db, clock), clock).StateAsync(world.Lead, world.TaskId, new BaselineInput(null, "inProgress", new DateOnly(2027, 3, 31), "三月底完成"));
            stated.Error.ShouldBeNull();
            stated.Value!.OrganizationId.ShouldBe(world.Lead.OrganizationId!.Value);
        }
        await using (var db = DatabaseFixture.Context(options))
        {
            var again = await new BaselineDesk(db, new AuditLog(db, clock), clock).StateAsync(world.Lead, world.TaskId, new BaselineInput(null, "completed", null, null));
            again.Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
            // The office sets the cooperating school's for it.
            var forSchool = await new BaselineDesk(db, new AuditLog(db, clock), clock).StateAsync(world.Admin, world.TaskId, new BaselineInput(world.School.OrganizationId, "completed", null, "已完成"));
            forSchool.Value!.StatedByRole.ShouldBe(Role.Admin);
        }
        await using (var check = DatabaseFixture.Context(options))
        {
            var reports = await check.Set<BaselineReport>().Where(b => b.TaskId == world.TaskId).ToListAsync();
            reports.Count.ShouldBe(2);
            var audited = await check.AuditEntries.Where(e => e.Action == BaselineAuditActions.ReportState && e.EntityType == BaselineAuditActions.ReportEntity).Select(e => e.EntityId).ToListAsync();
            audited.ShouldContain(reports[0].Id.ToString());
            audited.ShouldContain(reports[1].Id.ToString());
            // The job now holds the lead to its new date and leaves the school (done) alone.
            var facts = (await new EscalationFactsReader(check).ReadAsync(new DateOnly(2027, 1, 2))).Where(a => a.TaskId == world.TaskId).ToList();
            facts.Single(a => a.AssignmentId == world.LeadAssignmentId).Facts.Due.ShouldBe(new DateOnly(2027, 3, 31));
            facts.Single(a => a.OrganizationId == world.School.OrganizationId).Facts.Done.ShouldBeTrue();
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_organisation_without_an_active_user_or_a_placeholder_gets_no_order_but_is_listed_as_unreachable(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await SupervisionWorld.CreateAsync(options, "无人" + Tag());
        var schoolId = world.School.OrganizationId!.Value;
        await using (var db = DatabaseFixture.Context(options))
        {
            await db.Users.Where(u => u.Id == world.BureauReporterId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
            await db.Organizations.Where(o => o.Id == schoolId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, "各职业院校" + Tag()));
        }
        var january2 = new DateTimeOffset(2027, 1, 2, 10, 0, 0, TimeSpan.FromHours(8));

        await using (var db = DatabaseFixture.Context(options))
        {
            var planned = (await Planner(db).PlanAsync(EscalationFactsReader.ChinaDay(january2))).Where(p => p.Assignment.TaskId == world.TaskId).ToList();
            var unreachable = planned.Where(p => !p.Issuable).ToList();
            unreachable.Select(p => (p.Assignment.OrganizationId, p.Action.Kind, p.Unreachable)).ShouldBe(
                [(world.Lead.OrganizationId!.Value, EscalationKind.SupervisionOrder, UnreachableReason.NoActiveUser), (schoolId, EscalationKind.SupervisionOrder, UnreachableReason.Placeholder)],
                ignoreOrder: true);
        }
        await RunJobAsync(options, january2);
        await using (var check = DatabaseFixture.Context(options))
            (await check.Set<SupervisionOrder>().CountAsync(o => o.TaskId == world.TaskId)).ShouldBe(0);

        // Once someone can answer, the next run issues the order that was held back.
        await using (var db = DatabaseFixture.Context(options))
            await db.Users.Where(u => u.Id == world.BureauReporterId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, true));
        await RunJobAsync(options, january2.AddDays(1));
        await using (var check = DatabaseFixture.Context(options))
            (await check.Set<SupervisionOrder>().Where(o => o.TaskId == world.TaskId).Select(o => o.AssignmentId).ToListAsync()).ShouldBe([world.LeadAssignmentId]);
    }

    private static EscalationPlanner Planner(DubanDbContext db) => new(new EscalationFactsReader(db), EscalationOptions.Default);

    private static async Task RunJobAsync(DatabaseOptions options, DateTimeOffset at)
    {
        await using var db = DatabaseFixture.Context(options);
        await EscalationJobTests.Job(db, EscalationOptions.Default).RunAsync(new JobRun(at, "test"), default);
    }

    private static async Task StateAsync(DatabaseOptions options, TimeProvider clock, (long TaskId, long AssignmentId, long OrganizationId, DateOnly Due) lead, BaselineInput input)
    {
        await using var db = DatabaseFixture.Context(options);
        var reporter = await db.Users.Where(u => u.OrganizationId == lead.OrganizationId && u.Role == Role.Reporter).Select(u => new { u.Id, u.UserName }).FirstAsync();
        var outcome = await new BaselineDesk(db, new AuditLog(db, clock), clock)
            .StateAsync(new TrackingActor(reporter.Id, reporter.UserName, Role.Reporter, lead.OrganizationId), lead.TaskId, input);
        outcome.Error.ShouldBeNull();
    }

    private static async Task SetTrackingStartAsync(DatabaseOptions options, SupervisionWorld world, DateOnly start)
    {
        await using var db = DatabaseFixture.Context(options);
        var planId = await db.Tasks.Where(t => t.Id == world.TaskId).Select(t => t.PlanId).SingleAsync();
        await db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.TrackingStart, start));
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];
}
