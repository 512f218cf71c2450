using Duban.Core.Plans;
using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Baseline;
using Duban.Data.Baseline;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Status;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Data.Tracking.Status;

/// <summary>The statuses of a set of tasks, with the reporting behind them (docs/dashboard.md).</summary>
/// <param name="ClosedPeriods">Per plan, the closed periods counted for timeliness, oldest first (the last is the one status rules see).</param>
public sealed record TaskStatusSet(
    DateOnly Today,
    IReadOnlyList<TaskStatusRow> Tasks,
    IReadOnlyList<PeriodReport> PeriodReports,
    IReadOnlyDictionary<long, IReadOnlyList<PeriodSpan>> ClosedPeriods);

/// <summary>
/// Reads the facts of the tracking rules from the database and applies the pure rules (<see cref="StatusRules"/>,
/// <see cref="AttainmentRules"/>) to them; the rules are never re-implemented here. The caller passes the tasks or
/// targets already limited to the user's scope and filters; every read is one set-based query over them, whatever
/// their number (no query per task).
/// </summary>
public sealed class TrackingStatuses(DubanDbContext db, TimeProvider time)
{
    /// <summary>How far back report timeliness looks: the closed periods of the last twelve months.</summary>
    public const int TimelinessMonths = 12;

    // Encodes an (assignment, period) pair as one number for a query: period ids stay far below it.
    private const long PairBase = 1_000_000_000_000;

    public StatusOptions StatusOptions { get; init; } = StatusOptions.Default;

    public AttainmentOptions AttainmentOptions { get; init; } = AttainmentOptions.Default;

    public DateOnly Today => TrackingDay.Today(time);

    public async Task<TaskStatusSet> TasksAsync(IQueryable<PlanTask> tasks, CancellationToken ct = default)
    {
        var today = Today;
        var taskRows = await tasks.Select(t => new { t.Id, t.PlanId, t.Due, t.Ongoing, t.Recurrence }).ToListAsync(ct);
        if (taskRows.Count == 0) return new(today, [], [], new Dictionary<long, IReadOnlyList<PeriodSpan>>());

        // The ids go to the database as one array parameter rather than the caller's scope query again: that query
        // (regions, assignments, plans) is the expensive part of every read below at province scale.
        var taskIds = taskRows.Select(t => t.Id).ToList();
        var assignments = await db.Assignments.AsNoTracking().Where(a => EF.Parameter(taskIds).Contains(a.TaskId))
            .Select(a => new { a.Id, a.TaskId, a.OrganizationId, a.Role }).ToListAsync(ct);
        var assignmentIds = assignments.Select(a => a.Id).ToList();
        var planIds = taskRows.Select(t => t.PlanId).Distinct().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => EF.Parameter(planIds).Contains(p.Id)).Select(p => new { p.Id, p.CreatedAt, p.TrackingStart }).ToListAsync(ct);
        var trackingStarts = plans.ToDictionary(p => p.Id, p => p.TrackingStart);
        // Only tasks whose deadline passed before their plan's tracking start can wait for a baseline: read theirs.
        var baselineTasks = taskRows.Where(t => BaselineRules.NeedsBaseline(t.Due, trackingStarts.GetValueOrDefault(t.PlanId))).Select(t => t.Id).ToList();
        var baselines = baselineTasks.Count == 0
            ? new Dictionary<(long TaskId, long OrganizationId), BaselineStatement>()
            : await BaselineStatements.ForTasksAsync(db, baselineTasks, ct);
        var cycles = await db.ReportingCycles.AsNoTracking().Where(c => EF.Parameter(planIds).Contains(c.PlanId)).ToListAsync(ct);
        var closed = plans.ToDictionary(p => p.Id, p => (IReadOnlyList<PeriodSpan>)ClosedPeriods(
            cycles.SingleOrDefault(c => c.PlanId == p.Id) ?? ReportingCycle.Default(p.Id), ChinaCalendar.Today(p.CreatedAt), today));

