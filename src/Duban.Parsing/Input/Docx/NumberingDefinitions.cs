using System.Xml;

namespace Duban.Parsing.Input.Docx;

/// <summary>
/// The list definitions of numbering.xml: abstract lists (w:abstractNum, the levels) and the list instances
/// paragraphs point to (w:num, an abstract list plus start and level overrides).
/// </summary>
internal sealed class NumberingDefinitions
{
    private readonly Dictionary<int, AbstractList> _abstractLists = [];
    private readonly Dictionary<int, ListInstance> _instances = [];
    private readonly Dictionary<int, ListLevel?[]?> _resolved = [];

    public static NumberingDefinitions None { get; } = new();

    /// <summary>Reads numbering.xml; the reader is positioned before its root element.</summary>
    public static NumberingDefinitions Read(XmlReader reader)
    {
        var definitions = new NumberingDefinitions();
        reader.MoveToContent();
        reader.ReadChildren(() =>
        {
            if (reader.IsWord("abstractNum")) definitions.ReadAbstractList(reader);
            else if (reader.IsWord("num")) definitions.ReadInstance(reader);
            else reader.Skip();
        });
        return definitions;
    }

    /// <summary>The nine levels of list instance <paramref name="numId"/>, overrides applied; null when it is not defined.</summary>
    public ListLevel?[]? Levels(int numId)
    {
        if (_resolved.TryGetValue(numId, out var cached)) return cached;

        ListLevel?[]? levels = null;
        if (_instances.TryGetValue(numId, out var instance) && AbstractListOf(instance) is { } abstractList)
        {
            levels = new ListLevel?[ListLevel.MaxLevels];
            for (var i = 0; i < levels.Length; i++)
            {
                var level = instance.LevelOverrides.GetValueOrDefault(i) ?? abstractList.Levels.GetValueOrDefault(i);
                if (level is not null && instance.StartOverrides.TryGetValue(i, out var start)) level = level with { Start = start };
                levels[i] = level;
            }
        }

        _resolved[numId] = levels;
        return levels;
    }

    /// <summary>
    /// Whose counters a list instance counts on. Word continues one list across the instances of an abstract list
    /// (how it writes "继续编号", and what copying headings between documents leaves: 一、 in numId 3, 二、 in numId 7);
    /// an instance with overrides (how it writes "重新开始编号": w:lvlOverride with w:startOverride) has counters of its
    /// own. Instances are keyed by their numId, abstract lists by their id as a negative number less one.
    /// </summary>
    public int CounterKey(int numId) =>
        _instances.TryGetValue(numId, out var instance) && instance.StartOverrides.Count == 0 && instance.LevelOverrides.Count == 0
            && AbstractListOf(instance) is not null
            ? -1 - instance.AbstractListId
            : numId;

    private AbstractList? AbstractListOf(ListInstance instance)
    {
        if (!_abstractLists.TryGetValue(instance.AbstractListId, out var abstractList)) return null;

        // A list that uses a list style (w:numStyleLink) has no levels of its own: they live in the abstract list
        // that defines the style (w:styleLink).
        if (abstractList.Levels.Count == 0 && abstractList.NumStyleLink is { } styleName)
            return _abstractLists.Values.FirstOrDefault(candidate => candidate.StyleLink == styleName && candidate.Levels.Count > 0);
        return abstractList;
    }

    private void ReadAbstractList(XmlReader reader)
    {
        var id = reader.WordIntAttribute("abstractNumId");
        var abstractList = new AbstractList();
        reader.ReadChildren(() =>
        {
            if (reader.IsWord("lvl")) ReadLevelInto(reader, abstractList.Levels);
            else if (reader.IsWord("styleLink")) abstractList.StyleLink = ValueAndSkip(reader);
            else if (reader.IsWord("numStyleLink")) abstractList.NumStyleLink = ValueAndSkip(reader);
            else reader.Skip();
        });
        if (id is { } key) _abstractLists.TryAdd(key, abstractList);
    }

    private void ReadInstance(XmlReader reader)
    {
        var id = reader.WordIntAttribute("numId");
        int? abstractListId = null;
        var starts = new Dictionary<int, int>();
        var levels = new Dictionary<int, ListLevel>();
        reader.ReadChildren(() =>
        {
            if (reader.IsWord("abstractNumId"))
            {
                abstractListId = reader.WordIntAttribute("val");
                reader.Skip();
            }
            else if (reader.IsWord("lvlOverride"))
            {
                var level = reader.WordIntAttribute("ilvl");
                reader.ReadChildren(() =>
                {
                    if (reader.IsWord("startOverride"))
                    {
                        if (level is >= 0 and < ListLevel.MaxLevels && reader.WordIntAttribute("val") is { } start) starts[level.Value] = start;
                        reader.Skip();
                    }
                    else if (reader.IsWord("lvl"))
                    {
                        ReadLevelInto(reader, levels);
                    }
                    else
                    {
                        reader.Skip();
                    }
                });
            }
            else
            {
                reader.Skip();
            }
        });
        if (id is { } key && abstractListId is { } abstractKey) _instances.TryAdd(key, new ListInstance(abstractKey, starts, levels));
    }

    private static void ReadLevelInto(XmlReader reader, Dictionary<int, ListLevel> levels)
    {
        var index = reader.WordIntAttribute("ilvl");
        int start = 1;
        string? format = null, text = null, styleId = null, suffix = null;
        var isLegal = false;

        void ReadProperty()
        {
            if (reader.IsWord("start")) start = reader.WordIntAttribute("val") ?? 1;
            // Word 2010 wraps a custom format in mc:AlternateContent with a classic one as fallback: keep the first
            // format that is not "custom", whichever branch it is in.
            else if (reader.IsWord("numFmt") && format is null or "custom") format = reader.WordAttribute("val");
            else if (reader.IsWord("lvlText")) text = reader.WordAttribute("val");
            else if (reader.IsWord("isLgl")) isLegal = IsOn(reader.WordAttribute("val"));
            else if (reader.IsWord("suff")) suffix = reader.WordAttribute("val");
            else if (reader.IsWord("pStyle")) styleId = reader.WordAttribute("val");

            if (reader.IsMarkupCompatibility("AlternateContent") || reader.IsMarkupCompatibility("Choice") ||
                reader.IsMarkupCompatibility("Fallback"))
                reader.ReadChildren(ReadProperty);
            else
                reader.Skip();
        }

        reader.ReadChildren(ReadProperty);
        if (index is >= 0 and < ListLevel.MaxLevels)
            levels.TryAdd(index.Value, new ListLevel(start, format ?? "decimal", text, isLegal, suffix ?? "tab", styleId));
    }

    private static string? ValueAndSkip(XmlReader reader)
    {
        var value = reader.WordAttribute("val");
        reader.Skip();
        return value;
    }

    /// <summary>An ST_OnOff value: absent means on.</summary>
    internal static bool IsOn(string? value) => value is null or "1" or "true" or "on";

    private sealed class AbstractList
    {
        public Dictionary<int, ListLevel> Levels { get; } = [];
        public string? StyleLink { get; set; }
        public string? NumStyleLink { get; set; }
    }

    private sealed record ListInstance(int AbstractListId, Dictionary<int, int> StartOverrides, Dictionary<int, ListLevel> LevelOverrides);
}
