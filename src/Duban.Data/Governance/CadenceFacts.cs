using Duban.Core.Governance;
using Duban.Core.Plans;
using Duban.Core.Tracking.Periods;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Governance;

/// <summary>A body with a cadence, as the cadence rule needs it: how often, from when, and the days it met.</summary>
/// <param name="From">The day the cadence is judged from: the body's own start, else the plan's tracking start, else the plan's import day.</param>
public sealed record BodyCadence(long BodyId, string BodyName, long PlanId, long? RegionId, long? OfficeOrganizationId, decimal PerYear, DateOnly From,
    IReadOnlyList<DateOnly> Meetings)
{
    public IReadOnlyList<WindowStatus> Evaluate(DateOnly today, int reminderDays = CadenceRules.DefaultReminderDays) =>
        CadenceRules.Evaluate(PerYear, From, today, Meetings, reminderDays);

    /// <summary>The 督办 flag: the latest window that is over went without a meeting.</summary>
    public static WindowStatus? MissedFlag(IReadOnlyList<WindowStatus> windows) =>
        windows.LastOrDefault(w => w.State is WindowState.Met or WindowState.Missed) is { State: WindowState.Missed } missed ? missed : null;
}

public static class CadenceFacts
{
    /// <summary>The cadences of the given bodies (those with one, of plans not archived).</summary>
    public static async Task<IReadOnlyList<BodyCadence>> LoadAsync(DubanDbContext db, IQueryable<GoverningBodyRecord> bodies, CancellationToken ct)
    {
        var rows = await bodies.AsNoTracking().Where(b => b.MeetingsPerYear != null && b.MeetingsPerYear > 0)
            .Join(db.Plans.Where(p => p.Status != PlanStatus.Archived), b => b.PlanId, p => p.Id,
                (b, p) => new { b.Id, b.Name, b.PlanId, p.RegionId, b.OfficeOrganizationId, PerYear = b.MeetingsPerYear!.Value, b.CadenceFrom, p.TrackingStart, p.CreatedAt })
            .OrderBy(b => b.Id).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var meetings = (await db.Set<Meeting>().AsNoTracking().Where(m => ids.Contains(m.BodyId)).Select(m => new { m.BodyId, m.Date }).ToListAsync(ct))
            .ToLookup(m => m.BodyId, m => m.Date);
        return rows.Select(r => new BodyCadence(r.Id, r.Name, r.PlanId, r.RegionId, r.OfficeOrganizationId, r.PerYear,
            r.CadenceFrom ?? r.TrackingStart ?? ChinaCalendar.Today(r.CreatedAt), meetings[r.Id].ToList())).ToList();
    }
}
