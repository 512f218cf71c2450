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

        return new Deadline
        {
            Raw = written,
            Span = span,
            Due = dates.Due,
            Start = dates.Start,
            Ongoing = ongoing,
            Recurrence = recurrence,
            Understood = dates.Due is not null || dates.Start is not null || ongoing || recurrence is not null,
        };
    }
}
