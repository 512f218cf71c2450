namespace Duban.Parsing.Deadlines;

/// <summary>
/// Finds the dates in a normalized deadline text (see <see cref="DeadlineText"/>) and what each says: due, start or
/// range. A hand-written recursive-descent reader rather than regular expressions: the forms nest (a year, then a
/// month, then 底, then 前) and each needs its own arithmetic, and every step reads a bounded amount of text, so the
/// whole scan is linear in the text's length whatever it holds. The rules are those of docs/parsing-rules.md (Deadlines).
/// </summary>
/// <param name="text">The normalized text.</param>
/// <param name="issueYear">The plan's issue year, for year-less forms; null when unknown.</param>
internal sealed class DateExpressionScanner(string text, int? issueYear)
{
    // "——" is one dash typed twice; more than a few dash characters in a row is a rule line, not a range.
    private const int MaxRangeMarkers = 3;

    // A leap year, to accept 2月29日 when the year is not known.
    private const int AnyLeapYear = 2000;

    private const int MonthsInYear = 12;
    private const int QuartersInYear = 4;

    // "1、2、3、4、5、6、7、8、9、10、11、12月" is the longest list that makes sense.
    private const int MaxElidedItems = MonthsInYear;

    // Characters after which a lone 一 can still begin a date; after any other Han character it is most likely part
    // of a word (统一, 进一步, 唯一) and "统一月报" must not read as January.
    private const string DateIntroducers = "年于在至到自从每第和及或前底起止";

    public IEnumerable<DateExpression> Scan()
    {
        // A year-less date after a written year is in that year: "2021年6月底前完成试点，12月底前全面推开".
        var contextYear = issueYear;
        for (var i = 0; i < text.Length; i++)
        {
            // A date never starts in the middle of a number: "12月" is not also "2月".
            if (i > 0 && Numeral.IsNumeralChar(text[i]) && Numeral.IsNumeralChar(text[i - 1])) continue;
            if (!TryExpression(i, contextYear, out var expression)) continue;
            yield return expression;
            contextYear = expression.Year ?? contextYear;
            i = Math.Max(i, expression.End - 1);
        }
    }

    private bool TryExpression(int i, int? contextYear, out DateExpression expression)
    {
        if (TryElidedYearRange(i, out expression)) return true;
        if (!TryPoint(i, contextYear, out var first)) return false;
        if (first.IsRange)
        {
            expression = new DateExpression(DateRole.Range, first.Period, first.End, first.Year);
            return true;
        }

        // "2021年起至2023年底": the 起 of a range adds nothing.
        var afterFirst = At(first.End) == '起' ? first.End + 1 : first.End;
        if (TryRangeMarker(afterFirst, out var secondStart) && TryRangeEnd(secondStart, first, out var second))
        {
            var range = Period.Through(first.Period, second.Period);
            expression = new DateExpression(DateRole.Range, range, second.End, second.Year);
            return true;
        }

        if (TryStartSuffix(first.End, out var end) || HasStartPrefix(i))
        {
            expression = new DateExpression(DateRole.Start, first.Period, Math.Max(end, first.End), first.Year);
            return true;
        }

        expression = new DateExpression(DateRole.Due, first.Period, first.End, first.Year);
        return true;
    }

    // The second date of a range is in the first one's year unless it says otherwise, and in the next year when it
    // would otherwise end before the range begins: "2021年9月至6月" ends in June 2022.
    private bool TryRangeEnd(int i, DatePoint first, out DatePoint second)
    {
        if (!TryPoint(i, first.Year, out second)) return false;
        if (first.Period is { } from && second.Period is { } to && to.Last < from.First
            && TryPoint(i, first.Year + 1, out var wrapped) && wrapped.Period is { } next && next.Last >= from.First)
        {
            second = wrapped;
        }
        return true;
    }

