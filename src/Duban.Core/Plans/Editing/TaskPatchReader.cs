using System.Globalization;
using System.Text.Json;
using Duban.Parsing.Model;

namespace Duban.Core.Plans.Editing;

/// <summary>
/// Reads a JSON merge patch of a task (RFC 7396): an object whose members set fields, null clearing the deadline's
/// values. A member this edit does not know is refused by name rather than ignored, so a typing error is not a silent no-op.
/// </summary>
public static class TaskPatchReader
{
    public static readonly IReadOnlyList<string> Members = ["text", "no", "deadline", "due", "start", "ongoing", "recurrence", "targets"];

    /// <param name="skip">Members the caller reads itself (a new task's taskListId and assignments).</param>
    public static (TaskPatch? Patch, EditProblem? Problem) Read(JsonElement body, IReadOnlySet<string>? skip = null)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return (null, new("body", "请求体必须是 JSON 对象（JSON merge patch），例如 {\"text\": \"…\", \"deadline\": \"2026年12月底前\"}。"));
        var patch = new TaskPatch();
        foreach (var member in body.EnumerateObject())
        {
            if (skip?.Contains(member.Name) == true) continue;
            var value = member.Value;
            var isNull = value.ValueKind == JsonValueKind.Null;
            switch (member.Name)
            {
                case "text":
                case "no":
                case "deadline":
                    if (!isNull && value.ValueKind != JsonValueKind.String) return (null, new(member.Name, $"{member.Name} 必须是字符串。"));
                    var text = isNull ? null : value.GetString();
                    if (member.Name == "text") patch = patch with { Text = Patch<string>.Set(text) };
                    else if (member.Name == "no") patch = patch with { No = Patch<string>.Set(text) };
                    else patch = patch with { Deadline = Patch<string>.Set(text) };
                    break;
                case "due":
                case "start":
                    var (date, dateProblem) = Date(value, member.Name);
                    if (dateProblem is not null) return (null, dateProblem);
                    patch = member.Name == "due" ? patch with { Due = Patch<DateOnly?>.Set(date) } : patch with { Start = Patch<DateOnly?>.Set(date) };
                    break;
                case "ongoing":
                    if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return (null, new("ongoing", "ongoing（长期坚持）必须是 true 或 false。"));
                    patch = patch with { Ongoing = Patch<bool>.Set(value.GetBoolean()) };
                    break;
                case "recurrence":
                    Recurrence? recurrence = null;
                    if (!isNull)
                    {
                        recurrence = value.ValueKind == JsonValueKind.String ? ParseEnum<Recurrence>(value.GetString()) : null;
                        if (recurrence is null)
                            return (null, new("recurrence", "recurrence（周期）必须是 monthly（每月）、quarterly（每季度）、semester（每学期）、halfYearly（每半年）、yearly（每年）或 null。"));
                    }
                    patch = patch with { Recurrence = Patch<Recurrence?>.Set(recurrence) };
                    break;
                case "targets":
                    var (targets, targetsProblem) = Targets(value);
                    if (targetsProblem is not null) return (null, targetsProblem);
                    patch = patch with { Targets = Patch<IReadOnlyList<TargetInput>>.Set(targets) };
                    break;
                default:
                    return (null, new(member.Name, $"不能用此接口修改 {member.Name}：可修改的字段为 {string.Join("、", Members)}（责任单位用 /assignments 接口）。"));
            }
        }
        return (patch, null);
    }

    public static (IReadOnlyList<TargetInput>? Targets, EditProblem? Problem) Targets(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return ([], null);
        if (value.ValueKind != JsonValueKind.Array) return (null, new("targets", "targets（量化指标）必须是数组：[{\"subject\", \"comparator\", \"value\", \"unit\", \"year\"}]。"));
        var list = new List<TargetInput>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var at = $"targets[{index}]";
            if (item.ValueKind != JsonValueKind.Object) return (null, new(at, $"{at} 必须是对象。"));
            long? id = null;
            string? subject = null, unit = null;
            Comparator? comparator = null;
            decimal? number = null, max = null;
            int? year = null;
            foreach (var p in item.EnumerateObject())
            {
                var v = p.Value;
                if (v.ValueKind == JsonValueKind.Null) continue;
                switch (p.Name)
                {
                    case "id":
                        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var parsedId)) return (null, new($"{at}.id", $"{at}.id 必须是整数。"));
                        id = parsedId;
                        break;
                    case "subject":
                        if (v.ValueKind != JsonValueKind.String) return (null, new($"{at}.subject", $"{at}.subject（指标名称）必须是字符串。"));
                        subject = v.GetString();
                        break;
                    case "unit":
                        if (v.ValueKind != JsonValueKind.String) return (null, new($"{at}.unit", $"{at}.unit（单位）必须是字符串。"));
                        unit = v.GetString();
                        break;
                    case "comparator":
                        comparator = v.ValueKind == JsonValueKind.String ? ParseEnum<Comparator>(v.GetString()) : null;
                        if (comparator is null)
                            return (null, new($"{at}.comparator", $"{at}.comparator（方向）必须是 atLeast（不低于）、atMost（不高于）、equal（达到）、approximately（约）或 range（区间）。"));
                        break;
                    case "value":
                    case "valueMax":
                        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d)) return (null, new($"{at}.{p.Name}", $"{at}.{p.Name} 必须是数字。"));
                        if (p.Name == "value") number = d;
                        else max = d;
                        break;
                    case "year":
                        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var y)) return (null, new($"{at}.year", $"{at}.year（年份）必须是整数。"));
                        year = y;
                        break;
                    default:
                        return (null, new($"{at}.{p.Name}", $"{at} 没有 {p.Name} 字段：可用 id、subject、comparator、value、valueMax、unit、year。"));
                }
            }
            list.Add(new TargetInput(id, subject, comparator, number, max, unit, year));
            index++;
        }
        if (list.Count > 50) return (null, new("targets", "targets（量化指标）一项任务最多 50 个。"));
        return (list, null);
    }

    private static (DateOnly? Date, EditProblem? Problem) Date(JsonElement value, string field)
    {
        if (value.ValueKind == JsonValueKind.Null) return (null, null);
        var label = field == "due" ? "截止日期" : "开始日期";
        if (value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString()?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (date, null);
        return (null, new(field, $"{field}（{label}）必须是 yyyy-MM-dd 格式的日期，例如 2026-12-31，或 null。"));
    }

    public static T? ParseEnum<T>(string? text) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _) && Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
