using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Status;
using Duban.Data;
using Duban.Data.Organizations;
using Duban.Data.Tracking.Status;
using Duban.Web.Dashboard;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Ledger;

/// <summary>
/// The 任务台账 and the indicator table as .xlsx, for the tasks the user sees through the dashboard's filters; statuses
/// from <see cref="TrackingStatuses"/> as on the dashboard (docs/dashboard.md).
/// </summary>
public sealed class LedgerExport(DubanDbContext db, DashboardQueries dashboard, TimeProvider time)
{
    public const string TaskSheet = "任务台账", IndicatorSheet = "指标台账";

    public static readonly IReadOnlyList<XlsxColumn> TaskColumns =
    [
        new("序号", 6), new("任务", 60), new("牵头单位", 24), new("配合单位", 30), new("完成时限", 14), new("状态", 14), new("最新进展", 60), new("更新时间", 18),
    ];

    public static readonly IReadOnlyList<XlsxColumn> IndicatorColumns =
    [
        new("序号", 6), new("指标", 30), new("所属任务", 12), new("目标", 30), new("单位", 8), new("目标值", 10), new("填报单位", 24), new("所属期", 14),
        new("最新值", 12), new("达成度", 10), new("状态", 10), new("更新时间", 18),
    ];

    public async Task<byte[]> TasksAsync(DubanUser user, DashboardFilter filter, CancellationToken ct)
    {
        var tasks = await dashboard.TasksAsync(user, filter, ct);
        var set = await new TrackingStatuses(db, time).TasksAsync(tasks, ct);
        var status = set.Tasks.ToDictionary(t => t.TaskId, t => t.Result);
        var rows = await tasks.OrderBy(t => t.PlanId).ThenBy(t => t.TaskList!.Order).ThenBy(t => t.Order).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.No, t.Text, t.Due, t.DeadlineRaw }).ToListAsync(ct);
        var taskIds = tasks.Select(t => t.Id);
        var units = (await db.Assignments.AsNoTracking().Where(a => taskIds.Contains(a.TaskId)).OrderByDescending(a => a.Primary).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.TaskId, a.Role, a.Organization!.Name }).ToListAsync(ct)).ToLookup(a => a.TaskId);

        // The latest approved or submitted report of each lead: none of a later period is approved or submitted.
        var latest = (await db.ProgressReports.AsNoTracking()
            .Where(r => (r.Status == ReportStatus.Approved || r.Status == ReportStatus.Submitted)
                        && r.Assignment!.Role == UnitRole.Lead && taskIds.Contains(r.Assignment.TaskId))
            .Where(r => !db.ProgressReports.Any(o => o.AssignmentId == r.AssignmentId && (o.Status == ReportStatus.Approved || o.Status == ReportStatus.Submitted)
                                                     && o.Period!.Start > r.Period!.Start))
            .Join(db.ReportRevisions, r => r.LatestRevisionId, v => (long?)v.Id,
                (r, v) => new { r.AssignmentId, r.Assignment!.TaskId, Organization = r.Assignment.Organization!.Name, v.Done, v.CreatedAt })
            .ToListAsync(ct)).ToLookup(r => r.TaskId);

        var sheetRows = rows.Select((t, i) =>
        {
            var progress = latest[t.Id].OrderBy(r => r.AssignmentId).ToList();
            var text = progress.Count switch
            {
                0 => null,
                1 => progress[0].Done,
                _ => string.Join("\n", progress.Select(p => $"{p.Organization}：{p.Done}")),
            };
            return (IReadOnlyList<XlsxValue>)
            [
                i + 1, t.Text,
                string.Join("、", units[t.Id].Where(u => u.Role == UnitRole.Lead).Select(u => u.Name)),
                string.Join("、", units[t.Id].Where(u => u.Role == UnitRole.Cooperating).Select(u => u.Name)),
                t.Due is { } due ? due : t.DeadlineRaw,
                status[t.Id].Late ? status[t.Id].Label + "（逾期完成）" : status[t.Id].Label,
                text,
                progress.Count > 0 ? progress.Max(p => p.CreatedAt) : XlsxValue.Empty,
            ];
        }).ToList();
        return XlsxWorkbook.Write(new XlsxSheet(TaskSheet, TaskColumns, sheetRows));
    }

    public async Task<byte[]> IndicatorsAsync(DubanUser user, DashboardFilter filter, CancellationToken ct)
    {
        var tasks = await dashboard.TasksAsync(user, filter, ct);
        var targetQuery = dashboard.Targets(tasks);
        var series = await new TrackingStatuses(db, time).TargetsAsync(targetQuery, ct);
        var targets = await targetQuery
            .Select(t => new { t.Id, t.PlanId, t.Subject, t.Raw, t.Unit, t.Value, t.ValueMax, TaskNo = db.Tasks.Where(k => k.Id == t.TaskId).Select(k => k.No).FirstOrDefault() })
            .ToDictionaryAsync(t => t.Id, ct);
        var organizationIds = series.Where(s => s.OrganizationId != null).Select(s => s.OrganizationId!.Value).Distinct().ToList();
        var names = await db.LabelsAsync(organizationIds, ct);

        var sheetRows = series.OrderBy(s => targets[s.TargetId].PlanId).ThenBy(s => s.TargetId).ThenBy(s => s.OrganizationId is { } o ? names[o] : "", StringComparer.Ordinal)
            .Select((s, i) =>
            {
                var t = targets[s.TargetId];
                return (IReadOnlyList<XlsxValue>)
                [
                    i + 1, t.Subject, t.TaskNo ?? "总体目标", t.Raw, t.Unit == TargetFacts.RatioUnit ? "比例" : t.Unit,
                    t.ValueMax is { } max ? $"{t.Value:0.####}—{max:0.####}" : t.Value,
                    s.OrganizationId is { } org ? names[org] : XlsxValue.Empty,
                    s.LatestValue?.Period.Label,
                    s.LatestValue is { } v ? v.Value : XlsxValue.Empty,
                    XlsxValue.Rate(s.Assessment.Latest?.Rate),
                    s.Assessment.Label,
                    s.LatestValue is { } u ? u.Updated : XlsxValue.Empty,
                ];
            }).ToList();
        return XlsxWorkbook.Write(new XlsxSheet(IndicatorSheet, IndicatorColumns, sheetRows));
    }
}
