namespace Duban.Core.Tracking.Periods;

/// <summary>A reporting period as a value: its kind and its first and last day (both included).</summary>
public readonly record struct PeriodSpan(PeriodKind Kind, DateOnly Start, DateOnly End)
{
    /// <summary>The period of the kind that contains the day; any day of the calendar has one.</summary>
    public static PeriodSpan Containing(PeriodKind kind, DateOnly day)
    {
        var months = MonthsOf(kind);
        var firstMonth = (day.Month - 1) / months * months + 1;
        var lastMonth = firstMonth + months - 1;
        // The last day from the month's length rather than "the next period's start minus a day": December 9999 has no next month.
        return new(kind, new DateOnly(day.Year, firstMonth, 1), new DateOnly(day.Year, lastMonth, DateTime.DaysInMonth(day.Year, lastMonth)));
    }

    /// <summary>The period that starts on the day, or null when no period of the kind starts there.</summary>
    public static PeriodSpan? StartingOn(PeriodKind kind, DateOnly start)
    {
        var period = Containing(kind, start);
        return period.Start == start ? period : null;
    }

    /// <summary>Every period of the kind that overlaps [from, to], in order, up to the calendar's last one.</summary>
    public static IEnumerable<PeriodSpan> Between(PeriodKind kind, DateOnly from, DateOnly to)
    {
        for (var period = Containing(kind, from); period.Start <= to; period = period.Next())
        {
            yield return period;
            if (period.IsLast) yield break;
        }
    }

    /// <summary>Whether the period ends on the calendar's last day (31 December 9999), so that no period follows it.</summary>
    public bool IsLast => End == DateOnly.MaxValue;

    /// <summary>Whether the period starts on the calendar's first day (1 January 0001), so that no period precedes it.</summary>
    public bool IsFirst => Start == DateOnly.MinValue;

    public PeriodSpan Next() => IsLast
        ? throw new InvalidOperationException($"{Label} is the calendar's last period; dates that far out are refused where they come in (PlausibleDates).")
        : Containing(Kind, End.AddDays(1));

    public PeriodSpan Previous() => IsFirst
        ? throw new InvalidOperationException($"{Label} is the calendar's first period; dates that far back are refused where they come in (PlausibleDates).")
        : Containing(Kind, Start.AddDays(-1));

    public bool Contains(DateOnly day) => Start <= day && day <= End;

    /// <summary>How people name it: 2026年3月, 2026年第1季度, 2026年上半年.</summary>
    public string Label => Kind switch
    {
        PeriodKind.Monthly => $"{Start.Year}年{Start.Month}月",
        PeriodKind.Quarterly => $"{Start.Year}年第{(Start.Month - 1) / 3 + 1}季度",
        _ => $"{Start.Year}年{(Start.Month == 1 ? "上" : "下")}半年",
    };

    private static int MonthsOf(PeriodKind kind) => kind switch
    {
        PeriodKind.Monthly => 1,
        PeriodKind.Quarterly => 3,
        PeriodKind.HalfYearly => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
