using Duban.Core.Notifications;
using Duban.Core.Tracking.Escalation;
using Duban.Core.Tracking.Periods;

namespace Duban.Data.Supervision;

/// <summary>What an escalation action tells people, in Chinese.</summary>
public sealed record EscalationMessage(string NotificationKind, string Title, string Body);

public static class EscalationMessages
{
    public static EscalationMessage For(TrackedAssignment a, EscalationAction action, DateOnly today)
    {
        var who = a.OrganizationName;
        var period = action.About is { } start && PeriodSpan.StartingOn(a.CycleKind, start) is { } span ? span.Label : null;
        return (action.Kind, action.Cause) switch
        {
            (EscalationKind.Reminder, EscalationCause.DeadlineApproaching) => new(NotificationKinds.Reminder,
                $"提醒：{a.TaskLabel}将于{Day(action.About)}到期",
                $"{who}承担的{a.TaskLabel}完成时限为{Day(action.About)}，请抓紧推进并及时报送进展。"),
            (EscalationKind.Reminder, _) => new(NotificationKinds.Reminder,
                $"提醒：请报送{period}进展",
                $"{who}尚未报送{a.TaskLabel}{period}的进展，请在填报截止前报送。"),
            (EscalationKind.Chase, _) => new(NotificationKinds.Chase,
                $"催办：{period}进展未报送",
                $"{who}未按期报送{a.TaskLabel}{period}的进展，请尽快补报。"),
            (EscalationKind.SupervisionOrder, EscalationCause.Overdue) => new(NotificationKinds.SupervisionOrder,
                $"督办单：{a.TaskLabel}逾期未完成",
                $"{who}承担的{a.TaskLabel}已超过完成时限{Day(action.About)}仍未完成，请于{Day(action.ReplyBy)}前回复整改措施和新的完成时间。"),
            (EscalationKind.SupervisionOrder, _) => new(NotificationKinds.SupervisionOrder,
                $"督办单：{a.TaskLabel}连续未报送进展",
                $"{who}自{Day(action.About)}起连续未报送{a.TaskLabel}的进展，请于{Day(action.ReplyBy)}前回复整改措施和新的完成时间。"),
            (EscalationKind.Summons, _) => new(NotificationKinds.Summons,
                $"约谈：{who}多次未按期完成、报送或回复",
                $"{who}在{a.TaskLabel}上多次未按期完成、报送进展或回复督办单，已列入约谈。"),
            _ => new(NotificationKinds.Bulletin,
                $"通报：{who}多次未按期完成、报送或回复",
                $"{who}在{a.TaskLabel}上经约谈后仍多次未按期完成、报送进展或回复督办单，已列入通报。"),
        };
    }

    private static string Day(DateOnly? day) => day is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : "";
}
