namespace Duban.Parsing.Deadlines;

/// <summary>The due and start dates of a deadline, drawn from all the dates written in it.</summary>
/// <param name="RunsOn">
/// True when the text names a start and no end ("2017年起实施"), even if the start's year is unknown.
/// </param>
internal readonly record struct DeadlineDates(DateOnly? Due, DateOnly? Start, bool RunsOn)
{
    /// <param name="recurring">
    /// True for 每年12月底前 and the like: the due date is then the first occurrence, so the earliest; otherwise the
    /// task is done when its last milestone is ("2021年底前完成试点，2022年底前全面推开"), so the latest.
    /// </param>
    public static DeadlineDates Read(IEnumerable<DateExpression> expressions, bool recurring)
    {
        DateOnly? due = null, start = null;
        bool namesStart = false, namesEnd = false;
        foreach (var e in expressions)
        {
            namesStart |= e.Role == DateRole.Start;
            namesEnd |= e.Role != DateRole.Start;
            if (e.Period is not { } period) continue;
            if (e.Role is DateRole.Due or DateRole.Range)
                due = due is not { } d ? period.Last : recurring ? Min(d, period.Last) : Max(d, period.Last);
            if (e.Role is DateRole.Start or DateRole.Range)
                start = start is not { } s ? period.First : Min(s, period.First);
        }
        return new DeadlineDates(due, start, namesStart && !namesEnd);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
