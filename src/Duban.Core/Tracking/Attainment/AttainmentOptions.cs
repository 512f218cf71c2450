namespace Duban.Core.Tracking.Attainment;

/// <param name="ApproximateTolerance">
/// 左右 / 约 / 大体相当 targets are met within ± this fraction of the target (0.10: 5个左右 → 4.5–5.5; 职普比大体相当 →
/// share 45 %–55 %).
/// </param>
public sealed record AttainmentOptions(decimal ApproximateTolerance = 0.10m)
{
    public static AttainmentOptions Default { get; } = new();
}
