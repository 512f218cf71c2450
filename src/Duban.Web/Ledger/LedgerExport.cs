using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Status;
using Duban.Data;
using Duban.Data.Organizations;
using Duban.Data.Tracking.Status;
using Duban.Core.Organizations;
using Duban.Web.Dashboard;
using Duban.Web.Plans;
using Duban.Web.Security;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Ledger;

/// <summary>
/// The 任务台账 and the indicator table as .xlsx, in the forms offices use: the plan and the task's own number beside
/// each task, dates as 2021年7月31日, ratios as 4:6. The 任务台账 holds exactly the rows of the task list with the same
/// filter (<see cref="PlanQueries.ListedTaskIdsAsync"/>); statuses from <see cref="TrackingStatuses"/> as on the
/// dashboard (docs/dashboard.md).
/// </summary>
public sealed class LedgerExport(DubanDbContext db, PlanQueries plans, DashboardQueries dashboard, TimeProvider time, IConfiguration configuration)
{
    /// <summary>Tasks read and written per batch (<c>Exports:BatchSize</c>): a few queries each, memory for this many rows.</summary>
    public int BatchSize => Math.Max(1, configuration.GetValue("Exports:BatchSize", DefaultBatchSize));

    public const int DefaultBatchSize = 1000;

    public const string TaskSheet = "任务台账", IndicatorSheet = "指标台账";

    /// <summary>How many 填报单位 a target without values names before it says 等 N 个单位.</summary>
    private const int MaxNamedResponsible = 5;

    public static readonly IReadOnlyList<XlsxColumn> TaskColumns =
    [
        new("序号", 6), new("计划", 30), new("任务编号", 10), new("任务", 60), new("牵头单位", 24), new("配合单位", 30), new("完成时限", 16), new("状态", 16),
        new("最新进展", 60), new("更新时间", 20),
    ];

    public static readonly IReadOnlyList<XlsxColumn> IndicatorColumns =
    [
        new("序号", 6), new("指标", 30), new("所属任务", 12), new("目标", 30), new("单位", 8), new("目标值", 10), new("填报单位", 24), new("所属期", 14),
        new("最新值", 12), new("达成度", 10), new("状态", 10), new("更新时间", 20),
    ];

    /// <summary>The 总览's 任务台账: the tasks of its filter in plan, list and task order.</summary>
    public Task<IResult> TasksAsync(DubanUser user, DashboardFilter filter, string fileName, CancellationToken ct) =>
        TasksAsync(user, TaskFilter.None with { PlanId = filter.PlanId, RegionId = filter.RegionId, Sort = TaskSort.Number }, fileName, ct);

    /// <summary>
    /// The 任务台账 of a task list: one row per task of the list with the same filter, in the list's order, streamed
    /// (docs/spreadsheets.md, "Streaming"). The list's ids are read first, in one query that also counts them: more
    /// tasks than a sheet holds is a 422 before the first byte.
    /// </summary>
    public async Task<IResult> TasksAsync(DubanUser user, TaskFilter filter, string fileName, CancellationToken ct)
    {
        var ids = await plans.ListedTaskIdsAsync(user, filter, XlsxWorkbook.MaxDataRows + 1, ct);
        if (XlsxDownload.TooManyRows(ids.Count) is { } refused) return refused;
        return new XlsxDownload(fileName, [new XlsxStreamSheet(TaskSheet, TaskColumns, TaskRowsAsync(ids, default))]);
    }

    /// <summary>The 任务台账's rows of these tasks, in this order, <see cref="BatchSize"/> at a time, each batch completed by a few queries on its ids.</summary>
    public async IAsyncEnumerable<IReadOnlyList<XlsxValue>> TaskRowsAsync(IReadOnlyList<long> ids, [EnumeratorCancellation] CancellationToken ct)
    {
        var number = 0;
        foreach (var batch in ids.Chunk(BatchSize))
            foreach (var row in await TaskBatchAsync(batch, ct))
            {
                row[0] = ++number;
                yield return row;
            }
    }

