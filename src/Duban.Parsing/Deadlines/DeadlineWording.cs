using System.Collections.Immutable;
using Duban.Parsing.Model;

namespace Duban.Parsing.Deadlines;

/// <summary>The words of a normalized deadline text that say a task goes on or comes back, dates aside.</summary>
internal static class DeadlineWording
{
    // 持续 covers 持续实施 / 持续推进 / 持续开展 / 持续完善; 长期 covers 长期坚持 / 长期推进.
    // 即日起: from the day the plan is issued, with no end.
    private static readonly ImmutableArray<string> OngoingWords = ["长期", "持续", "常态化", "常年", "长效", "定期", "即日起"];

    // A yearly cadence written without 每: 逐年推进, 按年度推进, 分年度实施.
    private static readonly ImmutableArray<string> YearlyWords = ["逐年", "按年度", "分年度"];

    // Other cadences written with 按 instead of 每: 按学期拨付, 按季度调度, 按月报送.
    private static readonly ImmutableArray<(string Word, Recurrence Recurrence)> ByWords =
        [("按学期", Recurrence.Semester), ("按季度", Recurrence.Quarterly), ("按月", Recurrence.Monthly)];

    public static bool SaysOngoing(string text)
    {
        foreach (var word in OngoingWords)
            if (text.Contains(word, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// Finds the first 每… (每年, 每个月, 每学期). True when there is one; <paramref name="recurrence"/> is null for
    /// cadences the model has no value for (每周, 每日), which still make the task ongoing.
    /// </summary>
    public static bool TryFindRecurrence(string text, out Recurrence? recurrence)
    {
        recurrence = null;
        foreach (var word in YearlyWords)
        {
            if (!text.Contains(word, StringComparison.Ordinal)) continue;
            recurrence = Recurrence.Yearly;
            return true;
        }
        foreach (var (word, cadence) in ByWords)
        {
            if (!text.Contains(word, StringComparison.Ordinal)) continue;
            recurrence = cadence;
            return true;
        }
        for (var i = text.IndexOf('每'); i >= 0; i = text.IndexOf('每', i + 1))
        {
            var k = i + 1;
            if (k < text.Length && text[k] is '个' or '一') k++;
            var rest = text.AsSpan(k);
            if (rest.StartsWith("半年")) recurrence = Recurrence.HalfYearly;
            else if (rest.StartsWith("年")) recurrence = Recurrence.Yearly;
            else if (rest.StartsWith("学期")) recurrence = Recurrence.Semester;
            else if (rest.StartsWith("季")) recurrence = Recurrence.Quarterly;
            else if (rest.StartsWith("月")) recurrence = Recurrence.Monthly;
            else if (!IsUnmodelledCadence(rest)) continue;
            return true;
        }
        return false;
    }

    // 每周, 每星期, 每日, 每天, 每旬: Recurrence has no value for these.
    private static bool IsUnmodelledCadence(ReadOnlySpan<char> rest) =>
        rest.StartsWith("周") || rest.StartsWith("星期") || rest.StartsWith("日") || rest.StartsWith("天")
        || rest.StartsWith("旬");
}
