using System.Globalization;
using Duban.Core.Tracking.Baseline;
using Duban.Data.Baseline;
using Duban.Data.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tracking.Status;

/// <summary>
/// Which plans' statuses may have changed between two <see cref="ChangeMarks"/>: the plans of the tracking rows added
/// since, and of the reports, values and cycles the audit entries since name (a submission or a review changes a
/// report in place). Null when that cannot be told: any other write that could touch what statuses are made of (an
/// import, a new plan version, an organisation merge, an action this class does not know), or too many entries to read.
/// </summary>
public static class PlanChanges
{
    /// <summary>Beyond this many audit entries since the last look, everything is taken as changed rather than read.</summary>
    public const int MaxAuditEntries = 5_000;

    // Writes that change nothing statuses are made of: who may sign in, notifications' endpoints, the supervision
    // records (orders, instructions, flags), evidence files (a report's revision, audited on its own, names them) and
    // assessments (they read statuses, never change what statuses are made of).
    private static readonly string[] UnrelatedPrefixes = ["auth.", "user.", "api-token.", "setup.", "webhook-endpoint.", "assessment.", "assessment-scheme."];

    public static async Task<IReadOnlySet<long>?> SinceAsync(DubanDbContext db, ChangeMarks from, ChangeMarks to, CancellationToken ct)
    {
        var plans = new HashSet<long>();
        if (to.Audit > from.Audit)
        {
            if (to.Audit - from.Audit > MaxAuditEntries) return null;
            var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Id > from.Audit && e.Id <= to.Audit)
                .Select(e => new { e.Action, e.EntityType, e.EntityId }).ToListAsync(ct);
            var reports = new List<long>();
            var observations = new List<long>();
            var cycles = new List<long>();
            var baselines = new List<long>();
            var tasks = new List<long>();
            foreach (var entry in entries)
            {
                if (Unrelated(entry.Action)) continue;
                var id = long.TryParse(entry.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (long?)null;
                // A plan's tracking start decides which of its tasks wait for a baseline (待摸底): that plan only.
                if (entry.Action == BaselineAuditActions.TrackingStartChange && id is { } planId)
                {
                    plans.Add(planId);
                    continue;
                }
                // A hand edit of a task (text, deadline, units, targets, retirement, split, merge) or a new plan: its plan only.
                if (TaskEditing.TaskEditingAuditActions.Describe(entry.Action) is not null && id is { } editedId)
                {
                    if (entry.EntityType == Audit.AuditEntities.Plan) plans.Add(editedId);
                    else tasks.Add(editedId);
                    continue;
                }
                var list = entry.EntityType switch
                {
                    BaselineAuditActions.ReportEntity => baselines,
                    TrackingAuditActions.ReportEntity => reports,
                    TrackingAuditActions.ObservationEntity => observations,
                    TrackingAuditActions.CycleEntity => cycles,
                    _ => null,
                };
                if (list is null || id is null) return null;
                list.Add(id.Value);
            }
            plans.UnionWith(await db.Tasks.Where(t => tasks.Contains(t.Id)).Select(t => t.PlanId).Distinct().ToListAsync(ct));
            plans.UnionWith(await db.ProgressReports.Where(r => reports.Contains(r.Id)).Select(r => r.Period!.PlanId).Distinct().ToListAsync(ct));
            plans.UnionWith(await db.Observations.Where(o => observations.Contains(o.Id)).Select(o => o.Period!.PlanId).Distinct().ToListAsync(ct));
            plans.UnionWith(await db.ReportingCycles.Where(c => cycles.Contains(c.Id)).Select(c => c.PlanId).Distinct().ToListAsync(ct));
            plans.UnionWith(await db.Set<BaselineReport>().Where(b => baselines.Contains(b.Id))
                .Join(db.Tasks, b => b.TaskId, t => t.Id, (b, t) => t.PlanId).Distinct().ToListAsync(ct));
        }
        if (to.Reports > from.Reports)
            plans.UnionWith(await db.ProgressReports.Where(r => r.Id > from.Reports).Select(r => r.Period!.PlanId).Distinct().ToListAsync(ct));
        if (to.Revisions > from.Revisions)
            plans.UnionWith(await db.ReportRevisions.Where(v => v.Id > from.Revisions)
                .Join(db.ProgressReports, v => v.ReportId, r => r.Id, (v, r) => r.Period!.PlanId).Distinct().ToListAsync(ct));
        if (to.Reviews > from.Reviews)
            plans.UnionWith(await db.Reviews.Where(v => v.Id > from.Reviews)
                .Join(db.ProgressReports, v => v.ReportId, r => r.Id, (v, r) => r.Period!.PlanId).Distinct().ToListAsync(ct));
        if (to.Values > from.Values)
            plans.UnionWith(await db.ObservationRevisions.Where(v => v.Id > from.Values)
                .Join(db.Observations, v => v.ObservationId, o => o.Id, (v, o) => o.Period!.PlanId).Distinct().ToListAsync(ct));
        if (to.Tasks > from.Tasks)
            plans.UnionWith(await db.Tasks.Where(t => t.Id > from.Tasks).Select(t => t.PlanId).Distinct().ToListAsync(ct));
        return plans;
    }

    private static bool Unrelated(string action) =>
        UnrelatedPrefixes.Any(prefix => action.StartsWith(prefix, StringComparison.Ordinal)) || action == TrackingAuditActions.EvidenceUpload || SupervisionAuditActions.Describe(action) is not null;
}