        // Every report of the recent periods: from the earliest closed period counted (or, without any, the start of
        // the timeliness horizon) on, with no upper bound. They give the timeliness, the last closed period's reports,
        // and the latest approved report of each assignment that has one among them (no later period is left out).
        var earliest = closed.Values.SelectMany(p => p).Select(p => (DateOnly?)p.Start).Min();
        var recentFrom = earliest ?? today.AddMonths(-TimelinessMonths);
        var planPeriods = await db.Periods.AsNoTracking().Where(p => EF.Parameter(planIds).Contains(p.PlanId))
            .Select(p => new { p.Id, p.PlanId, p.Kind, p.Start, p.End }).ToListAsync(ct);
        var recentPeriods = planPeriods.Where(p => p.Start >= recentFrom).ToDictionary(p => p.Id);
        var recentPeriodIds = recentPeriods.Keys.ToList();
        // Narrow rows, one pass over them: there is one per assignment and period. All of it is in
        // IX_progress_reports_recent_periods, so the database reads no table row.
        var recent = await db.ProgressReports.AsNoTracking()
            .Where(r => EF.Parameter(recentPeriodIds).Contains(r.PeriodId) && EF.Parameter(assignmentIds).Contains(r.AssignmentId))
            .Select(r => new { r.AssignmentId, r.PeriodId, r.Status, Submitted = r.SubmittedAt != null, r.Late, r.LatestRevisionId })
            .ToListAsync(ct);
        var submitted = new Dictionary<(long AssignmentId, long PeriodId), bool>(recent.Count);
        var latestRecent = new Dictionary<long, (long? RevisionId, DateOnly Start)>();
        foreach (var r in recent)
        {
            if (r.Submitted) submitted.TryAdd((r.AssignmentId, r.PeriodId), r.Late);
            if (r.Status != ReportStatus.Approved) continue;
            var start = recentPeriods[r.PeriodId].Start;
            if (!latestRecent.TryGetValue(r.AssignmentId, out var best) || start > best.Start) latestRecent[r.AssignmentId] = (r.LatestRevisionId, start);
        }
        var latestApproved = latestRecent.ToDictionary(r => r.Key, r => r.Value.RevisionId);
        // Assignments without an approved report in the recent periods: their latest approved one is older, if any
        // (a task completed years ago). One row per assignment, the approved report of its latest period.
        var older = assignmentIds.Where(id => !latestApproved.ContainsKey(id)).ToList();
        if (older.Count > 0)
        {
            // These assignments have no approved report in the recent periods, so all of theirs are older. The
            // database finds the latest period of each from (assignment, status, period) alone — an index-only scan of
            // IX_progress_reports_approved_history — and returns one row per assignment, not its history.
            var latestStarts = await db.ProgressReports.AsNoTracking()
                .Where(r => r.Status == ReportStatus.Approved && EF.Parameter(older).Contains(r.AssignmentId))
                .Join(db.Periods, r => r.PeriodId, p => p.Id, (r, p) => new { r.AssignmentId, p.Start })
                .GroupBy(r => r.AssignmentId)
                .Select(g => new { AssignmentId = g.Key, Start = g.Max(r => r.Start) })
                .ToListAsync(ct);
            // The report of that period: (assignment, period) pairs as one number, matched within the same index.
            var planOf = assignments.Join(taskRows, a => a.TaskId, t => t.Id, (a, t) => (a.Id, t.PlanId)).ToDictionary(x => x.Id, x => x.PlanId);
            var periodsByStart = planPeriods.ToLookup(p => (p.PlanId, p.Start), p => p.Id);
            var pairs = latestStarts.SelectMany(l => periodsByStart[(planOf[l.AssignmentId], l.Start)].Select(period => l.AssignmentId * PairBase + period)).ToList();
            var olderRows = await db.ProgressReports.AsNoTracking()
                .Where(r => r.Status == ReportStatus.Approved && EF.Parameter(older).Contains(r.AssignmentId)
                            && EF.Parameter(pairs).Contains(r.AssignmentId * PairBase + r.PeriodId))
                .Select(r => new { r.AssignmentId, r.LatestRevisionId }).ToListAsync(ct);
            // Two reports of one assignment starting the same day (a cycle changed its kind): either is the latest, as before.
            foreach (var r in olderRows) latestApproved.TryAdd(r.AssignmentId, r.LatestRevisionId);
        }
        // An approved report is locked, so its latest revision is the one the office approved.
        var revisionIds = latestApproved.Values.Select(id => id ?? 0).ToList();
        var revisions = await db.ReportRevisions.AsNoTracking().Where(v => EF.Parameter(revisionIds).Contains(v.Id))
            .Select(v => new { v.Id, v.State, v.PercentComplete, v.SubmittedAt, v.CreatedAt }).ToDictionaryAsync(v => v.Id, ct); // IX_report_revisions_outcome
        var approved = new Dictionary<long, ApprovedReport>();
        foreach (var (assignmentId, revisionId) in latestApproved)
        {
            if (revisionId is not { } id || !revisions.TryGetValue(id, out var v)) continue;
            // An approved revision was submitted, so its SubmittedAt is set (the upgrade backfilled the older ones).
            approved[assignmentId] = new ApprovedReport(Map(v.State), v.PercentComplete, ChinaCalendar.Today(v.SubmittedAt ?? v.CreatedAt));
        }

