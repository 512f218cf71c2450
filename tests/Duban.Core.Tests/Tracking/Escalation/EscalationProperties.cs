using Duban.Core.Tracking.Escalation;
using FsCheck;
using FsCheck.Fluent;

namespace Duban.Core.Tests.Tracking.Escalation;

public sealed class EscalationProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static readonly DateOnly Origin = new(2024, 1, 1);

    // Assignments anywhere in 2024–2025: a deadline or none, a current and a last window reported or not, misses and orders.
    private static readonly Arbitrary<EscalationFacts> AnyFacts =
        (from due in Gen.Choose(-1, 730)
         from month in Gen.Choose(1, 23)
         from currentIn in Gen.Elements(true, false)
         from lastIn in Gen.Elements(true, false)
         from missed in Gen.Choose(0, 8)
         from consecutive in Gen.Choose(0, 4)
         from orderDay in Gen.Choose(-1, 700)
         from replied in Gen.Choose(-1, 20)
         select Facts(due, month, currentIn, lastIn, missed, consecutive, orderDay, replied)).ToArbitrary();

    private static readonly Arbitrary<int> Days = Gen.Choose(0, 800).ToArbitrary();

    private static EscalationFacts Facts(int due, int month, bool currentIn, bool lastIn, int missed, int consecutive, int orderDay, int replied)
    {
        ReportingWindow Window(int m, bool reported)
        {
            var start = Origin.AddMonths(m);
            return new(start, start.AddMonths(1).AddDays(-1), start.AddMonths(1).AddDays(4), reported);
        }

        IssuedOrder[] orders = orderDay < 0 ? [] :
        [
            new(Origin.AddDays(orderDay), Origin.AddDays(orderDay + 10),
                replied < 0 ? null : Origin.AddDays(orderDay + replied), Origin.AddDays(orderDay + 60), Closed: replied % 3 == 0),
        ];
        return new(7, due < 0 ? null : Origin.AddDays(due), false, Window(month, currentIn), Window(month - 1, lastIn),
            missed, consecutive > 0 ? Origin.AddMonths(month - consecutive) : null, consecutive, orders, new HashSet<string>());
    }

    [Fact]
    public void Recording_what_is_due_leaves_nothing_due_the_same_day() =>
        Check.One(Config, Prop.ForAll(AnyFacts, Days, (facts, day) =>
        {
            var today = Origin.AddDays(day);
            var first = EscalationRules.Decide(facts, today, EscalationOptions.Default);
            // The recorder stores the order it issues: the facts of the next run hold it, open.
            var issued = first.Where(a => a.Kind == EscalationKind.SupervisionOrder).Select(a => new IssuedOrder(today, a.ReplyBy!.Value, null, null));
            var again = EscalationRules.Decide(
                facts with { IssuedKeys = first.Select(a => a.Key).ToHashSet(), Orders = [.. facts.Orders, .. issued] }, today, EscalationOptions.Default);
            return again.Count == 0 && first.Select(a => a.Key).Distinct().Count() == first.Count;
        }));

    [Fact]
    public void At_most_one_order_and_none_while_one_is_open() =>
        Check.One(Config, Prop.ForAll(AnyFacts, Days, (facts, day) =>
        {
            var orders = EscalationRules.Decide(facts, Origin.AddDays(day), EscalationOptions.Default).Count(a => a.Kind == EscalationKind.SupervisionOrder);
            return orders <= (facts.Orders.Any(o => !o.Closed) ? 0 : 1);
        }));

    [Fact]
    public void Actions_come_in_escalation_order() =>
        Check.One(Config, Prop.ForAll(AnyFacts, Days, (facts, day) =>
        {
            var kinds = EscalationRules.Decide(facts, Origin.AddDays(day), EscalationOptions.Default).Select(a => (int)a.Kind).ToList();
            return kinds.SequenceEqual(kinds.Order());
        }));

    [Fact]
    public void The_same_facts_and_day_give_the_same_keys() =>
        Check.One(Config, Prop.ForAll(AnyFacts, Days, (facts, day) =>
            EscalationRules.Decide(facts, Origin.AddDays(day), EscalationOptions.Default).Select(a => a.Key)
                .SequenceEqual(EscalationRules.Decide(facts with { }, Origin.AddDays(day), EscalationOptions.Default).Select(a => a.Key))));
}
