using Duban.Divisions;

namespace Duban.Data.Regions;

/// <summary>
/// Which part of the national tree a deployment holds (configuration <c>Divisions:Root</c>): the whole country, one
/// province, city or county with everything below it (and its ancestors, so that names read right), or nothing.
/// </summary>
public abstract record DivisionRoot
{
    public const string SectionName = "Divisions";

    public const string Key = SectionName + ":Root";

    /// <summary>The whole country: empty, 全国, china or all.</summary>
    public sealed record Country : DivisionRoot;

    /// <summary>No division is loaded (none): a deployment that keeps its own made-up tree, or tests that do.</summary>
    public sealed record Nothing : DivisionRoot;

    /// <summary>One division and everything below it, with its ancestors.</summary>
    public sealed record Below(Division Division) : DivisionRoot;

    /// <summary>
    /// Reads the configured value: empty, 全国, china or all for the country; none for nothing; a code in 2, 4 or 6 digits
    /// (62, 620000, 620800, 370124) or a name the catalogue has once (平凉市).
    /// </summary>
    /// <exception cref="DivisionRootException">The value names no division, or a name several divisions share.</exception>
    public static DivisionRoot Parse(string? value, DivisionCatalog catalog)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0 || text is "全国" || text.Equals("china", StringComparison.OrdinalIgnoreCase) || text.Equals("all", StringComparison.OrdinalIgnoreCase))
            return new Country();
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase)) return new Nothing();
        if (text.All(char.IsAsciiDigit))
            return catalog.Find(text) is { } byCode
                ? new Below(byCode)
                : throw new DivisionRootException($"{Key} 的值「{text}」不是已知的行政区划代码：请写 2、4 或 6 位代码（如 62、620800、370124），或“全国”“none”。");
        var named = catalog.Named(text);
        return named.Count switch
        {
            1 => new Below(named[0]),
            0 => throw new DivisionRootException($"{Key} 的值「{text}」不是已知的行政区划名称：请写行政区划代码（如 620800），或“全国”“none”。"),
            _ => throw new DivisionRootException($"{Key} 的值「{text}」有 {named.Count} 个同名行政区划（{string.Join("、", named.Select(d => d.Code))}）：请写代码。"),
        };
    }

    /// <summary>The divisions this root holds, parents before children.</summary>
    public IReadOnlyList<Division> Divisions(DivisionCatalog catalog) => this switch
    {
        Country => catalog.All,
        Below below => [.. catalog.AncestorsOf(below.Division), .. catalog.SubtreeOf(below.Division)],
        _ => [],
    };

    public string Describe() => this switch
    {
        Country => "全国",
        Below below => $"{below.Division.Name}（{below.Division.Code}）",
        _ => "none",
    };
}

/// <summary>A <c>Divisions:Root</c> that names no division: the application does not start, and says why.</summary>
public sealed class DivisionRootException(string message) : Exception(message);

/// <summary>The "Divisions" section: which part of the national tree the deployment holds (<see cref="DivisionRoot.Parse"/>).</summary>
public sealed class DivisionOptions
{
    /// <summary>Empty or 全国 (the default): the whole country; a code (62, 620800, 370124) or unique name; none: nothing.</summary>
    public string? Root { get; set; }
}
