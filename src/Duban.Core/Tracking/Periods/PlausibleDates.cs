using System.Globalization;

namespace Duban.Core.Tracking.Periods;

/// <summary>
/// The dates the application takes from people and scripts: from 2000 to ten years after today. The plans it tracks
/// are this century's and look a few years ahead, so a date outside is a slip of the keyboard or a probe, and near the
/// calendar's ends it would overflow the period arithmetic (December 9999 has no next month). One rule, so that the
/// API, the pages and the services refuse the same dates with the same words.
/// </summary>
public static class PlausibleDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public const int YearsAhead = 10;

    public static DateOnly Latest(DateOnly today) => today.AddYears(YearsAhead);

    public static bool Contains(DateOnly day, DateOnly today) => Earliest <= day && day <= Latest(today);

    /// <summary>How messages name a date: 2026-03-01.</summary>
    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The refusal of a date outside the range, naming the field: "periodStart（填报周期的第一天）必须在 2000-01-01 至 2036-05-12 之间。"</summary>
    public static string OutOfRange(string field, DateOnly today) => $"{field}必须在 {Text(Earliest)} 至 {Text(Latest(today))} 之间。";
}
