namespace Duban.Core.Regions;

/// <summary>行政区划: a province, city or county/district, in a tree.</summary>
public sealed class Region
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public RegionLevel Level { get; set; }

    public long? ParentId { get; set; }

    public Region? Parent { get; set; }

    /// <summary>
    /// The ids from the root down to this region, as "/1/5/23/": a region's subtree is every region whose path starts
    /// with its own, one indexed prefix query on any database.
    /// </summary>
    public string Path { get; set; } = "/";

    public static string PathOf(Region? parent, long id) => (parent?.Path ?? "/") + id + "/";
}

public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
}
