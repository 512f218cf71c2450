using Duban.Core.Regions;

namespace Duban.Data.Tests.Support;

internal static class TestRegions
{
    /// <summary>Adds a region the way the application must: its path holds its own id, known only once it is saved.</summary>
    public static async Task<Region> AddAsync(DubanDbContext db, string name, RegionLevel level, Region? parent = null)
    {
        var region = new Region { Name = name, Level = level, ParentId = parent?.Id };
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        region.Path = Region.PathOf(parent, region.Id);
        await db.SaveChangesAsync();
        return region;
    }
}
