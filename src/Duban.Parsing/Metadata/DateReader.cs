using System.Text.RegularExpressions;
using Duban.Parsing.Structure;

namespace Duban.Parsing.Metadata;

/// <summary>Reads full dates written with Arabic or Chinese numerals: 2020年12月3日, 二〇二〇年十二月三日.</summary>
internal static partial class DateReader
{
    // Source-generated (docs/benchmarks.md, issue 12): building it at run time cost a one-shot `duban parse` tens of
    // milliseconds. Safe with backtracking: every loop is bounded or followed by a character it cannot match.
    internal const string PatternText =
        @"([0-9]{4}|[〇零○O一二三四五六七八九]{4}) *年 *([0-9]{1,2}|[一二三四五六七八九十]{1,3}) *月 *([0-9]{1,2}|[一二三四五六七八九十]{1,3}) *日";

    [GeneratedRegex(PatternText, RegexOptions.CultureInvariant)]
    internal static partial Regex Pattern();

    public static (DateOnly Date, int Index, int Length)? First(string folded)
    {
        foreach (Match m in Pattern().Matches(folded))
        {
            var y = Number(m.Groups[1].Value);
            var mo = Number(m.Groups[2].Value);
            var d = Number(m.Groups[3].Value);
            if (y is >= 1949 and <= 2100 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo))
                return (new DateOnly(y, mo, d), m.Index, m.Length);
        }
        return null;
    }

    private static int Number(string s) =>
        char.IsAsciiDigit(s[0]) ? int.Parse(s) : ChineseNumber.Parse(s) ?? 0;
}
