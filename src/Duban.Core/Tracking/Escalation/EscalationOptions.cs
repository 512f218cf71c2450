namespace Duban.Core.Tracking.Escalation;

/// <summary>The thresholds of escalation; every one configurable per deployment.</summary>
/// <param name="ReminderDaysBeforeDeadline">提醒 from this many days before a deadline (the task's, or a rectification's new date) up to the day itself.</param>
/// <param name="ReminderDaysBeforeWindowCloses">提醒 from this many days before a submission window closes, when the report is not in.</param>
/// <param name="MissedReportsForOrder">A 督办单 after this many periods in a row without a report (each of them chased first).</param>
/// <param name="OrderReplyDays">A 督办单 must be answered with a rectification plan within this many days.</param>
/// <param name="SummonsAfterMisses">Flag for 约谈 at this many misses, once a 督办单 has been issued.</param>
/// <param name="BulletinAfterMisses">Flag for 通报 at this many misses, once flagged for 约谈.</param>
/// <param name="FilingOrderDaysLate">A 督办单 on a 备案 (一县一案 / 一校一案) still not made this many days after its due date (docs/cascade.md).</param>
public sealed record EscalationOptions(
    int ReminderDaysBeforeDeadline = 7,
    int ReminderDaysBeforeWindowCloses = 3,
    int MissedReportsForOrder = 2,
    int OrderReplyDays = 10,
    int SummonsAfterMisses = 3,
    int BulletinAfterMisses = 5,
    int FilingOrderDaysLate = 15)
{
    public static EscalationOptions Default { get; } = new();
}