    // 2021—2023年, 2021-2023年, 2021至2023年, 2021-2023: the first year's 年 is left out.
    private bool TryElidedYearRange(int i, out DateExpression expression)
    {
        expression = default;
        if (!Numeral.TryRead(text, i, out var first) || !IsWrittenYear(first)) return false;
        if (!TryRangeMarker(first.End, out var k)) return false;
        if (TryExplicitYear(k, out _, out _) && TryPoint(k, issueYear, out var second))
        {
            var range = Period.Through(Period.Year(first.Value), second.Period);
            expression = new DateExpression(DateRole.Range, range, second.End, second.Year);
            return true;
        }
        // 2024—2025学年: a school year runs from September 1 to August 31.
        if (Numeral.TryRead(text, k, out var schoolEnd) && IsWrittenYear(schoolEnd) && schoolEnd.Value > first.Value
            && At(schoolEnd.End) == '学' && At(schoolEnd.End + 1) == '年')
        {
            var schoolYears = new Period(new DateOnly(first.Value, 9, 1), new DateOnly(schoolEnd.Value, 8, 31));
            expression = new DateExpression(DateRole.Range, schoolYears, schoolEnd.End + 2, schoolEnd.Value);
            return true;
        }
        if (Numeral.TryRead(text, k, out var last) && IsWrittenYear(last) && last.Value >= first.Value)
        {
            var range = Period.Through(Period.Year(first.Value), Period.Year(last.Value));
            expression = new DateExpression(DateRole.Range, range, last.End, last.Value);
            return true;
        }
        return false;
    }

    private bool TryPoint(int i, int? contextYear, out DatePoint point)
    {
        if (TryExplicitYear(i, out var year, out var afterYear)) return TryYearBody(afterYear, year, out point);
        if (TryNumericDate(i, out point)) return true;
        if (TryRelativeYear(i, contextYear, out var relative, out afterYear))
            return TryYearBody(afterYear, relative, out point);
        // 全年 ("all year", a 工作要点's 完成时限 for work that runs through its year): due at the year's end.
        if (Matches(i, "全年"))
        {
            var afterAll = At(i + 2) == '度' ? i + 3 : i + 2;
            point = new DatePoint(Period.Year(contextYear), afterAll, contextYear);
            return true;
        }
        if (At(i) == '年' && MayStandForContextYear(i))
        {
            var afterYearChar = At(i + 1) == '度' ? i + 2 : i + 1;
            if (TryYearEnd(afterYearChar, contextYear, out point)) return true;
        }
        return TryWithinYear(i, contextYear, yearWritten: false, out point);
    }

    // 2023年, 二〇二二年, 2023年度.
    private bool TryExplicitYear(int i, out int year, out int end)
    {
        year = 0;
        end = i;
        if (!Numeral.TryRead(text, i, out var n) || !IsWrittenYear(n) || At(n.End) != '年') return false;
        year = n.Value;
        end = At(n.End + 1) == '度' ? n.End + 2 : n.End + 1;
        return true;
    }

    private static bool IsWrittenYear(Numeral n) => n.Digits == 4 && Period.IsPlausibleYear(n.Value);

    // 今年, 本年度, 明年 count from the issue year; 当年 ("that year") and 次年 ("the year after") from the date
    // before them, as in "2021年至次年6月".
    private bool TryRelativeYear(int i, int? contextYear, out int? year, out int end)
    {
        year = null;
        end = i;
        if (Matches(i, "今年") || Matches(i, "本年")) year = issueYear;
        else if (Matches(i, "明年")) year = issueYear + 1;
        else if (Matches(i, "当年")) year = contextYear;
        else if (Matches(i, "次年")) year = contextYear + 1;
        else return false;
        end = At(i + 2) == '度' ? i + 3 : i + 2;
        return true;
    }

    // A bare 年内 / 年底 is this year's, but not in a duration (半年内, 3年内, 两年内).
    private bool MayStandForContextYear(int i) =>
        i == 0 || !(Numeral.IsNumeralChar(text[i - 1]) || text[i - 1] is '半' or '两' or '几' or '多');

    // What may follow a written year.
    private bool TryYearBody(int afterYear, int? year, out DatePoint point)
    {
        if (TryWithinYear(afterYear, year, yearWritten: true, out point)) return true;
        // "2021年2月30日": a month that does not read is a typo to report, not a deadline at the end of 2021.
        if (TryReadMonthNumber(afterYear, out var month) && At(month.End) == '月') return false;
        if (TryYearEnd(afterYear, year, out point)) return true;
        if (TryMidOrEarlyYear(afterYear, year, out point)) return true;
        if (TryBefore(afterYear, out var end))
        {
            // "2023年前": before 2023 begins, by the rule that makes "7月前" June 30.
            point = new DatePoint(Period.DayBefore(Period.Year(year)), end, year);
            return true;
        }
        point = new DatePoint(Period.Year(year), afterYear, year);
        return true;
    }

