namespace Duban.Parsing.Deadlines;

/// <summary>
/// A number as written in a date: ASCII digits ("2023", full-width digits are folded beforehand), Chinese digits
/// read one by one as years are written ("二〇二二"), or a Chinese number with 十 as months and days are written
/// ("十二", "三十一").
/// </summary>
/// <param name="Value">The number.</param>
/// <param name="Digits">How many decimal digits were written; a year has four.</param>
/// <param name="End">The index just after the number.</param>
internal readonly record struct Numeral(int Value, int Digits, int End)
{
    // More digits than this is no date, and keeps the value within an int.
    private const int MaxDigits = 9;

    public static bool IsNumeralChar(char c) => DigitOf(c) >= 0 || c == '十';

    public static bool IsChineseDigit(char c) => c is not (>= '0' and <= '9') && DigitOf(c) >= 0;

    /// <summary>Reads the whole run of numeral characters starting at <paramref name="start"/>.</summary>
    public static bool TryRead(string text, int start, out Numeral numeral)
    {
        numeral = default;
        int end = start, ten = -1;
        for (; end < text.Length; end++)
        {
            var c = text[end];
            if (c == '十')
            {
                if (ten >= 0) return false;
                ten = end;
            }
            else if (DigitOf(c) < 0)
            {
                break;
            }
        }
        if (end == start) return false;
        return ten < 0 ? TryReadDigits(text, start, end, out numeral) : TryReadTens(text, start, ten, end, out numeral);
    }

    private static bool TryReadDigits(string text, int start, int end, out Numeral numeral)
    {
        numeral = default;
        if (end - start > MaxDigits) return false;
        var value = 0;
        for (var i = start; i < end; i++) value = value * 10 + DigitOf(text[i]);
        numeral = new Numeral(value, end - start, end);
        return true;
    }

    // 十, 十二, 二十, 三十一: at most one digit on either side of 十.
    private static bool TryReadTens(string text, int start, int ten, int end, out Numeral numeral)
    {
        numeral = default;
        if (ten - start > 1 || end - ten - 1 > 1) return false;
        var tens = ten == start ? 1 : DigitOf(text[start]);
        var units = ten == end - 1 ? 0 : DigitOf(text[ten + 1]);
        if (tens == 0 || (ten < end - 1 && units == 0)) return false;
        numeral = new Numeral(tens * 10 + units, 2, end);
        return true;
    }

    private static int DigitOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        '〇' or '○' or '◯' or '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };
}
