namespace Duban.Parsing.Metadata;

/// <summary>
/// The year a plan's year-less deadlines (6月底前, 三季度, 年底前, 全年) fall in. A yearly plan names its year in its
/// title — 2024年职业教育工作要点, 2025年度重点任务分工方案 — and its deadlines are in that year even when it is issued
/// in the December before; otherwise the issue year. A title naming a span (2023—2025年, 2021年至2025年) or several
/// years names no single year.
/// </summary>
internal static class PlanYear
{
    public static int? Of(PlanMetadata metadata) =>
        TitleYear(metadata.Title) ?? TitleYear(metadata.NoticeTitle) ?? metadata.IssueDate?.Year;

    /// <summary>The one year the title names as YYYY年 outside a span; null when none or several.</summary>
    public static int? TitleYear(string? title)
    {
        if (title is null) return null;
        int? found = null;
        for (var i = 0; i + 4 < title.Length; i++)
        {
            if (!IsYearAt(title, i)) continue;
            var before = i > 0 ? title[i - 1] : ' ';
            var after = title[i + 4];
            var next = i + 5 < title.Length ? title[i + 5] : ' ';
            // A span: 2023—2025年, 2023-2025, 2021年至2025年, 2021年—2025年.
            if (IsSpanMark(before) || IsSpanMark(after) || (after == '年' && IsSpanMark(next))) return null;
            if (after != '年') continue;
            var year = int.Parse(title.AsSpan(i, 4));
            if (found is not null && found != year) return null;
            found = year;
            i += 4;
        }
        return found;
    }

    private static bool IsYearAt(string s, int i) =>
        (i == 0 || !char.IsAsciiDigit(s[i - 1])) && char.IsAsciiDigit(s[i]) && char.IsAsciiDigit(s[i + 1])
        && char.IsAsciiDigit(s[i + 2]) && char.IsAsciiDigit(s[i + 3]) && (i + 4 >= s.Length || !char.IsAsciiDigit(s[i + 4]))
        && s[i] is '1' or '2' && Deadlines.Period.IsPlausibleYear(int.Parse(s.AsSpan(i, 4)));

    private static bool IsSpanMark(char c) => c is '—' or '–' or '-' or '－' or '~' or '～' or '至' or '到';
}
