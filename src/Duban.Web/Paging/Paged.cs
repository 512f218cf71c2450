using Duban.Web.Operations;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Paging;

/// <summary>Which page of a list to return. Every list, on pages and in the API, is paginated with it.</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static PageRequest First { get; } = new(1, DefaultPageSize);

    /// <summary>Rows before the page; a page far beyond the end (page=2147483647) skips everything rather than overflowing.</summary>
    public int Skip => (int)Math.Min((Page - 1L) * PageSize, int.MaxValue);

    /// <summary>Checks the query values a client sent; absent values take the defaults.</summary>
    public static Outcome<PageRequest> From(int? page, int? pageSize)
    {
        if (page is < 1) return Outcome<PageRequest>.Invalid("page", "page（页码）必须是大于等于 1 的整数。");
        if (pageSize is < 1 or > MaxPageSize) return Outcome<PageRequest>.Invalid("pageSize", $"pageSize（每页条数）必须在 1 到 {MaxPageSize} 之间。");
        return Outcome<PageRequest>.Ok(new(page ?? 1, pageSize ?? DefaultPageSize));
    }

    /// <summary>For pages, where a wrong number in the address bar should show the nearest sensible page, not an error.</summary>
    public static PageRequest Lenient(int? page, int pageSize = DefaultPageSize) => new(Math.Max(1, page ?? 1), pageSize);
}

/// <summary>One page of a list and where it stands in the whole.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int TotalPages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    public Paged<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), Page, PageSize, Total);
}

public static class PagingQueries
{
    /// <summary>Counts, then reads one page. The query must already be ordered, or pages would overlap.</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, PageRequest request, CancellationToken ct = default)
    {
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip(request.Skip).Take(request.PageSize).ToListAsync(ct);
        return new(items, request.Page, request.PageSize, total);
    }
}
