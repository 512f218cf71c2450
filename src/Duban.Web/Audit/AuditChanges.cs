using System.Globalization;
using System.Text.Json;
using Duban.Web.Display;

namespace Duban.Web.Audit;

/// <summary>A value as the audit page shows it: Chinese text, and the page of what it names when there is one.</summary>
public sealed record AuditValue(string Text, string? Link = null)
{
    public static AuditValue None { get; } = new("—");
}

/// <summary>One field of an audit entry: its Chinese name, and what it was before and after (None when absent on that side).</summary>
public sealed record AuditChange(string Field, AuditValue Before, AuditValue After);

/// <param name="Unchanged">Fields present before and after with the same value, not listed.</param>
public sealed record AuditDifference(IReadOnlyList<AuditChange> Changes, int Unchanged);

/// <summary>
/// Turns an entry's stored before and after JSON into what a person reads: the fields that changed (all of them for a
/// creation or a deletion), named in Chinese, with enumeration names in Chinese, instants in China time
/// (2026年12月6日 16:05), dates as 2026年12月31日, yes/no, and ids as the names of what they point to.
/// </summary>
public static class AuditChanges
{
    /// <summary>A field of a snapshot, at its path (a.b, a[0].b), with its JSON value.</summary>
    public sealed record Leaf(string Path, string Key, JsonElement Value);

    public static AuditDifference Between(string entityType, string? before, string? after, AuditNames names)
    {
        var old = Leaves(before);
        var now = Leaves(after);
        var oldByPath = old.ToDictionary(l => l.Path);
        var nowByPath = now.ToDictionary(l => l.Path);
        var paths = now.Select(l => l.Path).Concat(old.Select(l => l.Path)).Distinct().ToList();
        var changes = new List<AuditChange>();
        var unchanged = 0;
        foreach (var path in paths)
        {
            var b = oldByPath.GetValueOrDefault(path);
            var a = nowByPath.GetValueOrDefault(path);
            if (b is not null && a is not null && b.Value.GetRawText() == a.Value.GetRawText())
            {
                unchanged++;
                continue;
            }
            var key = (a ?? b)!.Key;
            changes.Add(new(FieldName(path), b is null ? AuditValue.None : Show(entityType, key, b.Value, names), a is null ? AuditValue.None : Show(entityType, key, a.Value, names)));
        }
        return new(changes, unchanged);
    }

    /// <summary>Every scalar (and every array of scalars) of a snapshot; text that is not JSON is one leaf.</summary>
    public static IReadOnlyList<Leaf> Leaves(string? json)
    {
        var leaves = new List<Leaf>();
        if (string.IsNullOrEmpty(json)) return leaves;
        try
        {
            using var document = JsonDocument.Parse(json);
            Collect(document.RootElement.Clone(), "", "", leaves);
        }
        catch (JsonException)
        {
            leaves.Add(new("", "", JsonDocument.Parse(JsonSerializer.Serialize(json)).RootElement.Clone()));
        }
        return leaves;
    }

    private static void Collect(JsonElement element, string path, string key, List<Leaf> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Collect(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, property.Name, into);
                break;
            case JsonValueKind.Array when element.EnumerateArray().Any(e => e.ValueKind is JsonValueKind.Object or JsonValueKind.Array):
                var i = 0;
                foreach (var item in element.EnumerateArray()) Collect(item, $"{path}[{i++}]", key, into);
                break;
            default:
                into.Add(new(path, key, element));
                break;
        }
    }

    /// <summary>assignments[0].organizationId → 责任单位 第1项 · 单位.</summary>
    public static string FieldName(string path)
    {
        if (path.Length == 0) return "内容";
        string? parent = null;
        return string.Join(" · ", path.Split('.').Select(segment =>
        {
            var bracket = segment.IndexOf('[');
            var key = bracket < 0 ? segment : segment[..bracket];
            var name = AuditLabels.Field(key, parent);
            parent = key;
            if (bracket < 0) return name;
            var indexes = segment[bracket..].Trim('[', ']').Split("][").Select(n => int.TryParse(n, out var x) ? $"第{x + 1}项" : n);
            return name + " " + string.Join(" ", indexes);
        }));
    }

    public static AuditValue Show(string entityType, string key, JsonElement value, AuditNames names)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return new("（空）");
            case JsonValueKind.True:
                return new("是");
            case JsonValueKind.False:
                return new("否");
            case JsonValueKind.Array:
                var items = value.EnumerateArray().Select(item => Show(entityType, key, item, names)).ToList();
                if (items.Count == 0) return new("（无）");
                // One name with its link when there is one item; several are listed as text.
                return items.Count == 1 ? items[0] : new(string.Join("、", items.Select(i => i.Text)));
            case JsonValueKind.Number:
                return AuditLabels.IdKind(key) is { } kind && value.TryGetInt64(out var id) ? names.Of(kind, id) : new(value.GetRawText());
            default:
                var text = value.GetString() ?? "";
                if (AuditLabels.IdKind(key) is { } idKind && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var stringId)) return names.Of(idKind, stringId);
                return new(Text(entityType, key, text));
        }
    }

    /// <summary>A string as read: an instant in China time, a date in Chinese, an enumeration's Chinese name, or itself.</summary>
    public static string Text(string entityType, string key, string text)
    {
        // Instants are stored as ISO 8601 with an offset (System.Text.Json's way): 2026-12-06T08:05:00+00:00.
        if (text.Length >= 19 && text[4] == '-' && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
            return ChineseText.DateTime(instant);
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return ChineseText.Date(day);
        return AuditLabels.Value(entityType, key, text);
    }
}
