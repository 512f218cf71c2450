using Duban.Parsing.Model;

namespace Duban.Parsing.Text;

/// <summary>
/// Text assembled from the source (line breaks, page debris and markup dropped) that remembers, for every character,
/// where in the source it came from. Extractors work on <see cref="Value"/> and report spans through
/// <see cref="ToSource(int, int)"/>, so a fact read from a sentence that was wrapped over three lines still points at
/// exactly those three lines.
/// </summary>
/// <remarks>
/// The mapping is kept as runs (segments) of characters that are contiguous in the source — usually one per source
/// line — rather than one offset per character, which would cost four bytes a character on every copy of the text.
/// </remarks>
public sealed class MappedText
{
    // Segment k covers characters [_starts[k], _starts[k + 1]) of Value (the last one up to Length) and maps them to
    // the source from _sources[k] on.
    private readonly int[] _starts;
    private readonly int[] _sources;

    /// <param name="value">The assembled text.</param>
    /// <param name="sourceOffsets">For each character of <paramref name="value"/>, its index in the source text.</param>
    public MappedText(string value, int[] sourceOffsets)
    {
        if (value.Length != sourceOffsets.Length)
            throw new ArgumentException("One source offset per character is required.", nameof(sourceOffsets));
        Value = value;
        // Counted first so that the segment arrays are allocated once, at their size (this runs for every table cell).
        var segments = 0;
        for (var i = 0; i < sourceOffsets.Length; i++)
            if (i == 0 || sourceOffsets[i] != sourceOffsets[i - 1] + 1) segments++;
        _starts = new int[segments];
        _sources = new int[segments];
        var k = 0;
        for (var i = 0; i < sourceOffsets.Length; i++)
        {
            if (i > 0 && sourceOffsets[i] == sourceOffsets[i - 1] + 1) continue;
            _starts[k] = i;
            _sources[k++] = sourceOffsets[i];
        }
    }

    private MappedText(string value, int[] starts, int[] sources)
    {
        Value = value;
        _starts = starts;
        _sources = sources;
    }

    public string Value { get; }

    public int Length => Value.Length;

    public char this[int index] => Value[index];

    /// <summary>A piece of the source taken as it stands, starting at <paramref name="sourceStart"/>.</summary>
    public static MappedText Contiguous(string value, int sourceStart) =>
        value.Length == 0 ? new MappedText(value, [], []) : new MappedText(value, [0], [sourceStart]);

    /// <summary>The ranges [start, start + length) of <paramref name="source"/>, one after the other, as one text.</summary>
    public static MappedText FromRanges(string source, IReadOnlyList<(int Start, int Length)> ranges) =>
        FromRanges(source, ranges.Count, ranges, static (list, k) => list[k]);

    /// <summary>The lines of a paragraph, one after the other, as one text (their ranges, without a list of them).</summary>
    internal static MappedText FromLines(string source, List<SourceLine> lines) =>
        FromRanges(source, lines.Count, lines, static (list, k) => (list[k].Start, list[k].Length));

    // One pass to size, one to copy: every paragraph of a document comes through here, so nothing is allocated but the
    // text and its two segment arrays.
    private static MappedText FromRanges<T>(string source, int count, T ranges, Func<T, int, (int Start, int Length)> range)
    {
        var total = 0;
        var segments = 0;
        for (var k = 0; k < count; k++)
        {
            var length = range(ranges, k).Length;
            total += length;
            if (length > 0) segments++;
        }
        var value = string.Create(total, (source, count, ranges, range), static (chars, state) =>
        {
            var at = 0;
            for (var k = 0; k < state.count; k++)
            {
                var (start, length) = state.range(state.ranges, k);
                state.source.AsSpan(start, length).CopyTo(chars[at..]);
                at += length;
            }
        });
        var starts = new int[segments];
        var sources = new int[segments];
        var position = 0;
        var segment = 0;
        for (var k = 0; k < count; k++)
        {
            var (start, length) = range(ranges, k);
            if (length == 0) continue;
            starts[segment] = position;
            sources[segment++] = start;
            position += length;
        }
        return new MappedText(value, starts, sources);
    }

    /// <summary>The source index of character <paramref name="index"/>.</summary>
    public int SourceOffset(int index)
    {
        var k = Segment(index);
        return _sources[k] + (index - _starts[k]);
    }

    /// <summary>The source span covering characters [<paramref name="start"/>, <paramref name="end"/>) of this text.</summary>
    public SourceSpan ToSource(int start, int end)
    {
        if (Length == 0) return default;
        start = Math.Clamp(start, 0, Length - 1);
        end = Math.Clamp(end, start + 1, Length);
        return new SourceSpan(SourceOffset(start), SourceOffset(end - 1) + 1);
    }

    /// <summary>The source span of the whole text.</summary>
    public SourceSpan SourceSpan => ToSource(0, Length);

    public MappedText Slice(int start, int length)
    {
        if (length == 0) return new MappedText("", [], []);
        var first = Segment(start);
        var last = Segment(start + length - 1);
        var starts = new int[last - first + 1];
        var sources = new int[last - first + 1];
        for (var k = first; k <= last; k++)
        {
            var segmentStart = Math.Max(_starts[k], start);
            starts[k - first] = segmentStart - start;
            sources[k - first] = _sources[k] + (segmentStart - _starts[k]);
        }
        return new MappedText(Value.Substring(start, length), starts, sources);
    }

    public MappedText Slice(int start) => Slice(start, Length - start);

    /// <summary>This text without leading and trailing white space.</summary>
    public MappedText Trim()
    {
        int start = 0, end = Length;
        while (start < end && char.IsWhiteSpace(Value[start])) start++;
        while (end > start && char.IsWhiteSpace(Value[end - 1])) end--;
        return start == 0 && end == Length ? this : Slice(start, end - start);
    }

    public static MappedText Concat(IReadOnlyList<MappedText> parts)
    {
        if (parts.Count == 1) return parts[0];
        var starts = new List<int>();
        var sources = new List<int>();
        var at = 0;
        foreach (var p in parts)
        {
            for (var k = 0; k < p._starts.Length; k++)
            {
                starts.Add(at + p._starts[k]);
                sources.Add(p._sources[k]);
            }
            at += p.Length;
        }
        return new MappedText(string.Concat(parts.Select(p => p.Value)), [.. starts], [.. sources]);
    }

    /// <summary>The segment holding character <paramref name="index"/>: the last one starting at or before it.</summary>
    private int Segment(int index)
    {
        var k = Array.BinarySearch(_starts, index);
        return k >= 0 ? k : ~k - 1;
    }

    public override string ToString() => Value;
}
