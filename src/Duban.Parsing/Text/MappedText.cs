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
    // This text is characters [_offset, _offset + Length) of _backing. A slice shares its parent's string and segment
    // arrays and copies nothing: the parser slices every paragraph, field and cell several times (a number off, a label
    // off, trimmed, trimmed again), and most slices are only sliced again or read character by character, so the string
    // of a slice is made only when Value is asked for (docs/benchmarks.md, "duban parse end to end", fifth pass).
    private readonly string _backing;
    private readonly int _offset;
    private string? _value;

    // Segment k covers characters [_starts[k], _starts[k + 1]) of _backing (the last one up to its end) and maps them to
    // the source from _sources[k] on. The segments of this text are [_first, _first + _count): the first may start
    // before _offset, as a slice may begin inside a segment.
    private readonly int[] _starts;
    private readonly int[] _sources;
    private readonly int _first;
    private readonly int _count;

    /// <param name="value">The assembled text.</param>
    /// <param name="sourceOffsets">For each character of <paramref name="value"/>, its index in the source text.</param>
    public MappedText(string value, int[] sourceOffsets) : this(value, (ReadOnlySpan<int>)sourceOffsets)
    {
    }

    internal MappedText(string value, ReadOnlySpan<int> sourceOffsets)
    {
        if (value.Length != sourceOffsets.Length)
            throw new ArgumentException("One source offset per character is required.", nameof(sourceOffsets));
        _backing = _value = value;
        Length = value.Length;
        // Counted first so that the segment arrays are allocated once, at their size (this runs for every table cell).
        var segments = 0;
        for (var i = 0; i < sourceOffsets.Length; i++)
            if (i == 0 || sourceOffsets[i] != sourceOffsets[i - 1] + 1) segments++;
        _starts = new int[segments];
        _sources = new int[segments];
        _count = segments;
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
        _backing = _value = value;
        Length = value.Length;
        _starts = starts;
        _sources = sources;
        _count = starts.Length;
    }

    private MappedText(string backing, int offset, int length, int[] starts, int[] sources, int first, int count)
    {
        _backing = backing;
        _offset = offset;
        Length = length;
        _starts = starts;
        _sources = sources;
        _first = first;
        _count = count;
        if (offset == 0 && length == backing.Length) _value = backing;
    }

    private static readonly MappedText Empty = new("", [], []);

    /// <summary>The text (made on first use for a slice; a slice's characters are readable without it: indexer, <see cref="Span"/>).</summary>
    public string Value => _value ??= _backing.Substring(_offset, Length);

    /// <summary>The characters of this text, without making its string.</summary>
    public ReadOnlySpan<char> Span => _backing.AsSpan(_offset, Length);

    public int Length { get; }

    public char this[int index] => (uint)index < (uint)Length ? _backing[_offset + index] : throw new IndexOutOfRangeException();

    /// <summary>A piece of the source taken as it stands, starting at <paramref name="sourceStart"/>.</summary>
    public static MappedText Contiguous(string value, int sourceStart) =>
        value.Length == 0 ? new MappedText(value, [], []) : new MappedText(value, [0], [sourceStart]);

    /// <summary>Characters [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) of the source
    /// as they stand: a window on <paramref name="source"/>, whose string is made only if asked for.</summary>
    internal static MappedText Window(string source, int start, int length) =>
        length == 0 ? Empty : new MappedText(source, start, length, Identity, Identity, 0, 1);

    // One segment from 0 mapping to 0: a window's characters are the source's own (shared, never written).
    private static readonly int[] Identity = [0];

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
        if (index < 0 || _count == 0) throw new IndexOutOfRangeException();
        var at = _offset + index;
        var k = Segment(at);
        return _sources[k] + (at - _starts[k]);
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

    /// <summary>Characters [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>): shares this
    /// text's string and source map.</summary>
    public MappedText Slice(int start, int length)
    {
        if (length == 0) return Empty;
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Length - start);
        if (start == 0 && length == Length) return this;
        var first = Segment(_offset + start);
        var last = Segment(_offset + start + length - 1);
        return new MappedText(_backing, _offset + start, length, _starts, _sources, first, last - first + 1);
    }

    public MappedText Slice(int start) => Slice(start, Length - start);

    /// <summary>This text without leading and trailing white space.</summary>
    public MappedText Trim()
    {
        var span = Span;
        int start = 0, end = Length;
        while (start < end && char.IsWhiteSpace(span[start])) start++;
        while (end > start && char.IsWhiteSpace(span[end - 1])) end--;
        return start == 0 && end == Length ? this : Slice(start, end - start);
    }

    public static MappedText Concat(IReadOnlyList<MappedText> parts)
    {
        if (parts.Count == 1) return parts[0];
        var length = 0;
        var segments = 0;
        foreach (var p in parts)
        {
            length += p.Length;
            segments += p.Length == 0 ? 0 : p._count;
        }
        var value = string.Create(length, parts, static (chars, parts) =>
        {
            var at = 0;
            foreach (var p in parts)
            {
                p.Span.CopyTo(chars[at..]);
                at += p.Length;
            }
        });
        var starts = new int[segments];
        var sources = new int[segments];
        var position = 0;
        var segment = 0;
        foreach (var p in parts)
        {
            if (p.Length == 0) continue;
            for (var k = p._first; k < p._first + p._count; k++)
            {
                // The first segment of a slice may begin before the slice does.
                var segmentStart = Math.Max(p._starts[k], p._offset);
                starts[segment] = position + segmentStart - p._offset;
                sources[segment++] = p._sources[k] + (segmentStart - p._starts[k]);
            }
            position += p.Length;
        }
        return new MappedText(value, starts, sources);
    }

    /// <summary>The segment holding character <paramref name="at"/> of the backing string: the last one of this text
    /// starting at or before it (the last one of this text for any character after it).</summary>
    private int Segment(int at)
    {
        var k = Array.BinarySearch(_starts, _first, _count, at);
        k = k >= 0 ? k : ~k - 1;
        if (k < _first) throw new IndexOutOfRangeException();
        return k;
    }

    public override string ToString() => Value;
}
