using Duban.Parsing.Model;

namespace Duban.Parsing.Metadata;

/// <summary>The document's metadata, as read by <see cref="MetadataReader"/>.</summary>
internal sealed record PlanMetadata
{
    public string? Title { get; init; }
    public SourceSpan? TitleSpan { get; init; }
    public string? NoticeTitle { get; init; }
    public SourceSpan? NoticeTitleSpan { get; init; }
    public string? Issuer { get; init; }
    public SourceSpan? IssuerSpan { get; init; }
    public DocNumberMatch? DocNumber { get; init; }
    public SourceSpan? DocNumberSpan { get; init; }
    public DateOnly? IssueDate { get; init; }
    public SourceSpan? IssueDateSpan { get; init; }
    public IReadOnlyList<Recipient> Recipients { get; init; } = [];
    public IReadOnlyList<BasisDocument> Basis { get; init; } = [];
}
