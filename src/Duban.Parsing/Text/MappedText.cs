using Duban.Parsing.Model;

namespace Duban.Parsing.Text;

/// <summary>
/// Text assembled from the source (line breaks, page debris and markup dropped) that remembers, for every character,
/// where in the source it came from. Extractors work on <see cref="Value"/> and report spans through
/// <see cref="ToSource(int, int)"/>, so a fact read from a sentence that was wrapped over three lines still points at
/// exactly those three lines.
/// </summary>
public sealed class MappedText
{
    private readonly int[] _offsets;

    /// <param name="value">The assembled text.</param>
    /// <param name="sourceOffsets">For each character of <paramref name="value"/>, its index in the source text.</param>
    public MappedText(string value, int[] sourceOffsets)
    {
        if (value.Length != sourceOffsets.Length)
            throw new ArgumentException("One source offset per character is required.", nameof(sourceOffsets));
        Value = value;
        _offsets = sourceOffsets;
    }

    public string Value { get; }

    public int Length => Value.Length;

    public char this[int index] => Value[index];

    /// <summary>A piece of the source taken as it stands, starting at <paramref name="sourceStart"/>.</summary>
    public static MappedText Contiguous(string value, int sourceStart)
    {
        var offsets = new int[value.Length];
        for (var i = 0; i < offsets.Length; i++) offsets[i] = sourceStart + i;
        return new MappedText(value, offsets);
    }

    /// <summary>The source index of character <paramref name="index"/>.</summary>
    public int SourceOffset(int index) => _offsets[index];

    /// <summary>The source span covering characters [<paramref name="start"/>, <paramref name="end"/>) of this text.</summary>
    public SourceSpan ToSource(int start, int end)
    {
        if (_offsets.Length == 0) return default;
        start = Math.Clamp(start, 0, _offsets.Length - 1);
        end = Math.Clamp(end, start + 1, _offsets.Length);
        return new SourceSpan(_offsets[start], _offsets[end - 1] + 1);
    }

    /// <summary>The source span of the whole text.</summary>
    public SourceSpan SourceSpan => ToSource(0, Length);

    public MappedText Slice(int start, int length)
    {
        var offsets = new int[length];
        Array.Copy(_offsets, start, offsets, 0, length);
        return new MappedText(Value.Substring(start, length), offsets);
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
        var total = 0;
        foreach (var p in parts) total += p.Length;
        var chars = new char[total];
        var offsets = new int[total];
        var at = 0;
        foreach (var p in parts)
        {
            p.Value.CopyTo(0, chars, at, p.Length);
            Array.Copy(p._offsets, 0, offsets, at, p.Length);
            at += p.Length;
        }
        return new MappedText(new string(chars), offsets);
    }

    public override string ToString() => Value;
}
