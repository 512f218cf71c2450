using Duban.Parsing.Model;

namespace Duban.Parsing.Targets;

/// <summary>
/// Reads the quantity that starts at a digit: the figure, its magnitude (万, 亿, 千), its unit, a range or a ratio, and
/// what follows the unit (/年, 以上, 左右). Anything without a unit is not a quantity.
/// </summary>
internal static class QuantityReader
{
    private static readonly TargetUnit RatioUnit = new("ratio", false);

    /// <summary>The quantity starting at the digit <c>s[start]</c>, or null when the figure is not one (a year, 3+2, 〔2020〕, 第2次).</summary>
    public static Quantity? TryRead(string s, int start)
    {
        if (IsExcludedByWhatPrecedes(s, start) || IsInsideTitle(s, start)) return null;
        var first = NumberReader.Read(s, start);
        if (!first.IsValid) return null;

        var next = CharClass.SkipBlanks(s, first.End, s.Length);
        if (next < s.Length && s[next] is '+' or '＋') return null;
        if (next < s.Length && CharClass.IsRatioColon(s[next])) return TryReadRatio(s, first, next);

        var measure = ReadMeasure(s, first.End);
        return TryReadRange(s, first, measure) ?? ReadSingle(s, first, measure);
    }

    /// <summary>职普比大体相当 / 普职比例大体相当 at <paramref name="start"/>: a ratio of 5:5, held to be about equal.</summary>
    public static Quantity? TryReadBalancedRatio(string s, int start)
    {
        var span = s.AsSpan(start);
        if (!span.StartsWith("职普比", StringComparison.Ordinal) && !span.StartsWith("普职比", StringComparison.Ordinal)) return null;
        var i = start + 3;
        if (i < s.Length && s[i] == '例') i++;
        // Only a few words (保持, 基本) may stand between the ratio and 大体相当.
        for (var k = i; k < s.Length && k <= i + 6; k++)
        {
            if (CharClass.IsClauseBreak(s, k) || CharClass.IsDigit(s[k])) return null;
            var rest = s.AsSpan(k);
            if (rest.StartsWith("大体相当", StringComparison.Ordinal) || rest.StartsWith("大致相当", StringComparison.Ordinal)
                || rest.StartsWith("基本相当", StringComparison.Ordinal))
                return new Quantity(k, k + 4, 5m, null, RatioUnit, [5m, 5m], Comparator.Approximately, false, false);
        }
        return null;
    }

    private static bool IsExcludedByWhatPrecedes(string s, int start)
    {
        var k = start - 1;
        while (k >= 0 && CharClass.IsBlank(s[k])) k--;
        if (k < 0) return false;
        var c = s[k];
        // 第2次 (an ordinal), 3+2 / 1+X (a scheme's name), 〔2020〕 (a document number), 每5年 / 每100名学生 (a period or a
        // denominator), H5 / ISO9001 (a name), 1.2.3 (a version).
        return c is '第' or '+' or '＋' or '〔' or '[' or '【' or '［' or '/' or '／' or '每' or '#' or '＃' or '№'
            || CharClass.IsAsciiLetter(c)
            || (c is '.' or '．' && k > 0 && CharClass.IsDigit(s[k - 1]));
    }

    // 《关于…等5个实施意见的通知》: a figure in the title of a document is not the plan's commitment.
    private static bool IsInsideTitle(string s, int start)
    {
        for (var i = start - 1; i >= 0 && i >= start - 80; i--)
        {
            if (s[i] == '》' || CharClass.IsSentenceEnd(s[i])) return false;
            if (s[i] == '《') return true;
        }
        return false;
    }

    private static Quantity? TryReadRatio(string s, ParsedNumber first, int colon)
    {
        var k = CharClass.SkipBlanks(s, colon + 1, s.Length);
        if (k >= s.Length || !CharClass.IsDigit(s[k])) return null;
        var second = NumberReader.Read(s, k);
        if (!second.IsValid || !HasRatioContext(s, first.Start, second.End)) return null;
        var tail = ReadTail(s, second.End);
        var a = NumberReader.Normalize(first.Value);
        var b = NumberReader.Normalize(second.Value);
        return new Quantity(first.Start, tail.End, a, null, RatioUnit, [a, b], tail.Trailing, false, tail.PerYear);
    }

    // A colon between figures is a ratio only when the clause speaks of one (职普比, 生师比, 按1:1比例); otherwise it may
    // be a time of day or a reference.
    private static bool HasRatioContext(string s, int start, int end)
    {
        for (var i = start - 1; i >= 0 && i >= start - 20 && !CharClass.IsClauseBreak(s, i); i--)
            if (s[i] == '比') return true;
        var j = CharClass.SkipBlanks(s, end, s.Length);
        if (j < s.Length && s[j] == '的') j++;
        return j < s.Length && s[j] == '比';
    }

