namespace Duban.Core.Tracking.Status;

/// <summary>
/// The state a progress report declares (the reporter's choice). The rules' own copy, so that they do not depend on how
/// reports are stored; the persistence side maps its report state onto it.
/// </summary>
public enum ReportedState
{
    /// <summary>未启动.</summary>
    NotStarted,

    /// <summary>推进中.</summary>
    InProgress,

    /// <summary>已完成.</summary>
    Completed,

    /// <summary>长期推进.</summary>
    Ongoing,
}

public static class ReportedStateLabels
{
    public static string Label(this ReportedState state) => state switch
    {
        ReportedState.NotStarted => "未启动",
        ReportedState.InProgress => "推进中",
        ReportedState.Completed => "已完成",
        ReportedState.Ongoing => "长期推进",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
