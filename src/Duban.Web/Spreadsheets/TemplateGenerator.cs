using Duban.Core.Organizations;
using Duban.Core.Security;
using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Data;
using Duban.Data.Tracking;
using Duban.Web.Components.Pages.Tracking;
using Duban.Web.Ledger;
using Duban.Web.Operations;
using Duban.Web.Plans;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Spreadsheets;

/// <summary>Which template: the organisation (a reporter's own by default) and the period, by stored id or by a day in it.</summary>
/// <param name="Day">Any day of the period, per plan's cycle; without it and without a period id, the period being reported now.</param>
public sealed record TemplateRequest(long? OrganizationId, long? PeriodId, DateOnly? Day);

/// <summary>A generated template: the file and a name to download it under.</summary>
public sealed record TemplateFile(byte[] Content, string FileName, int ProgressRows, int IndicatorRows);

/// <summary>
/// Writes the 填报模板 of an organisation for a period: one row per assignment due a report (an editable report, or
/// none yet) and one per target it reports, keyed, with the current content filled in so that the reporter edits it
/// offline and imports it back (<see cref="TemplateImport"/>).
/// </summary>
public sealed class TemplateGenerator(DubanDbContext db, PlanQueries plans, ReportingPeriods periods, TimeProvider clock)
{
    public async Task<Outcome<TemplateFile>> GenerateAsync(DubanUser user, TemplateRequest request, CancellationToken ct)
    {
        var today = ChinaCalendar.Today(clock.GetUtcNow());
        if ((request.OrganizationId ?? user.OrganizationId) is not { } organizationId)
            return Outcome<TemplateFile>.Invalid("organizationId", "请指定要生成模板的单位（organizationId）。");
        var organization = await OrganizationAsync(user, organizationId, ct);
        if (organization is null) return Outcome<TemplateFile>.NotFound("未找到该单位，或不在您的数据范围内。");
        if (request.Day is { } day && !PlausibleDates.Contains(day, today)) return Outcome<TemplateFile>.Invalid("period", PlausibleDates.OutOfRange("period（填报周期）", today));
        if (request.Day is { } future && future > today) return Outcome<TemplateFile>.Invalid("period", $"{future:yyyy-MM-dd} 所在的周期尚未开始，不能填报。");

        Period? stored = null;
        if (request.PeriodId is { } periodId)
        {
            var visible = plans.VisiblePlans(user).Select(p => p.Id);
            stored = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId && visible.Contains(p.PlanId), ct);
            if (stored is null) return Outcome<TemplateFile>.NotFound("未找到该填报周期。");
        }

        var tasks = (await plans.OrganizationTasksAsync(user, organizationId, ct)).Where(t => stored is null || t.PlanId == stored.PlanId).ToList();
        var governed = (await GovernedPlansAsync(user, organization, ct)).Where(p => stored is null || p == stored.PlanId).ToList();
        var spans = new Dictionary<long, PeriodSpan>();
        foreach (var planId in tasks.Select(t => t.PlanId).Concat(governed).Distinct())
        {
            var cycle = await periods.CycleAsync(planId, ct);
            spans[planId] = stored is not null ? stored.Span
                : request.Day is { } d ? PeriodSpan.Containing(cycle.Kind, d)
                : ReporterWorklist.DuePeriod(cycle, today, _ => false);
        }
        // A task that starts after the period has nothing to report for it.
        tasks = tasks.Where(t => t.Start is null || t.Start <= spans[t.PlanId].End).ToList();

