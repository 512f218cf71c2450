using System.Globalization;
using Duban.Core.Tracking.Status;

namespace Duban.Core.Tracking.Escalation;

/// <summary>
/// Which reminders, chases, supervision orders and flags are due for an assignment today (docs/status-rules.md). Pure:
/// the job records what this returns, and a key already recorded is never returned again, so running twice, or on two
/// instances, creates nothing twice (the store's unique key catches the race).
/// </summary>
public sealed class EscalationRules(EscalationOptions options, TimeProvider time)
{
    public IReadOnlyList<EscalationAction> DueNow(EscalationFacts facts) => Decide(facts, TrackingDay.Today(time), options);

    /// <summary>The actions due, in escalation order: 提醒 → 催办 → 督办 → 约谈 → 通报.</summary>
    public static IReadOnlyList<EscalationAction> Decide(EscalationFacts facts, DateOnly today, EscalationOptions options)
    {
        // Once the completion is approved nothing more is asked; the history stays on the timeline. A deadline from
        // before tracking started waits for the baseline report (待摸底): escalating it would flood the organisations
        // with orders about work nobody has asked them about yet.
        if (facts.Done || facts.AwaitingBaseline) return [];

        var id = facts.AssignmentId;
        var deadline = Deadline(facts);
        var actions = new List<EscalationAction>();

        if (deadline is { } d && DaysBetween(today, d) is var left && left >= 0 && left <= options.ReminderDaysBeforeDeadline)
            actions.Add(new(EscalationKind.Reminder, EscalationCause.DeadlineApproaching, id, Key("reminder:deadline", id, d), d));
        if (facts.Current is { Reported: false } open && DaysBetween(today, open.Closes) is var toClose
            && toClose >= 0 && toClose <= options.ReminderDaysBeforeWindowCloses)
            actions.Add(new(EscalationKind.Reminder, EscalationCause.WindowClosing, id, Key("reminder:report", id, open.PeriodStart), open.PeriodStart));

        if (facts.LastClosed is { Reported: false } missed && today > missed.Closes)
            actions.Add(new(EscalationKind.Chase, EscalationCause.ReportMissing, id, Key("chase", id, missed.PeriodStart), missed.PeriodStart));

        // One 督办单 at a time: while one is open (not 已办结) the organisation answers that one, and of two lapses found
        // the same day only the first gets an order. The other lapse is not lost (its key is not recorded): its order
        // follows once the office closes the open one, if the lapse still stands.
        var replyBy = today.AddDays(options.OrderReplyDays);
        var orders = new List<EscalationAction>();
        if (deadline is { } due && today > due)
            orders.Add(new(EscalationKind.SupervisionOrder, EscalationCause.Overdue, id, Key("order:overdue", id, due), due, replyBy));
        if (facts.ConsecutiveMissedReports >= options.MissedReportsForOrder && facts.MissingSince is { } since)
            orders.Add(new(EscalationKind.SupervisionOrder, EscalationCause.RepeatedlyMissing, id, Key("order:missing", id, since), since, replyBy));
        if (!facts.Orders.Any(o => !o.Closed) && orders.FirstOrDefault(o => !facts.IssuedKeys.Contains(o.Key)) is { } order)
            actions.Add(order);

        // Each step needs the one before it: no 约谈 without a 督办单, no 通报 without 约谈 (earlier, or in this run).
        var misses = Misses(facts, today);
        var ordered = facts.Orders.Count > 0 || actions.Any(a => a.Kind == EscalationKind.SupervisionOrder);
        var summonsKey = string.Create(CultureInfo.InvariantCulture, $"summons:{id}");
        if (misses >= options.SummonsAfterMisses && ordered)
            actions.Add(new(EscalationKind.Summons, EscalationCause.RepeatedMisses, id, summonsKey, null));
        var summoned = facts.IssuedKeys.Contains(summonsKey) || actions.Any(a => a.Kind == EscalationKind.Summons);
        if (misses >= options.BulletinAfterMisses && summoned)
            actions.Add(new(EscalationKind.Bulletin, EscalationCause.RepeatedMisses, id, string.Create(CultureInfo.InvariantCulture, $"bulletin:{id}"), null));

        return [.. actions.Where(a => !facts.IssuedKeys.Contains(a.Key))];
    }

    /// <summary>The date the assignment is held to: the task's deadline, or a rectification's later new date.</summary>
    public static DateOnly? Deadline(EscalationFacts facts)
    {
        DateOnly? deadline = facts.Due;
        foreach (var order in facts.Orders)
            if (order.RepliedOn is not null && order.NewDate is { } promised && (deadline is null || promised > deadline))
                deadline = promised;
        return deadline;
    }

    /// <summary>
    /// Misses: closed periods without a report, deadlines passed while not done (the task's and each rectification's new
    /// date), and open 督办单 not answered by their reply date. A closed order is no miss: the office settled it.
    /// </summary>
    public static int Misses(EscalationFacts facts, DateOnly today)
    {
        var deadlines = facts.Orders.Where(o => o.RepliedOn is not null).Select(o => o.NewDate).Append(facts.Due)
            .OfType<DateOnly>().Distinct().Count(d => d < today);
        var unanswered = facts.Orders.Count(o => !o.Closed && o.ReplyBy < today && (o.RepliedOn is not { } replied || replied > o.ReplyBy));
        return facts.MissedReports + deadlines + unanswered;
    }

    private static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    private static string Key(string kind, long assignmentId, DateOnly date) =>
        $"{kind}:{assignmentId.ToString(CultureInfo.InvariantCulture)}:{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
}