    /// <summary>One batch's rows, in the batch's order; the 序号 cell is left for the caller.</summary>
    private async Task<List<XlsxValue[]>> TaskBatchAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        var byId = ids.ToList();
        var set = await new TrackingStatuses(db, time).TasksAsync(db.Tasks.AsNoTracking().Where(t => EF.Parameter(byId).Contains(t.Id)), ct);
        var status = set.Tasks.ToDictionary(t => t.TaskId);
        var rows = await db.Tasks.AsNoTracking().Where(t => EF.Parameter(byId).Contains(t.Id))
            .Select(t => new { t.Id, t.PlanId, t.No, t.Text, t.Due, t.DeadlineRaw }).ToDictionaryAsync(t => t.Id, ct);
        var planIds = rows.Values.Select(t => t.PlanId).Distinct().ToList();
        var planTitles = await db.Plans.AsNoTracking().Where(p => EF.Parameter(planIds).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        // The units without a join or an ORDER BY: the names of the batch's organisations are read once each, and the
        // leads put in order here (the primary one first), which costs less than sorting and joining 3 000 rows in SQL.
        var assignments = await db.Assignments.AsNoTracking().Where(a => EF.Parameter(byId).Contains(a.TaskId))
            .Select(a => new { a.Id, a.TaskId, a.Role, a.Primary, a.OrganizationId }).ToListAsync(ct);
        var organizationIds = assignments.Select(a => a.OrganizationId).Distinct().ToList();
        var organizationNames = await db.Organizations.AsNoTracking().Where(o => EF.Parameter(organizationIds).Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var units = assignments.OrderByDescending(a => a.Primary).ThenBy(a => a.Id)
            .Select(a => new { a.TaskId, a.Role, Name = organizationNames[a.OrganizationId] }).ToLookup(a => a.TaskId);

        // The latest approved or submitted report of each lead: none of a later period is approved or submitted.
        var latest = (await db.ProgressReports.AsNoTracking()
            .Where(r => (r.Status == ReportStatus.Approved || r.Status == ReportStatus.Submitted)
                        && r.Assignment!.Role == UnitRole.Lead && EF.Parameter(byId).Contains(r.Assignment.TaskId))
            .Where(r => !db.ProgressReports.Any(o => o.AssignmentId == r.AssignmentId && (o.Status == ReportStatus.Approved || o.Status == ReportStatus.Submitted)
                                                     && o.Period!.Start > r.Period!.Start))
            .Join(db.ReportRevisions, r => r.LatestRevisionId, v => (long?)v.Id,
                (r, v) => new { r.AssignmentId, r.Assignment!.TaskId, Organization = r.Assignment.Organization!.Name, v.Done, v.CreatedAt })
            .ToListAsync(ct)).ToLookup(r => r.TaskId);

        // A task removed between the keyset read and this one is left out rather than failing the file half-way.
        return ids.Where(rows.ContainsKey).Select(id =>
        {
            var t = rows[id];
            var progress = latest[t.Id].OrderBy(r => r.AssignmentId).ToList();
            var text = progress.Count switch
            {
                0 => null,
                1 => progress[0].Done,
                _ => string.Join("\n", progress.Select(p => $"{p.Organization}：{p.Done}")),
            };
            return (XlsxValue[])
            [
                XlsxValue.Empty, planTitles.GetValueOrDefault(t.PlanId), t.No, t.Text,
                string.Join("、", units[t.Id].Where(u => u.Role == UnitRole.Lead).Select(u => u.Name)),
                string.Join("、", units[t.Id].Where(u => u.Role == UnitRole.Cooperating).Select(u => u.Name)),
                t.Due is { } due ? due : t.DeadlineRaw,
                status[t.Id].StatusLabel(),
                text,
                progress.Count > 0 ? progress.Max(p => p.CreatedAt) : XlsxValue.Empty,
            ];
        }).ToList();
    }

    /// <summary>
    /// The 指标台账, one row per target and reporting organisation, streamed: the ids of the scope's targets read first
    /// in plan and target order (a target is at least a row, so more than a sheet holds is a 422 before the first byte),
    /// then <see cref="BatchSize"/> targets at a time with their series and reporters. A target's rows are sorted by
    /// organisation name within the target, so batches cut between targets keep the order of the whole sheet.
    /// </summary>
    public async Task<IResult> IndicatorsAsync(DubanUser user, DashboardFilter filter, string fileName, CancellationToken ct)
    {
        var tasks = await dashboard.TasksAsync(user, filter, ct);
        var ids = await dashboard.Targets(tasks).OrderBy(t => t.PlanId).ThenBy(t => t.Id).Select(t => t.Id).Take(XlsxWorkbook.MaxDataRows + 1).ToListAsync(ct);
        if (XlsxDownload.TooManyRows(ids.Count) is { } refused) return refused;
        return new XlsxDownload(fileName, [new XlsxStreamSheet(IndicatorSheet, IndicatorColumns, IndicatorRowsAsync(ids, default))]);
    }

    /// <summary>The 指标台账's rows of these targets (in plan and target order), a batch of targets at a time.</summary>
    public async IAsyncEnumerable<IReadOnlyList<XlsxValue>> IndicatorRowsAsync(IReadOnlyList<long> targetIds, [EnumeratorCancellation] CancellationToken ct)
    {
        var number = 0;
        foreach (var batch in targetIds.Chunk(BatchSize))
            foreach (var row in await IndicatorBatchAsync(batch, ct))
            {
                row[0] = ++number;
                yield return row;
            }
    }

    /// <summary>One batch of targets' rows, by plan, target and reporter's name; the 序号 cell is left for the caller.</summary>
    private async Task<List<XlsxValue[]>> IndicatorBatchAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        var byId = ids.ToList();
        var targetQuery = db.Targets.AsNoTracking().Where(t => EF.Parameter(byId).Contains(t.Id));
        var series = await new TrackingStatuses(db, time).TargetsAsync(targetQuery, ct);
        var targets = await targetQuery
            .Select(t => new { t.Id, t.PlanId, t.TaskId, t.Subject, t.Raw, t.Unit, t.Value, t.ValueMax, TaskNo = db.Tasks.Where(k => k.Id == t.TaskId).Select(k => k.No).FirstOrDefault() })
            .ToDictionaryAsync(t => t.Id, ct);
        // A target removed since its id was read is left out.
        series = series.Where(s => targets.ContainsKey(s.TargetId)).ToList();
        var organizationIds = series.Where(s => s.OrganizationId != null).Select(s => s.OrganizationId!.Value).Distinct().ToList();
        var names = await db.LabelsAsync(organizationIds, ct);
        var unreported = series.Where(s => s.OrganizationId is null).Select(s => targets[s.TargetId]).ToList();
        var responsible = await ResponsibleAsync(
            unreported.Where(t => t.TaskId is not null).Select(t => t.TaskId!.Value).Distinct().ToList(),
            unreported.Where(t => t.TaskId is null).Select(t => t.PlanId).Distinct().ToList(), ct);

        return series.OrderBy(s => targets[s.TargetId].PlanId).ThenBy(s => s.TargetId).ThenBy(s => s.OrganizationId is { } o ? names[o] : "", StringComparer.Ordinal)
            .Select(s =>
            {
                var t = targets[s.TargetId];
                var ratio = t.Unit == TargetFacts.RatioUnit;
                // A target nobody has reported on yet is still somebody's to report: name those responsible for it.
                var reporter = s.OrganizationId is { } org ? names[org]
                    : t.TaskId is { } taskId ? Named(responsible.Tasks[taskId]) : Named(responsible.Plans[t.PlanId]);
                return (XlsxValue[])
                [
                    XlsxValue.Empty, t.Subject, t.TaskNo ?? "总体目标", t.Raw, ratio ? "比例" : t.Unit,
                    ratio ? RatioText(t.Value) : t.ValueMax is { } max ? $"{t.Value:0.####}—{max:0.####}" : t.Value,
                    reporter,
                    s.LatestValue?.Period.Label,
                    s.LatestValue is { } v ? ratio ? RatioText(v.Value) : v.Value : XlsxValue.Empty,
                    XlsxValue.Rate(s.Assessment.Latest?.Rate),
                    s.Assessment.Label,
                    s.LatestValue is { } u ? u.Updated : XlsxValue.Empty,
                ];
            }).ToList();
    }

