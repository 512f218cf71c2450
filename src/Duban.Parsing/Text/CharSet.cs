namespace Duban.Parsing.Text;

/// <summary>
/// A fixed set of UTF-16 code units, one bit each (8 KB), for scans that run over the whole document.
/// </summary>
/// <remarks>
/// Written by hand rather than <see cref="System.Buffers.SearchValues{T}"/> for sets of non-ASCII characters (labels'
/// first characters, Unicode line breaks): their vectorised search is code that ReadyToRun does not precompile, so
/// <c>duban parse</c>, a one-shot process, runs it unoptimised (tier 0) for the whole parse. Measured on the 3 MB input
/// of docs/benchmarks.md, one pass over every line: 12.5 ms with <c>SearchValues</c>, 1.5 ms with this scalar loop.
/// </remarks>
internal sealed class CharSet
{
    private readonly ulong[] _bits = new ulong[(char.MaxValue + 1) / 64];

    public CharSet(IEnumerable<char> characters)
    {
        foreach (var c in characters) _bits[c >> 6] |= 1UL << (c & 63);
    }

    public bool Contains(char c) => (_bits[c >> 6] & (1UL << (c & 63))) != 0;

    /// <summary>The index of the first character of <paramref name="text"/> in the set; -1 when none is.</summary>
    public int IndexOfAny(ReadOnlySpan<char> text)
    {
        var bits = _bits;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((bits[c >> 6] & (1UL << (c & 63))) != 0) return i;
        }
        return -1;
    }
}
