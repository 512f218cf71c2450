using System.Globalization;

namespace Duban.Core.Assessments;

/// <summary>How points are rounded and written: 四舍五入, the way score sheets are kept by hand.</summary>
public static class Points
{
    /// <summary>An indicator's points and a total: two decimals.</summary>
    public const int Decimals = 2;

    /// <summary>An explanation item's share: four decimals, so that the items add up to the indicator's points.</summary>
    public const int ItemDecimals = 4;

    public static decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    public static decimal RoundItem(decimal value) => Math.Round(value, ItemDecimals, MidpointRounding.AwayFromZero);

    /// <summary>12.5, 8, −3: no trailing zeros.</summary>
    public static string Text(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture).Replace("-", "−");

    /// <summary>A signed change: +2.5, −1, 0.</summary>
    public static string Signed(decimal value) => value > 0 ? "+" + Text(value) : Text(value);

    /// <summary>A rate as a percentage with at most one decimal: 83.3%.</summary>
    public static string Percent(decimal rate) => (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
