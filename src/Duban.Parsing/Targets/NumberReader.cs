using System.Globalization;

namespace Duban.Parsing.Targets;

/// <summary>A figure as written: 12,000 / １２ / 5.7.</summary>
/// <param name="IsValid">False when the figure is too long to be a commitment (a run of digits, an ID): it is skipped.</param>
internal readonly record struct ParsedNumber(int Start, int End, decimal Value, int IntegerDigits, bool HasFraction, bool IsValid);

/// <summary>Reads figures written with ASCII or full-width digits, thousands separators and a decimal point.</summary>
internal static class NumberReader
{
    // Beyond these a figure is not a plan's commitment, and decimal arithmetic stays far from overflow
    // even after 亿 and 千 multiply it.
    private const int MaxIntegerDigits = 15;
    private const int MaxFractionDigits = 10;

    /// <summary>Reads the figure starting at <paramref name="start"/>, which must be a digit. Always consumes at least that digit.</summary>
    public static ParsedNumber Read(string s, int start)
    {
        Span<char> buffer = stackalloc char[MaxIntegerDigits + 1 + MaxFractionDigits];
        int length = 0, integerDigits = 0, fractionDigits = 0, i = start;
        while (i < s.Length)
        {
            if (CharClass.IsDigit(s[i]))
            {
                if (integerDigits < MaxIntegerDigits) buffer[length++] = CharClass.ToAsciiDigit(s[i]);
                integerDigits++;
                i++;
            }
            else if (s[i] == ',' && integerDigits is > 0 and <= MaxIntegerDigits && IsThousandsGroup(s, i + 1)) i++;
            else break;
        }

        var hasFraction = i + 1 < s.Length && s[i] is '.' or '．' && CharClass.IsDigit(s[i + 1]);
        if (hasFraction)
        {
            if (integerDigits <= MaxIntegerDigits) buffer[length++] = '.';
            i++;
            while (i < s.Length && CharClass.IsDigit(s[i]))
            {
                if (integerDigits <= MaxIntegerDigits && fractionDigits < MaxFractionDigits) buffer[length++] = CharClass.ToAsciiDigit(s[i]);
                fractionDigits++;
                i++;
            }
        }

        var value = 0m;
        var valid = integerDigits is > 0 and <= MaxIntegerDigits && fractionDigits <= MaxFractionDigits
            && decimal.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        return new ParsedNumber(start, Math.Max(i, start + 1), valid ? value : 0m, integerDigits, hasFraction, valid);
    }

    /// <summary>Drops trailing zeros, so that 5.7万 reads as 57000 and not 57000.0.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    // A thousands group is exactly three digits not followed by another digit: 12,000 but not the list 1,2.
    private static bool IsThousandsGroup(string s, int i) =>
        i + 3 <= s.Length
        && CharClass.IsDigit(s[i]) && CharClass.IsDigit(s[i + 1]) && CharClass.IsDigit(s[i + 2])
        && (i + 3 == s.Length || !CharClass.IsDigit(s[i + 3]));
}
