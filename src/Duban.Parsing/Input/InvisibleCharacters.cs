using Duban.Parsing.Model;

namespace Duban.Parsing.Input;

/// <summary>
/// Drops the characters that print nothing and join nothing a reader can see — zero-width space (U+200B) and joiners,
/// word joiner, a byte order mark inside the text, soft hyphen, direction marks and embeddings, variation selectors —
/// from an input's text. Web editors and site templates leave them between the characters of a page (牵头单位​：, 牵头⁠单位),
/// where a label, a unit name or a date read across them would no longer be one; what the page shows is the text
/// without them. Positions that the reader kept for the text (PDF pages and regions, warnings) are moved with it.
/// </summary>
internal static class InvisibleCharacters
{
    public static bool Is(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E'
        or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2061' and <= '\u2064') or (>= '\uFE00' and <= '\uFE0F');

    /// <summary><paramref name="text"/> without them; the same instance when it holds none.</summary>
    public static string Remove(string text) => Removal.Of(text) is { } removal ? removal.Text : text;

    /// <summary><paramref name="source"/> without them, its page starts, regions and warning spans moved to match.</summary>
    public static SourceText Remove(SourceText source)
    {
        if (Removal.Of(source.Text) is not { } removal) return source;
        return source with
        {
            Text = removal.Text,
            Warnings = source.Warnings.Select(w => w.Span is { } s ? w with { Span = new SourceSpan(removal.Map(s.Start), removal.Map(s.End)) } : w).ToList(),
            PageStarts = source.PageStarts?.Select(removal.Map).ToList(),
            Regions = source.Regions?.Select(r => r with { Start = removal.Map(r.Start), End = removal.Map(r.End) }).ToList(),
        };
    }

    /// <param name="Removed">The indices of the dropped characters in the original text, ascending.</param>
    private sealed record Removal(string Text, int[] Removed)
    {
        public static Removal? Of(string text)
        {
            var first = FirstIndex(text);
            if (first < 0) return null;
            var removed = new List<int>();
            var kept = new char[text.Length];
            var length = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (i >= first && Is(text[i])) removed.Add(i);
                else kept[length++] = text[i];
            }

            return new Removal(new string(kept, 0, length), removed.ToArray());
        }

        /// <summary>Where index <paramref name="original"/> of the original text lands in the text without them.</summary>
        public int Map(int original)
        {
            var before = Array.BinarySearch(Removed, original);
            return original - (before >= 0 ? before : ~before);
        }

        private static int FirstIndex(string text) => Duban.Parsing.Text.CharRanges.First(text, Ranges, Is);

        private static readonly (char Low, char High)[] Ranges =
            [('\u00AD', '\u00AD'), ('\u180E', '\u180E'), ('\u200B', '\u200F'), ('\u202A', '\u202E'), ('\u2060', '\u2064'), ('\uFE00', '\uFE0F'), ('\uFEFF', '\uFEFF')];
    }
}
