using System.Globalization;
using Duban.Core.Text;
using Duban.Core.Tracking.Periods;
using Duban.Parsing.Deadlines;
using Duban.Parsing.Model;

namespace Duban.Core.Plans.Editing;

/// <summary>
/// The rules of a hand edit of a task, pure: what text, number, deadline and targets may be, and what an edit makes of
/// the task's fields. Every refusal names its field in Chinese; nothing is half-applied.
/// </summary>
public static class TaskEditRules
{
    /// <summary>The key prefix of tasks the office added by hand (or split off): no document names them, so a revision import never pairs or removes them.</summary>
    public const string ManualKeyPrefix = "manual:";

    public static string NewManualKey() => ManualKeyPrefix + Guid.NewGuid().ToString("N");

    public static bool IsManualKey(string key) => key.StartsWith(ManualKeyPrefix, StringComparison.Ordinal);

    /// <summary>The task's text: required, one paragraph (line breaks of a pasted text are joined as the parser joins wrapped lines), no invisible characters.</summary>
    public static (string? Text, EditProblem? Problem) CleanText(string? text, string field = "text")
    {
        var joined = string.Concat((text ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())).Trim();
        if (joined.Length == 0) return (null, new(field, $"{field}（任务内容）不能为空。"));
        if (NameText.Problem(joined, "任务内容") is { } problem) return (null, new(field, $"{field}（任务内容）：{problem}"));
        var clean = NameText.Normalize(joined);
        if (clean.Length > PlanTask.MaxTextLength) return (null, new(field, $"{field}（任务内容）不能超过 {PlanTask.MaxTextLength} 个字符（现有 {clean.Length} 个）。"));
        return (clean, null);
    }

    /// <summary>The task's number (编号) as the list shows it: 3, 3.1, （二）; required, at most 20 characters.</summary>
    public static (string? No, EditProblem? Problem) CleanNo(string? no, string field = "no")
    {
        var trimmed = (no ?? "").Trim().TrimEnd('.', '、', '．');
        if (trimmed.Length == 0) return (null, new(field, $"{field}（编号）不能为空。"));
        if (NameText.Problem(trimmed, "编号") is { } problem) return (null, new(field, $"{field}（编号）：{problem}"));
        var clean = NameText.Normalize(trimmed);
        if (clean.Length > PlanTask.MaxNoLength) return (null, new(field, $"{field}（编号）不能超过 {PlanTask.MaxNoLength} 个字符。"));
        return (clean, null);
    }

    /// <summary>
    /// Applies a patch to the task's fields. A deadline written as text is read as the parser reads one (with the
    /// plan's issue year for 年内 and dates without a year); values given beside it (due, start, ongoing, recurrence)
    /// win over what was read. Values given without a text get a text composed from them, so that what is shown as
    /// written never contradicts the dates. <c>deadline: null</c> clears the deadline.
    /// </summary>
    public static (TaskFields? Fields, EditProblem? Problem) Apply(TaskFields current, TaskPatch patch, int? issueYear, DateOnly today)
    {
        var next = current;
        if (patch.Text.Present)
        {
            var (text, problem) = CleanText(patch.Text.Value);
            if (problem is not null) return (null, problem);
            next = next with { Text = text! };
        }
        if (patch.No.Present)
        {
            var (no, problem) = CleanNo(patch.No.Value);
            if (problem is not null) return (null, problem);
            next = next with { No = no! };
        }
        if (patch.TouchesDeadline)
        {
            var (deadline, problem) = Deadline(current, patch, issueYear, today);
            if (problem is not null) return (null, problem);
            next = next with
            {
                DeadlineRaw = deadline!.DeadlineRaw, Due = deadline.Due, Start = deadline.Start, Ongoing = deadline.Ongoing, Recurrence = deadline.Recurrence,
            };
        }
        return (next, null);
    }

    private static (TaskFields? Fields, EditProblem? Problem) Deadline(TaskFields current, TaskPatch patch, int? issueYear, DateOnly today)
    {
        string? raw = current.DeadlineRaw;
        var (due, start, ongoing, recurrence) = (current.Due, current.Start, current.Ongoing, current.Recurrence);
        var composed = !patch.Deadline.Present;
        if (patch.Deadline.Present)
        {
            var written = patch.Deadline.Value?.Trim();
            if (string.IsNullOrEmpty(written))
            {
                (raw, due, start, ongoing, recurrence) = (null, null, null, false, null);
                composed = true;
            }
            else
            {
                if (NameText.Problem(written, "完成时限") is { } invalid) return (null, new("deadline", $"deadline（完成时限）：{invalid}"));
                written = NameText.Normalize(written);
                if (written.Length > PlanTask.MaxDeadlineLength) return (null, new("deadline", $"deadline（完成时限）不能超过 {PlanTask.MaxDeadlineLength} 个字符。"));
                var read = DeadlineParser.Parse(written, new SourceSpan(0, written.Length), issueYear);
                var givesValues = patch.Due.Present || patch.Start.Present || patch.Ongoing.Present || patch.Recurrence.Present;
                if (!read.Understood && !givesValues)
                    return (null, new("deadline", $"deadline（完成时限）“{written}”读不出日期、长期坚持或周期；请写成如“2026年12月底前”“长期坚持”“每季度”，或另给 due（截止日期）。"));
                (raw, due, start, ongoing, recurrence) = (written, read.Due, read.Start, read.Ongoing, read.Recurrence);
            }
        }
        if (patch.Due.Present) due = patch.Due.Value;
        if (patch.Start.Present) start = patch.Start.Value;
        if (patch.Ongoing.Present) ongoing = patch.Ongoing.Value;
        if (patch.Recurrence.Present) recurrence = patch.Recurrence.Value;
        if (recurrence is not null) ongoing = true;

        if (due is { } d && !PlausibleDates.Contains(d, today)) return (null, new("due", PlausibleDates.OutOfRange("due（截止日期）", today)));
        if (start is { } s && !PlausibleDates.Contains(s, today)) return (null, new("start", PlausibleDates.OutOfRange("start（开始日期）", today)));
        if (due is { } dd && start is { } ss && ss > dd) return (null, new("start", "start（开始日期）不能晚于 due（截止日期）。"));
        if (composed) raw = Compose(due, start, ongoing, recurrence) ?? (due is null && start is null && !ongoing ? null : raw);
        return (new TaskFields(current.No, current.Text, raw, due, start, ongoing, recurrence), null);
    }

