using System.Globalization;
using System.Text;

namespace Duban.Parsing.Text;

/// <summary>
/// Puts the unified ideograph in place of a CJK radical, a CJK stroke or a CJK compatibility ideograph that stands for
/// it. PDF writers map glyphs of the Song and Fangsong fonts that double as radicals onto the radical code points, so
/// text taken from many published plans reads ⼀、⼯作⽅案 (U+2F00, U+2F2F, U+2F45) or ⼈⺠政府 (U+2EA0) for 一、工作方案
/// and 人民政府: the same glyphs on the page, other characters to every rule and every organisation name. The text is
/// changed before anything reads it, one character for one character, so every index and span stays valid.
/// </summary>
/// <remarks>
/// The radicals and strokes come from the Unicode Character Database's EquivalentUnifiedIdeograph.txt (Text/Data,
/// copied unchanged from Debian's unicode-data package; .NET exposes no such property, and the CJK Radicals Supplement
/// has no normalisation form that maps it). The compatibility ideographs U+F900–U+FAFF take their canonical (NFC)
/// forms. Equivalents outside the Basic Multilingual Plane (⺮ → 𥫗) are left alone: they would change the text's length,
/// and no plan wording needs them.
/// </remarks>
public static class IdeographForms
{
    private const char RadicalsFirst = '\u2E80';
    private const char RadicalsLast = '\u31EF';
    private const char CompatibilityFirst = '\uF900';
    private const char CompatibilityLast = '\uFAFF';

    private static readonly char[] Radicals = BuildRadicals();
    private static readonly char[] Compatibility = BuildCompatibility();

    /// <summary>The unified ideograph <paramref name="c"/> stands for, or <paramref name="c"/> itself.</summary>
    public static char Unified(char c) => c switch
    {
        >= RadicalsFirst and <= RadicalsLast when Radicals[c - RadicalsFirst] != '\0' => Radicals[c - RadicalsFirst],
        >= CompatibilityFirst and <= CompatibilityLast when Compatibility[c - CompatibilityFirst] != '\0' => Compatibility[c - CompatibilityFirst],
        _ => c,
    };

    /// <summary><paramref name="text"/> with every such character replaced; the same instance when it holds none.</summary>
    public static string Unify(string text)
    {
        var first = FirstToReplace(text);
        if (first < 0) return text;
        return string.Create(text.Length, (text, first), static (chars, state) =>
        {
            var (source, from) = state;
            source.AsSpan(0, from).CopyTo(chars);
            for (var i = from; i < source.Length; i++) chars[i] = Unified(source[i]);
        });
    }

    private static int FirstToReplace(string text) => CharRanges.First(text, Ranges, static c => Unified(c) != c);

    // The radicals and the strokes without the CJK punctuation and kana between them (U+3000–U+31BF).
    private static readonly (char Low, char High)[] Ranges = [(RadicalsFirst, '\u2FDF'), ('\u31C0', RadicalsLast), (CompatibilityFirst, CompatibilityLast)];

    private static char[] BuildRadicals()
    {
        var table = new char[RadicalsLast - RadicalsFirst + 1];
        using var stream = typeof(IdeographForms).Assembly.GetManifestResourceStream("Duban.Parsing.Text.EquivalentUnifiedIdeograph.txt")
            ?? throw new InvalidOperationException("EquivalentUnifiedIdeograph.txt is not embedded in Duban.Parsing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            // 2E8C..2E8D ; 5C0F  # [2] CJK RADICAL SMALL ONE..CJK RADICAL SMALL TWO
            var content = line.Split('#', 2)[0];
            if (content.Split(';') is not [var from, var to]) continue;
            var range = from.Trim().Split("..");
            var first = int.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var last = range.Length > 1 ? int.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : first;
            var unified = int.Parse(to.Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (unified > char.MaxValue) continue;
            for (var c = first; c <= last; c++)
                if (c is >= RadicalsFirst and <= RadicalsLast) table[c - RadicalsFirst] = (char)unified;
        }

        return table;
    }

    private static char[] BuildCompatibility()
    {
        var table = new char[CompatibilityLast - CompatibilityFirst + 1];
        for (var c = CompatibilityFirst; c <= CompatibilityLast; c++)
        {
            var composed = c.ToString().Normalize(NormalizationForm.FormC);
            if (composed.Length == 1 && composed[0] != c) table[c - CompatibilityFirst] = composed[0];
        }

        return table;
    }
}
