using Duban.Parsing.Model;

namespace Duban.Parsing.Structure;

/// <summary>A numbering marker at the start of a paragraph: 一、 （一） 1. ⒈ （1） ⑴ ① 第一章.</summary>
/// <param name="Style">The marker style.</param>
/// <param name="Number">The number it stands for.</param>
/// <param name="Length">Characters taken by the marker and the spaces after it.</param>
public readonly record struct HeadingMarker(MarkerStyle Style, int Number, int Length)
{
    /// <summary>Rank of a style in the GB/T 9704 order: a smaller rank is a higher level.</summary>
    public static int Rank(MarkerStyle style) => style switch
    {
        MarkerStyle.Annex => 0,
        MarkerStyle.Chapter => 1,
        MarkerStyle.ChineseNumeral => 2,
        MarkerStyle.ParenChineseNumeral => 3,
        MarkerStyle.Arabic => 4,
        MarkerStyle.ParenArabic => 5,
        MarkerStyle.Circled => 6,
        _ => 7,
    };

    /// <summary>
    /// Reads a marker at the start of <paramref name="folded"/> (text folded by <see cref="Text.CharFolding"/>, leading
    /// white space allowed). A number that is part of the sentence (1.5万人, 2020年, 2.0版) is not a marker.
    /// </summary>
    public static HeadingMarker? Read(ReadOnlySpan<char> folded)
    {
        var i = 0;
        while (i < folded.Length && folded[i] is ' ' or '\t') i++;
        if (i >= folded.Length) return null;
        var c = folded[i];

        if (c is >= '\u2460' and <= '\u2473') return Finish(folded, i + 1, MarkerStyle.Circled, c - '\u2460' + 1);
        if (c is >= '\u2474' and <= '\u2487') return Finish(folded, i + 1, MarkerStyle.ParenArabic, c - '\u2474' + 1);
        // ⒈ … ⒛ (DIGIT ONE FULL STOP …): Word's autoformat turns "1." into one character. It is the style 1. stands
        // for; read here rather than folded, because folding keeps one character for one character and ⒈ is two.
        if (c is >= '\u2488' and <= '\u249B') return Finish(folded, i + 1, MarkerStyle.Arabic, c - '\u2488' + 1);

        if (c == '(')
        {
            var j = SkipSpaces(folded, i + 1);
            var numStart = j;
            if (j < folded.Length && char.IsAsciiDigit(folded[j]))
            {
                while (j < folded.Length && char.IsAsciiDigit(folded[j]) && j - numStart < 3) j++;
                var number = int.Parse(folded[numStart..j]);
                j = SkipSpaces(folded, j);
                if (j < folded.Length && folded[j] == ')') return Finish(folded, j + 1, MarkerStyle.ParenArabic, number);
                return null;
            }
            while (j < folded.Length && ChineseNumber.IsHeadingNumeral(folded[j]) && j - numStart < 4) j++;
            if (j == numStart) return null;
            var value = ChineseNumber.Parse(folded[numStart..j]);
            j = SkipSpaces(folded, j);
            if (value is null || j >= folded.Length || folded[j] != ')') return null;
            return Finish(folded, j + 1, MarkerStyle.ParenChineseNumeral, value.Value);
        }

        if (c == '第')
        {
            var j = i + 1;
            var numStart = j;
            while (j < folded.Length && (ChineseNumber.IsDigitChar(folded[j]) || char.IsAsciiDigit(folded[j])) && j - numStart < 4) j++;
            if (j == numStart) return null;
            var digits = folded[numStart..j];
            var value = char.IsAsciiDigit(digits[0]) ? (int.TryParse(digits, out var n) ? n : (int?)null) : ChineseNumber.Parse(digits);
            if (value is null) return null;
            if (j < folded.Length && folded[j] is '章' or '篇') return Finish(folded, j + 1, MarkerStyle.Chapter, value.Value);
            if (j + 1 < folded.Length && folded[j] == '部' && folded[j + 1] == '分') return Finish(folded, j + 2, MarkerStyle.Chapter, value.Value);
            return null;
        }

        if (char.IsAsciiDigit(c))
        {
            var j = i;
            while (j < folded.Length && char.IsAsciiDigit(folded[j])) j++;
            if (j - i > 6) return null;
            var number = int.Parse(folded[i..j]);
            var k = SkipSpaces(folded, j);
            if (k >= folded.Length) return null;
            var sep = folded[k];
            if (sep is '.' or '、')
            {
                // 1.5万人, 2.0版: a digit after the dot makes it a decimal, not a marker.
                if (sep == '.' && k + 1 < folded.Length && char.IsAsciiDigit(folded[k + 1])) return null;
                return Finish(folded, k + 1, MarkerStyle.Arabic, number);
            }
            if (sep == ')' && j - i <= 3) return Finish(folded, k + 1, MarkerStyle.ParenArabic, number);
            return null;
        }

        if (ChineseNumber.IsHeadingNumeral(c) && c is not '百')
        {
            var j = i;
            while (j < folded.Length && ChineseNumber.IsHeadingNumeral(folded[j]) && j - i < 4) j++;
            if (j < folded.Length && folded[j] is '、')
            {
                var value = ChineseNumber.Parse(folded[i..j]);
                if (value is > 0) return Finish(folded, j + 1, MarkerStyle.ChineseNumeral, value.Value);
            }
            return null;
        }
        return null;
    }

    private static HeadingMarker? Finish(ReadOnlySpan<char> folded, int end, MarkerStyle style, int number)
    {
        var j = SkipSpaces(folded, end);
        // A marker with nothing after it on the line is still a marker (the heading text may follow on the next line).
        return new HeadingMarker(style, number, j);
    }

    private static int SkipSpaces(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t') i++;
        return i;
    }
}
