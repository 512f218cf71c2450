using Duban.Parsing.Deadlines;
using Duban.Parsing.Model;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tasks;

/// <summary>
/// A deadline written inside a task's text rather than in a 完成时限 field: "2024年底前，完成…", "于2025年6月底前建成…";
/// in a plan for one year also "6月底前完成…", "年底前全部完工".
/// Only a date with a written year that ends in 前 (以前, 之前) counts: "到2025年，…" states a goal year and "2024年起"
/// a start, neither of which says when the task itself is due. When the text names several, the last one is taken:
/// stages run up to the task's completion.
/// </summary>
internal static class TextDeadline
{
    // Characters a date may hold between its year and its 前: 2025年6月底, 2024年第三季度末, 2023年12月31日.
    private const string DateChars = "0123456789月日号底末中上下半季度第一二三四";
    private const int MaxDateTail = 12;

    /// <param name="titleYear">The one year the plan's title names (2025年…工作要点): its year-less dates in the text —
    /// 6月底前, 年底前, 每年3月底前 — fall in it and are read too. Null for a plan over several years, where they do not.</param>
    public static Deadline? Find(MappedText text, int? issueYear, int? titleYear = null)
    {
        using var scratch = new CharFolding.Scratch(text.Span);
        var folded = scratch.Span;
        Deadline? found = null;
        var foundAt = -1;
        if (titleYear is not null) (found, foundAt) = YearLess(text, folded, titleYear.Value);
        for (var at = folded.IndexOf('年'); at >= 0; at = NextYear(folded, at + 1))
        {
            var start = at;
            while (start > 0 && char.IsAsciiDigit(folded[start - 1]) && at - start < 4) start--;
            if (at - start != 4 || (start > 0 && char.IsAsciiDigit(folded[start - 1]))) continue;
            var end = at + 1;
            while (end < folded.Length && end - at <= MaxDateTail && DateChars.Contains(folded[end])) end++;
            var close = end;
            if (close < folded.Length && folded[close] is '以' or '之') close++;
            if (close >= folded.Length || folded[close] != '前') continue;
            var phrase = text.Slice(start, close + 1 - start);
            var deadline = DeadlineParser.Parse(phrase.Value, phrase.SourceSpan, issueYear);
            if (deadline.Due is not null && start > foundAt) (found, foundAt) = (deadline, start);
            at = close;
        }
        return found;
    }

    // What a year-less date may hold before its 前: 6月底, 12月31日, 9月中旬, 三季度末 is left out (第三季度 needs its year).
    private const string MonthChars = "0123456789月日号底末中上下旬";

    /// <summary>
    /// The last year-less date ending in 前 in the text of a plan for one year: 6月底前, 9月30日前, 年底前 (not 2025年底前,
    /// read with its year; not 3年底前 or 次年6月底前, which do not fall in the plan's year). 每年3月底前 keeps its 每年.
    /// </summary>
    private static (Deadline? Found, int At) YearLess(MappedText text, ReadOnlySpan<char> folded, int year)
    {
        (Deadline?, int) found = (null, -1);
        for (var at = folded.IndexOf('前'); at >= 0; at = Next(folded, at + 1, '前'))
        {
            var end = at;
            if (end > 0 && folded[end - 1] is '以' or '之') end--;
            var start = end;
            if (end >= 2 && folded[end - 2] == '年' && folded[end - 1] is '底' or '末') start = end - 2;
            else
            {
                while (start > 0 && end - start < 10 && MonthChars.Contains(folded[start - 1])) start--;
                if (start == end || !char.IsAsciiDigit(folded[start]) || !folded[start..end].Contains('月')) continue;
            }
            var before = start > 0 ? folded[start - 1] : ' ';
            // 2025年6月底前 is read with its year; 3年底前, 两年底前, 次年6月底前 are no date of the plan's year.
            if (before == '年' && start >= 2 && folded[start - 2] == '每') start -= 2;
            else if (char.IsAsciiDigit(before) || before is '年' or '次' or '明' or '去' or '上' or '下' || Numeral.IsChineseDigit(before)) continue;
            var phrase = text.Slice(start, at + 1 - start);
            var deadline = DeadlineParser.Parse(phrase.Value, phrase.SourceSpan, year);
            if (deadline.Due is not null) found = (deadline, start);
        }
        return found;
    }

    private static int Next(ReadOnlySpan<char> folded, int from, char c)
    {
        var at = folded[from..].IndexOf(c);
        return at < 0 ? -1 : at + from;
    }

    private static int NextYear(ReadOnlySpan<char> folded, int from)
    {
        var at = folded[from..].IndexOf('年');
        return at < 0 ? -1 : at + from;
    }
}
