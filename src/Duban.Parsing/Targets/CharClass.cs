namespace Duban.Parsing.Targets;

/// <summary>The character classes the target scanner needs. Plans mix ASCII and full-width forms freely.</summary>
internal static class CharClass
{
    public static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    /// <summary>The ASCII digit for an ASCII or full-width digit.</summary>
    public static char ToAsciiDigit(char c) => c <= '9' ? c : (char)('0' + (c - '０'));

    /// <summary>Blanks that typesetters put around numbers ("800 人以上", "达到 50%").</summary>
    public static bool IsBlank(char c) => c is ' ' or '\u3000' or '\u00A0';

    public static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '!' or '?' or '\n' or '\r';

    public static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    public static bool IsQuote(char c) =>
        c is '“' or '”' or '"' or '‘' or '’' or '\'' or '「' or '」' or '『' or '』';

    public static bool IsRatioColon(char c) => c is ':' or '：' or '∶';

    public static bool IsRangeDash(char c) => c is '—' or '–' or '―' or '-' or '－' or '~' or '～' or '〜';

    /// <summary>Whether <c>s[i]</c> ends a clause. A comma or colon between digits belongs to a figure (12,000; 4:6).</summary>
    public static bool IsClauseBreak(string s, int i)
    {
        var c = s[i];
        // A tab or a bar separates the cells of a table flattened into text.
        if (IsSentenceEnd(c) || c is '，' or '；' or ';' or '\t' or '|' or '｜') return true;
        if (c is ',' or ':' or '：')
            return !(i > 0 && i + 1 < s.Length && IsDigit(s[i - 1]) && IsDigit(s[i + 1]));
        return false;
    }

    public static int SkipBlanks(string s, int i, int end)
    {
        while (i < end && IsBlank(s[i])) i++;
        return i;
    }

    public static int TrimBlanksEnd(string s, int start, int end)
    {
        while (end > start && IsBlank(s[end - 1])) end--;
        return end;
    }

    /// <summary>Whether the last non-blank character before <paramref name="index"/> is a digit (2025年培训 is a year, not 年培训).</summary>
    public static bool DigitBefore(string s, int index)
    {
        var k = index - 1;
        while (k >= 0 && IsBlank(s[k])) k--;
        return k >= 0 && IsDigit(s[k]);
    }
}
