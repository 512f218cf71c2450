using Duban.Core.Plans;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Status;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tracking.Status;

/// <summary>
/// The statuses of <see cref="TrackingStatuses"/>, kept per plan between requests and computed again only for the
/// plans whose data changed (<see cref="PlanChanges"/>), or for every plan when the day changes or the change cannot
/// be placed. One instance per process (a singleton); the answers are those of <see cref="TrackingStatuses"/> on the
/// same data, never older than the data was when the call began (docs/dashboard.md, "Kept statuses").
/// <para>
/// At province scale the statuses of every plan take several hundred milliseconds to compute and a report changes
/// one plan's: the 总览 after a report pays for that plan, not for the province (docs/benchmarks.md).
/// </para>
/// </summary>
public sealed class PlanStatusCache(TimeProvider time)
{
    private readonly KeptPerPlan<TaskStatusSet> tasks = new((db, plans, ct) => TasksOfPlansAsync(db, time, plans, ct));
    private readonly KeptPerPlan<IReadOnlyList<TargetSeriesStatus>> targets = new((db, plans, ct) => TargetsOfPlansAsync(db, time, plans, ct));

    /// <summary>The plans whose task statuses are kept now (for diagnostics and tests).</summary>
    public IReadOnlyList<long> KeptTaskPlans() => tasks.Plans();

