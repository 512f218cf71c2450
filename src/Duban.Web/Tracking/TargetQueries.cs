using Duban.Core.Plans;
using Duban.Data;
using Duban.Data.Tracking;
using Duban.Web.Paging;
using Duban.Web.Plans;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tracking;

public sealed record TargetFilter(long? PlanId, long? TaskId);

/// <summary>
/// Targets within the user's scope: a task's target with its task, a plan-level target with its plan. The values
/// behind a target's figures are those <see cref="TrackingQueries.VisibleObservations"/> lets the user see.
/// </summary>
public sealed class TargetQueries(DubanDbContext db, PlanQueries plans, TrackingQueries tracking, TargetFigures figures)
{
    public IQueryable<TaskTarget> VisibleTargets(DubanUser user)
    {
        var tasks = plans.VisibleTasks(user).Select(t => t.Id);
        var planIds = plans.VisiblePlans(user).Select(p => p.Id);
        return db.Targets.AsNoTracking().Where(t => t.TaskId == null ? planIds.Contains(t.PlanId) : tasks.Contains(t.TaskId.Value));
    }

    public Task<Paged<TargetSummary>> ListAsync(DubanUser user, TargetFilter filter, PageRequest page, CancellationToken ct)
    {
        var targets = VisibleTargets(user);
        if (filter.PlanId is { } planId) targets = targets.Where(t => t.PlanId == planId);
        if (filter.TaskId is { } taskId) targets = targets.Where(t => t.TaskId == taskId);
        return Summaries(targets.OrderBy(t => t.PlanId).ThenBy(t => t.TaskId == null ? 0 : 1).ThenBy(t => t.TaskId).ThenBy(t => t.Id)).ToPagedAsync(page, ct);
    }

    public Task<List<TargetSummary>> OfTaskAsync(DubanUser user, long taskId, CancellationToken ct) =>
        Summaries(VisibleTargets(user).Where(t => t.TaskId == taskId).OrderBy(t => t.Id)).ToListAsync(ct);

    public async Task<TargetDetail?> GetAsync(DubanUser user, long id, CancellationToken ct)
    {
        var summary = await Summaries(VisibleTargets(user).Where(t => t.Id == id)).SingleOrDefaultAsync(ct);
        if (summary is null) return null;
        var target = await db.Targets.AsNoTracking().SingleAsync(t => t.Id == id, ct);
        var sheet = await figures.SheetAsync(target, tracking.VisibleObservations(user), ct);
        var names = sheet.Responsible.ToDictionary(r => r.OrganizationId, r => r.Name);
        var missing = sheet.Periods.SelectMany(p => p.Values).Select(v => v.OrganizationId).Where(o => !names.ContainsKey(o)).Distinct().ToList();
        // An organisation that reported and is no longer responsible (a revision dropped it) keeps its name on its values.
        foreach (var o in await db.Organizations.AsNoTracking().Where(o => missing.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct)) names[o.Id] = o.Name;

        var periods = sheet.Periods.Select(p => new TargetPeriodView(p.PeriodId, p.Period.Kind, p.Period.Start, p.Period.End, p.Period.Label,
            new RegionFigureView(p.Figure.Value, p.Figure.Source, p.Figure.Parts, p.Figure.ExpectedParts, p.Figure.Partial, p.Figure.Reason),
            p.Values.Select(v => new OrganizationValueView(v.ObservationId, v.OrganizationId, names.GetValueOrDefault(v.OrganizationId, "—"), v.Value, v.Note,
                v.RevisionCount, v.RevisedAt, v.Version)).ToList())).ToList();
        var responsible = sheet.Responsible.Select(r => new ResponsibleView(r.OrganizationId, r.Name, r.WholeRegion, r.PartRegionName)).ToList();
        var reportsHere = user.Role == Core.Security.Role.Reporter && user.OrganizationId is { } own && sheet.Responsible.Any(r => r.OrganizationId == own);
        return new TargetDetail(summary, responsible, periods, AssessmentView.Of(sheet.Assessment), sheet.Complete, reportsHere);
    }

    private IQueryable<TargetSummary> Summaries(IQueryable<TaskTarget> targets) =>
        from t in targets
        join p in db.Plans on t.PlanId equals p.Id
        select new TargetSummary(t.Id, t.PlanId, p.Title, t.TaskId, t.TaskId == null ? null : db.Tasks.Where(k => k.Id == t.TaskId).Select(k => k.No).FirstOrDefault(),
            t.Subject, t.Comparator, t.Value, t.ValueMax, t.Unit, t.Year, t.PerYear, t.Raw);
}
