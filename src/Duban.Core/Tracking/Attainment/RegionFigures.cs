namespace Duban.Core.Tracking.Attainment;

/// <summary>Where a region's figure for a period comes from.</summary>
public enum RegionFigureSource
{
    /// <summary>Nothing to show: no value, or only lower-level values in a unit that does not add up.</summary>
    None,

    /// <summary>The organisation that answers for the whole region (全市) reported it.</summary>
    Reported,

    /// <summary>Summed from the values of the organisations below the region (the counties).</summary>
    Summed,
}

/// <summary>
/// A region's value of a target for one period (the 全市 figure of a city's plan).
/// </summary>
/// <param name="Parts">How many lower-level organisations reported a value for the period.</param>
/// <param name="ExpectedParts">How many lower-level organisations are responsible for the target.</param>
/// <param name="Reason">Why there is no figure, in Chinese, when <see cref="Source"/> is <see cref="RegionFigureSource.None"/>.</param>
public sealed record RegionFigure(RegionFigureSource Source, decimal? Value, int Parts, int ExpectedParts, string? Reason)
{
    /// <summary>A sum that is missing some of the lower-level values it should contain.</summary>
    public bool Partial => Source == RegionFigureSource.Summed && Parts < ExpectedParts;
}

/// <summary>
/// The rule for a region-wide target's value (docs/status-rules.md, "Region figures"): the region reports it, or it is
/// summed from the counties where the unit adds up (<see cref="AdditiveUnits"/>). Percentages and ratios are reported,
/// never summed.
/// </summary>
public static class RegionFigures
{
    public const string NotReported = "本期尚未填报。";

    /// <param name="regionValue">The value the region-level organisation reported, if it did.</param>
    /// <param name="parts">The values of the lower-level organisations, one per organisation.</param>
    /// <param name="expectedParts">How many lower-level organisations should report.</param>
    public static RegionFigure For(string unit, decimal? regionValue, IReadOnlyCollection<decimal> parts, int expectedParts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedParts);
        // The region's own figure wins over any sum: it is the one the office answers for, and the counties' values
        // may cover only part of the region (schools the city runs directly are in no county).
        if (regionValue is { } reported) return new(RegionFigureSource.Reported, reported, parts.Count, expectedParts, null);
        if (parts.Count == 0) return new(RegionFigureSource.None, null, 0, expectedParts, NotReported);
        if (!AdditiveUnits.IsAdditive(unit))
            return new(RegionFigureSource.None, null, parts.Count, expectedParts, new NonAdditiveUnitException(unit).Message);
        return new(RegionFigureSource.Summed, AdditiveUnits.Sum(unit, parts), parts.Count, expectedParts, null);
    }
}
