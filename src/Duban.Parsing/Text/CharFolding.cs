using System.Buffers;

namespace Duban.Parsing.Text;

/// <summary>
/// Folds the character variants that plans mix freely (full-width and half-width punctuation, bracket styles,
/// dash styles, traditional characters in labels) onto one form, one character for one character, so that a folded
/// string has the same length as the original and every index stays valid in both.
/// </summary>
public static class CharFolding
{
    private static readonly char[] Table = BuildTable();

    public static char Fold(char c) => Table[c];

    public static string Fold(string s) => Fold(s.AsSpan());

    public static string Fold(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return "";
        // Folded straight into the new string: a long paragraph needs no intermediate buffer.
        return string.Create(s.Length, s, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++) chars[i] = Table[source[i]];
        });
    }

    /// <summary>Folds <paramref name="source"/> into <paramref name="destination"/> (at least as long).</summary>
    public static void Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        for (var i = 0; i < source.Length; i++) destination[i] = Table[source[i]];
    }

    /// <summary>
    /// Text folded into a buffer rented from the shared pool, for a scan that only reads it and keeps nothing:
    /// a task's text is folded several times over (its closing clause, a deadline in the text), and a string for each
    /// would be a copy of every task's text that lives until the next collection. Dispose returns the buffer.
    /// </summary>
    internal ref struct Scratch
    {
        private char[]? _rented;

        public Scratch(ReadOnlySpan<char> source)
        {
            _rented = ArrayPool<char>.Shared.Rent(Math.Max(1, source.Length));
            Fold(source, _rented);
            Span = _rented.AsSpan(0, source.Length);
        }

        public ReadOnlySpan<char> Span { get; }

        public void Dispose()
        {
            if (_rented is null) return;
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private static char[] BuildTable()
    {
        var t = new char[char.MaxValue + 1];
        for (var i = 0; i < t.Length; i++) t[i] = (char)i;

        // Full-width ASCII block (！ to ～) onto ASCII, ideographic space onto space.
        for (var c = '\uFF01'; c <= '\uFF5E'; c++) t[c] = (char)(c - 0xFEE0);
        t['\u3000'] = ' ';
        t['\u00A0'] = ' ';

        // One bracket pair for document numbers: 〔〕 is the standard (GB/T 9704); [] 【】 ［］ 〖〗 are common slips.
        foreach (var c in "[【〖［") t[c] = '〔';
        foreach (var c in "]】〗］") t[c] = '〕';

        // Dashes and tildes used in ranges (4—5所, 2021-2023年).
        foreach (var c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFF0D\uFE58\u2500") t[c] = '-';
        foreach (var c in "\u301C\uFF5E") t[c] = '~';
        t['\u2236'] = ':'; // RATIO, used in 4∶6
        t['\uFE55'] = ':';
        t['\uFF0E'] = '.';

        foreach (var (traditional, simplified) in TraditionalChinese.All) t[traditional] = simplified;
        return t;
    }
}
