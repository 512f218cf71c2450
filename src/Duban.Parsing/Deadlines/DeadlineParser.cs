using Duban.Parsing.Model;

namespace Duban.Parsing.Deadlines;

/// <summary>Reads a 完成时限 / 时间进度 text into a <see cref="Deadline"/>. (Stub: being implemented.)</summary>
public static class DeadlineParser
{
    /// <param name="raw">The deadline as written, e.g. "2023 年 6 月前完成并长期坚持".</param>
    /// <param name="span">Where <paramref name="raw"/> stands in the source.</param>
    /// <param name="issueYear">The plan's issue year, for 年内 and year-less dates; null when unknown.</param>
    public static Deadline Parse(string raw, SourceSpan span, int? issueYear) =>
        new() { Raw = raw, Span = span, Understood = false };
}
