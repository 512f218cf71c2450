using Duban.Parsing.Model;

namespace Duban.Parsing.Deadlines;

/// <summary>
/// Reads a 完成时限 / 时间进度 text into a <see cref="Deadline"/>, by the rules of docs/parsing-rules.md (Deadlines).
/// Never throws: text it cannot read yields a deadline with <see cref="Deadline.Understood"/> false.
/// </summary>
public static class DeadlineParser
{
    /// <param name="raw">The deadline as written, e.g. "2023 年 6 月前完成并长期坚持".</param>
    /// <param name="span">Where <paramref name="raw"/> stands in the source.</param>
    /// <param name="issueYear">The plan's issue year, for 年内 and year-less dates; null when unknown.</param>
    public static Deadline Parse(string raw, SourceSpan span, int? issueYear)
    {
        var written = raw?.Trim() ?? "";
        var text = DeadlineText.Normalize(written);
        // An issue year no plan could have is treated as unknown rather than trusted into date arithmetic.
        var year = issueYear is int y && Period.IsPlausibleYear(y) ? issueYear : null;

        var recurs = DeadlineWording.TryFindRecurrence(text, out var recurrence);
        var dates = DeadlineDates.Read(new DateExpressionScanner(text, year).Scan(), recurs);
        // A measure that starts on a date and names no end runs on: "2017年起实施".
        var ongoing = recurs || DeadlineWording.SaysOngoing(text) || dates.RunsOn;

        var (due, start) = (dates.Due, dates.Start);
        if (due is null && start is null && FiveYearPlan(text) is var (first, last))
            (start, due) = (new DateOnly(first, 1, 1), new DateOnly(last, 12, 31));

        return new Deadline
        {
            Raw = written,
            Span = span,
            Due = due,
            Start = start,
            Ongoing = ongoing,
            Recurrence = recurrence,
            Understood = due is not null || start is not null || ongoing || recurrence is not null,
        };
    }

    /// <summary>
    /// The years of a five-year plan period named without dates: “十四五”期间 → 2021–2025, 十三五 → 2016–2020
    /// (the 十一五 of 2006 to the 十五五 of 2026–2030); null when the text names none.
    /// </summary>
    private static (int First, int Last)? FiveYearPlan(string text)
    {
        for (var i = text.IndexOf('十'); i >= 0 && i + 2 < text.Length; i = text.IndexOf('十', i + 1))
        {
            var n = "一二三四五".IndexOf(text[i + 1]);
            if (n < 0 || text[i + 2] != '五') continue;
            var first = 2006 + 5 * n;
            return (first, first + 4);
        }
        return null;
    }
}
