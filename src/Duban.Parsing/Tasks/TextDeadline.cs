using Duban.Parsing.Deadlines;
using Duban.Parsing.Model;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tasks;

/// <summary>
/// A deadline written inside a task's text rather than in a 完成时限 field: "2024年底前，完成…", "于2025年6月底前建成…".
/// Only a date with a written year that ends in 前 (以前, 之前) counts: "到2025年，…" states a goal year and "2024年起"
/// a start, neither of which says when the task itself is due. When the text names several, the last one is taken:
/// stages run up to the task's completion.
/// </summary>
internal static class TextDeadline
{
    // Characters a date may hold between its year and its 前: 2025年6月底, 2024年第三季度末, 2023年12月31日.
    private const string DateChars = "0123456789月日号底末中上下半季度第一二三四";
    private const int MaxDateTail = 12;

    public static Deadline? Find(MappedText text, int? issueYear)
    {
        using var scratch = new CharFolding.Scratch(text.Span);
        var folded = scratch.Span;
        Deadline? found = null;
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
            if (deadline.Due is not null) found = deadline;
            at = close;
        }
        return found;
    }

    private static int NextYear(ReadOnlySpan<char> folded, int from)
    {
        var at = folded[from..].IndexOf('年');
        return at < 0 ? -1 : at + from;
    }
}
