using Duban.Core.Plans;
using Duban.Core.Tracking.Attainment;
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

    public StatusOptions StatusOptions { get; init; } = StatusOptions.Default;

    public AttainmentOptions AttainmentOptions { get; init; } = AttainmentOptions.Default;

    public DateOnly Today => TrackingDay.Today(time);

    public async Task<TaskStatusSet> TasksAsync(IQueryable<PlanTask> tasks, CancellationToken ct = default)
    {
        var today = Today;
        var taskIds = tasks.Select(t => t.Id);
        var taskRows = await tasks.Select(t => new { t.Id, t.PlanId, t.Due, t.Ongoing, t.Recurrence }).ToListAsync(ct);
        if (taskRows.Count == 0) return new(today, [], [], new Dictionary<long, IReadOnlyList<PeriodSpan>>());

        var assignments = await db.Assignments.AsNoTracking().Where(a => taskIds.Contains(a.TaskId))
            .Select(a => new { a.Id, a.TaskId, a.OrganizationId, a.Role }).ToListAsync(ct);

        var planIds = taskRows.Select(t => t.PlanId).Distinct().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).Select(p => new { p.Id, p.CreatedAt }).ToListAsync(ct);
        var cycles = await db.ReportingCycles.AsNoTracking().Where(c => planIds.Contains(c.PlanId)).ToListAsync(ct);
        var closed = plans.ToDictionary(p => p.Id, p => (IReadOnlyList<PeriodSpan>)ClosedPeriods(
            cycles.SingleOrDefault(c => c.PlanId == p.Id) ?? ReportingCycle.Default(p.Id), ChinaCalendar.Today(p.CreatedAt), today));

        // The latest approved report of each assignment: no approved report of a later period exists for it. An approved
        // report is locked, so its latest revision is the one the office approved.
        var approvedRows = await db.ProgressReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Approved && taskIds.Contains(r.Assignment!.TaskId))
            .Where(r => !db.ProgressReports.Any(o => o.AssignmentId == r.AssignmentId && o.Status == ReportStatus.Approved && o.Period!.Start > r.Period!.Start))
            .Join(db.ReportRevisions, r => r.LatestRevisionId, v => (long?)v.Id,
                (r, v) => new { r.AssignmentId, v.State, v.PercentComplete, v.SubmittedAt, RevisedAt = v.CreatedAt })
            .ToListAsync(ct);
        var approved = approvedRows.GroupBy(r => r.AssignmentId).ToDictionary(g => g.Key, g =>
        {
            var r = g.First();
            // An approved revision was submitted, so its SubmittedAt is set (the upgrade backfilled the older ones).
            var submitted = r.SubmittedAt ?? r.RevisedAt;
            return new ApprovedReport(Map(r.State), r.PercentComplete, ChinaCalendar.Today(submitted));
        });

        var earliest = closed.Values.SelectMany(p => p).Select(p => (DateOnly?)p.Start).Min();
        var submittedRows = earliest is not { } from ? [] : await db.ProgressReports.AsNoTracking()
            .Where(r => r.SubmittedAt != null && taskIds.Contains(r.Assignment!.TaskId) && r.Period!.Start >= from)
            .Select(r => new { r.AssignmentId, r.Period!.Kind, r.Period.Start, r.Late })
            .ToListAsync(ct);
        var submitted = submittedRows.GroupBy(r => (r.AssignmentId, r.Kind, r.Start)).ToDictionary(g => g.Key, g => g.First().Late);

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
                    : submitted.ContainsKey((a.Id, p.Kind, p.Start)) ? ClosedPeriodReport.Reported : ClosedPeriodReport.Missing;
                return (a, new AssignmentFacts(a.Id, a.Role, task.Due, ongoing, approved.GetValueOrDefault(a.Id), lastReport));
            }).ToList();
            var statuses = facts.Select(f => new AssignmentStatus(f.a.Id, task.Id, f.a.OrganizationId, f.a.Role,
                StatusRules.ForAssignment(f.Item2, today, StatusOptions), f.Item2.LastClosedPeriod, last)).ToList();
            var result = StatusRules.ForTask(new TaskFacts(task.Id, task.Due, ongoing, facts.Select(f => f.Item2).ToList()), today, StatusOptions);
            rows.Add(new TaskStatusRow(task.Id, task.PlanId, task.Due, ongoing, result, statuses));

            foreach (var (a, f) in facts.Where(f => f.a.Role == UnitRole.Lead))
                foreach (var period in periods)
                {
                    // Once its 已完成 is approved, an organisation owes no further reports on the task.
                    if (f.Latest is { State: ReportedState.Completed } done && done.SubmittedOn <= period.Start) continue;
                    var timeliness = submitted.TryGetValue((a.Id, period.Kind, period.Start), out var late)
                        ? late ? PeriodTimeliness.Late : PeriodTimeliness.OnTime
                        : PeriodTimeliness.Missing;
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
        var targetIds = targets.Select(t => t.Id);
        var values = await db.Observations.AsNoTracking().Where(o => targetIds.Contains(o.TargetId))
            .Join(db.ObservationRevisions, o => o.LatestRevisionId, v => (long?)v.Id,
                (o, v) => new { o.TargetId, o.OrganizationId, o.Period!.Kind, o.Period.Start, o.Period.End, v.Value, v.CreatedAt })
            .ToListAsync(ct);
        var byTarget = values.ToLookup(v => v.TargetId);
        var result = new List<TargetSeriesStatus>();
        foreach (var target in targetRows)
        {
            var facts = TargetFacts.From(target);
            var series = byTarget[target.Id].GroupBy(v => v.OrganizationId).OrderBy(g => g.Key).ToList();
            if (series.Count == 0)
            {
                result.Add(new(target.Id, target.PlanId, target.TaskId, null, AttainmentRules.Assess(facts, [], today, AttainmentOptions), null));
                continue;
            }
            foreach (var s in series)
            {
                var latest = s.MaxBy(v => v.End)!;
                var observations = s.Select(v => Observe(facts, v.End, v.Value)).ToList();
                var assessment = observations.Any(o => o is null)
                    ? new TargetAssessment(TargetStatus.NoData, null, null, null)
                    : AttainmentRules.Assess(facts, observations!, today, AttainmentOptions);
                result.Add(new(target.Id, target.PlanId, target.TaskId, s.Key, assessment,
                    new ReportedValue(new PeriodSpan(latest.Kind, latest.Start, latest.End), latest.Value, latest.CreatedAt)));
            }
        }
        return result;
    }

    // A value stores one figure. For a ratio it is read as its first term on the plans' scale of ten, like the target
    // (4.2 → 4.2:5.8); a ratio value outside 0–10 cannot be read that way and the series is 无数据 rather than a guess.
    private static ObservationFact? Observe(TargetFacts target, DateOnly end, decimal value) =>
        !target.IsRatio ? new(end, value)
        : value is >= 0 and <= 10 ? new(end, value, 10 - value)
        : null;

    private static ReportedState Map(ProgressState state) => state switch
    {
        ProgressState.NotStarted => ReportedState.NotStarted,
        ProgressState.InProgress => ReportedState.InProgress,
        ProgressState.Completed => ReportedState.Completed,
        ProgressState.Ongoing => ReportedState.Ongoing,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
