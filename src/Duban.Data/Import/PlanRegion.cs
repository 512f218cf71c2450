namespace Duban.Data.Import;

/// <summary>Which region a plan is imported into: it scopes unit matching and collective expansion, and new units go there.</summary>
public abstract record PlanRegion
{
    /// <summary>A region that must exist.</summary>
    public sealed record Existing(long Id) : PlanRegion;

    /// <summary>
    /// The region of this name (or, written in digits, of this code); one of the national catalogue the database lacks
    /// is created with its ancestors, any other name below the importer's region or at the top (see
    /// <see cref="ImportAuthority"/> for where).
    /// </summary>
    public sealed record Named(string Name) : PlanRegion;

    /// <summary>
    /// The region of this 行政区划代码 (2, 4 or 6 digits): the database's, or the catalogue's division, created with its
    /// ancestors on confirmation by an importer who answers for every region.
    /// </summary>
    public sealed record Coded(string Code) : PlanRegion;

    /// <summary>
    /// The region the document names, recognised among the database's regions and the national catalogue
    /// (<see cref="Core.Regions.RegionRecognizer"/>: issuer, title, 发文字号, recipients, the importer's scope); a
    /// place nobody knows is created; when the document names no place, the importer's own region
    /// (<see cref="ImportAuthority.HomeRegionId"/>), else <see cref="ImportOptions.UnknownRegionName"/>.
    /// </summary>
    public sealed record FromDocument : PlanRegion;
}

/// <summary>The region an analysis settled on. <see cref="Id"/> is null for a region the confirmation will create.</summary>
/// <param name="ParentId">For a region to create: the region it goes below; null for the top of the tree (or, for a
/// division of the catalogue, when its ancestors are to be created too).</param>
public sealed record AnalyzedRegion(long? Id, string Name, string? Path, long? ParentId = null)
{
    public bool IsNew => Id is null;

    /// <summary>Its 行政区划代码; for a region to create, the catalogue division it materialises (with its ancestors).</summary>
    public string? Code { get; init; }

    /// <summary>The names from the top of the tree down, the region itself last: 山东省, 济南市, 平阴县.</summary>
    public IReadOnlyList<string> Lineage { get; init; } = [];

    /// <summary>Where the document names it (发文机关「平阴县人民政府」); null when the caller chose the region.</summary>
    public string? Clue { get; init; }
}
