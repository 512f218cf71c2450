namespace Duban.Parsing.Model;

/// <summary>A numbered list whose items carry no responsible units (e.g. a list of policy support from above).</summary>
public sealed record OtherList
{
    public required string Name { get; init; }
    public required SourceSpan Span { get; init; }
    public IReadOnlyList<ListItem> Items { get; init; } = [];
}

public sealed record ListItem(string No, string Text, SourceSpan Span);
