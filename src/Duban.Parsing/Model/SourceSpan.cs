namespace Duban.Parsing.Model;

/// <summary>
/// A half-open range [<see cref="Start"/>, <see cref="End"/>) of UTF-16 code units in <see cref="PlanDocument.Text"/>.
/// UTF-16 indices are what C# strings and JavaScript strings both use, so a reader can highlight a span directly.
/// </summary>
public readonly record struct SourceSpan(int Start, int End)
{
    public int Length => End - Start;

    public static SourceSpan Cover(SourceSpan a, SourceSpan b) => new(Math.Min(a.Start, b.Start), Math.Max(a.End, b.End));

    public SourceSpan Shift(int offset) => new(Start + offset, End + offset);

    public override string ToString() => $"[{Start},{End})";
}
