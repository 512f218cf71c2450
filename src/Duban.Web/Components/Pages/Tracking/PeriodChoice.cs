using System.Globalization;
using Duban.Core.Tracking.Periods;

namespace Duban.Web.Components.Pages.Tracking;

/// <summary>
/// The period a tracking page's address asks for (?period=2026-03-01), or what is wrong with it in the words the page
/// shows: not a date, outside <see cref="PlausibleDates"/>, not a first day of the plan's cycle, or not begun (the
/// period is kept then, so that the page can name it).
/// </summary>
public sealed record PeriodChoice(PeriodSpan? Period, string? Error)
{
    /// <param name="example">The period the message offers as an example of a valid first day.</param>
    public static PeriodChoice Read(string text, ReportingCycle cycle, DateOnly today, PeriodSpan example)
    {
        var notAFirstDay = new PeriodChoice(null, $"period（填报周期）必须是该计划某个填报周期的第一天（yyyy-MM-dd），例如 {PlausibleDates.Text(example.Start)}。");
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)) return notAFirstDay;
        if (!PlausibleDates.Contains(start, today)) return new(null, PlausibleDates.OutOfRange("period（填报周期）", today));
        if (PeriodSpan.StartingOn(cycle.Kind, start) is not { } chosen) return notAFirstDay;
        return chosen.Start > today ? new(chosen, $"{chosen.Label}尚未开始，不能填报。") : new(chosen, null);
    }
}
