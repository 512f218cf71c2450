using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Duban.Web.Regions.Picking;

/// <summary>The picker's links: the page as requested, with the region field set to another region and the search dropped.</summary>
public static class RegionPickerLinks
{
    /// <param name="field">The query field that chooses the region on this page.</param>
    /// <param name="dropped">Query fields a new region makes stale (the search, a page number).</param>
    public static Func<long?, string> For(HttpRequest request, string field, params string[] dropped)
    {
        var kept = request.Query.Where(q => q.Key != field && !dropped.Contains(q.Key, StringComparer.OrdinalIgnoreCase)).ToList();
        var path = request.Path.Value?.TrimStart('/') ?? "";
        return region =>
        {
            var query = new List<KeyValuePair<string, StringValues>>(kept);
            if (region is { } id) query.Add(new(field, id.ToString()));
            return QueryHelpers.AddQueryString(path.Length == 0 ? "./" : path, query);
        };
    }
}
