using Duban.Divisions;

namespace Duban.Core.Regions;

/// <summary>行政区划: a province, city or county/district, in a tree.</summary>
public sealed class Region
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public RegionLevel Level { get; set; }

    /// <summary>
    /// 行政区划代码 (GB/T 2260), six digits: 620800 for 平凉市. Every region of the national catalogue has one, unique;
    /// a region an administrator adds (a development zone, a 新区) may have one or none, and the made-up places of the
    /// demo have none.
    /// </summary>
    public string? Code { get; set; }

    /// <summary>A functional zone (开发区, 新区: code 71–79 within its city), which 各县（市、区） does not mean by default.</summary>
    public bool IsFunctionalZone => Code is not null && DivisionCodes.IsFunctionalZone(Code);

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