        var progress = await ProgressRowsAsync(organizationId, tasks, spans, ct);
        var indicators = await IndicatorRowsAsync(organization.Id, tasks, governed, spans, ct);
        var label = spans.Values.Distinct().Select(s => s.Label).Order(StringComparer.Ordinal).FirstOrDefault() ?? "本期";
        var bytes = XlsxWorkbook.Write(
            new XlsxSheet(TemplateLayout.ProgressSheet, TemplateLayout.ProgressColumns, progress, Protected: true),
            new XlsxSheet(TemplateLayout.IndicatorSheet, TemplateLayout.IndicatorColumns, indicators, Protected: true));
        return Outcome<TemplateFile>.Ok(new(bytes, $"填报模板-{organization.Name}-{label}.xlsx", progress.Count, indicators.Count));
    }

    private Task<Organization?> OrganizationAsync(DubanUser user, long organizationId, CancellationToken ct) =>
        user.Role == Role.Reporter
            ? user.OrganizationId == organizationId ? db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct) : Task.FromResult<Organization?>(null)
            : db.Organizations.VisibleTo(user).AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);

    private async Task<List<IReadOnlyList<XlsxValue>>> ProgressRowsAsync(long organizationId, List<TaskView> tasks, Dictionary<long, PeriodSpan> spans, CancellationToken ct)
    {
        var taskIds = tasks.Select(t => t.Id).ToList();
        var assignments = await db.Assignments.AsNoTracking().Where(a => taskIds.Contains(a.TaskId) && a.OrganizationId == organizationId)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.TaskId, a.Role }).ToListAsync(ct);
        var assignmentIds = assignments.Select(a => a.Id).ToList();
        var reports = (await db.ProgressReports.AsNoTracking().Where(r => assignmentIds.Contains(r.AssignmentId))
            .Select(r => new
            {
                r.AssignmentId, r.Period!.Kind, r.Period.Start, r.Status, r.Version,
                Latest = db.ReportRevisions.Where(v => v.Id == r.LatestRevisionId).Select(v => new { v.State, v.PercentComplete, v.Done, v.Problems, v.NextSteps }).FirstOrDefault(),
            }).ToListAsync(ct)).ToLookup(r => r.AssignmentId);

        var rows = new List<IReadOnlyList<XlsxValue>>();
        foreach (var task in tasks)
        foreach (var assignment in assignments.Where(a => a.TaskId == task.Id))
        {
            var span = spans[task.PlanId];
            var report = reports[assignment.Id].SingleOrDefault(r => r.Kind == span.Kind && r.Start == span.Start);
            // Submitted and approved reports cannot be revised: nothing to fill in.
            if (report is not null && report.Status is ReportStatus.Submitted or ReportStatus.Approved) continue;
            var latest = report?.Latest;
            rows.Add(
            [
                new TemplateKey(TemplateRowKind.Report, assignment.Id, span.Start, report?.Version).Format(),
                rows.Count + 1, $"{task.No} {task.Text}".Trim(), assignment.Role == UnitRole.Lead ? "牵头" : "配合", PlanText.Deadline(task), span.Label,
                latest is null ? XlsxValue.Empty : TemplateLayout.Name(latest.State),
                latest?.PercentComplete is { } percent ? percent : XlsxValue.Empty,
                Text(latest?.Done), Text(latest?.Problems), Text(latest?.NextSteps),
            ]);
        }
        return rows;
    }

    /// <summary>
    /// The plans whose plan-level targets the organisation reports: for a government (人民政府), the plans with such
    /// targets of its region or a region above it that the user sees (for the government's own reporter: published, or
    /// with a task of the government's — the rule the services apply, <see cref="ObservationRules"/>); none for other
    /// organisations.
    /// </summary>
    private async Task<List<long>> GovernedPlansAsync(DubanUser user, Organization organization, CancellationToken ct)
    {
        if (organization.Kind != OrganizationKind.Government) return [];
        var path = await db.Regions.AsNoTracking().Where(r => r.Id == organization.RegionId).Select(r => r.Path).SingleAsync(ct);
        return await plans.VisiblePlans(user)
            .Where(p => p.Region != null && path.StartsWith(p.Region.Path) && db.Targets.Any(t => t.PlanId == p.Id && t.TaskId == null))
            .Select(p => p.Id).ToListAsync(ct);
    }

    private async Task<List<IReadOnlyList<XlsxValue>>> IndicatorRowsAsync(long organizationId, List<TaskView> tasks, List<long> governed,
        Dictionary<long, PeriodSpan> spans, CancellationToken ct)
    {
        var taskIds = tasks.Select(t => t.Id).ToList();
        var targets = await db.Targets.AsNoTracking()
            .Where(t => (t.TaskId != null && taskIds.Contains(t.TaskId.Value)) || (t.TaskId == null && governed.Contains(t.PlanId)))
            .OrderBy(t => t.PlanId).ThenBy(t => t.TaskId).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.PlanId, t.Subject, t.Unit, t.Value, t.ValueMax }).ToListAsync(ct);
        var targetIds = targets.Select(t => t.Id).ToList();
        var values = (await db.Observations.AsNoTracking().Where(o => targetIds.Contains(o.TargetId) && o.OrganizationId == organizationId)
            .Select(o => new
            {
                o.TargetId, o.Period!.Kind, o.Period.Start, o.Version,
                Latest = db.ObservationRevisions.Where(v => v.Id == o.LatestRevisionId).Select(v => new { v.Value, v.Note }).FirstOrDefault(),
            }).ToListAsync(ct)).ToLookup(o => o.TargetId);

        var rows = new List<IReadOnlyList<XlsxValue>>();
        foreach (var target in targets)
        {
            var span = spans[target.PlanId];
            var value = values[target.Id].SingleOrDefault(o => o.Kind == span.Kind && o.Start == span.Start);
            rows.Add(
            [
                new TemplateKey(TemplateRowKind.Indicator, target.Id, span.Start, value?.Version).Format(),
                rows.Count + 1, target.Subject, target.Unit == TargetFacts.RatioUnit ? "比例" : target.Unit,
                target.ValueMax is { } max ? $"{target.Value:0.####}—{max:0.####}" : target.Value, span.Label,
                value?.Latest is { } latest ? latest.Value : XlsxValue.Empty, Text(value?.Latest?.Note),
            ]);
        }
        return rows;
    }

    private static XlsxValue Text(string? text) => string.IsNullOrEmpty(text) ? XlsxValue.Empty : text;
}
