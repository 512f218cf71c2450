using System.Globalization;
using System.Text;

namespace Duban.Parsing.Input.Docx;

/// <summary>
/// Writes a list counter in a Word number format (ST_NumberFormat). Only formats that plans use are known; the rest
/// give null, and the paragraph then gets no label rather than a wrong one.
/// </summary>
internal static class ListNumberFormat
{
    private const string ChineseDigits = "〇一二三四五六七八九";
    private const string HeavenlyStems = "甲乙丙丁戊己庚辛壬癸";

    public static string? Format(int value, string format) => format switch
    {
        "decimal" => Decimal(value),
        "decimalZero" => value is >= 0 and < 10 ? "0" + Decimal(value) : Decimal(value),
        "decimalFullWidth" or "decimalFullWidth2" => FullWidth(value),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" => EnclosedCircle(value),
        "chineseCounting" or "chineseCountingThousand" => ChineseCounting(value),
        // ECMA-376: the ten heavenly stems, 甲乙丙…癸.
        "ideographTraditional" => value is >= 1 and <= 10 ? HeavenlyStems[value - 1].ToString() : Decimal(value),
        "lowerLetter" => Letters(value, 'a'),
        "upperLetter" => Letters(value, 'A'),
        "lowerRoman" => Roman(value).ToLowerInvariant(),
        "upperRoman" => Roman(value),
        "none" => "",
        _ => null,
    };

    private static string Decimal(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string FullWidth(int value) =>
        string.Concat(Decimal(value).Select(c => char.IsAsciiDigit(c) ? (char)('０' + (c - '0')) : c));

    /// <summary>①…⑳, ㉑…㉟, ㊱…㊿; other numbers in decimal, as Word falls back.</summary>
    private static string EnclosedCircle(int value) => value switch
    {
        0 => "⓪",
        >= 1 and <= 20 => ((char)('①' + value - 1)).ToString(),
        >= 21 and <= 35 => ((char)('㉑' + value - 21)).ToString(),
        >= 36 and <= 50 => ((char)('㊱' + value - 36)).ToString(),
        _ => Decimal(value),
    };

    /// <summary>Chinese counting: 一, 十, 十一, 二十一, 一百零一, 一千, 一万零一十.</summary>
    internal static string ChineseCounting(int value)
    {
        if (value == 0) return "〇";
        if (value is < 0 or >= 100_000_000) return Decimal(value);

        var tenThousands = value / 10_000;
        var rest = value % 10_000;
        if (tenThousands == 0) return ChineseBelowTenThousand(rest, leading: true);

        var text = ChineseBelowTenThousand(tenThousands, leading: true) + "万";
        if (rest == 0) return text;
        return text + (rest < 1000 ? "零" : "") + ChineseBelowTenThousand(rest, leading: false);
    }

    /// <param name="leading">Whether this is the start of the number, where 一十 is said 十.</param>
    private static string ChineseBelowTenThousand(int value, bool leading)
    {
        var text = new StringBuilder();
        var pendingZero = false;
        foreach (var (unit, name) in (ReadOnlySpan<(int, string)>)[(1000, "千"), (100, "百"), (10, "十"), (1, "")])
        {
            var digit = value / unit % 10;
            if (digit == 0)
            {
                pendingZero = text.Length > 0;
                continue;
            }

            if (pendingZero) text.Append('零');
            pendingZero = false;
            if (!(unit == 10 && digit == 1 && text.Length == 0 && leading)) text.Append(ChineseDigits[digit]);
            text.Append(name);
        }

        return text.ToString();
    }

    /// <summary>
    /// a…z, then aa…zz, aaa…: Word repeats the letter rather than counting in base 26. Beyond 780 (30 letters) the
    /// number is written in decimal, so that a hostile start value cannot make a label millions of letters long.
    /// </summary>
    private static string Letters(int value, char first) =>
        value is < 1 or > 26 * 30 ? Decimal(value) : new string((char)(first + (value - 1) % 26), (value - 1) / 26 + 1);

    private static string Roman(int value)
    {
        if (value is < 1 or > 3999) return Decimal(value);
        var text = new StringBuilder();
        foreach (var (amount, symbol) in (ReadOnlySpan<(int, string)>)
                 [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")])
        {
            for (; value >= amount; value -= amount) text.Append(symbol);
        }

        return text.ToString();
    }
}
