using Duban.Data;
using Duban.Data.Organizations;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.TaskEditing;

/// <summary>The organisations the editing forms offer: active, unmerged, in the administrator's scope, by region; two of one name told apart by their region.</summary>
public static class OrganizationChoices
{
    public const int Max = 500;

    public static async Task<List<(long Id, string Name)>> ForAsync(DubanDbContext db, DubanUser admin, CancellationToken ct)
    {
        var rows = await db.Organizations.AsNoTracking().VisibleTo(admin).Where(o => o.IsActive && o.MergedIntoId == null)
            .OrderBy(o => o.Region!.Path).ThenBy(o => o.Name).Select(o => o.Id).Take(Max).ToListAsync(ct);
        var labels = await db.LabelsAsync(rows, ct);
        return rows.Select(id => (id, labels.GetValueOrDefault(id, ""))).ToList();
    }
}
