namespace Duban.Core.Tracking.Baseline;

/// <summary>What an organisation states about a task whose deadline passed before tracking started (摸底 / 初始状态).</summary>
public enum BaselineState
{
    /// <summary>未开展: the normal rules apply to the original deadline (overdue → escalation).</summary>
    NotStarted = 1,

    /// <summary>推进中, with a new date that becomes the deadline held to.</summary>
    InProgress = 2,

    /// <summary>已完成: nothing more is asked.</summary>
    Completed = 3,
}

public static class BaselineStateLabels
{
    public static string Label(this BaselineState state) => state switch
    {
        BaselineState.NotStarted => "未开展",
        BaselineState.InProgress => "推进中（新的完成时间）",
        BaselineState.Completed => "已完成",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
