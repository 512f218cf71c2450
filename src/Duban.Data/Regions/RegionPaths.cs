using Duban.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Regions;

/// <summary>Keeps the materialised paths ("/1/5/23/") right when a region moves.</summary>
internal static class RegionPaths
{
    /// <summary>Gives <paramref name="region"/> the path <paramref name="newPath"/> and rewrites the paths of everything below it.</summary>
    public static async Task MoveSubtreeAsync(DubanDbContext db, Region region, string newPath, CancellationToken ct)
    {
        var oldPath = region.Path;
        var below = await db.Regions.Where(r => r.Path.StartsWith(oldPath) && r.Id != region.Id).ToListAsync(ct);
        foreach (var descendant in below) descendant.Path = newPath + descendant.Path[oldPath.Length..];
        region.Path = newPath;
    }
}