    /// <summary>
    /// A ratio as the plans write it, on their scale of ten: the stored first term 4 of 职普比“不低于4:6” is 4:6, a value
    /// 4.2 is 4.2:5.8 (docs/dashboard.md, "Target series"). A first term outside 0–10 is shown as stored.
    /// </summary>
    public static string RatioText(decimal first) =>
        first is >= 0 and <= 10 ? $"{first:0.##}:{10 - first:0.##}" : first.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What 填报单位 says when nobody answers for a target: a plan-level target of a region without a government on record.</summary>
    public const string NobodyResponsible = "未确定";

    private static string Named(IEnumerable<string> organizations)
    {
        var all = organizations.Distinct().ToList();
        return all.Count switch
        {
            0 => NobodyResponsible,
            <= MaxNamedResponsible => string.Join("、", all),
            _ => $"{string.Join("、", all.Take(MaxNamedResponsible))}等 {all.Count} 个单位",
        };
    }

    /// <summary>
    /// Who reports a target, as <see cref="Duban.Data.Tracking.TargetFigures.ResponsibleAsync"/> says, for many targets
    /// in two queries: a task's target, its organisations (leads first, the primary one first); a plan-level target,
    /// the governments of the plan's region and below (the region's own first).
    /// </summary>
    private async Task<(ILookup<long, string> Tasks, ILookup<long, string> Plans)> ResponsibleAsync(List<long> taskIds, List<long> planIds, CancellationToken ct)
    {
        var byTask = (await db.Assignments.AsNoTracking().Where(a => taskIds.Contains(a.TaskId))
                .OrderBy(a => a.Role).ThenByDescending(a => a.Primary).ThenBy(a => a.Id)
                .Select(a => new { a.TaskId, a.Organization!.Name }).ToListAsync(ct))
            .ToLookup(a => a.TaskId, a => a.Name);
        var planRegions = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id) && p.Region != null)
            .Select(p => new { p.Id, p.Region!.Path }).ToListAsync(ct);
        var byPlan = new List<(long PlanId, string Name)>();
        foreach (var plan in planRegions)
            byPlan.AddRange((await db.Organizations.AsNoTracking()
                    .Where(o => o.Kind == OrganizationKind.Government && o.IsActive && o.Region != null && o.Region.Path.StartsWith(plan.Path))
                    .OrderBy(o => o.Region!.Path.Length).ThenBy(o => o.Id).Select(o => o.Name).ToListAsync(ct))
                .Select(name => (plan.Id, name)));
        return (byTask, byPlan.ToLookup(p => p.PlanId, p => p.Name));
    }
}
