using System.Globalization;
using Duban.Core.Tracking.Escalation;

namespace Duban.Core.Tests.Tracking.Escalation;

public sealed class EscalationRulesTests
{
    private const long Id = 42;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    // Monthly reports for May 2025, due by 5 June.
    private static ReportingWindow May(bool reported) => new(D("2025-05-01"), D("2025-05-31"), D("2025-06-05"), reported);

    private static ReportingWindow April(bool reported) => new(D("2025-04-01"), D("2025-04-30"), D("2025-05-05"), reported);

    private static EscalationFacts Facts(
        string? due = "2025-12-31", bool done = false, ReportingWindow? current = null, ReportingWindow? lastClosed = null,
        int missed = 0, string? missingSince = null, int consecutive = 0, IssuedOrder[]? orders = null, string[]? issued = null) =>
        new(Id, due is null ? null : D(due), done, current, lastClosed, missed, missingSince is null ? null : D(missingSince),
            consecutive, orders ?? [], new HashSet<string>(issued ?? []));

    private static IssuedOrder Order(string issued, string replyBy, string? replied = null, string? newDate = null, bool closed = false) =>
        new(D(issued), D(replyBy), replied is null ? null : D(replied), newDate is null ? null : D(newDate), closed);

    private static IReadOnlyList<EscalationAction> Decide(EscalationFacts facts, string today, EscalationOptions? options = null) =>
        EscalationRules.Decide(facts, D(today), options ?? EscalationOptions.Default);

    private static string[] Keys(EscalationFacts facts, string today, EscalationOptions? options = null) =>
        [.. Decide(facts, today, options).Select(a => a.Key)];

