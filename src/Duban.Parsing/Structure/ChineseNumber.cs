namespace Duban.Parsing.Structure;

/// <summary>Reads Chinese numerals as used in headings and dates: 一 … 九十九, 二〇二〇 (digit by digit), 两.</summary>
public static class ChineseNumber
{
    public static bool IsDigitChar(char c) => DigitValue(c) >= 0 || c is '十' or '百' or '千';

    /// <summary>Numeral characters that headings use (一 … 十, 〇): not the financial forms 壹 伍, which are ordinary
    /// characters in running text (队伍) far more often than numbers.</summary>
    public static bool IsHeadingNumeral(char c) => c is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' or '〇' or '零' or '百';

    /// <summary>0–9 for 〇零一二两三四五六七八九 (and ○, O used for zero in dates), else -1.</summary>
    public static int DigitValue(char c) => c switch
    {
        '〇' or '零' or '○' or 'О' or 'O' or '０' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    /// <summary>
    /// The value of a numeral such as 三, 十二, 二十五, 一百零三; or, for a run of plain digits (二〇二〇), the digits read
    /// positionally. Null when <paramref name="s"/> is not a numeral.
    /// </summary>
    public static int? Parse(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 12) return null;
        var positional = true;
        foreach (var c in s)
            if (DigitValue(c) < 0) { positional = false; break; }
        if (positional && s.Length > 1)
        {
            var v = 0;
            foreach (var c in s) v = v * 10 + DigitValue(c);
            return v;
        }

        int total = 0, current = 0;
        foreach (var c in s)
        {
            var d = DigitValue(c);
            if (d >= 0) { current = d; continue; }
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0) return null;
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        }
        return total + current;
    }
}
