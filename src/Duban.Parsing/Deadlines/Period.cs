namespace Duban.Parsing.Deadlines;

/// <summary>
/// The stretch of calendar a written date stands for: "2023年" is 2023-01-01…2023-12-31, "2023年6月" is June,
/// "2023年6月底" is the single day 2023-06-30. A deadline is due at <see cref="Last"/>; a measure that starts
/// there starts at <see cref="First"/>.
/// </summary>
internal readonly record struct Period(DateOnly First, DateOnly Last)
{
    // A four-digit number outside these bounds is a count or a code, not a year a plan would name.
    public const int MinYear = 1900;
    public const int MaxYear = 2199;

    public static bool IsPlausibleYear(int year) => year is >= MinYear and <= MaxYear;

    // Every factory takes a year that may be unknown (a year-less "6月底" with no issue year) and then yields no period.

    public static Period? Year(int? year) => year is int y ? new(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)) : null;

    public static Period? Month(int? year, int month) =>
        year is int y ? new(new DateOnly(y, month, 1), new DateOnly(y, month, DateTime.DaysInMonth(y, month))) : null;

    public static Period? Quarter(int? year, int quarter) =>
        Through(Month(year, quarter * 3 - 2), Month(year, quarter * 3));

    public static Period? Day(int? year, int month, int day) => year is int y ? On(new DateOnly(y, month, day)) : null;

    public static Period On(DateOnly day) => new(day, day);

    /// <summary>The last day of <paramref name="period"/>: 年底, 月底, 季度末.</summary>
    public static Period? LastDayOf(Period? period) => period is { } p ? On(p.Last) : null;

    /// <summary>The day before <paramref name="period"/> begins: "7月前" is June 30.</summary>
    public static Period? DayBefore(Period? period) => period is { } p ? On(p.First.AddDays(-1)) : null;

    /// <summary>From the start of <paramref name="from"/> to the end of <paramref name="to"/>: 2021—2023年.</summary>
    public static Period? Through(Period? from, Period? to) =>
        from is { } f && to is { } t ? new(f.First, t.Last) : null;
}
