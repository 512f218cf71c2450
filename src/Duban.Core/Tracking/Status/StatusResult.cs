namespace Duban.Core.Tracking.Status;

/// <summary>A status and what goes with it.</summary>
/// <param name="Late">Completed after the deadline (已完成, but late): recorded, never turned back into 逾期.</param>
/// <param name="DaysLeft">Days from today to the deadline (0 on the day, negative once past); null without a deadline.</param>
public sealed record StatusResult(TrackingStatus Status, bool Late, int? DaysLeft)
{
    public string Label => Status.Label();
}