    // 底, 末, 内, 底前 after 年; also 年底 after 年 ("2021年年底").
    private bool TryYearEnd(int i, int? year, out DatePoint point)
    {
        point = default;
        var k = i;
        if (At(k) == '年' && At(k + 1) is '底' or '末' or '内') k++;
        if (At(k) is '底' or '末')
        {
            k++;
            if (TryBefore(k, out var end)) k = end;
        }
        else if (At(k) == '内')
        {
            k++;
        }
        else
        {
            return false;
        }
        point = new DatePoint(Period.LastDayOf(Period.Year(year)), k, year);
        return true;
    }

    // 年中 / 年初 after a year ("2024年年中前", "2025年初"): 年中 read as the end of June, 年初 as the end of the first
    // quarter — the day a task "by mid-year" / "early in the year" is due. Only where the word ends there: 2025年中职招生
    // and 2024年初中毕业生 speak of 中职 and 初中, not of a time of the year.
    private bool TryMidOrEarlyYear(int i, int? year, out DatePoint point)
    {
        point = default;
        var k = At(i) == '年' ? i + 1 : i;
        int month;
        if (At(k) == '中') month = 6;
        else if (At(k) == '初') month = 3;
        else return false;
        k++;
        if (TryBefore(k, out var end)) k = end;
        else if (Matches(k, "完成")) { }
        else if (At(k) is var next && next != '\0' && !char.IsPunctuation(next) && !char.IsWhiteSpace(next)) return false;
        point = new DatePoint(Period.LastDayOf(Period.Month(year, month)), k, year);
        return true;
    }

    // The forms that name a part of a year, with or without the year written before them.
    private bool TryWithinYear(int i, int? year, bool yearWritten, out DatePoint point) =>
        TryHalfYear(i, year, out point)
        || TrySpringFestival(i, year, out point)
        || TrySummerBreak(i, year, out point)
        || TrySemester(i, year, out point)
        || TryQuarter(i, year, yearWritten, out point)
        || TryFirstQuarters(i, year, out point)
        || TryMonth(i, year, yearWritten, out point);

    // 上半年 is January–June, 下半年 July–December.
    private bool TryHalfYear(int i, int? year, out DatePoint point)
    {
        point = default;
        int firstMonth;
        if (Matches(i, "上半年")) firstMonth = 1;
        else if (Matches(i, "下半年")) firstMonth = 7;
        else return false;
        var half = Period.Through(Period.Month(year, firstMonth), Period.Month(year, firstMonth + 5));
        point = ReadPeriodEnding(i + 3, half, year);
        return true;
    }

    // 春节前 ("before the Spring Festival", a common date for 保供 and wage-arrears work): the day before the lunar new
    // year, which falls in the Gregorian year written (2025年春节前 → 2025-01-28); 春节 alone is the festival's first day.
    private bool TrySpringFestival(int i, int? year, out DatePoint point)
    {
        point = default;
        if (!Matches(i, "春节")) return false;
        var k = i + 2;
        if (Matches(k, "期间")) k += 2;
        Period? day = year is int y && y is >= LunarFirstYear and <= LunarLastYear ? Period.On(DateOnly.FromDateTime(Lunar.ToDateTime(y, 1, 1, 0, 0, 0, 0))) : null;
        if (TryBefore(k, out var end))
        {
            point = new DatePoint(Period.DayBefore(day), end, year);
            return true;
        }
        point = new DatePoint(day, k, year);
        return true;
    }

    private static readonly System.Globalization.ChineseLunisolarCalendar Lunar = new();
    private const int LunarFirstYear = 1902;
    private const int LunarLastYear = 2100;

    // 暑期 / 暑假 (the summer break, July and August): work to be done over it is due when it ends, August 31;
    // 暑假前 at the end of June.
    private bool TrySummerBreak(int i, int? year, out DatePoint point)
    {
        point = default;
        if (!Matches(i, "暑期") && !Matches(i, "暑假")) return false;
        var k = i + 2;
        if (TryBefore(k, out var end))
        {
            // 暑假前: before the break begins, at the end of the spring semester (June 30).
            point = new DatePoint(Period.Day(year, 6, 30), end, year);
            return true;
        }
        if (At(k) is '内' or '中') k++;
        else if (Matches(k, "期间")) k += 2;
        point = new DatePoint(Period.Day(year, 8, 31), k, year);
        return true;
    }