    public static TheoryData<string, EscalationFacts, string, string[]> Cases => new()
    {
        // name, facts, today, keys due
        { "nothing due", Facts(), "2025-06-01", [] },
        { "8 days before the deadline: too early", Facts("2025-06-09"), "2025-06-01", [] },
        { "7 days before the deadline: 提醒", Facts("2025-06-08"), "2025-06-01", ["reminder:deadline:42:20250608"] },
        { "on the deadline day: 提醒", Facts("2025-06-01"), "2025-06-01", ["reminder:deadline:42:20250601"] },
        { "the day after the deadline: 督办单, no reminder", Facts("2025-05-31"), "2025-06-01", ["order:overdue:42:20250531"] },
        { "deadline on a leap day, reminder from Feb 22", Facts("2024-02-29"), "2024-02-22", ["reminder:deadline:42:20240229"] },
        { "deadline on a leap day, overdue on Mar 1", Facts("2024-02-29"), "2024-03-01", ["order:overdue:42:20240229"] },
        { "window closes in 4 days: too early", Facts(current: May(false)), "2025-06-01", [] },
        { "window closes in 3 days: 提醒", Facts(current: May(false)), "2025-06-02", ["reminder:report:42:20250501"] },
        { "window closes today: 提醒", Facts(current: May(false)), "2025-06-05", ["reminder:report:42:20250501"] },
        { "report in: no reminder", Facts(current: May(true)), "2025-06-05", [] },
        { "window closed yesterday, no report: 催办", Facts(lastClosed: May(false), missed: 1, missingSince: "2025-05-01", consecutive: 1), "2025-06-06", ["chase:42:20250501"] },
        { "window closed, report in: nothing", Facts(lastClosed: May(true)), "2025-06-06", [] },
        { "on the closing day itself no chase yet", Facts(lastClosed: May(false)), "2025-06-05", [] },
        { "second period missing in a row: 催办 and 督办单", Facts(lastClosed: May(false), missed: 2, missingSince: "2025-04-01", consecutive: 2), "2025-06-06",
            ["chase:42:20250501", "order:missing:42:20250401"] },
        { "overdue but an order is open (待回复): no second order", Facts("2025-05-31", orders: [Order("2025-05-20", "2025-06-30")]), "2025-06-01", [] },
        { "overdue but an order is answered, not closed: no second order", Facts("2025-05-31", orders: [Order("2025-05-20", "2025-06-30", replied: "2025-05-25")]), "2025-06-01", [] },
        { "overdue but a returned order awaits a new reply: no second order", Facts("2025-05-31", orders: [Order("2025-05-20", "2025-06-30")]), "2025-06-01", [] },
        { "overdue, the only order closed: a new one", Facts("2025-05-31", orders: [Order("2025-05-20", "2025-05-30", closed: true)]), "2025-06-01", ["order:overdue:42:20250531"] },
        { "missing reports but an order is open: 催办 only", Facts(lastClosed: May(false), missed: 2, missingSince: "2025-04-01", consecutive: 2, orders: [Order("2025-05-20", "2025-06-30")]), "2025-06-06",
            ["chase:42:20250501"] },
        { "overdue and missing reports the same day: one order, the overdue one", Facts("2025-05-31", lastClosed: May(false), missed: 2, missingSince: "2025-04-01", consecutive: 2,
            issued: ["summons:42"]), "2025-06-06", ["chase:42:20250501", "order:overdue:42:20250531"] },
        { "overdue order already issued and closed, reports missing: the missing one next", Facts("2025-05-31", lastClosed: May(false), missed: 2, missingSince: "2025-04-01", consecutive: 2,
            orders: [Order("2025-06-01", "2025-06-03", closed: true)], issued: ["order:overdue:42:20250531", "chase:42:20250501", "summons:42"]), "2025-06-06", ["order:missing:42:20250401"] },
        { "no deadline (ongoing): only reports matter", Facts(null, lastClosed: May(false), missed: 1, missingSince: "2025-05-01", consecutive: 1), "2025-06-06", ["chase:42:20250501"] },
        { "done: nothing at all", Facts("2025-05-31", done: true, lastClosed: May(false), missed: 4), "2025-06-06", [] },
        { "already recorded: not again", Facts(lastClosed: May(false), missed: 1, missingSince: "2025-05-01", consecutive: 1, issued: ["chase:42:20250501"]), "2025-06-07", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Actions_due(string name, EscalationFacts facts, string today, string[] keys) =>
        Keys(facts, today).ShouldBe(keys, name);

    [Fact]
    public void A_supervision_order_carries_its_reply_date()
    {
        var order = Decide(Facts("2025-05-31"), "2025-06-01").Single();
        order.Kind.ShouldBe(EscalationKind.SupervisionOrder);
        order.Cause.ShouldBe(EscalationCause.Overdue);
        order.About.ShouldBe(D("2025-05-31"));
        order.ReplyBy.ShouldBe(D("2025-06-11"));
        Decide(Facts("2025-05-31"), "2025-06-01", new EscalationOptions(OrderReplyDays: 5)).Single().ReplyBy.ShouldBe(D("2025-06-06"));
    }

    [Fact]
    public void A_rectification_plans_new_date_becomes_the_deadline()
    {
        IssuedOrder[] answered = [new(D("2025-06-01"), D("2025-06-11"), D("2025-06-10"), D("2025-08-31"))];
        IssuedOrder[] closed = [answered[0] with { Closed = true }];
        // Issued and answered: no new order for the old deadline, a reminder before the new date, an order after it once
        // the office closed the first one (while it is open, none).
        Keys(Facts("2025-05-31", orders: answered, issued: ["order:overdue:42:20250531"]), "2025-07-01").ShouldBeEmpty();
        Keys(Facts("2025-05-31", orders: answered, issued: ["order:overdue:42:20250531"]), "2025-08-25")
            .ShouldBe(["reminder:deadline:42:20250831"]);
        Keys(Facts("2025-05-31", orders: answered, issued: ["order:overdue:42:20250531"]), "2025-09-01").ShouldBeEmpty();
        Keys(Facts("2025-05-31", orders: closed, issued: ["order:overdue:42:20250531"]), "2025-09-01")
            .ShouldBe(["order:overdue:42:20250831"]);
    }

    [Fact]
    public void An_unanswered_order_promises_no_new_date()
    {
        IssuedOrder[] unanswered = [new(D("2025-06-01"), D("2025-06-11"), null, D("2025-08-31"))];
        EscalationRules.Deadline(Facts("2025-05-31", orders: unanswered)).ShouldBe(D("2025-05-31"));
    }

    public static TheoryData<string, EscalationFacts, string, int> MissCases => new()
    {
        { "none", Facts(), "2025-06-01", 0 },
        { "missed reports count", Facts(missed: 2), "2025-06-01", 2 },
        { "a passed deadline counts once", Facts("2025-05-31"), "2025-06-20", 1 },
        { "an order unanswered by its reply date", Facts("2025-05-31", orders: [new(D("2025-06-01"), D("2025-06-11"), null, null)]), "2025-06-12", 2 },
        { "on the reply date itself it is not yet missed", Facts("2025-05-31", orders: [new(D("2025-06-01"), D("2025-06-11"), null, null)]), "2025-06-11", 1 },
        { "a late answer is a miss", Facts("2025-05-31", orders: [new(D("2025-06-01"), D("2025-06-11"), D("2025-06-15"), D("2025-08-31"))]), "2025-06-20", 2 },
        { "a rectification date missed too", Facts("2025-05-31", orders: [new(D("2025-06-01"), D("2025-06-11"), D("2025-06-10"), D("2025-08-31"))]), "2025-09-01", 2 },
        { "a closed order is no miss, even unanswered", Facts("2025-05-31", orders: [Order("2025-06-01", "2025-06-11", closed: true)]), "2025-06-12", 1 },
        { "a closed order's accepted date still counts once passed", Facts("2025-05-31", orders: [Order("2025-06-01", "2025-06-11", "2025-06-10", "2025-08-31", closed: true)]), "2025-09-01", 2 },
        { "a returned order unanswered again by its new reply date", Facts("2025-05-31", orders: [Order("2025-06-01", "2025-06-20")]), "2025-06-21", 2 },
    };

    [Theory]
    [MemberData(nameof(MissCases))]
    public void Misses(string name, EscalationFacts facts, string today, int expected) =>
        EscalationRules.Misses(facts, D(today)).ShouldBe(expected, name);

    [Fact]
    public void Escalation_climbs_in_order_and_each_step_needs_the_one_before()
    {
        // Overdue since May, the order of 1 June unanswered, two reports missing: 4 misses.
        IssuedOrder[] orders = [new(D("2025-06-01"), D("2025-06-11"), null, null)];
        var facts = Facts("2025-05-31", lastClosed: May(false), missed: 2, missingSince: "2025-05-01", consecutive: 1,
            orders: orders, issued: ["order:overdue:42:20250531", "chase:42:20250501"]);
        Decide(facts, "2025-06-12").Select(a => a.Kind).ShouldBe([EscalationKind.Summons]);

        // Five misses and the summons already flagged: 通报.
        var worse = facts with { MissedReports = 3, IssuedKeys = new HashSet<string>(facts.IssuedKeys) { "summons:42" } };
        Keys(worse, "2025-06-12").ShouldBe(["bulletin:42"]);

        // Without any 督办单 there is no 约谈, however many misses.
        Keys(Facts(null, missed: 9), "2025-06-12").ShouldBeEmpty();
    }

    [Fact]
    public void All_steps_due_at_once_come_in_escalation_order()
    {
        var facts = Facts("2025-05-31", lastClosed: May(false), missed: 5, missingSince: "2025-01-01", consecutive: 5);
        Decide(facts, "2025-06-06").Select(a => a.Kind).ShouldBe(
        [
            EscalationKind.Chase, EscalationKind.SupervisionOrder, EscalationKind.Summons, EscalationKind.Bulletin,
        ]);
    }

    [Theory]
    [InlineData(3, 5, new[] { "summons:42" })]
    [InlineData(2, 2, new[] { "summons:42", "bulletin:42" })]
    [InlineData(4, 5, new string[0])]
    public void The_thresholds_are_configurable(int summons, int bulletin, string[] flags)
    {
        // 3 misses: the passed deadline, an unanswered order, a missed report.
        IssuedOrder[] orders = [new(D("2025-06-01"), D("2025-06-11"), null, null)];
        var facts = Facts("2025-05-31", missed: 1, orders: orders, issued: ["order:overdue:42:20250531"]);
        Keys(facts, "2025-06-12", new EscalationOptions(SummonsAfterMisses: summons, BulletinAfterMisses: bulletin)).ShouldBe(flags);
    }

    [Fact]
    public void Running_twice_creates_nothing_twice()
    {
        var facts = Facts("2025-05-31", current: May(false), lastClosed: April(false), missed: 3, missingSince: "2025-02-01", consecutive: 3);
        var first = Decide(facts, "2025-06-03");
        first.ShouldNotBeEmpty();
        first.Select(a => a.Key).ShouldBeUnique();

        // The job records what it got; the same day, or any later day with the same facts, yields none of them again.
        var recorded = facts with { IssuedKeys = first.Select(a => a.Key).ToHashSet(), Orders = [new(D("2025-06-03"), D("2025-06-13"), null, null)] };
        Decide(recorded, "2025-06-03").ShouldBeEmpty();
        Decide(recorded, "2025-06-04").Select(a => a.Key).ShouldBeSubsetOf(["reminder:report:42:20250501"]);
        Decide(facts, "2025-06-03").ShouldBe(first);
    }

    [Fact]
    public void Today_comes_from_the_time_provider()
    {
        // 2025-05-31T16:00Z is already 1 June in Beijing: the deadline of 31 May has passed.
        new EscalationRules(EscalationOptions.Default, FixedTime.At("2025-05-31T16:00:00Z")).DueNow(Facts("2025-05-31"))
            .Single().Key.ShouldBe("order:overdue:42:20250531");
    }

    [Fact]
    public void Every_kind_and_cause_has_a_chinese_label()
    {
        Enum.GetValues<EscalationKind>().Select(k => k.Label()).ShouldBe(["提醒", "催办", "督办单", "约谈", "通报"]);
        Enum.GetValues<EscalationCause>().Select(c => c.Label()).ShouldAllBe(label => label.Length > 0);
    }
}
