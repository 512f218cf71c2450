using System.Collections.Frozen;
using System.Text.Json;

namespace Duban.Parsing.Units;

/// <summary>
/// Groups of names that mean the same organisation; the first name of a group is its canonical name. A name written
/// without a place or level (人社局) applies under any prefix (市人社局 → 市人力资源和社会保障局); a name written with
/// one (团市委) applies as it stands. The built-in groups are data: Units/unit-aliases.json.
/// </summary>
/// <remarks>Immutable: <see cref="With"/> returns a new table.</remarks>
public sealed class UnitAliasTable
{
    private const string BuiltInResource = "Duban.Parsing.Units.unit-aliases.json";
    private const int MaxPrefixCuts = 5;

    private readonly string[][] _groups;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _canonicalByKey;
    private readonly int _longestKey;

    private UnitAliasTable(string[][] groups)
    {
        _groups = groups;
        var canonicalByKey = new Dictionary<string, string>(StringComparer.Ordinal);
        // Later groups win, so a caller's groups override the built-in ones name by name.
        foreach (var group in groups)
            foreach (var name in group)
                canonicalByKey[ChineseFolding.Fold(name)] = group[0];
        _canonicalByKey = canonicalByKey.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _longestKey = canonicalByKey.Count == 0 ? 0 : canonicalByKey.Keys.Max(k => k.Length);
    }

    /// <summary>A table that knows no names.</summary>
    public static UnitAliasTable Empty { get; } = new([]);

    /// <summary>The built-in table (Units/unit-aliases.json, embedded).</summary>
    public static UnitAliasTable Default { get; } = LoadBuiltIn();

    /// <summary>How many groups the table holds.</summary>
    public int GroupCount => _groups.Length;

    /// <summary>
    /// A new table with <paramref name="groups"/> added. The first name of each group is canonical; a name already
    /// known is moved to the new group, so local knowledge overrides the built-in table.
    /// </summary>
    public UnitAliasTable With(IEnumerable<IReadOnlyList<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var added = groups.Select(NormalizeGroup).OfType<string[]>().ToArray();
        return added.Length == 0 ? this : new UnitAliasTable([.. _groups, .. added]);
    }

    /// <summary>
    /// A table read from JSON of the form {"groups": [["人力资源和社会保障局", "人力资源社会保障局", "人社局"], …]}.
    /// Other top-level properties are ignored; comments and trailing commas are allowed.
    /// </summary>
    /// <exception cref="FormatException">The text is not JSON of that form.</exception>
    public static UnitAliasTable FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("groups", out var groups) || groups.ValueKind != JsonValueKind.Array)
                throw new FormatException("A unit alias table is an object with a \"groups\" array.");

            var read = new List<string[]>();
            foreach (var group in groups.EnumerateArray())
            {
                if (group.ValueKind != JsonValueKind.Array)
                    throw new FormatException("Each alias group is an array of names.");
                var names = new List<string>();
                foreach (var name in group.EnumerateArray())
                {
                    if (name.ValueKind != JsonValueKind.String)
                        throw new FormatException("Each name in an alias group is a string.");
                    names.Add(name.GetString()!);
                }
                if (NormalizeGroup(names) is { } normalized) read.Add(normalized);
            }
            return new UnitAliasTable([.. read]);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The unit alias table is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// The canonical name for <paramref name="name"/>, keeping its prefix (市人社局 → 市人力资源和社会保障局), or
    /// <paramref name="name"/> itself when unknown. Matching folds traditional characters and bracket widths, so a
    /// canonical name is always in simplified characters.
    /// </summary>
    public string Canonicalize(string name)
    {
        if (string.IsNullOrEmpty(name) || _longestKey == 0) return name ?? "";
        return Canonicalize(UnitName.Of(UnitName.Normalize(name))) is { } found ? found : name;
    }

    /// <summary>The canonical name for an already normalised name; null when unknown.</summary>
    internal string? Canonicalize(UnitName name)
    {
        var key = name.Key;
        if (_longestKey == 0 || key.Length == 0) return null;
        if (key.Length <= _longestKey && _canonicalByKey.TryGetValue(key, out var whole)) return whole;

        Span<int> cuts = stackalloc int[MaxPrefixCuts];
        var count = AdministrativePrefix.SegmentEnds(key, cuts[..(MaxPrefixCuts - 1)]);
        var levels = CollectiveLevelsEnd(key);
        if (levels > 0) cuts[count++] = levels;

        foreach (var cut in cuts[..count])
        {
            if (cut >= key.Length) continue;
            var rest = key.AsSpan(cut);
            if (rest.Length <= _longestKey && _canonicalByKey.TryGetValue(rest, out var canonical))
                return string.Concat(key.AsSpan(0, cut), canonical);
        }
        return null;
    }

    /// <summary>Where the level list of a collective ends: 各县（区）|政府, 县（市、区）|政府, 各级|政府.</summary>
    private static int CollectiveLevelsEnd(string key)
    {
        var i = 0;
        if (key.StartsWith('各')) i = key.StartsWith("各级", StringComparison.Ordinal) ? 2 : 1;
        var levels = 0;
        for (; i < key.Length && "县区市镇乡旗州（）、".Contains(key[i]); i++)
            if (key[i] is not ('（' or '）' or '、'))
                levels++;
        return levels > 0 || key.StartsWith("各级", StringComparison.Ordinal) ? i : 0;
    }

    private static string[]? NormalizeGroup(IReadOnlyList<string>? group)
    {
        if (group is null) return null;
        var names = group
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => UnitName.Normalize(n.AsSpan().Trim()))
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return names.Length == 0 ? null : names;
    }

    private static UnitAliasTable LoadBuiltIn()
    {
        using var stream = typeof(UnitAliasTable).Assembly.GetManifestResourceStream(BuiltInResource);
        if (stream is null) return Empty;
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }
}
