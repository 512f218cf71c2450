using Duban.Core.Comparison;
using Duban.Core.Plans;
using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Status;
using Duban.Data;
using Duban.Data.Organizations;
using Duban.Data.Tracking.Status;
using Duban.Web.Dashboard;
using Duban.Web.Ledger;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Comparison;

/// <summary>
/// The comparison of a region's targets and task completion across the regions directly below it (docs/comparison.md).
/// The tasks and targets are the 总览's (<see cref="ScopedTaskStatuses"/> with the region as filter: the tasks of
/// <see cref="DashboardQueries.TasksAsync"/>, and the targets <see cref="DashboardQueries.Targets"/> selects), the task
/// statuses the kept ones (<see cref="PlanStatusCache"/>), and every
/// band the attainment rules' verdict (<see cref="AttainmentRules.Assess"/>) on one region's series of values.
/// </summary>
public sealed class ComparisonQueries(DubanDbContext db, ScopedTaskStatuses scopedTasks, TimeProvider time)
{
    public AttainmentOptions AttainmentOptions { get; init; } = AttainmentOptions.Default;

    /// <summary>Null when the region does not exist or lies outside the reader's data scope (404, as if it did not exist).</summary>
    public async Task<ComparisonView?> BuildAsync(DubanUser user, long regionId, ComparisonFilter filter, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().VisibleTo(user).Where(r => r.Id == regionId).Select(r => new { r.Id, r.Name, r.Path }).SingleOrDefaultAsync(ct);
        if (region is null) return null;
        var children = await db.Regions.AsNoTracking().VisibleTo(user).Where(r => r.ParentId == regionId)
            .OrderBy(r => r.Code ?? "").ThenBy(r => r.Id).Select(r => new { r.Id, r.Name, r.Path }).ToListAsync(ct);

        var today = TrackingDay.Today(time);
        var yearEnd = filter.Year is { } y ? new DateOnly(y, 12, 31) : (DateOnly?)null;
        var asOf = yearEnd is { } end && end < today ? end : today;

        // The 总览's tasks for the region, from the kept statuses by their plans' and organisations' regions
        // (ScopedTaskStatuses): the completion table counts their statuses, the targets are chosen among theirs.
        var scoped = await scopedTasks.ReadAsync(user, new DashboardFilter(filter.PlanId, regionId), ct);
        var (targets, moreTargets) = await TargetsAsync(scoped.TaskIds, scoped.PlanIds, ct);
        var targetIds = targets.Select(t => t.Id).ToList();
        var targetTaskIds = targets.Where(t => t.TaskId is not null).Select(t => t.TaskId!.Value).Distinct().ToList();
        var taskInfo = await db.Tasks.AsNoTracking().Where(t => EF.Parameter(targetTaskIds).Contains(t.Id))
            .Select(t => new { t.Id, t.No, t.Due }).ToDictionaryAsync(t => t.Id, ct);

        // Every value of the targets with its latest revision's figure and its period, in one query (as TrackingStatuses reads them).
        var values = await db.Observations.AsNoTracking().Where(o => EF.Parameter(targetIds).Contains(o.TargetId))
            .Join(db.ObservationRevisions, o => o.LatestRevisionId, v => v.Id, (o, v) => new { o.TargetId, o.OrganizationId, o.PeriodId, v.Value })
            .Join(db.Periods, o => o.PeriodId, p => p.Id, (o, p) => new { o.TargetId, o.OrganizationId, o.Value, p.Kind, p.Start, p.End })
            .ToListAsync(ct);
        if (yearEnd is { } cut) values = values.Where(v => v.End <= cut).ToList();
        var organizationIds = values.Select(v => v.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().VisibleTo(user).Where(o => EF.Parameter(organizationIds).Contains(o.Id))
            .Select(o => new { o.Id, o.Region!.Path }).ToDictionaryAsync(o => o.Id, o => o.Path, ct);
        var names = await db.LabelsAsync(organizations.Keys.ToList(), ct);
        // Within a region, whose values stand for it: a lead of the target's task first (primary first), then a
        // cooperating one, then anyone else (a plan-level target's government), the shallowest region first.
        var assignments = await db.Assignments.AsNoTracking().Where(a => EF.Parameter(targetTaskIds).Contains(a.TaskId))
            .Select(a => new { a.TaskId, a.OrganizationId, a.Role, a.Primary }).ToListAsync(ct);
        var assignmentRank = assignments.GroupBy(a => (a.TaskId, a.OrganizationId))
            .ToDictionary(g => g.Key, g => g.Min(a => a.Role == UnitRole.Lead ? a.Primary ? 0 : 1 : 2));

        string? ChildOf(long organization) =>
            organizations.TryGetValue(organization, out var path) ? children.FirstOrDefault(c => path.StartsWith(c.Path, StringComparison.Ordinal))?.Path : null;
        var childByPath = children.ToDictionary(c => c.Path, c => c.Id);

        var cells = new Dictionary<(long Target, long Region), ComparisonCell>();
        foreach (var target in targets)
        {
            var facts = TargetFacts.From(target, taskDue: target.TaskId is { } task ? taskInfo.GetValueOrDefault(task)?.Due : null);
            var ratio = target.Unit == TargetFacts.RatioUnit;
            var byRegion = values.Where(v => v.TargetId == target.Id && ChildOf(v.OrganizationId) is not null)
                .GroupBy(v => childByPath[ChildOf(v.OrganizationId)!]);
            foreach (var inRegion in byRegion)
            {
                var organization = inRegion.Select(v => v.OrganizationId).Distinct()
                    .OrderBy(o => target.TaskId is { } task && assignmentRank.TryGetValue((task, o), out var rank) ? rank : 3)
                    .ThenBy(o => organizations[o].Length).ThenBy(o => o).First();
                var series = inRegion.Where(v => v.OrganizationId == organization).OrderBy(v => v.End).ToList();
                var read = series.Select(v => ObservationFact.FromStored(facts, v.End, v.Value)).ToList();
                var assessment = read.Any(o => o is null)
                    ? new TargetAssessment(TargetStatus.NoData, null, null, null)
                    : AttainmentRules.Assess(facts, read!, asOf, AttainmentOptions);
                var latest = series[^1];
                var previous = series.Count > 1 ? series[^2] : null;
                var previousRate = previous is not null && read[^2] is { } p ? AttainmentRules.Attain(facts, p, AttainmentOptions).Rate : (decimal?)null;
                var rate = assessment.Latest?.Rate;
                var trend = ComparisonRules.TrendOf(previous?.Value, latest.Value);
                cells[(target.Id, inRegion.Key)] = new ComparisonCell(target.Id, inRegion.Key, latest.Value,
                    ratio ? LedgerExport.RatioText(latest.Value) : latest.Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
                    new PeriodSpan(latest.Kind, latest.Start, latest.End).Label, previous?.Value,
                    previous is null ? null : new PeriodSpan(previous.Kind, previous.Start, previous.End).Label,
                    rate, assessment.Status, assessment.Status.Label(), trend, trend.Arrow(), ComparisonRules.Better(previousRate, rate),
                    organization, names.GetValueOrDefault(organization));
            }
        }

        var regionAxes = children.Select(c => new ComparisonAxis($"r{c.Id}", "region", c.Id, c.Name, "", null, null, null)).ToList();
        var targetAxes = targets.Select(t => new ComparisonAxis($"t{t.Id}", "target", t.Id, t.Subject,
            $"{(t.TaskId is { } task && taskInfo.TryGetValue(task, out var info) ? $"任务 {info.No}" : "总体目标")}：{t.Raw}",
            t.Unit == TargetFacts.RatioUnit ? "比例" : t.Unit, t.PlanId, t.TaskId)).ToList();
        ComparisonCell Empty(long target, long regionCell) =>
            new(target, regionCell, null, "", null, null, null, null, TargetStatus.NoData, TargetStatus.NoData.Label(), Trend.None, "", null, null, null);
        ComparisonCell CellOf(long target, long regionCell) => cells.GetValueOrDefault((target, regionCell)) ?? Empty(target, regionCell);

        var (rowAxes, columnAxes) = filter.Orientation == ComparisonOrientation.Targets ? (targetAxes, regionAxes) : (regionAxes, targetAxes);
        var rows = rowAxes.Select(r => new ComparisonRow(r, columnAxes.Select(c => r.Kind == "target" ? CellOf(r.Id, c.Id) : CellOf(c.Id, r.Id)).ToList())).ToList();
        rows = Sorted(rows, columnAxes, filter);

        var all = rows.SelectMany(r => r.Cells).ToList();
        var legend = Enum.GetValues<TargetStatus>().OrderBy(ComparisonRules.BandOrder)
            .Select(b => new ComparisonBand(b, b.Label(), BandDescription(b), all.Count(c => c.Band == b))).ToList();

        var completion = await CompletionAsync(scoped.Set, region.Path, children.Select(c => (c.Id, c.Name, c.Path)).ToList(), filter, ct);
        return new ComparisonView(region.Id, region.Name, filter, asOf, columnAxes, rows, legend, completion, moreTargets);
    }

    /// <summary>At most this many targets in the grid: a province's plans hold hundreds of thousands (one or more a task).</summary>
    public const int MaxTargets = 100;

    /// <summary>
    /// The targets of the scoped tasks and the plan-level targets of their plans (what <see cref="DashboardQueries.Targets"/>
    /// selects), at most <see cref="MaxTargets"/>: those with values first, then the others in plan order, shown in the
    /// natural order (plan, plan-level first, id). Read from the targets with values (few) and along the plans' index,
    /// stopping when enough are found, instead of testing every target of the region against its scope (seconds at
    /// province scale, and a grid nobody can read). <c>More</c>: some were left out.
    /// </summary>
    private async Task<(List<TaskTarget> Targets, bool More)> TargetsAsync(IReadOnlyCollection<long> taskIds, IReadOnlyList<long> planIds, CancellationToken ct)
    {
        var inScopeTasks = taskIds as IReadOnlySet<long> ?? taskIds.ToHashSet();
        var inScopePlans = planIds.ToHashSet();
        bool InScope(long? taskId, long planId) => taskId is { } task ? inScopeTasks.Contains(task) : inScopePlans.Contains(planId);

        var observed = await db.Observations.AsNoTracking().Select(o => o.TargetId).Distinct()
            .Join(db.Targets, id => id, t => t.Id, (id, t) => new { t.Id, t.TaskId, t.PlanId }).ToListAsync(ct);
        var chosen = observed.Where(t => InScope(t.TaskId, t.PlanId)).OrderBy(t => t.PlanId).ThenBy(t => t.TaskId == null ? 0 : 1).ThenBy(t => t.Id)
            .Select(t => t.Id).Take(MaxTargets + 1).ToList();
        if (chosen.Count <= MaxTargets)
        {
            var withValues = chosen.ToHashSet();
            var plans = planIds.ToList();
            await foreach (var t in db.Targets.AsNoTracking().Where(t => EF.Parameter(plans).Contains(t.PlanId)).OrderBy(t => t.PlanId).ThenBy(t => t.Id)
                               .Select(t => new { t.Id, t.TaskId, t.PlanId }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (withValues.Contains(t.Id) || !InScope(t.TaskId, t.PlanId)) continue;
                chosen.Add(t.Id);
                if (chosen.Count > MaxTargets) break;
            }
        }
        var more = chosen.Count > MaxTargets;
        if (more) chosen.RemoveAt(chosen.Count - 1);
        var targets = await db.Targets.AsNoTracking().Where(t => EF.Parameter(chosen).Contains(t.Id)).ToListAsync(ct);
        return (targets.OrderBy(t => t.PlanId).ThenBy(t => t.TaskId == null ? 0 : 1).ThenBy(t => t.Id).ToList(), more);
    }

    public static string BandDescription(TargetStatus band) => band switch
    {
        TargetStatus.Achieved => "最新值已达到目标",
        TargetStatus.OnTrack => "尚未达到，按趋势可如期达到（或尚无趋势）",
        TargetStatus.Lagging => "按趋势不能如期达到，或期限已过仍未达到",
        _ => "没有填报值",
    };

    /// <summary>
    /// The rows in the filter's order: by name, or by one column's attainment rate (direction-aware, so that rates of
    /// different units compare), cells without a value last either way; ties keep the natural order.
    /// </summary>
    private static List<ComparisonRow> Sorted(List<ComparisonRow> rows, IReadOnlyList<ComparisonAxis> columns, ComparisonFilter filter)
    {
        if (filter.Sort is not { } sort) return rows;
        if (sort == "name")
            return (filter.Descending ? rows.OrderByDescending(r => r.Axis.Label, StringComparer.Ordinal) : rows.OrderBy(r => r.Axis.Label, StringComparer.Ordinal)).ToList();
        var index = columns.Select((c, i) => (c.Key, i)).FirstOrDefault(c => c.Key == sort) is { Key: not null } found ? found.i : -1;
        if (index < 0) return rows;
        decimal? Rate(ComparisonRow r) => r.Cells[index].Rate;
        var withRate = rows.Where(r => Rate(r) is not null);
        var ordered = filter.Descending ? withRate.OrderByDescending(r => Rate(r)) : withRate.OrderBy(r => Rate(r));
        return ordered.Concat(rows.Where(r => Rate(r) is null)).ToList();
    }

    /// <summary>
    /// For each region below, the tasks of the set its organisations lead (with a year, those due in it), each counted
    /// once by the statuses of the region's own lead assignments (<see cref="ComparisonRules.Part"/>, counted by
    /// <see cref="RegionCompletion"/>).
    /// </summary>
    private async Task<IReadOnlyList<CompletionRow>> CompletionAsync(TaskStatusSet set, string regionPath, List<(long Id, string Name, string Path)> children,
        ComparisonFilter filter, CancellationToken ct)
    {
        if (children.Count == 0) return [];
        IEnumerable<TaskStatusRow> tasks = filter.Year is { } year ? set.Tasks.Where(t => t.Due?.Year == year) : set.Tasks;
        // The organisations below the compared region (every lead that counts is one of them), each placed in its region
        // below once: read by the region's path rather than collected from the leads of every task first.
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.Region!.Path.StartsWith(regionPath))
            .Select(o => new { o.Id, o.Region!.Path }).ToListAsync(ct);
        var regionsOf = organizations.ToDictionary(o => o.Id,
            o => (IReadOnlyList<int>)children.Select((c, i) => (c.Path, i)).Where(c => o.Path.StartsWith(c.Path, StringComparison.Ordinal)).Select(c => c.i).ToList());
        var tallies = RegionCompletion.Count(tasks, organization => regionsOf.TryGetValue(organization, out var found) ? found : [], children.Count);
        var rows = children.Select((c, i) =>
        {
            var tally = tallies[i];
            return new CompletionRow(c.Id, c.Name, tally.Tasks, tally.DoneOnTime, tally.DoneLate, tally.Overdue, tally.InProgress, tally.Rate, tally.OnTimeRate);
        }).ToList();
        if (filter.CompletionSort is not { } sort) return rows;
        if (sort == "name")
            return (filter.CompletionDescending ? rows.OrderByDescending(r => r.Name, StringComparer.Ordinal) : rows.OrderBy(r => r.Name, StringComparer.Ordinal)).ToList();
        Func<CompletionRow, decimal?> key = sort switch
        {
            "tasks" => r => r.Tasks,
            "doneOnTime" => r => r.DoneOnTime,
            "doneLate" => r => r.DoneLate,
            "overdue" => r => r.Overdue,
            "inProgress" => r => r.InProgress,
            "rate" => r => r.Rate,
            _ => r => r.OnTimeRate,
        };
        var known = rows.Where(r => key(r) is not null);
        return (filter.CompletionDescending ? known.OrderByDescending(key) : known.OrderBy(key)).Concat(rows.Where(r => key(r) is null)).ToList();
    }
}
