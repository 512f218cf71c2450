using System.Text;
using System.Xml;

namespace Duban.Parsing.Input.Docx;

/// <summary>What a paragraph says about its list membership: its style and, directly, w:numPr.</summary>
internal sealed record ParagraphListProperties(string? StyleId, int? NumId, int? Level)
{
    /// <summary>Reads a w:numPr element: (w:numId, w:ilvl), either possibly absent.</summary>
    public static (int? NumId, int? Level) ReadNumPr(XmlReader reader)
    {
        int? numId = null, level = null;
        reader.ReadChildren(() =>
        {
            if (reader.IsWord("numId")) numId = reader.WordIntAttribute("val");
            else if (reader.IsWord("ilvl")) level = reader.WordIntAttribute("val");
            reader.Skip();
        });
        return (numId, level);
    }
}

/// <summary>
/// The labels Word generates for list paragraphs ("一、", "（二）", "3."), computed in document order: one set of
/// counters per list (the abstract list its instances share, or an instance that restarts it) and level; a level's
/// counter restarts whenever a higher level advances.
/// </summary>
internal sealed class ListNumbering(NumberingDefinitions definitions, StyleNumbering styles)
{
    private readonly Dictionary<int, int?[]> _counters = [];

    /// <summary>
    /// The label of the next paragraph with these properties, followed by a space unless it ends in punctuation
    /// ("一、加强", "1 加强") or the level has no suffix; "" when the paragraph is not numbered or its format is unknown.
    /// </summary>
    public string NextLabel(ParagraphListProperties paragraph)
    {
        var styleId = paragraph.StyleId ?? styles.DefaultParagraphStyle;
        var fromStyle = styles.Resolve(styleId);
        var numId = paragraph.NumId ?? fromStyle.NumId;
        if (numId is not { } id || id == 0) return ""; // numId 0 switches numbering off
        if (definitions.Levels(id) is not { } levels) return "";

        var levelIndex = paragraph.Level ?? fromStyle.Level ?? LevelTiedTo(levels, styleId) ?? 0;
        if (levelIndex is < 0 or >= ListLevel.MaxLevels || levels[levelIndex] is not { } level) return "";

        var counters = Advance(definitions.CounterKey(id), levelIndex, level);
        if (level.Format == "bullet" || level.Text is null) return "";

        var label = Render(level, levels, counters);
        if (string.IsNullOrEmpty(label)) return "";
        var endsInPunctuation = char.IsPunctuation(label[^1]) || char.IsSymbol(label[^1]);
        return level.HasSuffix && !endsInPunctuation ? label + " " : label;
    }

    private int?[] Advance(int counterKey, int levelIndex, ListLevel level)
    {
        if (!_counters.TryGetValue(counterKey, out var counters)) _counters[counterKey] = counters = new int?[ListLevel.MaxLevels];
        counters[levelIndex] = counters[levelIndex] is { } current ? current + 1 : level.Start;
        for (var deeper = levelIndex + 1; deeper < counters.Length; deeper++) counters[deeper] = null;
        return counters;
    }

    /// <summary>Applies the label pattern: %1…%9 become the numbers of levels 1…9 in their own formats.</summary>
    private static string? Render(ListLevel level, ListLevel?[] levels, int?[] counters)
    {
        var pattern = level.Text!;
        var label = new StringBuilder(pattern.Length + 8);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '%' || i + 1 >= pattern.Length || pattern[i + 1] is < '1' or > '9')
            {
                label.Append(pattern[i]);
                continue;
            }

            var referenced = pattern[++i] - '1';
            var referencedLevel = levels[referenced];
            // A higher level not used yet shows its start number, as Word does.
            var value = counters[referenced] ?? referencedLevel?.Start ?? 1;
            var format = level.IsLegal ? "decimal" : referencedLevel?.Format ?? "decimal";
            if (ListNumberFormat.Format(value, format) is not { } number) return null;
            label.Append(number);
        }

        return label.ToString();
    }

    private static int? LevelTiedTo(ListLevel?[] levels, string? styleId)
    {
        if (styleId is null) return null;
        var index = Array.FindIndex(levels, level => level?.StyleId == styleId);
        return index < 0 ? null : index;
    }
}
