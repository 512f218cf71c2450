namespace Duban.Core.Tracking.Attainment;

/// <summary>How far a value is from its target.</summary>
/// <param name="Actual">The value compared: the reported value, or for a ratio the first term's share a / (a + b).</param>
/// <param name="Rate">
/// Direction-aware attainment, 1 = exactly met: at least → actual / target (above 1 when exceeded); at most → target /
/// actual; band → 1 inside, low / … below, high / actual above. 0 when it cannot be met by this value at all.
/// </param>
/// <param name="Met">The value satisfies the target.</param>
/// <param name="Distance">Signed distance to the band in the target's measure: negative below, positive above, 0 when met.</param>
public sealed record TargetAttainment(decimal Actual, decimal Rate, bool Met, decimal Distance);

/// <summary>Where a target stands.</summary>
public enum TargetStatus
{
    /// <summary>无数据.</summary>
    NoData,

    /// <summary>正常: not met yet, but the projection reaches the target by its year (or cannot tell yet).</summary>
    OnTrack,

    /// <summary>滞后 (指标滞后): the projection does not reach the target by its year, or the year has passed.</summary>
    Lagging,

    /// <summary>已达成: the latest value meets the target.</summary>
    Achieved,
}

public static class TargetStatusLabels
{
    public static string Label(this TargetStatus status) => status switch
    {
        TargetStatus.NoData => "无数据",
        TargetStatus.OnTrack => "正常",
        TargetStatus.Lagging => "滞后",
        TargetStatus.Achieved => "已达成",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>A straight line's value at <paramref name="At"/>, fitted on <paramref name="Points"/> observations.</summary>
public sealed record Projection(DateOnly At, decimal Value, int Points);

/// <summary>A target's status with the figures behind it.</summary>
/// <param name="Latest">The attainment of the latest observation, null without data.</param>
/// <param name="Deadline">31 December of the target's year (of the current year for a per-year target); without a year, its
/// task's deadline; else null.</param>
/// <param name="Projection">Null with fewer than two observations (two distinct period ends) or without a deadline.</param>
public sealed record TargetAssessment(TargetStatus Status, TargetAttainment? Latest, DateOnly? Deadline, Projection? Projection)
{
    public string Label => Status.Label();
}
