namespace Duban.Parsing.Model;

/// <summary>
/// Everything read from one plan document. Serialised as JSON (see docs/plan-json.md); the shape is versioned by
/// <see cref="SchemaVersion"/> and only grows by adding optional fields within a version.
/// </summary>
public sealed record PlanDocument
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>How the input was read: format, encoding, size and hash.</summary>
    public required SourceInfo Source { get; init; }

    /// <summary>The plan's own title (for a notice that issues a plan, the issued plan's title).</summary>
    public string? Title { get; init; }
    public SourceSpan? TitleSpan { get; init; }

    /// <summary>The title of the covering notice (关于印发《…》的通知), when the document is one.</summary>
    public string? NoticeTitle { get; init; }
    public SourceSpan? NoticeTitleSpan { get; init; }

    /// <summary>发文机关.</summary>
    public string? Issuer { get; init; }
    public SourceSpan? IssuerSpan { get; init; }

    /// <summary>发文字号 in its standard form, e.g. 平政发〔2020〕76号.</summary>
    public string? DocNumber { get; init; }
    public DocNumberParts? DocNumberParts { get; init; }
    public SourceSpan? DocNumberSpan { get; init; }

    /// <summary>成文日期 as YYYY-MM-DD.</summary>
    public DateOnly? IssueDate { get; init; }
    public SourceSpan? IssueDateSpan { get; init; }

    /// <summary>主送机关.</summary>
    public IReadOnlyList<Recipient> Recipients { get; init; } = [];

    /// <summary>Upper-level documents the plan implements (依据文件).</summary>
    public IReadOnlyList<BasisDocument> Basis { get; init; } = [];

    /// <summary>The heading tree, annexes at the top level.</summary>
    public IReadOnlyList<Section> Sections { get; init; } = [];

    public IReadOnlyList<TaskList> TaskLists { get; init; } = [];

    /// <summary>Numeric targets stated in the document's goal sections (tasks carry their own).</summary>
    public IReadOnlyList<Target> Targets { get; init; } = [];

    /// <summary>Leading groups and joint meetings.</summary>
    public IReadOnlyList<GoverningBody> Bodies { get; init; } = [];

    /// <summary>Numbered lists that are not task lists (policy lists, …).</summary>
    public IReadOnlyList<OtherList> OtherLists { get; init; } = [];

    public IReadOnlyList<ParseWarning> Warnings { get; init; } = [];

    /// <summary>The text every span points into: the decoded text file, or the text extracted from a .docx.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(Serialization.SegmentedStringConverter))]
    public required string Text { get; init; }
}

/// <summary>How the bytes were read.</summary>
/// <param name="Format"><c>text</c>, <c>docx</c>, <c>pdf</c>, <c>html</c>, <c>mht</c>, <c>xlsx</c>, <c>xls</c> or <c>ods</c> (docs/input-formats.md).</param>
/// <param name="Encoding">The detected text encoding (utf-8, utf-16le, utf-16be, gb18030), null for .docx.</param>
/// <param name="Length">Input size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the input bytes.</param>
public sealed record SourceInfo(string Format, string? Encoding, long Length, string Sha256, string? FileName = null)
{
    /// <summary>
    /// For a PDF: the offset in the parsed text where each page begins (element i is page i + 1); a span's page is the
    /// last page starting at or before its start (<see cref="PageOf"/>). Null for text and .docx.
    /// </summary>
    public IReadOnlyList<int>? PageStarts { get; init; }

    /// <summary>The 1-based PDF page holding text offset <paramref name="offset"/>, or null when the source has no pages.</summary>
    public int? PageOf(int offset)
    {
        if (PageStarts is not { Count: > 0 } starts) return null;
        var page = 1;
        for (var i = 1; i < starts.Count; i++)
            if (starts[i] <= offset) page = i + 1;
        return page;
    }

    /// <summary>
    /// For a PDF: where each piece of the text stands on its page (page and box in PDF points), in text order, one per
    /// printed line of a paragraph and per cell of a table row; <see cref="RegionsOf"/> finds those of a span. Null for
    /// other formats.
    /// </summary>
    public IReadOnlyList<PageRegion>? Regions { get; init; }

    /// <summary>
    /// The page regions a span of the text was read from (those overlapping it; for an empty span, the one holding its
    /// start), in text order; empty when the source has no regions.
    /// </summary>
    public IReadOnlyList<PageRegion> RegionsOf(SourceSpan span)
    {
        if (Regions is not { Count: > 0 } regions) return [];
        // Regions are in text order and do not overlap: find the first ending after the span's start.
        int lo = 0, hi = regions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (regions[mid].End <= span.Start) lo = mid + 1;
            else hi = mid;
        }
        var result = new List<PageRegion>();
        for (var i = lo; i < regions.Count && (regions[i].Start < span.End || span.Length == 0 && regions[i].Start <= span.Start); i++)
        {
            result.Add(regions[i]);
            if (span.Length == 0) break;
        }
        return result;
    }
}

/// <param name="IssuerCode">机关代字, e.g. 平政发.</param>
public sealed record DocNumberParts(string IssuerCode, int Year, int Serial);

public sealed record Recipient(string Name, SourceSpan Span);

/// <summary>An upper-level document cited as the plan's basis: 《title》（docNumber）.</summary>
public sealed record BasisDocument(string Title, string? DocNumber, SourceSpan Span);
