namespace Duban.Core.Tracking.Status;

/// <summary>Where an assignment or a task stands. The order of the members is not the precedence; see <see cref="StatusRules"/>.</summary>
public enum TrackingStatus
{
    /// <summary>未开始: no approved report says work has begun.</summary>
    NotStarted,

    /// <summary>推进中.</summary>
    InProgress,

    /// <summary>已完成: the approved report(s) of the lead(s) say so.</summary>
    Completed,

    /// <summary>即将到期: due within the window (30 days by default) and not done.</summary>
    DueSoon,

    /// <summary>逾期: past due and not done.</summary>
    Overdue,

    /// <summary>长期推进·正常: an ongoing task reported for the last closed period.</summary>
    OngoingOnTrack,

    /// <summary>长期推进·缺报: an ongoing task without a report for the last closed period.</summary>
    OngoingMissingReport,

    /// <summary>待摸底: the deadline passed before the plan's tracking start and the lead has not stated its current state yet (docs/status-rules.md).</summary>
    AwaitingBaseline,
}

public static class TrackingStatusLabels
{
    /// <summary>The label the UI shows.</summary>
    public static string Label(this TrackingStatus status) => status switch
    {
        TrackingStatus.NotStarted => "未开始",
        TrackingStatus.InProgress => "推进中",
        TrackingStatus.Completed => "已完成",
        TrackingStatus.DueSoon => "即将到期",
        TrackingStatus.Overdue => "逾期",
        TrackingStatus.OngoingOnTrack => "长期推进·正常",
        TrackingStatus.OngoingMissingReport => "长期推进·缺报",
        TrackingStatus.AwaitingBaseline => "待摸底",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