    /// <summary>
    /// The statuses of the given tasks of the given plans (the plans of those tasks), as <see cref="TrackingStatuses.TasksAsync"/>
    /// gives them.
    /// </summary>
    public async Task<TaskStatusSet> TasksAsync(DubanDbContext db, IReadOnlyCollection<long> taskIds, IReadOnlyCollection<long> planIds, CancellationToken ct)
    {
        var today = TrackingDay.Today(time);
        var wanted = taskIds.ToHashSet();
        var sets = await tasks.ForAsync(db, today, planIds.Distinct().ToList(), ct);
        var rows = sets.SelectMany(s => s.Tasks).Where(t => wanted.Contains(t.TaskId)).ToList();
        if (rows.Count != wanted.Count)
        {
            // A task outside the kept sets of the plans given (one of an older version): computed directly, never kept.
            var found = rows.Select(r => r.TaskId).ToHashSet();
            var rest = wanted.Where(id => !found.Contains(id)).ToList();
            var direct = await new TrackingStatuses(db, time).TasksAsync(db.Tasks.AsNoTracking().Where(t => EF.Parameter(rest).Contains(t.Id)), ct);
            sets = [.. sets, direct];
            rows.AddRange(direct.Tasks);
        }
        return new TaskStatusSet(today, rows,
            sets.SelectMany(s => s.PeriodReports).Where(r => wanted.Contains(r.TaskId)).ToList(),
            sets.SelectMany(s => s.ClosedPeriods).Where(p => planIds.Contains(p.Key)).DistinctBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value));
    }

    /// <summary>
    /// The statuses of the current tasks of the given plans that <paramref name="keep"/> holds for, with their reporting
    /// and their plans' closed periods: what <see cref="TasksAsync"/> gives for the ids of those tasks, without the ids.
    /// A caller that can tell its tasks from the kept rows (a region scope, by the plan's and the organisations'
    /// regions) saves reading every task id of a province through a per-task test (docs/benchmarks.md).
    /// </summary>
    /// <param name="wholePlan">
    /// A plan for which <paramref name="keep"/> holds for every task (a plan filed in the region): its rows and reporting
    /// are taken whole, without testing each row. At province scale that test, and a set of every kept task id to
    /// filter the reporting by, were a third of 地区对比's time (docs/benchmarks.md, "地区对比 and the 总览 under 300 ms").
    /// </param>
    public async Task<TaskStatusSet> TasksOfPlansAsync(DubanDbContext db, IReadOnlyCollection<long> planIds, Func<TaskStatusRow, bool> keep, CancellationToken ct,
        Func<long, bool>? wholePlan = null)
    {
        var today = TrackingDay.Today(time);
        var plans = planIds.Distinct().ToList();
        var sets = await tasks.ForAsync(db, today, plans, ct);
        var rows = new List<TaskStatusRow>();
        var reports = new List<PeriodReport>();
        var closed = new Dictionary<long, IReadOnlyList<PeriodSpan>>();
        for (var i = 0; i < plans.Count; i++)
        {
            // Each kept set holds one plan's rows, its reporting and its closed periods (TasksOfPlansAsync below).
            var set = sets[i];
            if (wholePlan?.Invoke(plans[i]) == true)
            {
                if (set.Tasks.Count == 0) continue;
                rows.AddRange(set.Tasks);
                reports.AddRange(set.PeriodReports);
            }
            else
            {
                var kept = set.Tasks.Where(keep).ToList();
                if (kept.Count == 0) continue;
                rows.AddRange(kept);
                var ids = kept.Select(r => r.TaskId).ToHashSet();
                reports.AddRange(set.PeriodReports.Where(r => ids.Contains(r.TaskId)));
            }
            foreach (var (plan, periods) in set.ClosedPeriods) closed.TryAdd(plan, periods);
        }
        return new TaskStatusSet(today, rows, reports, closed);
    }

    /// <summary>
    /// The statuses of every current task of each given plan, one set per plan in the order given (what
    /// <see cref="StoredTaskStatuses"/> writes back to the tasks).
    /// </summary>
    public Task<IReadOnlyList<TaskStatusSet>> PlansAsync(DubanDbContext db, IReadOnlyCollection<long> planIds, CancellationToken ct) =>
        tasks.ForAsync(db, TrackingDay.Today(time), planIds.Distinct().ToList(), ct);

    /// <summary>The series of the targets of the given tasks and the plan-level targets of the given plans, as <see cref="TrackingStatuses.TargetsAsync"/> gives them.</summary>
    public async Task<IReadOnlyList<TargetSeriesStatus>> TargetsAsync(DubanDbContext db, IReadOnlyCollection<long> taskIds, IReadOnlyCollection<long> planIds, CancellationToken ct)
    {
        var wantedTasks = taskIds.ToHashSet();
        var wantedPlans = planIds.ToHashSet();
        // A task's targets belong to the task's plan, so the plans of the tasks are all there is to read.
        var series = await targets.ForAsync(db, TrackingDay.Today(time), wantedPlans.ToList(), ct);
        return series.SelectMany(s => s).Where(s => s.TaskId is { } task ? wantedTasks.Contains(task) : wantedPlans.Contains(s.PlanId)).ToList();
    }

    private static async Task<IReadOnlyDictionary<long, TaskStatusSet>> TasksOfPlansAsync(DubanDbContext db, TimeProvider time, List<long> planIds, CancellationToken ct)
    {
        var set = await new TrackingStatuses(db, time).TasksAsync(
            db.Tasks.AsNoTracking().Where(t => EF.Parameter(planIds).Contains(t.PlanId) && t.RemovedInVersionId == null), ct);
        var rows = set.Tasks.ToLookup(t => t.PlanId);
        var planOfTask = set.Tasks.ToDictionary(t => t.TaskId, t => t.PlanId);
        var reportsByPlan = set.PeriodReports.ToLookup(r => planOfTask[r.TaskId]);
        return planIds.ToDictionary(p => p, p => new TaskStatusSet(set.Today, rows[p].ToList(), reportsByPlan[p].ToList(),
            set.ClosedPeriods.TryGetValue(p, out var closed) ? new Dictionary<long, IReadOnlyList<PeriodSpan>> { [p] = closed } : new Dictionary<long, IReadOnlyList<PeriodSpan>>()));
    }

    private static async Task<IReadOnlyDictionary<long, IReadOnlyList<TargetSeriesStatus>>> TargetsOfPlansAsync(DubanDbContext db, TimeProvider time, List<long> planIds, CancellationToken ct)
    {
        var series = await new TrackingStatuses(db, time).TargetsAsync(db.Targets.AsNoTracking().Where(t => EF.Parameter(planIds).Contains(t.PlanId)), ct);
        var byPlan = series.ToLookup(s => s.PlanId);
        return planIds.ToDictionary(p => p, p => (IReadOnlyList<TargetSeriesStatus>)byPlan[p].ToList());
    }

    /// <summary>Values kept per plan, with the marks and day they are good for; one computation at a time.</summary>
    private sealed class KeptPerPlan<T>(Func<DubanDbContext, List<long>, CancellationToken, Task<IReadOnlyDictionary<long, T>>> compute)
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private readonly Dictionary<long, T> plans = [];
        private DateOnly day;
        private ChangeMarks marks = ChangeMarks.None;

        public IReadOnlyList<long> Plans()
        {
            gate.Wait();
            try
            {
                return [.. plans.Keys.Order()];
            }
            finally
            {
                gate.Release();
            }
        }

        public async Task<IReadOnlyList<T>> ForAsync(DubanDbContext db, DateOnly today, IReadOnlyList<long> planIds, CancellationToken ct)
        {
            await gate.WaitAsync(ct);
            try
            {
                // Read before anything is computed, so what is kept is at least as new as the marks it is kept with.
                var now = await ChangeMarks.ReadAsync(db, ct);
                if (today != day) plans.Clear();
                else if (now != marks)
                {
                    var changed = await PlanChanges.SinceAsync(db, marks, now, ct);
                    if (changed is null) plans.Clear();
                    else foreach (var plan in changed) plans.Remove(plan);
                }
                (day, marks) = (today, now);
                var missing = planIds.Where(p => !plans.ContainsKey(p)).Distinct().ToList();
                if (missing.Count > 0)
                    foreach (var (plan, value) in await compute(db, missing, ct)) plans[plan] = value;
                return planIds.Select(p => plans[p]).ToList();
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
