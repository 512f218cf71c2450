using System.Xml;

namespace Duban.Parsing.Input.Docx;

/// <summary>
/// The list numbering that paragraph styles carry (styles.xml): headings are often numbered through their style
/// ("标题 1" → "一、") rather than through properties on each paragraph.
/// </summary>
internal sealed class StyleNumbering
{
    // basedOn chains are short; a longer one is a cycle or an attack.
    private const int MaxBasedOnChain = 32;

    private readonly Dictionary<string, ParagraphStyle> _styles = new(StringComparer.Ordinal);

    public static StyleNumbering None { get; } = new();

    /// <summary>The style of paragraphs that name none (w:default="1"), usually Normal.</summary>
    public string? DefaultParagraphStyle { get; private set; }

    /// <summary>Reads styles.xml; the reader is positioned before its root element.</summary>
    public static StyleNumbering Read(XmlReader reader)
    {
        var styles = new StyleNumbering();
        reader.MoveToContent();
        reader.ReadChildren(() =>
        {
            if (reader.IsWord("style")) styles.ReadStyle(reader);
            else reader.Skip();
        });
        return styles;
    }

    /// <summary>The list instance and level a style gives its paragraphs, following w:basedOn; each part may be null.</summary>
    public (int? NumId, int? Level) Resolve(string? styleId)
    {
        int? numId = null, level = null;
        for (var depth = 0; styleId is not null && depth < MaxBasedOnChain && _styles.TryGetValue(styleId, out var style); depth++)
        {
            numId ??= style.NumId;
            level ??= style.Level;
            styleId = style.BasedOn;
        }

        return (numId, level);
    }

    private void ReadStyle(XmlReader reader)
    {
        var type = reader.WordAttribute("type");
        var id = reader.WordAttribute("styleId");
        var isDefault = reader.WordAttribute("default") is "1" or "true" or "on";
        string? basedOn = null;
        int? numId = null, level = null;
        reader.ReadChildren(() =>
        {
            if (reader.IsWord("basedOn"))
            {
                basedOn = reader.WordAttribute("val");
                reader.Skip();
            }
            else if (reader.IsWord("pPr"))
            {
                reader.ReadChildren(() =>
                {
                    if (reader.IsWord("numPr")) (numId, level) = ParagraphListProperties.ReadNumPr(reader);
                    else reader.Skip();
                });
            }
            else
            {
                reader.Skip();
            }
        });

        if (id is null || type is not (null or "paragraph")) return;
        _styles.TryAdd(id, new ParagraphStyle(basedOn, numId, level));
        if (isDefault) DefaultParagraphStyle ??= id;
    }

    private sealed record ParagraphStyle(string? BasedOn, int? NumId, int? Level);
}
