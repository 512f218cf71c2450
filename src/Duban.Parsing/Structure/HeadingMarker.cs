using Duban.Parsing.Model;

namespace Duban.Parsing.Structure;

/// <summary>A numbering marker at the start of a paragraph: 一、 （一） 1. ⒈ （1） ⑴ ① 第一章, or a decimal 1.1 / 2.1.1.</summary>
/// <param name="Style">The marker style.</param>
/// <param name="Number">The number it stands for (for a decimal marker, its last part: 2.1 → 1).</param>
/// <param name="Length">Characters taken by the marker and the spaces after it.</param>
public readonly record struct HeadingMarker(MarkerStyle Style, int Number, int Length)
{
    /// <summary>A decimal marker's whole number as read, without a trailing dot ("2.1.1"); null for other styles.</summary>
    public string? Path { get; init; }

    /// <summary>Levels in a decimal number (2.1 → 2, 2.1.1 → 3); 1 for every other style.</summary>
    public int Depth => DepthOf(Path);

    public static int DepthOf(string? path) => path is null ? 1 : path.Count(c => c == '.') + 1;

    /// <summary>The number as a task or list item is numbered by it: "3", or "2.1" for a decimal marker.</summary>
    public string NumberText => Path ?? Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Rank of a style in the GB/T 9704 order: a smaller rank is a higher level. A decimal number stands just below
    /// 1. (and so below 一、): 2.1 is a child of 2. or 二、, 2.1.1 of 2.1, and （1） comes below them all.
    /// </summary>
    public static int Rank(MarkerStyle style, int depth = 1) => style switch
    {
        MarkerStyle.Annex => 0,
        MarkerStyle.Chapter => 10,
        MarkerStyle.ChineseNumeral => 20,
        MarkerStyle.ParenChineseNumeral => 30,
        MarkerStyle.Arabic => 40,
        MarkerStyle.Decimal => 40 + Math.Min(depth, MaxDecimalDepth),
        MarkerStyle.ParenArabic => 50,
        MarkerStyle.Circled => 60,
        _ => 70,
    };

    private const int MaxDecimalDepth = 4;

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
                // But 1.2025年6月底前完成…: a written year with its 年 right after the dot is the item's first word
                // (no figure has four decimals and a 年).
                // So is a month: 1.6月底前完成…, 3.12月30日前… (no figure is 1.6月; a span of months is 1.5个月).
                if (sep == '.' && k + 1 < folded.Length && char.IsAsciiDigit(folded[k + 1]) && !OpensWithYear(folded, k + 1)
                    && !OpensWithMonth(folded, k + 1)) return null;
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

    /// <summary>
    /// Reads a decimal marker (1.1, 2.1.1, 1.1. or 1.1、, full-width １．１ once folded) at the start of
    /// <paramref name="folded"/>: two to four parts of one or two digits each, none 0 or starting with 0, then text that
    /// is not the unit of a figure. This is what the marker looks like, not whether it is one: 1.5亿元 and 2024.6 are
    /// refused here, but 1.2 所属学校… is not, so the outline accepts a decimal marker only where it fits the numbers
    /// around it (<see cref="Outline"/>).
    /// </summary>
    public static HeadingMarker? ReadDecimal(ReadOnlySpan<char> folded)
    {
        var i = SkipSpaces(folded, 0);
        var j = i;
        var parts = 0;
        var last = 0;
        while (true)
        {
            var start = j;
            while (j < folded.Length && char.IsAsciiDigit(folded[j])) j++;
            // 2024.6, 1.125, 3.0, 1.05: a year, a figure with three decimals, a zero part are not outline numbers.
            if (j == start || j - start > 2 || folded[start] == '0') return null;
            last = int.Parse(folded[start..j]);
            parts++;
            if (j + 1 < folded.Length && folded[j] == '.' && char.IsAsciiDigit(folded[j + 1]))
            {
                if (parts == MaxDecimalDepth) return null;
                j++;
                continue;
            }
            break;
        }
        if (parts < 2) return null;
        var path = folded[i..j].ToString();
        if (j < folded.Length && folded[j] is '.' or '、') j++;
        var k = SkipSpaces(folded, j);
        if (k >= folded.Length || !StartsText(folded[k])) return null;
        return new HeadingMarker(MarkerStyle.Decimal, last, k) { Path = path };
    }

    /// <summary>A four-digit year of 1900–2199 and 年 at <paramref name="at"/> (2025年), not followed by a fifth digit.</summary>
    private static bool OpensWithYear(ReadOnlySpan<char> folded, int at)
    {
        if (at + 4 >= folded.Length || folded[at + 4] != '年') return false;
        for (var d = 0; d < 4; d++)
            if (!char.IsAsciiDigit(folded[at + d])) return false;
        var year = int.Parse(folded.Slice(at, 4));
        return year is >= 1900 and <= 2199;
    }

    /// <summary>
    /// A month of 1–12 and 月 at <paramref name="at"/>, then what a date goes on with: 底, 前, 份, 末, 初, 上旬/中旬/下旬 or
    /// the day (6月30日).
    /// </summary>
    private static bool OpensWithMonth(ReadOnlySpan<char> folded, int at)
    {
        var j = at;
        while (j < folded.Length && char.IsAsciiDigit(folded[j]) && j - at < 3) j++;
        if (j - at is < 1 or > 2 || folded[at] == '0' || j + 1 >= folded.Length || folded[j] != '月') return false;
        var month = int.Parse(folded[at..j]);
        var next = folded[j + 1];
        return month is >= 1 and <= 12 && (next is '底' or '前' or '份' or '末' or '初' or '上' or '中' or '下' || char.IsAsciiDigit(next));
    }

    /// <summary>
    /// Reads a number written without a dot (1 总体要求), as some 任务书 number the parent of 1.1: one or two digits, not
    /// starting with 0, spaces or none (a PDF's text drops the gap between a digit and a Chinese character: 1总体要求),
    /// then a Chinese character that is neither the unit of a figure nor a counting word (3 年内…, 2 所学校… are
    /// figures). Its style is <see cref="MarkerStyle.Arabic"/>, the level of 1.; like a decimal marker this is only its
    /// shape: the outline reads it as a heading only where its children 1.1 … and its siblings 2 … stand around it.
    /// </summary>
    public static HeadingMarker? ReadUndotted(ReadOnlySpan<char> folded)
    {
        var i = SkipSpaces(folded, 0);
        var j = i;
        while (j < folded.Length && char.IsAsciiDigit(folded[j])) j++;
        if (j == i || j - i > 2 || folded[i] == '0') return null;
        var k = SkipSpaces(folded, j);
        if (k >= folded.Length || folded[k] is < '\u4E00' or > '\u9FFF' || FigureUnits.Contains(folded[k])
            || MeasureWords.Opens(folded[k..])) return null;
        return new HeadingMarker(MarkerStyle.Arabic, int.Parse(folded[i..j]), k);
    }

    /// <summary>What may follow a decimal marker: a Chinese character that is not a unit of measure (1.5亿, 1.2倍,
    /// 1.5个百分点, 2.5年, 3.1版), or an opening quote or bracket. Digits, letters and % belong to a figure.</summary>
    private static bool StartsText(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' ? !FigureUnits.Contains(c) : c is '“' or '‘' or '"' or '《' or '(' or '〔';

    // Characters that follow a figure far more often than they begin a task's text. Characters that begin both
    // (人才, 名师, 项目, 分类, 台账) are left out: the outline's check on the numbers around a marker catches those.
    private const string FigureUnits = "亿万千百倍个年月日天周次元米吨亩岁版级度兆克升秒";

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
