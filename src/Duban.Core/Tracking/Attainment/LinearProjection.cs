namespace Duban.Core.Tracking.Attainment;

/// <summary>
/// Ordinary least squares of value on time, evaluated at a later date. Time is counted in months, a month's last day
/// being a whole month (2025-03-31 → 2025·12 + 3): reporting periods end on month ends, so a figure rising by 5 a year
/// projects to exactly +5 a year, where counting days would lose a little across a leap year and mark it 滞后.
/// </summary>
public static class LinearProjection
{
    /// <summary>
    /// The fitted line's value at <paramref name="at"/>, or null with fewer than two distinct dates: one point has no
    /// trend, and a guess (flat, or from zero) would mark half the targets 滞后 on their first report.
    /// </summary>
    public static Projection? Fit(IReadOnlyList<(DateOnly At, decimal Value)> points, DateOnly at)
    {
        if (points.Select(p => p.At).Distinct().Take(2).Count() < 2) return null;

        // Decimal and centred: the same figures give the same projection on every machine, to the last digit.
        var n = points.Count;
        var meanX = points.Sum(p => Months(p.At)) / n;
        var meanY = points.Sum(p => p.Value) / n;
        decimal sxy = 0, sxx = 0;
        foreach (var (date, value) in points)
        {
            var dx = Months(date) - meanX;
            sxy += dx * (value - meanY);
            sxx += dx * dx;
        }
        var slope = sxy / sxx;
        var projected = meanY + slope * (Months(at) - meanX);
        return new Projection(at, decimal.Round(projected, 6), n);
    }

    /// <summary>Months since year 0, a month's last day being whole: 2024-02-29 → 2024·12 + 2, 2024-02-15 → 2024·12 + 1 + 15/29.</summary>
    public static decimal Months(DateOnly date) =>
        date.Year * 12m + date.Month - 1 + (decimal)date.Day / DateTime.DaysInMonth(date.Year, date.Month);
}
