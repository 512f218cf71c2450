namespace Duban.Core.Governance;

/// <summary>One period in which a body owes a meeting: 2026年上半年, or 2026年第2次（5月—8月）.</summary>
public sealed record CadenceWindow(int Year, int Index, int Count, DateOnly Start, DateOnly End)
{
    public string Label => Count switch
    {
        1 => $"{Year}年",
        2 => $"{Year}年{(Index == 1 ? "上" : "下")}半年",
        4 => $"{Year}年第{Index}季度",
        _ => $"{Year}年第{Index}期（{Start.Month}月—{End.Month}月）",
    };
}

public enum WindowState
{
    /// <summary>A meeting was held in it.</summary>
    Met,
    /// <summary>It is over and no meeting was held: the cadence was missed (督办).</summary>
    Missed,
    /// <summary>Today lies in it and no meeting has been held yet.</summary>
    Open,
    /// <summary>It has not begun.</summary>
    Upcoming,
}

/// <summary>A window and what happened in it.</summary>
/// <param name="DueSoon">Open, and it closes within the reminder lead: the office is reminded.</param>
public sealed record WindowStatus(CadenceWindow Window, WindowState State, IReadOnlyList<DateOnly> Meetings, bool DueSoon)
{
    public string StateLabel => State switch
    {
        WindowState.Met => "已召开",
        WindowState.Missed => "未按期召开",
        WindowState.Open => DueSoon ? "即将到期" : "待召开",
        _ => "未开始",
    };
}

/// <summary>
/// The cadence rule (docs/governance.md, "Cadence"): a body meeting N times a year (每半年一次 → 2, 每年至少2次 → 2) owes
/// one meeting in each of N equal parts of the calendar year, cut at month boundaries (N = 2: January–June and
/// July–December). Any meeting of the body in a window meets it; a window over without one is missed. Windows are judged
/// from the day tracking of the body starts: the window holding that day is the first.
/// </summary>
public static class CadenceRules
{
    /// <summary>The reminder lead: the office is reminded this many days before an open window closes.</summary>
    public const int DefaultReminderDays = 30;

    /// <summary>The windows of a year for a cadence; N is the times per year rounded up, between 1 and 12.</summary>
    public static IReadOnlyList<CadenceWindow> WindowsOf(int year, decimal timesPerYear)
    {
        var count = Count(timesPerYear);
        var windows = new List<CadenceWindow>(count);
        for (var i = 0; i < count; i++)
        {
            var firstMonth = 12 * i / count + 1;
            var lastMonth = 12 * (i + 1) / count;
            var start = new DateOnly(year, firstMonth, 1);
            var end = new DateOnly(year, lastMonth, DateTime.DaysInMonth(year, lastMonth));
            windows.Add(new CadenceWindow(year, i + 1, count, start, end));
        }
        return windows;
    }

    public static int Count(decimal timesPerYear) => (int)Math.Clamp(Math.Ceiling(timesPerYear), 1m, 12m);

    /// <summary>
    /// Every window from the one holding <paramref name="from"/> up to the one after today's (so the next is shown),
    /// each with the meetings held in it and its state on <paramref name="today"/>.
    /// </summary>
    public static IReadOnlyList<WindowStatus> Evaluate(decimal timesPerYear, DateOnly from, DateOnly today, IEnumerable<DateOnly> meetings,
        int reminderDays = DefaultReminderDays)
    {
        var held = meetings.Order().ToList();
        var result = new List<WindowStatus>();
        if (from > today) from = today;
        var shownNext = false;
        for (var year = from.Year; year <= today.Year + 1 && !shownNext; year++)
        {
            foreach (var window in WindowsOf(year, timesPerYear))
            {
                if (window.End < from) continue;
                if (window.Start > today)
                {
                    result.Add(new WindowStatus(window, WindowState.Upcoming, [], false));
                    shownNext = true;
                    break;
                }
                var inside = held.Where(d => d >= window.Start && d <= window.End).ToList();
                var state = inside.Count > 0 ? WindowState.Met : window.End < today ? WindowState.Missed : WindowState.Open;
                var dueSoon = state == WindowState.Open && window.End.DayNumber - today.DayNumber <= reminderDays;
                result.Add(new WindowStatus(window, state, inside, dueSoon));
            }
        }
        return result;
    }
}
