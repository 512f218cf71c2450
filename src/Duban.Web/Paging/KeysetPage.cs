using System.Text.Json.Serialization;
using Duban.Web.Operations;

namespace Duban.Web.Paging;

/// <summary>
/// One page of a long list read by key ("seek"): the page after <see cref="Next"/> or before <see cref="Previous"/> is
/// read from the index where this one ends, however deep, instead of skipping every row before it. <see cref="Page"/> is
/// the number the client carried along (for display); the cursors, not the number, say where the page is.
/// </summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, [property: JsonIgnore] ListCount Count, string? Next, string? Previous)
{
    /// <summary>The number of rows: exact, or as <see cref="TotalKind"/> says.</summary>
    public int Total => Count.Value;

    public ListCountKind TotalKind => Count.Kind;

    /// <summary>When a kept count was made; null when counted for this answer.</summary>
    public DateTimeOffset? CountedAt => Count.CountedAt;

    public int TotalPages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Which page of a long list: a page number (the first pages, or older links), or a cursor after or before which to read.</summary>
public sealed record KeysetRequest(PageRequest Page, string? After = null, string? Before = null)
{
    public static KeysetRequest First { get; } = new(PageRequest.First);

    public static Outcome<KeysetRequest> From(int? page, int? pageSize, string? after, string? before)
    {
        var request = PageRequest.From(page, pageSize);
        if (request.Error is { } error) return Outcome<KeysetRequest>.Fail(error);
        if (!string.IsNullOrWhiteSpace(after) && !string.IsNullOrWhiteSpace(before))
            return Outcome<KeysetRequest>.Invalid("before", "after（向后翻页游标）和 before（向前翻页游标）只能给一个。");
        return Outcome<KeysetRequest>.Ok(new(request.Value!, Blank(after), Blank(before)));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