    // 秋季学期开学前, 秋季开学前, 秋季学期, 秋学期, 春季学期: the day the semester starts (Sep 1 / Mar 1).
    private bool TrySemester(int i, int? year, out DatePoint point)
    {
        point = default;
        int month;
        if (At(i) == '春') month = 3;
        else if (At(i) == '秋') month = 9;
        else return false;
        var k = i + 1;
        var season = At(k) == '季';
        if (season) k++;
        if (Matches(k, "学期")) k += 2;
        else if (!season) return false; // 春节, 秋冬: a lone 春/秋 is no semester
        if (Matches(k, "开学")) k += 2;
        if (TryBefore(k, out var end)) k = end;
        point = new DatePoint(Period.Day(year, month, 1), k, year);
        return true;
    }

    // 第三季度, 三季度, 一季度末, 第1季度, 二季度前, and 第一、二季度 / 二至三季度 where the unit is written once.
    private bool TryQuarter(int i, int? year, bool yearWritten, out DatePoint point)
    {
        point = default;
        var k = At(i) == '第' ? i + 1 : i;
        if (!Numeral.TryRead(text, k, out var q) || q.Digits != 1 || q.Value is < 1 or > QuartersInYear) return false;
        if (!yearWritten && IsStrayYi(k, q)) return false;
        var last = q;
        var isRange = false;
        if (!IsQuarterUnit(q.End, out _) && !TryElidedUnit(q.End, QuartersInYear, out last, out isRange)) return false;
        if (last.Value < q.Value || !IsQuarterUnit(last.End, out k)) return false;
        var tail = ReadPeriodEnding(k, Period.Quarter(year, last.Value), year);
        point = last.End == q.End
            ? tail
            : new DatePoint(Period.Through(Period.Quarter(year, q.Value), tail.Period), tail.End, year, isRange);
        return true;
    }

    private bool IsQuarterUnit(int k, out int end)
    {
        end = Matches(k, "季度") ? k + 2 : At(k) == '季' ? k + 1 : k;
        return end > k;
    }

    // 前三季度: the first three quarters, to September 30.
    private bool TryFirstQuarters(int i, int? year, out DatePoint point)
    {
        point = default;
        if (At(i) != '前' || !Numeral.TryRead(text, i + 1, out var q)) return false;
        if (q.Digits != 1 || q.Value is < 1 or > QuartersInYear || !IsQuarterUnit(q.End, out var end)) return false;
        point = new DatePoint(Period.Through(Period.Quarter(year, 1), Period.Quarter(year, q.Value)), end, year);
        return true;
    }

    // 6月, 十二月, 06月份, and "3—6月" / "6、9、12月" where the unit is written once.
    private bool TryMonth(int i, int? year, bool yearWritten, out DatePoint point)
    {
        point = default;
        if (!TryReadMonthNumber(i, out var month)) return false;
        if (!yearWritten && IsStrayYi(i, month)) return false;
        if (At(month.End) == '月') return TryMonthBody(month.End + 1, year, month.Value, out point);

        if (TryElidedUnit(month.End, MonthsInYear, out var last, out var isRange)
            && last.Value >= month.Value && At(last.End) == '月'
            && TryMonthBody(last.End + 1, year, last.Value, out var tail))
        {
            var months = Period.Through(Period.Month(year, month.Value), tail.Period);
            point = new DatePoint(months, tail.End, year, isRange);
            return true;
        }
        return false;
    }

    /// <summary>
    /// After a number whose unit is left out, reads the numbers that follow up to the one the unit is written after:
    /// "—6" in "3—6月" (a range), "、9、12" in "6、9、12月" (a list, due with its last item).
    /// </summary>
    private bool TryElidedUnit(int k, int max, out Numeral last, out bool isRange)
    {
        last = default;
        isRange = false;
        var items = 0;
        for (; items < MaxElidedItems; items++)
        {
            int next;
            if (TryRangeMarker(k, out next)) isRange = true;
            else if (At(k) is '、' or '和' or '及' or '或') next = k + 1;
            else break;
            if (At(next) == '第') next++;
            if (!Numeral.TryRead(text, next, out var n) || n.Digits > 2 || n.Value < 1 || n.Value > max) return false;
            last = n;
            k = n.End;
        }
        return items > 0;
    }

    private bool TryReadMonthNumber(int i, out Numeral month) =>
        Numeral.TryRead(text, i, out month) && month.Digits <= 2 && month.Value is >= 1 and <= 12;