    /// <summary>A deadline as the office would write it, from its values: 2026年12月31日前、长期坚持; null for none.</summary>
    public static string? Compose(DateOnly? due, DateOnly? start, bool ongoing, Recurrence? recurrence)
    {
        var parts = new List<string>();
        if (start is { } s) parts.Add($"{s.Year}年{s.Month}月{s.Day}日起");
        if (due is { } d) parts.Add($"{d.Year}年{d.Month}月{d.Day}日前");
        if (recurrence is { } r) parts.Add(RecurrenceWord(r));
        else if (ongoing) parts.Add(due is null ? "长期坚持" : "并长期坚持");
        return parts.Count == 0 ? null : string.Join("", parts);
    }

    public static string RecurrenceWord(Recurrence recurrence) => recurrence switch
    {
        Parsing.Model.Recurrence.Monthly => "每月",
        Parsing.Model.Recurrence.Quarterly => "每季度",
        Parsing.Model.Recurrence.Semester => "每学期",
        Parsing.Model.Recurrence.HalfYearly => "每半年",
        Parsing.Model.Recurrence.Yearly => "每年",
        _ => recurrence.ToString(),
    };

    /// <summary>A target as entered: subject and unit required (names), a value, an upper value only for a range and not below the value, a plausible year.</summary>
    public static EditProblem? CheckTarget(TargetInput target, int index)
    {
        var at = $"targets[{index}]";
        if (string.IsNullOrWhiteSpace(target.Subject)) return new($"{at}.subject", $"{at}.subject（指标名称）不能为空。");
        if (NameText.Problem(target.Subject, "指标名称") is { } subject) return new($"{at}.subject", $"{at}.subject（指标名称）：{subject}");
        if (target.Subject.Trim().Length > 300) return new($"{at}.subject", $"{at}.subject（指标名称）不能超过 300 个字符。");
        if (target.Comparator is null) return new($"{at}.comparator", $"{at}.comparator（方向）必须是 atLeast（不低于）、atMost（不高于）、equal（达到）、approximately（约）或 range（区间）。");
        if (target.Value is not { } value) return new($"{at}.value", $"{at}.value（目标值）不能为空。");
        if (Math.Abs(value) >= 100_000_000_000_000m) return new($"{at}.value", $"{at}.value（目标值）过大。");
        if (target.Comparator == Comparator.Range)
        {
            if (target.ValueMax is not { } max) return new($"{at}.valueMax", $"{at}.valueMax（区间上限）在 range（区间）时不能为空。");
            if (max < value) return new($"{at}.valueMax", $"{at}.valueMax（区间上限）不能小于 value（目标值）。");
            if (Math.Abs(max) >= 100_000_000_000_000m) return new($"{at}.valueMax", $"{at}.valueMax（区间上限）过大。");
        }
        else if (target.ValueMax is not null) return new($"{at}.valueMax", $"{at}.valueMax（区间上限）只用于 range（区间）。");
        if (string.IsNullOrWhiteSpace(target.Unit)) return new($"{at}.unit", $"{at}.unit（单位，如 %、所、人）不能为空。");
        if (NameText.Problem(target.Unit, "单位") is { } unit) return new($"{at}.unit", $"{at}.unit（单位）：{unit}");
        if (target.Unit.Trim().Length > 20) return new($"{at}.unit", $"{at}.unit（单位）不能超过 20 个字符。");
        if (target.Year is { } year && year is < 2000 or > 2100) return new($"{at}.year", $"{at}.year（年份）必须在 2000 至 2100 之间。");
        return null;
    }

    /// <summary>The target as it reads, for the task's list: 覆盖率 ≥ 90%（2025年）.</summary>
    public static string TargetText(TargetInput t)
    {
        string Number(decimal v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        var unit = t.Unit?.Trim();
        var value = t.Comparator switch
        {
            Comparator.AtLeast => $"不低于{Number(t.Value ?? 0)}{unit}",
            Comparator.AtMost => $"不高于{Number(t.Value ?? 0)}{unit}",
            Comparator.Approximately => $"约{Number(t.Value ?? 0)}{unit}",
            Comparator.Range => $"{Number(t.Value ?? 0)}—{Number(t.ValueMax ?? 0)}{unit}",
            _ => $"达到{Number(t.Value ?? 0)}{unit}",
        };
        return $"{(t.Year is { } y ? $"到{y}年，" : "")}{t.Subject?.Trim()}{value}";
    }
}