    private static Quantity? TryReadRange(string s, ParsedNumber first, Measure firstMeasure)
    {
        var dash = CharClass.SkipBlanks(s, firstMeasure.End, s.Length);
        var afterDash = SkipRangeSeparator(s, dash);
        if (afterDash == dash) return null;
        var k = CharClass.SkipBlanks(s, afterDash, s.Length);
        if (k >= s.Length || !CharClass.IsDigit(s[k])) return null;
        var second = NumberReader.Read(s, k);
        if (!second.IsValid) return null;
        var secondMeasure = ReadMeasure(s, second.End);
        if (secondMeasure.Unit is not { } unit || (unit.NeedsLink && !FollowsLink(s, first.Start))) return null;

        decimal firstMultiplier;
        if (firstMeasure.Unit is not null)
        {
            // 10%—20%, 1万人—2万人: both sides complete, they must agree.
            if (firstMeasure.Unit != unit) return null;
            firstMultiplier = firstMeasure.Multiplier;
        }
        else if (firstMeasure.Magnitude == 1 || firstMeasure.Magnitude == secondMeasure.Magnitude)
            // 4—5所, 1—2万人, 1万—2万人: the first side borrows the second's unit and magnitude.
            firstMultiplier = secondMeasure.Multiplier;
        else return null;

        var low = NumberReader.Normalize(first.Value * firstMultiplier);
        var high = NumberReader.Normalize(second.Value * secondMeasure.Multiplier);
        if (low > high) (low, high) = (high, low);
        var tail = ReadTail(s, secondMeasure.End);
        return new Quantity(first.Start, tail.End, low, high, unit, null, tail.Trailing,
            firstMeasure.MoreThan || secondMeasure.MoreThan, tail.PerYear);
    }

    private static Quantity? ReadSingle(string s, ParsedNumber number, Measure measure)
    {
        if (measure.Unit is not { } unit || (unit.NeedsLink && !FollowsLink(s, number.Start))) return null;
        var tail = ReadTail(s, measure.End);
        return new Quantity(number.Start, tail.End, NumberReader.Normalize(number.Value * measure.Multiplier), null, unit, null,
            tail.Trailing, measure.MoreThan, tail.PerYear);
    }

    private static bool FollowsLink(string s, int start)
    {
        var end = CharClass.TrimBlanksEnd(s, 0, start);
        return TargetLexicon.SubjectEnds.MatchEndingAt(s, 0, end) > 0 || TargetLexicon.LinksRightBeforeFigure.MatchEndingAt(s, 0, end) > 0;
    }

    // —, ——, -, ~, 至, 到 between the two figures of a range.
    private static int SkipRangeSeparator(string s, int i)
    {
        if (i >= s.Length) return i;
        if (s[i] is '至' or '到') return i + 1;
        var j = i;
        while (j < s.Length && j < i + 3 && CharClass.IsRangeDash(s[j])) j++;
        return j;
    }

    /// <summary>A magnitude and unit after a figure: 万人次, 万元, 千万元, 余人.</summary>
    /// <param name="Magnitude">The magnitude as written (万 → 10000), before 万元 keeps it as part of the unit.</param>
    /// <param name="Multiplier">What the figure is multiplied by to be expressed in <see cref="Unit"/>.</param>
    private readonly record struct Measure(int End, decimal Magnitude, decimal Multiplier, bool MoreThan, TargetUnit? Unit);

    private static Measure ReadMeasure(string s, int i)
    {
        var j = CharClass.SkipBlanks(s, i, s.Length);
        var moreThan = false;
        if (j < s.Length && s[j] is '余' or '多') { moreThan = true; j++; }

        var magnitude = 1m;
        var lastMagnitude = '\0';
        if (j < s.Length && s[j] == '千') { magnitude *= 1_000m; lastMagnitude = '千'; j++; }
        if (j < s.Length && s[j] is '万' or '亿')
        {
            lastMagnitude = s[j];
            magnitude *= s[j] == '万' ? 10_000m : 100_000_000m;
            j++;
        }
        if (j < s.Length && s[j] is '余' or '多') { moreThan = true; j++; }

        var unitAt = CharClass.SkipBlanks(s, j, s.Length);
        var unit = TargetUnits.MatchAt(s, unitAt, out var length);
        if (unit is null)
            return new Measure(lastMagnitude == '\0' ? i : j, magnitude, magnitude, moreThan, null);

        // 万元 and 亿元 are units of money in their own right: 500万元 stays 500 万元.
        var multiplier = magnitude;
        if (unit == TargetUnits.Yuan && lastMagnitude == '万') { unit = TargetUnits.TenThousandYuan; multiplier /= 10_000m; }
        else if (unit == TargetUnits.Yuan && lastMagnitude == '亿') { unit = TargetUnits.HundredMillionYuan; multiplier /= 100_000_000m; }
        return new Measure(unitAt + length, magnitude, multiplier, moreThan, unit);
    }

    private readonly record struct Tail(int End, Comparator? Trailing, bool PerYear);

    // What may follow the unit: /年 (per year) and a comparator (以上, 左右).
    private static Tail ReadTail(string s, int i)
    {
        var end = i;
        var j = CharClass.SkipBlanks(s, i, s.Length);
        var perYear = false;
        if (j + 1 < s.Length && s[j] is '/' or '／' && s[j + 1] == '年')
        {
            perYear = true;
            end = j + 2;
            j = CharClass.SkipBlanks(s, end, s.Length);
        }
        var length = TargetLexicon.TrailingComparatorWords.MatchAt(s, j, s.Length);
        if (length == 0) return new Tail(end, null, perYear);
        var comparator = TargetLexicon.ComparatorOf(TargetLexicon.TrailingComparators, s, new WordMatch(j, length));
        return new Tail(j + length, comparator, perYear);
    }
}
