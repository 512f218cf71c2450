using Duban.Data.Audit;
using Duban.Core.Jobs;
using Duban.Core.Notifications;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Escalation;
using Duban.Core.Tracking.Supervision;
using Duban.Core.Users;
using Duban.Data.Jobs;
using Duban.Data.Notifications;
using Duban.Data.Supervision;
using Duban.Data.Tests.Support;
using Duban.Data.Tests.Tracking;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Supervision;

/// <summary>
/// The escalation job on a real database: what it records for an overdue task, that it records nothing twice (run
/// again, or two instances at once), that the options' thresholds decide the 约谈 / 通报 flags, and that a reply moves
/// the deadline escalation holds the organisation to.
/// </summary>
public sealed class EscalationJobTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    /// <summary>2 January 2027, 10:00 in Beijing: the task's deadline (31 December 2026) passed yesterday.</summary>
    private static readonly DateTimeOffset January2 = new(2027, 1, 2, 2, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task An_overdue_task_gets_one_automatic_order_on_its_timeline_and_the_organisation_and_the_region_are_told(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await SupervisionWorld.CreateAsync(options, "逾期" + Tag());
        await using (var db = DatabaseFixture.Context(options)) await Job(db, EscalationOptions.Default).RunAsync(new JobRun(January2, "test"), default);

        await using var check = DatabaseFixture.Context(options);
        var order = await check.Set<SupervisionOrder>().SingleAsync(o => o.AssignmentId == world.LeadAssignmentId);
        order.Origin.ShouldBe(OrderOrigin.Automatic);
        order.Status.ShouldBe(OrderStatus.Open);
        order.IdempotencyKey.ShouldBe($"order:overdue:{world.LeadAssignmentId}:20261231");
        order.ReplyBy.ShouldBe(new DateOnly(2027, 1, 12));
        order.Number.ShouldBe($"督办〔2027〕{order.Id}号");
        order.Reason.ShouldContain("已超过完成时限2026年12月31日仍未完成");

        var events = await check.Set<TaskEvent>().Where(e => e.AssignmentId == world.LeadAssignmentId).OrderBy(e => e.Id).ToListAsync();
        events.Select(e => e.Kind).ShouldBe([TaskEventKind.Reminder, TaskEventKind.SupervisionOrder]);
        events[0].IdempotencyKey.ShouldBe($"reminder:report:{world.LeadAssignmentId}:20261201");
        events[1].OrderId.ShouldBe(order.Id);
        events.ShouldAllBe(e => e.ActorName == "system" && e.TaskId == world.TaskId);

        var told = await check.Set<Notification>().Where(n => n.IdempotencyKey.StartsWith(order.IdempotencyKey + "/")).Select(n => n.RecipientId).ToListAsync();
        told.ShouldBe([world.BureauReporterId, world.AdminId], ignoreOrder: true);
        (await check.Set<JobAction>().CountAsync(a => a.IdempotencyKey == order.IdempotencyKey)).ShouldBe(1);
        (await check.Set<WebhookDelivery>().CountAsync(d => d.EventId == order.IdempotencyKey && d.EndpointId == world.WebhookId)).ShouldBe(1);
        (await check.AuditEntries.CountAsync(a => a.Action == SupervisionAuditActions.OrderIssue && a.EntityId == order.Id.ToString())).ShouldBe(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Running_the_job_twice_creates_nothing_twice(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await SupervisionWorld.CreateAsync(options, "两次" + Tag(), createdMonthsBefore: 4);
        await using (var db = DatabaseFixture.Context(options)) await Job(db, EscalationOptions.Default).RunAsync(new JobRun(January2, "a"), default);
        var first = await world.CountsAsync(options);
        first.Events.ShouldBeGreaterThan(3);
        // Overdue, and four months unreported: one order for each of the two organisations (one open order at a time).
        first.Orders.ShouldBe(2);

        await using (var db = DatabaseFixture.Context(options)) await Job(db, EscalationOptions.Default).RunAsync(new JobRun(January2.AddHours(3), "b"), default);

        (await world.CountsAsync(options)).ShouldBe(first);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_deadline_coming_is_told_once_per_organisation_and_once_to_the_office_per_task_and_deadline(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await SupervisionWorld.CreateAsync(options, "到期" + Tag());
        // 26 and 27 December 2026, 10:00 in Beijing: the deadline (31 December) is five, then four days away.
        var december26 = new DateTimeOffset(2026, 12, 26, 2, 0, 0, TimeSpan.Zero);
        await using (var db = DatabaseFixture.Context(options)) await Job(db, EscalationOptions.Default).RunAsync(new JobRun(december26, "a"), default);
        await using (var db = DatabaseFixture.Context(options)) await Job(db, EscalationOptions.Default).RunAsync(new JobRun(december26.AddDays(1), "a"), default);

        await using var check = DatabaseFixture.Context(options);
        var reminders = await check.Set<Notification>().Where(n => n.Kind == NotificationKinds.Reminder && n.IdempotencyKey.StartsWith("reminder:deadline:"))
            .Where(n => n.RecipientId == world.BureauReporterId || n.RecipientId == world.School.UserId || n.RecipientId == world.AdminId)
            .ToListAsync();
        // The bureau's and the school's reporters each for their own part; the office once for the task.
        reminders.Select(n => n.RecipientId).ShouldBe([world.BureauReporterId, world.School.UserId, world.AdminId], ignoreOrder: true);
        var office = reminders.Single(n => n.RecipientId == world.AdminId);
        office.IdempotencyKey.ShouldBe($"reminder:deadline:task:{world.TaskId}:20261231/user:{world.AdminId}");
        office.Title.ShouldContain("将于2026年12月31日到期");
        office.Link.ShouldBe($"tasks/{world.TaskId}/timeline");
        reminders.Single(n => n.RecipientId == world.BureauReporterId).Body.ShouldContain("完成时限为2026年12月31日");
        // One timeline entry per organisation and deadline, whatever the number of runs.
        (await check.Set<TaskEvent>().CountAsync(e => e.TaskId == world.TaskId && e.IdempotencyKey.StartsWith("reminder:deadline:"))).ShouldBe(2);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_instances_running_at_once_record_each_action_once(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await SupervisionWorld.CreateAsync(options, "并发" + Tag(), createdMonthsBefore: 4);
        using var start = new Barrier(2);

        async Task RunAsync(string instance)
        {
            await using var db = DatabaseFixture.Context(options);
            await db.Database.OpenConnectionAsync();
            start.SignalAndWait();
            await Job(db, EscalationOptions.Default).RunAsync(new JobRun(January2, instance), default);
        }

        await Task.WhenAll(Task.Run(() => RunAsync("one")), Task.Run(() => RunAsync("two")));

        await using var check = DatabaseFixture.Context(options);
        var keys = await check.Set<TaskEvent>().Where(e => e.TaskId == world.TaskId).Select(e => e.IdempotencyKey).ToListAsync();
        keys.Count.ShouldBeGreaterThan(3);
        keys.Distinct().Count().ShouldBe(keys.Count);
        var orders = await check.Set<SupervisionOrder>().Where(o => o.TaskId == world.TaskId).ToListAsync();
        orders.Count.ShouldBe(2);
        foreach (var order in orders)
        {
            // The organisation's one reporter and the region's administrator, once each.
            (await check.Set<Notification>().CountAsync(n => n.IdempotencyKey.StartsWith(order.IdempotencyKey + "/"))).ShouldBe(2);
            (await check.Set<WebhookDelivery>().CountAsync(d => d.EventId == order.IdempotencyKey && d.EndpointId == world.WebhookId)).ShouldBe(1);
        }
        (await check.Set<JobAction>().CountAsync(a => keys.Contains(a.IdempotencyKey))).ShouldBe(keys.Count);
    }

    /// <summary>
    /// The interleaving that once gave three 督办单 for two assignments: the second run has begun reading when the first
    /// records everything, and reads the timeline's keys only afterwards. Whatever it reads, it must not issue a next
    /// order beside the open one.
    /// </summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task A_run_that_reads_while_another_records_issues_no_second_order(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await SupervisionWorld.CreateAsync(options, "交错" + Tag(), createdMonthsBefore: 4);
        var firstDone = new TaskCompletionSource();
        var pause = new PauseBeforeTimelineKeys(firstDone.Task);

        await using var second = new DubanDbContext(new DbContextOptionsBuilder<DubanDbContext>(DubanDatabase.CreateOptions(options)).AddInterceptors(pause).Options);
        var secondRun = Task.Run(() => Job(second, EscalationOptions.Default).RunAsync(new JobRun(January2, "two"), default));
        await pause.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        await using (var first = DatabaseFixture.Context(options)) await Job(first, EscalationOptions.Default).RunAsync(new JobRun(January2, "one"), default);
        firstDone.SetResult();
        await secondRun.WaitAsync(TimeSpan.FromSeconds(60));

        await using var check = DatabaseFixture.Context(options);
        var orders = await check.Set<SupervisionOrder>().Where(o => o.TaskId == world.TaskId).Select(o => o.IdempotencyKey).ToListAsync();
        orders.Count.ShouldBe(2, string.Join(", ", orders));
        orders.ShouldAllBe(k => k.StartsWith("order:overdue:"));
    }

    /// <summary>Holds the run's read of the timeline's keys until <paramref name="release"/> completes.</summary>
    private sealed class PauseBeforeTimelineKeys(Task release) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int paused;

        public Task Reached => reached.Task;

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("task_events", StringComparison.Ordinal) && command.CommandText.Contains("IdempotencyKey", StringComparison.Ordinal)
                && Interlocked.Exchange(ref paused, 1) == 0)
            {
                reached.SetResult();
                await release;
            }
            return result;
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_thresholds_in_the_options_decide_the_summons_and_bulletin_flags(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        // One miss so far (the passed deadline): below the default thresholds (3 for 约谈, 5 for 通报).
        var lenient = await SupervisionWorld.CreateAsync(options, "宽松" + Tag());
        await using (var db = DatabaseFixture.Context(options)) await Job(db, EscalationOptions.Default).RunAsync(new JobRun(January2, "a"), default);
        (await lenient.KindsAsync(options)).ShouldNotContain(TaskEventKind.Summons);

        var strict = await SupervisionWorld.CreateAsync(options, "严格" + Tag());
        var thresholds = EscalationOptions.Default with { SummonsAfterMisses = 1, BulletinAfterMisses = 1 };
        await using (var db = DatabaseFixture.Context(options)) await Job(db, thresholds).RunAsync(new JobRun(January2, "b"), default);

        var kinds = await strict.KindsAsync(options);
        kinds.ShouldBe([TaskEventKind.Reminder, TaskEventKind.SupervisionOrder, TaskEventKind.Summons, TaskEventKind.Bulletin]);
        await using var check = DatabaseFixture.Context(options);
        (await check.Set<TaskEvent>().Where(e => e.AssignmentId == strict.LeadAssignmentId && e.Kind == TaskEventKind.Summons).Select(e => e.IdempotencyKey).SingleAsync())
            .ShouldBe($"summons:{strict.LeadAssignmentId}");
        (await check.Set<Notification>().CountAsync(n => n.Kind == NotificationKinds.Bulletin && n.IdempotencyKey == $"bulletin:{strict.LeadAssignmentId}/user:{strict.AdminId}")).ShouldBe(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Only_the_organisations_reporter_answers_and_the_new_date_becomes_the_deadline(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await SupervisionWorld.CreateAsync(options, "整改" + Tag());
        await using (var db = DatabaseFixture.Context(options)) await Job(db, EscalationOptions.Default).RunAsync(new JobRun(January2, "a"), default);
        long orderId;
        await using (var db = DatabaseFixture.Context(options))
            orderId = await db.Set<SupervisionOrder>().Where(o => o.AssignmentId == world.LeadAssignmentId).Select(o => o.Id).SingleAsync();
        var clock = new TestClock(January2.AddDays(1));
        var plan = new RectificationInput("增加投入，3月底前完成实训基地建设。", new DateOnly(2027, 3, 31));

        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Desk(db, clock);
            (await desk.ReplyAsync(world.School, orderId, plan)).Error!.Kind.ShouldBe(TrackingErrorKind.NotFound);
            (await desk.ReplyAsync(world.Admin, orderId, plan)).Error!.Kind.ShouldBe(TrackingErrorKind.NotFound);
            (await desk.ReplyAsync(world.Lead, orderId, plan with { Measures = " " })).Error!.Field.ShouldBe("measures");
            (await desk.ReplyAsync(world.Lead, orderId, plan with { NewDate = new DateOnly(2027, 1, 1) })).Error!.Field.ShouldBe("newDate");
            (await desk.ReplyAsync(world.Lead, orderId, plan)).Error.ShouldBeNull();
        }

        await using (var check = DatabaseFixture.Context(options))
        {
            var order = await check.Set<SupervisionOrder>().Include(o => o.Rectifications).SingleAsync(o => o.Id == orderId);
            order.Status.ShouldBe(OrderStatus.Answered);
            order.Rectifications.Single().NewDate.ShouldBe(new DateOnly(2027, 3, 31));
            (await check.Set<TaskEvent>().CountAsync(e => e.OrderId == orderId && e.Kind == TaskEventKind.Reply)).ShouldBe(1);
            (await check.AuditEntries.CountAsync(a => a.Action == SupervisionAuditActions.OrderReply && a.EntityId == orderId.ToString())).ShouldBe(1);
        }

        // The next days: the new date is the deadline now; no new order until it has passed, and none while the answered
        // order is still open; once the office closed it, one keyed by the new date.
        await using (var db = DatabaseFixture.Context(options)) await Job(db, EscalationOptions.Default).RunAsync(new JobRun(January2.AddDays(5), "b"), default);
        await using (var db = DatabaseFixture.Context(options)) await Job(db, EscalationOptions.Default).RunAsync(new JobRun(new DateTimeOffset(2027, 4, 1, 2, 0, 0, TimeSpan.Zero), "c"), default);
        await using (var db = DatabaseFixture.Context(options))
        {
            (await db.Set<SupervisionOrder>().CountAsync(o => o.AssignmentId == world.LeadAssignmentId)).ShouldBe(1);
            (await Desk(db, new TestClock(new DateTimeOffset(2027, 4, 1, 3, 0, 0, TimeSpan.Zero))).CloseAsync(world.Admin, orderId, null, new OrderCloseInput("整改措施已落实。", null)))
                .Error.ShouldBeNull();
        }
        await using (var db = DatabaseFixture.Context(options)) await Job(db, EscalationOptions.Default).RunAsync(new JobRun(new DateTimeOffset(2027, 4, 2, 2, 0, 0, TimeSpan.Zero), "d"), default);
        await using var after = DatabaseFixture.Context(options);
        (await after.Set<SupervisionOrder>().Where(o => o.AssignmentId == world.LeadAssignmentId).Select(o => o.IdempotencyKey).ToListAsync())
            .ShouldContain($"order:overdue:{world.LeadAssignmentId}:20270331");
        (await after.Set<SupervisionOrder>().CountAsync(o => o.AssignmentId == world.LeadAssignmentId && o.IdempotencyKey.StartsWith("order:overdue:"))).ShouldBe(2);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_unanswered_order_past_its_reply_date_is_marked_overdue(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await SupervisionWorld.CreateAsync(options, "未复" + Tag());
        await using (var db = DatabaseFixture.Context(options)) await Job(db, EscalationOptions.Default).RunAsync(new JobRun(January2, "a"), default);
        await using (var db = DatabaseFixture.Context(options)) await Job(db, EscalationOptions.Default).RunAsync(new JobRun(January2.AddDays(11), "b"), default);

        await using var check = DatabaseFixture.Context(options);
        (await check.Set<SupervisionOrder>().Where(o => o.AssignmentId == world.LeadAssignmentId).Select(o => o.Status).SingleAsync()).ShouldBe(OrderStatus.Overdue);
        // Audited by the system, with the run's time: the lists' kept counts see that orders changed.
        var audited = await check.AuditEntries.Where(a => a.Action == SupervisionAuditActions.OrdersOverdue && a.At == January2.AddDays(11)).ToListAsync();
        audited.ShouldNotBeEmpty();
        audited.ShouldAllBe(a => a.Actor == "system" && a.After!.Contains("\"count\":"));
    }

    internal static EscalationJob Job(DubanDbContext db, EscalationOptions thresholds) =>
        new(db, new EscalationPlanner(new EscalationFactsReader(db), thresholds), new EscalationRecorder(db, new JobActions(db), new NotificationCenter(db), new WebhookOutbox(db, new WebhookOptions()), new AuditLog(db, TimeProvider.System)));

    internal static SupervisionDesk Desk(DubanDbContext db, TimeProvider clock) =>
        new(db, clock, new AuditLog(db, clock), new NotificationCenter(db), new WebhookOutbox(db, new WebhookOptions()), EscalationOptions.Default);

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];
}

/// <summary>
/// A published plan of its own with one task due 31 December 2026, led by a bureau with a school cooperating; a
/// reporter for each, an administrator of the region, and a webhook endpoint. The plan was imported on 1 December 2026
/// (or so many months earlier), so on 2 January 2027 December's window (to 5 January) is still open.
/// </summary>
internal sealed record SupervisionWorld(long TaskId, long LeadAssignmentId, TrackingActor Lead, TrackingActor School, TrackingActor Admin, long BureauReporterId, long AdminId, long WebhookId)
{
    public static async Task<SupervisionWorld> CreateAsync(DatabaseOptions options, string name, int createdMonthsBefore = 0)
    {
        await using var db = DatabaseFixture.Context(options);
        var world = await TrackingWorld.CreateAsync(db, name);
        var plan = await db.Plans.SingleAsync(p => p.Id == world.PlanId);
        plan.Status = PlanStatus.Published;
        plan.CreatedAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8)).AddMonths(-createdMonthsBefore);
        var regionId = await db.Organizations.Where(o => o.Id == world.Bureau.OrganizationId).Select(o => o.RegionId).SingleAsync();
        User Make(string user, Role role, DataScope scope, long? organization, long? region) => new()
        {
            UserName = name + user, DisplayName = name + user, Role = role, Scope = scope, OrganizationId = organization, RegionId = region, CreatedAt = plan.CreatedAt,
        };
        var bureau = Make("-bureau", Role.Reporter, DataScope.Own, world.Bureau.OrganizationId, null);
        var school = Make("-school", Role.Reporter, DataScope.Own, world.School.OrganizationId, null);
        var admin = Make("-admin", Role.Admin, DataScope.RegionAndBelow, null, regionId);
        db.Users.AddRange(bureau, school, admin);
        var webhook = new WebhookEndpoint { Name = name, Url = "https://hooks.example.invalid/" + name, Secret = "s", EventKinds = "supervision-order", CreatedAt = plan.CreatedAt };
        db.Add(webhook);
        await db.SaveChangesAsync();
        return new SupervisionWorld(world.TaskId,
            world.LeadAssignmentId, new TrackingActor(bureau.Id, bureau.UserName, Role.Reporter, world.Bureau.OrganizationId),
            new TrackingActor(school.Id, school.UserName, Role.Reporter, world.School.OrganizationId),
            new TrackingActor(admin.Id, admin.UserName, Role.Admin, null), bureau.Id, admin.Id, webhook.Id);
    }

    public async Task<(int Events, int Orders, int Notifications, int Actions)> CountsAsync(DatabaseOptions options)
    {
        await using var db = DatabaseFixture.Context(options);
        var keys = await db.Set<TaskEvent>().Where(e => e.TaskId == TaskId).Select(e => e.IdempotencyKey).ToListAsync();
        var notifications = 0;
        foreach (var key in keys) notifications += await db.Set<Notification>().CountAsync(n => n.IdempotencyKey.StartsWith(key + "/"));
        return (keys.Count, await db.Set<SupervisionOrder>().CountAsync(o => o.TaskId == TaskId), notifications,
            await db.Set<JobAction>().CountAsync(a => keys.Contains(a.IdempotencyKey)));
    }

    public async Task<List<TaskEventKind>> KindsAsync(DatabaseOptions options)
    {
        await using var db = DatabaseFixture.Context(options);
        return await db.Set<TaskEvent>().Where(e => e.AssignmentId == LeadAssignmentId).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
    }
}
