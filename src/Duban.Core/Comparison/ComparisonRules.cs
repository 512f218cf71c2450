using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Status;

namespace Duban.Core.Comparison;

/// <summary>How a region's latest value moved since its previous period (docs/comparison.md).</summary>
public enum Trend
{
    /// <summary>No previous value to compare with (or no value at all).</summary>
    None,

    /// <summary>↑ the value rose.</summary>
    Up,

    /// <summary>↓ the value fell.</summary>
    Down,

    /// <summary>→ the value is the same.</summary>
    Flat,
}

/// <summary>Where one region's part of one task stands, for the completion rate.</summary>
public enum CompletionState
{
    /// <summary>按时完成: every lead of the region is 已完成, none of them late.</summary>
    DoneOnTime,

    /// <summary>逾期完成: every lead of the region is 已完成, at least one after the deadline.</summary>
    DoneLate,

    /// <summary>逾期未完成: not done, and a lead of the region is 逾期.</summary>
    Overdue,

    /// <summary>进行中: anything else (未开始, 推进中, 即将到期, 长期推进, 待摸底).</summary>
    InProgress,
}

/// <summary>
/// A region's task completion: the tasks its organisations lead, each counted once by <see cref="CompletionRules.Part"/>.
/// </summary>
public sealed record CompletionTally(int Tasks, int DoneOnTime, int DoneLate, int Overdue, int InProgress)
{
    public static CompletionTally Empty { get; } = new(0, 0, 0, 0, 0);

    public int Done => DoneOnTime + DoneLate;

    /// <summary>完成率: done (on time or late) / tasks, rounded to 4 places; null without tasks.</summary>
    public decimal? Rate => Tasks == 0 ? null : decimal.Round((decimal)Done / Tasks, 4, MidpointRounding.AwayFromZero);

    /// <summary>按时完成率: done on time / tasks, rounded to 4 places; null without tasks.</summary>
    public decimal? OnTimeRate => Tasks == 0 ? null : decimal.Round((decimal)DoneOnTime / Tasks, 4, MidpointRounding.AwayFromZero);

    public CompletionTally Add(CompletionState state) => state switch
    {
        CompletionState.DoneOnTime => this with { Tasks = Tasks + 1, DoneOnTime = DoneOnTime + 1 },
        CompletionState.DoneLate => this with { Tasks = Tasks + 1, DoneLate = DoneLate + 1 },
        CompletionState.Overdue => this with { Tasks = Tasks + 1, Overdue = Overdue + 1 },
        _ => this with { Tasks = Tasks + 1, InProgress = InProgress + 1 },
    };
}

/// <summary>The pure rules of the comparison across regions (docs/comparison.md). No clock, no storage.</summary>
public static class ComparisonRules
{
    /// <summary>The value's movement from the previous period's value to the latest; <see cref="Trend.None"/> without both.</summary>
    public static Trend TrendOf(decimal? previous, decimal? latest) => (previous, latest) switch
    {
        ({ } p, { } l) when l > p => Trend.Up,
        ({ } p, { } l) when l < p => Trend.Down,
        ({ }, { }) => Trend.Flat,
        _ => Trend.None,
    };

    public static string Arrow(this Trend trend) => trend switch
    {
        Trend.Up => "↑",
        Trend.Down => "↓",
        Trend.Flat => "→",
        _ => "",
    };

    public static string Label(this Trend trend) => trend switch
    {
        Trend.Up => "上升",
        Trend.Down => "下降",
        Trend.Flat => "持平",
        _ => "无上期数据",
    };

    /// <summary>
    /// Whether the move is towards the target: the attainment rate (direction-aware, 1 = met) rose. A falling 辍学率
    /// under an at-most target is ↓ and better; null without both rates or when the rate did not change.
    /// </summary>
    public static bool? Better(decimal? previousRate, decimal? latestRate) => (previousRate, latestRate) switch
    {
        ({ } p, { } l) when l > p => true,
        ({ } p, { } l) when l < p => false,
        _ => null,
    };

    /// <summary>
    /// One region's part of one task from the statuses of the region's lead assignments on it (the assignment's own
    /// status, <see cref="StatusRules"/>): done when every one of them is 已完成 — late when any was late — else
    /// overdue when any is 逾期, else in progress.
    /// </summary>
    public static CompletionState Part(IReadOnlyCollection<StatusResult> leads) => Part(leads.ToArray().AsSpan());

    /// <inheritdoc cref="Part(IReadOnlyCollection{StatusResult})"/>
    /// <remarks>One loop, nothing allocated: 地区对比 calls it for every task of a province (docs/benchmarks.md).</remarks>
    public static CompletionState Part(ReadOnlySpan<StatusResult> leads)
    {
        if (leads.IsEmpty) throw new ArgumentException("A region's part of a task needs at least one lead assignment.", nameof(leads));
        var (done, late, overdue) = (true, false, false);
        foreach (var lead in leads)
        {
            done &= lead.Status == TrackingStatus.Completed;
            late |= lead.Late;
            overdue |= lead.Status == TrackingStatus.Overdue;
        }
        // Late counts only when every lead is done; overdue only when not.
        if (done) return late ? CompletionState.DoneLate : CompletionState.DoneOnTime;
        return overdue ? CompletionState.Overdue : CompletionState.InProgress;
    }

    public static CompletionTally Tally(IEnumerable<CompletionState> parts) => parts.Aggregate(CompletionTally.Empty, (t, p) => t.Add(p));

    /// <summary>The order of bands from worst to best, for sorting and the legend: 滞后, 正常, 已达成, then 无数据.</summary>
    public static int BandOrder(TargetStatus status) => status switch
    {
        TargetStatus.Lagging => 0,
        TargetStatus.OnTrack => 1,
        TargetStatus.Achieved => 2,
        _ => 3,
    };
}
