using Duban.Parsing.Text;

namespace Duban.Parsing.Targets;

/// <summary>A match of a <see cref="WordList"/> word in a string.</summary>
internal readonly record struct WordMatch(int Index, int Length)
{
    public static readonly WordMatch None = new(-1, 0);

    public bool Found => Length > 0;

    public int End => Index + Length;
}

/// <summary>
/// A fixed set of words looked up by their first character, so that scanning a clause for dozens of keywords costs
/// one dictionary probe per character rather than one comparison per keyword.
/// </summary>
internal sealed class WordList
{
    // The words by first character: _words[k] holds those beginning with _keys[k] (ascending), longest first. Arrays and
    // a binary search rather than a FrozenDictionary<char, …>: a dictionary keyed by a value type is generic code that
    // ReadyToRun leaves to the JIT, so the one-shot CLI would probe it with unoptimised code (see CharSet).
    private readonly char[] _keys;
    private readonly string[][] _words;

    // Is it the first character of a word? Most characters of a clause are not, and the bit answers that faster than
    // the dictionary.
    private readonly CharSet _firstChars;

    public WordList(IEnumerable<string> words)
    {
        var groups = words
            .Where(w => w.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .GroupBy(w => w[0])
            .ToList();
        groups.Sort((a, b) => a.Key.CompareTo(b.Key));
        _keys = groups.Select(g => g.Key).ToArray();
        _words = groups.Select(g => g.OrderByDescending(w => w.Length).ToArray()).ToArray();
        _firstChars = new CharSet(_keys);
    }

    /// <summary>The length of the longest word that starts at <paramref name="index"/> and ends by <paramref name="end"/>; 0 when none.</summary>
    public int MatchAt(string s, int index, int end)
    {
        end = Math.Min(end, s.Length);
        if (index < 0 || index >= end) return 0;
        var c = s[index];
        if (!_firstChars.Contains(c)) return 0;
        foreach (var word in _words[KeyIndex(c)])
            if (word.Length <= end - index && s.AsSpan(index, word.Length).SequenceEqual(word))
                return word.Length;
        return 0;
    }

    // The index of c in _keys, which holds it (the caller checked _firstChars).
    private int KeyIndex(char c)
    {
        int low = 0, high = _keys.Length - 1;
        while (low < high)
        {
            var mid = (low + high) >> 1;
            if (_keys[mid] < c) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>The leftmost word in [<paramref name="start"/>, <paramref name="end"/>), the longest at that place.</summary>
    public WordMatch FindFirst(string s, int start, int end)
    {
        for (var i = Math.Max(start, 0); i < end; i++)
        {
            var length = MatchAt(s, i, end);
            if (length > 0) return new WordMatch(i, length);
        }
        return WordMatch.None;
    }

    /// <summary>The word in [<paramref name="start"/>, <paramref name="end"/>) that ends last; the longest when several end there
    /// (不低于 rather than 低于).</summary>
    public WordMatch FindLastEnding(string s, int start, int end)
    {
        var best = WordMatch.None;
        for (var i = Math.Max(start, 0); i < end; i++)
        {
            var length = MatchAt(s, i, end);
            if (length > 0 && i + length > best.End) best = new WordMatch(i, length);
        }
        return best;
    }

    /// <summary>Whether the text just before <paramref name="end"/> is one of the words; its length, or 0.</summary>
    public int MatchEndingAt(string s, int start, int end)
    {
        // Words are short (at most a handful of characters), so trying each start close to the end is cheap.
        for (var i = Math.Max(start, end - 8); i < end; i++)
        {
            var length = MatchAt(s, i, end);
            if (length > 0 && i + length == end) return length;
        }
        return 0;
    }
}