        // A closed period is found by (plan, kind, start); a period nobody reported for may have no row at all.
        var periodIds = planPeriods.ToDictionary(p => (p.PlanId, p.Kind, p.Start), p => p.Id);
        bool? Submission(long assignmentId, long planId, PeriodSpan period) =>
            periodIds.TryGetValue((planId, period.Kind, period.Start), out var periodId) && submitted.TryGetValue((assignmentId, periodId), out var late)
                ? late : null;

        var byTask = assignments.ToLookup(a => a.TaskId);
        var rows = new List<TaskStatusRow>(taskRows.Count);
        var periodReports = new List<PeriodReport>();
        foreach (var task in taskRows)
        {
            var periods = closed[task.PlanId];
            PeriodSpan? last = periods.Count > 0 ? periods[^1] : null;
            // The rules' own reading of a task: a recurring task without a date is ongoing.
            var ongoing = task.Ongoing || (task.Due is null && task.Recurrence is not null);
            var facts = byTask[task.Id].Select(a =>
            {
                var lastReport = last is not { } p ? ClosedPeriodReport.NoClosedPeriod
                    : Submission(a.Id, task.PlanId, p) is not null ? ClosedPeriodReport.Reported : ClosedPeriodReport.Missing;
                var baseline = BaselineRules.Standing(task.Due, trackingStarts.GetValueOrDefault(task.PlanId), baselines.GetValueOrDefault((task.Id, a.OrganizationId)));
                return (a, new AssignmentFacts(a.Id, a.Role, task.Due, ongoing, approved.GetValueOrDefault(a.Id), lastReport, baseline));
            }).ToList();
            var statuses = facts.Select(f => new AssignmentStatus(f.a.Id, task.Id, f.a.OrganizationId, f.a.Role,
                StatusRules.ForAssignment(f.Item2, today, StatusOptions), f.Item2.LastClosedPeriod, last)).ToList();
            var result = StatusRules.ForTask(new TaskFacts(task.Id, task.Due, ongoing, facts.Select(f => f.Item2).ToList(), trackingStarts.GetValueOrDefault(task.PlanId)), today, StatusOptions);
            rows.Add(new TaskStatusRow(task.Id, task.PlanId, task.Due, ongoing, result, statuses));

            foreach (var (a, f) in facts.Where(f => f.a.Role == UnitRole.Lead))
                foreach (var period in periods)
                {
                    // Once its 已完成 is approved, an organisation owes no further reports on the task.
                    if (f.Latest is { State: ReportedState.Completed } done && done.SubmittedOn <= period.Start) continue;
                    var timeliness = Submission(a.Id, task.PlanId, period) switch
                    {
                        true => PeriodTimeliness.Late,
                        false => PeriodTimeliness.OnTime,
                        null => PeriodTimeliness.Missing,
                    };
                    periodReports.Add(new PeriodReport(a.Id, task.Id, a.OrganizationId, period, timeliness));
                }
        }
        return new(today, rows, periodReports, closed);
    }

    /// <summary>
    /// The periods of the cycle whose window closed before today and that ended on or after the day the plan was
    /// imported, within the last <see cref="TimelinessMonths"/> months; oldest first. Periods before the import are
    /// not held against anyone: nobody could report them in this system.
    /// </summary>
    public static List<PeriodSpan> ClosedPeriods(ReportingCycle cycle, DateOnly since, DateOnly today)
    {
        var period = PeriodSpan.Containing(cycle.Kind, today);
        while (cycle.WindowCloses(period) >= today) period = period.Previous();
        var horizon = today.AddMonths(-TimelinessMonths);
        var result = new List<PeriodSpan>();
        for (; period.End >= since && period.End > horizon; period = period.Previous()) result.Add(period);
        result.Reverse();
        return result;
    }

    /// <summary>
    /// The assessment of each target per reporting organisation (<see cref="AttainmentRules.Assess(TargetFacts, IReadOnlyList{ObservationFact}, DateOnly, AttainmentOptions)"/>
    /// over that organisation's values), and one 无数据 row for a target without any value.
    /// </summary>
    public async Task<IReadOnlyList<TargetSeriesStatus>> TargetsAsync(IQueryable<TaskTarget> targets, CancellationToken ct = default)
    {
        var today = Today;
        var targetRows = await targets.AsNoTracking().ToListAsync(ct);
        // One array parameter rather than the caller's query again (see TasksAsync).
        var targetIds = targetRows.Select(t => t.Id).ToList();
        // Every value with its latest revision's figure in one query: the observations come from
        // IX_observations_values alone, the revisions (a few numbers each) are joined in the database.
        var observations = await db.Observations.AsNoTracking().Where(o => EF.Parameter(targetIds).Contains(o.TargetId))
            .Join(db.ObservationRevisions, o => o.LatestRevisionId, v => v.Id,
                (o, v) => new { o.TargetId, o.OrganizationId, o.PeriodId, v.Value, v.CreatedAt })
            .ToListAsync(ct);
        var planIds = targetRows.Select(t => t.PlanId).Distinct().ToList();
        var periods = await db.Periods.AsNoTracking().Where(p => EF.Parameter(planIds).Contains(p.PlanId))
            .Select(p => new { p.Id, p.Kind, p.Start, p.End }).ToDictionaryAsync(p => p.Id, ct);
        var byTarget = observations.ToLookup(o => o.TargetId);
        // A target without a year of its own is due when its task is (docs/status-rules.md).
        var taskIds = targetRows.Where(t => t.Year is null && t.TaskId is not null).Select(t => t.TaskId!.Value).Distinct().ToList();
        var dues = taskIds.Count == 0 ? [] : await db.Tasks.AsNoTracking().Where(t => EF.Parameter(taskIds).Contains(t.Id))
            .Select(t => new { t.Id, t.Due }).ToDictionaryAsync(t => t.Id, t => t.Due, ct);

        var result = new List<TargetSeriesStatus>();
        foreach (var target in targetRows)
        {
            var targetFacts = TargetFacts.From(target, taskDue: target.TaskId is { } task ? dues.GetValueOrDefault(task) : null);
            var series = byTarget[target.Id].GroupBy(o => o.OrganizationId).OrderBy(g => g.Key).ToList();
            if (series.Count == 0)
            {
                result.Add(new(target.Id, target.PlanId, target.TaskId, null, AttainmentRules.Assess(targetFacts, [], today, AttainmentOptions), null));
                continue;
            }
            foreach (var values in series)
            {
                var read = values.Select(o => ObservationFact.FromStored(targetFacts, periods[o.PeriodId].End, o.Value)).ToList();
                var assessment = read.Any(o => o is null)
                    ? new TargetAssessment(TargetStatus.NoData, null, null, null)
                    : AttainmentRules.Assess(targetFacts, read!, today, AttainmentOptions);
                var latest = values.MaxBy(o => periods[o.PeriodId].End)!;
                var period = periods[latest.PeriodId];
                result.Add(new(target.Id, target.PlanId, target.TaskId, values.Key, assessment,
                    new ReportedValue(new PeriodSpan(period.Kind, period.Start, period.End), latest.Value, latest.CreatedAt)));
            }
        }
        return result;
    }

    private static ReportedState Map(ProgressState state) => state switch
    {
        ProgressState.NotStarted => ReportedState.NotStarted,
        ProgressState.InProgress => ReportedState.InProgress,
        ProgressState.Completed => ReportedState.Completed,
        ProgressState.Ongoing => ReportedState.Ongoing,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
