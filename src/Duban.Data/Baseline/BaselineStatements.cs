using Duban.Core.Tracking.Baseline;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Baseline;

/// <summary>The baseline reports of a set of tasks, by task and organisation, as the rules read them.</summary>
public static class BaselineStatements
{
    public static async Task<IReadOnlyDictionary<(long TaskId, long OrganizationId), BaselineStatement>> ForTasksAsync(
        DubanDbContext db, IReadOnlyCollection<long>? taskIds, CancellationToken ct)
    {
        var query = db.Set<BaselineReport>().AsNoTracking();
        if (taskIds is not null)
        {
            var ids = taskIds.ToList();
            query = query.Where(b => EF.Parameter(ids).Contains(b.TaskId));
        }
        var rows = await query.Select(b => new { b.TaskId, b.OrganizationId, b.State, b.NewDate, b.StatedAt }).ToListAsync(ct);
        return rows.ToDictionary(b => (b.TaskId, b.OrganizationId),
            b => new BaselineStatement(b.State, b.NewDate, Supervision.EscalationFactsReader.ChinaDay(b.StatedAt)));
    }
}
