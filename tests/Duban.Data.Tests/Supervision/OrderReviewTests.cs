using Duban.Core.Jobs;
using Duban.Core.Notifications;
using Duban.Core.Tracking.Escalation;
using Duban.Core.Tracking.Supervision;
using Duban.Data.Notifications;
using Duban.Data.Supervision;
using Duban.Data.Tests.Support;
using Duban.Data.Tests.Tracking;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Supervision;

/// <summary>
/// The office's side of a 督办单 (督办 → 整改 → 销号): it closes an answered order (已办结) or returns the reply
/// (整改不到位) for a new one; closing an order nobody answered needs an explicit reason; and the escalation job
/// neither issues a second order while one is open nor counts a closed one against the organisation.
/// </summary>
public sealed class OrderReviewTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    /// <summary>2 January 2027, 10:00 in Beijing: the task's deadline (31 December 2026) passed yesterday.</summary>
    private static readonly DateTimeOffset January2 = new(2027, 1, 2, 2, 0, 0, TimeSpan.Zero);

    private static readonly RectificationInput Plan = new("增加投入，3月底前完成实训基地建设。", new DateOnly(2027, 3, 31));

    [Theory, OnSqlite, OnPostgres]
    public async Task The_office_closes_an_answered_order_and_everyone_concerned_sees_it(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var (world, orderId) = await OrderedAsync(options, "办结");
        var clock = new TestClock(January2.AddDays(2));
        await using (var db = DatabaseFixture.Context(options)) (await Desk(db, clock).ReplyAsync(world.Lead, orderId, Plan)).Error.ShouldBeNull();

        Guid read;
        await using (var db = DatabaseFixture.Context(options)) read = await db.Set<SupervisionOrder>().Where(o => o.Id == orderId).Select(o => o.Version).SingleAsync();
        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Desk(db, clock);
            var accept = new OrderCloseInput("整改措施可行，同意销号。", null);
            (await desk.CloseAsync(world.Lead, orderId, read, accept)).Error!.Kind.ShouldBe(TrackingErrorKind.Forbidden);
            (await desk.CloseAsync(world.Admin, orderId, read, accept with { Comment = "  " })).Error!.Field.ShouldBe("comment");
            (await desk.CloseAsync(world.Admin, orderId, read, accept with { Comment = new string('意', OrderReview.MaxCommentLength + 1) })).Error!.Field.ShouldBe("comment");
            (await desk.CloseAsync(world.Admin, orderId, Guid.NewGuid(), accept)).Error!.Kind.ShouldBe(TrackingErrorKind.Stale);
            (await desk.CloseAsync(world.Admin, orderId, read, accept)).Error.ShouldBeNull();
        }
        await using (var db = DatabaseFixture.Context(options))
        {
            // The same copy again, or after the close: nothing more.
            (await Desk(db, clock).CloseAsync(world.Admin, orderId, read, new OrderCloseInput("再次办结", null))).Error!.Kind.ShouldBe(TrackingErrorKind.Stale);
            (await Desk(db, clock).CloseAsync(world.Admin, orderId, null, new OrderCloseInput("再次办结", null))).Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
            (await Desk(db, clock).ReplyAsync(world.Lead, orderId, Plan)).Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
        }

        await using var check = DatabaseFixture.Context(options);
        var order = await check.Set<SupervisionOrder>().Include(o => o.Reviews).SingleAsync(o => o.Id == orderId);
        order.Status.ShouldBe(OrderStatus.Closed);
        order.Version.ShouldNotBe(read);
        var review = order.Reviews.ShouldHaveSingleItem();
        review.Decision.ShouldBe(OrderDecision.Closed);
        review.RectificationNumber.ShouldBe(1);
        review.Comment.ShouldBe("整改措施可行，同意销号。");
        review.ReviewerName.ShouldBe(world.Admin.UserName);
        var closed = await check.Set<TaskEvent>().SingleAsync(e => e.OrderId == orderId && e.Kind == TaskEventKind.OrderClosed);
        closed.IdempotencyKey.ShouldBe($"order-close:{orderId}");
        closed.Summary.ShouldContain("认可第 1 次整改回复");
        var audit = await check.AuditEntries.SingleAsync(a => a.Action == SupervisionAuditActions.OrderClose && a.EntityId == orderId.ToString());
        audit.Before!.ShouldContain("Answered");
        audit.After!.ShouldContain("Closed");
        (await check.Set<Notification>().Where(n => n.IdempotencyKey.StartsWith(closed.IdempotencyKey + "/")).Select(n => n.RecipientId).ToListAsync())
            .ShouldBe([world.BureauReporterId]);
        (await check.Set<WebhookDelivery>().CountAsync(d => d.EventId == closed.IdempotencyKey && d.EndpointId == world.WebhookId)).ShouldBe(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_order_nobody_answered_is_closed_only_when_the_office_says_so_and_then_counts_for_nothing(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var (world, orderId) = await OrderedAsync(options, "直结");
        var clock = new TestClock(January2.AddDays(1));
        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Desk(db, clock);
            (await desk.CloseAsync(world.Admin, orderId, null, new OrderCloseInput("任务已完成。", null))).Error!.Field.ShouldBe("withoutReply");
            (await desk.CloseAsync(world.Admin, orderId, null, new OrderCloseInput("任务已完成。", false))).Error!.Field.ShouldBe("withoutReply");
            (await desk.CloseAsync(world.Admin, orderId, null, new OrderCloseInput(null, true))).Error!.Field.ShouldBe("comment");
        }
        await using (var db = DatabaseFixture.Context(options))
        {
            (await db.Set<OrderReview>().CountAsync(r => r.OrderId == orderId)).ShouldBe(0);
            (await db.Set<SupervisionOrder>().Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync()).ShouldBe(OrderStatus.Open);
            (await Desk(db, clock).CloseAsync(world.Admin, orderId, null, new OrderCloseInput("任务已完成，经核实无需整改。", true))).Error.ShouldBeNull();
        }

        // Past its reply date: a closed order is not marked overdue, not counted as a miss, and no new order follows
        // for the lapse it was issued for.
        await using (var db = DatabaseFixture.Context(options)) await Job(db).RunAsync(new JobRun(January2.AddDays(20), "later"), default);
        await using var check = DatabaseFixture.Context(options);
        var order = await check.Set<SupervisionOrder>().Include(o => o.Reviews).SingleAsync(o => o.Id == orderId);
        order.Status.ShouldBe(OrderStatus.Closed);
        order.Reviews.Single().RectificationNumber.ShouldBeNull();
        (await check.Set<SupervisionOrder>().CountAsync(o => o.AssignmentId == world.LeadAssignmentId)).ShouldBe(1);
        (await check.Set<TaskEvent>().SingleAsync(e => e.OrderId == orderId && e.Kind == TaskEventKind.OrderClosed)).Summary.ShouldContain("未回复直接办结");
        var facts = (await new EscalationFactsReader(check).ReadAsync(new DateOnly(2027, 1, 22))).Single(a => a.AssignmentId == world.LeadAssignmentId).Facts;
        facts.Orders.ShouldHaveSingleItem().Closed.ShouldBeTrue();
        EscalationRules.Misses(facts, new DateOnly(2027, 1, 22)).ShouldBe(1 + facts.MissedReports);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_returned_reply_must_be_answered_again_by_the_new_date_and_no_second_order_comes_meanwhile(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var (world, orderId) = await OrderedAsync(options, "退回");
        var clock = new TestClock(January2.AddDays(2));
        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Desk(db, clock);
            (await desk.ReturnAsync(world.Admin, orderId, null, new OrderReturnInput("措施不具体。", null))).Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
            (await desk.ReplyAsync(world.Lead, orderId, Plan)).Error.ShouldBeNull();
        }
        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Desk(db, clock);
            (await desk.ReturnAsync(world.Lead, orderId, null, new OrderReturnInput("措施不具体。", null))).Error!.Kind.ShouldBe(TrackingErrorKind.Forbidden);
            (await desk.ReturnAsync(world.Admin, orderId, null, new OrderReturnInput(" ", null))).Error!.Field.ShouldBe("comment");
            (await desk.ReturnAsync(world.Admin, orderId, null, new OrderReturnInput("措施不具体。", new DateOnly(2027, 1, 3)))).Error!.Field.ShouldBe("replyBy");
            (await desk.ReturnAsync(world.Admin, orderId, null, new OrderReturnInput("措施不具体，请细化到月。", new DateOnly(2027, 1, 20)))).Error.ShouldBeNull();
        }

        await using (var check = DatabaseFixture.Context(options))
        {
            var order = await check.Set<SupervisionOrder>().Include(o => o.Reviews).SingleAsync(o => o.Id == orderId);
            order.Status.ShouldBe(OrderStatus.Returned);
            order.ReplyBy.ShouldBe(new DateOnly(2027, 1, 20));
            order.Reviews.Single().ShouldSatisfyAllConditions(
                r => r.Decision.ShouldBe(OrderDecision.Returned), r => r.RectificationNumber.ShouldBe(1), r => r.NewReplyBy.ShouldBe(new DateOnly(2027, 1, 20)));
            (await check.Set<TaskEvent>().SingleAsync(e => e.OrderId == orderId && e.Kind == TaskEventKind.OrderReturned)).IdempotencyKey.ShouldBe($"order-return:{orderId}:1");
            (await check.AuditEntries.CountAsync(a => a.Action == SupervisionAuditActions.OrderReturn && a.EntityId == orderId.ToString())).ShouldBe(1);
            (await check.Set<Notification>().CountAsync(n => n.IdempotencyKey == $"order-return:{orderId}:1/user:{world.BureauReporterId}")).ShouldBe(1);
            // Returned, the reply no longer counts as an answer, nor does its date as the deadline.
            var facts = (await new EscalationFactsReader(check).ReadAsync(new DateOnly(2027, 1, 5))).Single(a => a.AssignmentId == world.LeadAssignmentId).Facts;
            facts.Orders.Single().RepliedOn.ShouldBeNull();
            EscalationRules.Deadline(facts).ShouldBe(new DateOnly(2026, 12, 31));
        }

        // Not answered again by the new date: overdue, and still the only order.
        await using (var db = DatabaseFixture.Context(options)) await Job(db).RunAsync(new JobRun(new DateTimeOffset(2027, 1, 21, 2, 0, 0, TimeSpan.Zero), "a"), default);
        await using (var check = DatabaseFixture.Context(options))
        {
            (await check.Set<SupervisionOrder>().Where(o => o.AssignmentId == world.LeadAssignmentId).Select(o => o.Status).ToListAsync()).ShouldBe([OrderStatus.Overdue]);
        }

        // The second reply is reviewed and accepted.
        var later = new TestClock(new DateTimeOffset(2027, 1, 22, 2, 0, 0, TimeSpan.Zero));
        await using (var db = DatabaseFixture.Context(options))
        {
            (await Desk(db, later).ReplyAsync(world.Lead, orderId, Plan with { Measures = "按月细化：1月选址，2月招标，3月建成。" })).Error.ShouldBeNull();
            (await Desk(db, later).CloseAsync(world.Admin, orderId, null, new OrderCloseInput("同意。", null))).Error.ShouldBeNull();
        }
        await using var done = DatabaseFixture.Context(options);
        (await done.Set<OrderReview>().Where(r => r.OrderId == orderId).OrderBy(r => r.Id).Select(r => new { r.Decision, r.RectificationNumber }).ToListAsync())
            .Select(r => (r.Decision, r.RectificationNumber)).ShouldBe([(OrderDecision.Returned, (int?)1), (OrderDecision.Closed, (int?)2)]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_office_cannot_issue_a_second_open_order_to_the_same_organisation_for_the_same_task(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var (world, orderId) = await OrderedAsync(options, "重复");
        var clock = new TestClock(January2.AddDays(1));
        var second = new NewOrder(world.TaskId, world.Lead.OrganizationId, "人工再次督办", null);
        await using (var db = DatabaseFixture.Context(options))
        {
            var refused = await Desk(db, clock).IssueAsync(world.Admin, second);
            refused.Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
            refused.Error.Message.ShouldContain("未办结的督办单");
        }
        await using (var db = DatabaseFixture.Context(options))
            (await Desk(db, clock).CloseAsync(world.Admin, orderId, null, new OrderCloseInput("任务已调整，销号。", true))).Error.ShouldBeNull();
        await using (var db = DatabaseFixture.Context(options))
            (await Desk(db, clock).IssueAsync(world.Admin, second)).Error.ShouldBeNull();

        await using var check = DatabaseFixture.Context(options);
        (await check.Set<SupervisionOrder>().CountAsync(o => o.TaskId == world.TaskId && o.OrganizationId == world.Lead.OrganizationId && o.Status != OrderStatus.Closed)).ShouldBe(1);
    }

    /// <summary>A world whose lead organisation got the escalation job's order for the overdue task on 2 January 2027.</summary>
    private static async Task<(SupervisionWorld World, long OrderId)> OrderedAsync(DatabaseOptions options, string name)
    {
        var world = await SupervisionWorld.CreateAsync(options, name + Guid.NewGuid().ToString("N")[..6]);
        await using (var db = DatabaseFixture.Context(options)) await Job(db).RunAsync(new JobRun(January2, "first"), default);
        await using var read = DatabaseFixture.Context(options);
        return (world, await read.Set<SupervisionOrder>().Where(o => o.AssignmentId == world.LeadAssignmentId).Select(o => o.Id).SingleAsync());
    }

    private static EscalationJob Job(DubanDbContext db) => EscalationJobTests.Job(db, EscalationOptions.Default);

    private static SupervisionDesk Desk(DubanDbContext db, TimeProvider clock) => EscalationJobTests.Desk(db, clock);
}