    // What may follow 月: a day, 上旬/中旬/下旬, 底/末, 前, or nothing.
    private bool TryMonthBody(int afterMonth, int? year, int month, out DatePoint point)
    {
        point = default;
        var k = At(afterMonth) == '份' ? afterMonth + 1 : afterMonth;

        if (Numeral.TryRead(text, k, out var day) && day.Digits <= 2 && At(day.End) is '日' or '号')
        {
            // 2月30日 is no date; read nothing rather than guess.
            if (day.Value < 1 || day.Value > DateTime.DaysInMonth(year ?? AnyLeapYear, month)) return false;
            var end = day.End + 1;
            // "6月30日前": before a day means by that day, the day being the deadline as written.
            if (TryBefore(end, out var afterBefore)) end = afterBefore;
            point = new DatePoint(Period.Day(year, month, day.Value), end, year);
            return true;
        }

        var whole = Period.Month(year, month);
        if (Matches(k, "上旬") || Matches(k, "中旬"))
        {
            point = new DatePoint(Period.Day(year, month, text[k] == '上' ? 10 : 20), k + 2, year);
            return true;
        }
        if (Matches(k, "下旬"))
        {
            point = new DatePoint(Period.LastDayOf(whole), k + 2, year);
            return true;
        }
        point = ReadPeriodEnding(k, whole, year);
        return true;
    }

    /// <summary>
    /// After a month, quarter or half-year: 底/末 (optionally 前) is its last day; 前 right after it is the day before
    /// it begins ("7月前" is June 30); nothing is the whole period.
    /// </summary>
    private DatePoint ReadPeriodEnding(int k, Period? period, int? year)
    {
        if (At(k) is '底' or '末')
        {
            k++;
            if (TryBefore(k, out var end)) k = end;
            return new DatePoint(Period.LastDayOf(period), k, year);
        }
        if (TryBefore(k, out var afterBefore)) return new DatePoint(Period.DayBefore(period), afterBefore, year);
        return new DatePoint(period, k, year);
    }

    // 2021.6, 2021.6.30, 2021/6/30, 2021-06-30, 2021-06.
    private bool TryNumericDate(int i, out DatePoint point)
    {
        point = default;
        if (!Numeral.TryRead(text, i, out var year) || !IsWrittenYear(year)) return false;
        var separator = At(year.End);
        if (separator is not ('.' or '/' or DeadlineText.Dash)) return false;
        if (!TryReadMonthNumber(year.End + 1, out var month)) return false;
        if (At(month.End) == separator && Numeral.TryRead(text, month.End + 1, out var day) && day.Digits <= 2)
        {
            if (day.Value < 1 || day.Value > DateTime.DaysInMonth(year.Value, month.Value)) return false;
            var end = TryBefore(day.End, out var afterBefore) ? afterBefore : day.End;
            point = new DatePoint(Period.Day(year.Value, month.Value, day.Value), end, year.Value);
            return true;
        }
        return TryMonthBody(month.End, year.Value, month.Value, out point);
    }

    // 前, 以前, 之前; not 前后 ("about") and not 前三季度 ("the first three quarters").
    private bool TryBefore(int k, out int end)
    {
        end = k;
        int length;
        if (Matches(k, "以前") || Matches(k, "之前")) length = 2;
        else if (At(k) == '前') length = 1;
        else return false;
        var next = At(k + length);
        if (next == '后' || Numeral.IsNumeralChar(next)) return false;
        end = k + length;
        return true;
    }

    private bool TryRangeMarker(int k, out int end)
    {
        end = k;
        while (end - k < MaxRangeMarkers && At(end) is DeadlineText.Dash or DeadlineText.Tilde or '至' or '到') end++;
        return end > k;
    }

    // 起, 开始, 至今, 以来, 及以后 / 以后: "2017年起实施", "2018年春季学期开始实施", "2021年至今", "2023年及以后".
    // Not 起草 ("drafted in 2023").
    private bool TryStartSuffix(int k, out int end)
    {
        end = k;
        if (At(k) == '起' && At(k + 1) != '草') end = k + 1;
        else if (Matches(k, "及以后")) end = k + 3;
        else if (Matches(k, "开始") || Matches(k, "至今") || Matches(k, "以来") || Matches(k, "以后")) end = k + 2;
        return end > k;
    }

    // 自, 从, 自从: "自2019年1月1日起", "从2017年起".
    private bool HasStartPrefix(int i) => i > 0 && text[i - 1] is '自' or '从';

    private bool IsStrayYi(int start, Numeral n) =>
        n.End - start == 1 && text[start] == '一' && start > 0 && IsHan(text[start - 1])
        && !DateIntroducers.Contains(text[start - 1]);

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private char At(int k) => k < text.Length ? text[k] : '\0';

    private bool Matches(int k, string word) =>
        k <= text.Length && text.AsSpan(k).StartsWith(word, StringComparison.Ordinal);
}
