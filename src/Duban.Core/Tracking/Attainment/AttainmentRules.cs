using Duban.Core.Tracking.Status;
using Duban.Parsing.Model;

namespace Duban.Core.Tracking.Attainment;

/// <summary>Direction-aware attainment of a target, its projection to the target's year and its status (docs/status-rules.md).</summary>
public sealed class AttainmentRules(AttainmentOptions options, TimeProvider time)
{
    public TargetAssessment Assess(TargetFacts target, IReadOnlyList<ObservationFact> observations) =>
        Assess(target, observations, TrackingDay.Today(time), options);

    /// <summary>
    /// 无数据 without observations; 已达成 when the latest meets the target; 滞后 when the deadline has passed, or when the
    /// line through the observations does not meet the target at the deadline; 正常 otherwise.
    /// </summary>
    public static TargetAssessment Assess(
        TargetFacts target, IReadOnlyList<ObservationFact> observations, DateOnly today, AttainmentOptions options)
    {
        if (observations.Count == 0) return new(TargetStatus.NoData, null, null, null);

        var latest = observations.MaxBy(o => o.PeriodEnd)!;
        var attainment = Attain(target, latest, options);
        // A per-year figure is judged within its calendar year: the year of the latest value, from that year's values.
        int? year = target.PerYear ? latest.PeriodEnd.Year : target.Year;
        // Without a year of its own, a task's target is due when its task is.
        DateOnly? deadline = year is { } y ? new DateOnly(y, 12, 31) : target.TaskDue;
        if (attainment.Met) return new(TargetStatus.Achieved, attainment, deadline, null);
        if (deadline is not { } end) return new(TargetStatus.OnTrack, attainment, null, null);
        if (today > end) return new(TargetStatus.Lagging, attainment, deadline, null);

        var points = observations
            .Where(o => !target.PerYear || o.PeriodEnd.Year == end.Year)
            .Select(o => (o.PeriodEnd, Measure(target, o)))
            .ToList();
        var projection = LinearProjection.Fit(points, end);
        var lagging = projection is not null && !Evaluate(target, projection.Value, options).Met;
        return new(lagging ? TargetStatus.Lagging : TargetStatus.OnTrack, attainment, deadline, projection);
    }

    public static TargetAttainment Attain(TargetFacts target, ObservationFact observation, AttainmentOptions options) =>
        Evaluate(target, Measure(target, observation), options);

    /// <summary>The attainment of a value already in the target's measure (for a ratio, the first term's share).</summary>
    public static TargetAttainment Evaluate(TargetFacts target, decimal actual, AttainmentOptions options)
    {
        var (low, high) = Band(target, options);
        if (low is { } l && actual < l)
            return new(actual, l > 0 && actual > 0 ? actual / l : 0, false, actual - l);
        if (high is { } h && actual > h)
            return new(actual, h > 0 ? h / actual : 0, false, actual - h);

        var rate = (low, high) switch
        {
            ({ } onlyLow, null) => onlyLow > 0 ? actual / onlyLow : 1,
            // At most, met: the inverse; a value of 0 has no finite inverse and counts as exactly met.
            (null, { } onlyHigh) => actual > 0 ? onlyHigh / actual : 1,
            _ => 1,
        };
        return new(actual, rate, true, 0);
    }

    /// <summary>
    /// The value an observation is compared by: the value itself, or for a ratio the first term's share a / (a + b), so
    /// 职普比 4:6 is a share of 40 % and 3800:6200 one of 38 %.
    /// </summary>
    public static decimal Measure(TargetFacts target, ObservationFact observation)
    {
        if (!target.IsRatio) return observation.Value;
        if (observation.RatioSecond is not { } second)
            throw new ArgumentException("比例指标的实际值须填两项（如 4.2:5.8）。", nameof(observation));
        var total = observation.Value + second;
        if (observation.Value < 0 || second < 0 || total <= 0)
            throw new ArgumentException("比例指标的两项须为非负数且不全为零。", nameof(observation));
        return observation.Value / total;
    }

    /// <summary>The band of values that meet the target, in its measure; a null bound is open.</summary>
    public static (decimal? Low, decimal? High) Band(TargetFacts target, AttainmentOptions options)
    {
        var value = TargetMeasure(target, target.Value);
        var tolerance = options.ApproximateTolerance;
        return target.Comparator switch
        {
            // 达到5所 / 建成… is read as a floor: more schools than promised is not a miss.
            Comparator.AtLeast or Comparator.Equal => (value, null),
            Comparator.AtMost => (null, value),
            Comparator.Range => (value, TargetMeasure(target, target.ValueMax ?? target.Value)),
            Comparator.Approximately => (value * (1 - tolerance), value * (1 + tolerance)),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Comparator, null),
        };
    }

    private static decimal TargetMeasure(TargetFacts target, decimal first) =>
        target.IsRatio ? first / (first + target.Terms.Second) : first;
}
