using Duban.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Regions.Picking;

/// <summary>A region as the picker offers it; <paramref name="Lineage"/> names the regions above it within the scope, for search results.</summary>
public sealed record RegionPick(long Id, string Name, string? Code, RegionLevel Level, string Path, string Lineage = "");

/// <summary>
/// What the region picker shows: the way from the scope's top down to the chosen region, the regions one level below it
/// (the scope's top regions when none is chosen) and what a search found — never the whole scope, which nationally is
/// some 3 300 regions.
/// </summary>
/// <param name="Trail">The regions from the scope's top down to <see cref="Current"/>, both included; empty when none is chosen.</param>
/// <param name="Search">The search text as given, trimmed; null when none was given.</param>
/// <param name="MoreFound">More regions match than <see cref="RegionPicking.SearchLimit"/>: the search should be narrowed.</param>
public sealed record RegionPickerView(IReadOnlyList<RegionPick> Trail, IReadOnlyList<RegionPick> Children, string? Search,
    IReadOnlyList<RegionPick> Found, bool MoreFound)
{
    public static RegionPickerView Empty { get; } = new([], [], null, [], false);

    public RegionPick? Current => Trail.Count > 0 ? Trail[^1] : null;

    /// <summary>The options of the select: the trail, the children, then the search results, each region once.</summary>
    public IReadOnlyList<RegionPick> Options => [.. Trail.Concat(Children).Concat(Found).DistinctBy(r => r.Id)];
}

/// <summary>
/// Loads the <see cref="RegionPickerView"/> within a scope the page supplies (the regions the user may see, act on or
/// filter by), so that the picker never offers — nor finds by search — a region outside it.
/// </summary>
public static class RegionPicking
{
    public const int SearchLimit = 20;
    public const int MaxSearchLength = 50;

    public static async Task<RegionPickerView> LoadAsync(IQueryable<Region> scope, long? current, string? search, CancellationToken ct = default)
    {
        var chosen = current is { } id ? await Picks(scope.Where(r => r.Id == id)).SingleOrDefaultAsync(ct) : null;
        IReadOnlyList<RegionPick> trail = [];
        IReadOnlyList<RegionPick> children;
        if (chosen is null)
        {
            // The scope's top regions: those whose parent lies outside it (or that have none).
            var ids = scope.Select(r => r.Id);
            children = await Picks(InCatalogueOrder(scope.Where(r => r.ParentId == null || !ids.Contains(r.ParentId.Value)))).ToListAsync(ct);
        }
        else
        {
            var above = Ancestors(chosen.Path);
            trail = await Picks(scope.Where(r => above.Contains(r.Id)).OrderBy(r => r.Path)).ToListAsync(ct);
            children = await Picks(InCatalogueOrder(scope.Where(r => r.ParentId == chosen.Id))).ToListAsync(ct);
        }

        // Control characters name no region, and PostgreSQL refuses a NUL in a parameter.
        var text = search is null ? null : new string([.. search.Where(c => !char.IsControl(c))]).Trim();
        if (string.IsNullOrEmpty(text)) return new(trail, children, null, [], false);
        if (text.Length > MaxSearchLength) text = text[..MaxSearchLength];
        var matches = await Picks(scope.Where(r => r.Name.Contains(text) || (r.Code != null && r.Code.StartsWith(text)))
            .OrderBy(r => r.Level).ThenBy(r => r.Code == null).ThenBy(r => r.Code).ThenBy(r => r.Name).ThenBy(r => r.Id)).Take(SearchLimit + 1).ToListAsync(ct);
        var found = await WithLineageAsync(scope, matches.Take(SearchLimit).ToList(), ct);
        return new(trail, children, text, found, matches.Count > SearchLimit);
    }

    /// <summary>
    /// Siblings as the national catalogue lists them (by GB/T 2260 code: 北京市, 天津市, 河北省…), the regions without a
    /// code after them by name. Not by path: a path is the text of database ids, so "/10/" came before "/2/" and the
    /// provinces read 北京市, 江苏省, 浙江省…, 天津市.
    /// </summary>
    private static IQueryable<Region> InCatalogueOrder(IQueryable<Region> regions) =>
        regions.OrderBy(r => r.Code == null).ThenBy(r => r.Code).ThenBy(r => r.Name).ThenBy(r => r.Id);

    private static IQueryable<RegionPick> Picks(IQueryable<Region> regions) =>
        regions.Select(r => new RegionPick(r.Id, r.Name, r.Code, r.Level, r.Path, ""));

    private static List<long> Ancestors(string path) =>
        [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse)];

    // 朝阳区 and 鼓楼区 recur across the country: a result names the regions above it, those of the scope only.
    private static async Task<IReadOnlyList<RegionPick>> WithLineageAsync(IQueryable<Region> scope, List<RegionPick> found, CancellationToken ct)
    {
        var above = found.SelectMany(f => Ancestors(f.Path)[..^1]).Distinct().ToList();
        if (above.Count == 0) return found;
        var names = await scope.Where(r => above.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return [.. found.Select(f => f with
        {
            Lineage = string.Join(" › ", Ancestors(f.Path)[..^1].Where(names.ContainsKey).Select(a => names[a])),
        })];
    }
}
