using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Status;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Data.Tracking;

/// <summary>An organisation responsible for a target's values.</summary>
/// <param name="WholeRegion">It answers for the plan's whole region (全市): the region-level lead of a task, or the region's government.</param>
/// <param name="PartRegionId">The region directly below the plan's whose part it reports (a county of a city's plan); null otherwise.</param>
public sealed record ResponsibleOrganization(long OrganizationId, string Name, bool WholeRegion, long? PartRegionId, string? PartRegionName);

/// <summary>One organisation's latest value for a period.</summary>
public sealed record OrganizationValue(long ObservationId, long OrganizationId, decimal Value, string Note, int RevisionCount, DateTimeOffset RevisedAt, Guid Version);

/// <summary>A period's values and the region figure made from them.</summary>
public sealed record TargetPeriodFigures(long PeriodId, PeriodSpan Period, RegionFigure Figure, IReadOnlyList<OrganizationValue> Values);

/// <summary>
/// A target's values by period, the region's figure for each period, and the target's assessment on those figures.
/// </summary>
/// <param name="Complete">The figures were made from every value of the target. When the reader may see only some values
/// (a county's reporter on a plan-level target), no region figure is made and the assessment is 无数据.</param>
public sealed record TargetFigureSheet(
    TaskTarget Target,
    IReadOnlyList<ResponsibleOrganization> Responsible,
    IReadOnlyList<TargetPeriodFigures> Periods,
    TargetAssessment Assessment,
    bool Complete);

/// <summary>
/// Builds a target's region figures (<see cref="RegionFigures"/>) from stored values: the value of the organisation that
/// answers for the whole region, else the sum over the regions directly below the plan's (one value per such region)
/// where the unit adds up. Deeper regions' values are shown but never summed, which would count them twice.
/// </summary>
public sealed class TargetFigures(DubanDbContext db, TimeProvider clock)
{
    public AttainmentOptions AttainmentOptions { get; init; } = AttainmentOptions.Default;

    /// <summary>The organisations responsible for the target's values, region-level first.</summary>
    public async Task<IReadOnlyList<ResponsibleOrganization>> ResponsibleAsync(TaskTarget target, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == target.PlanId)
            .Select(p => new { p.RegionId, Path = p.Region == null ? null : p.Region.Path }).SingleAsync(ct);
        var candidates = target.TaskId is { } taskId
            ? await db.Assignments.AsNoTracking().Where(a => a.TaskId == taskId)
                .OrderBy(a => a.Role).ThenByDescending(a => a.Primary).ThenBy(a => a.Id)
                .Select(a => new Candidate(a.OrganizationId, a.Organization!.Name, a.Organization.RegionId, a.Role == UnitRole.Lead,
                    a.Organization.Region == null ? null : a.Organization.Region.ParentId, a.Organization.Region == null ? null : a.Organization.Region.Name))
                .ToListAsync(ct)
            : plan.Path is not { } path ? []
            : await db.Organizations.AsNoTracking()
                .Where(o => o.Kind == OrganizationKind.Government && o.IsActive && o.Region != null && o.Region.Path.StartsWith(path))
                .OrderBy(o => o.Region!.Path.Length).ThenBy(o => o.Id)
                .Select(o => new Candidate(o.Id, o.Name, o.RegionId, true, o.Region!.ParentId, o.Region.Name))
                .ToListAsync(ct);

        var seen = new HashSet<long>();
        var regionLead = candidates.FirstOrDefault(c => c.Lead && plan.RegionId is not null && c.RegionId == plan.RegionId);
        var result = new List<ResponsibleOrganization>();
        foreach (var c in candidates.Where(c => seen.Add(c.OrganizationId)))
        {
            var part = plan.RegionId is { } region && c.ParentRegionId == region;
            result.Add(new(c.OrganizationId, c.Name, c == regionLead, part ? c.RegionId : null, part ? c.RegionName : null));
        }
        return result.OrderByDescending(r => r.WholeRegion).ToList();
    }

    /// <param name="visible">The values the reader may see (their data scope).</param>
    public async Task<TargetFigureSheet> SheetAsync(TaskTarget target, IQueryable<Observation> visible, CancellationToken ct = default)
    {
        var responsible = await ResponsibleAsync(target, ct);
        var rows = await visible.Where(o => o.TargetId == target.Id)
            .Join(db.ObservationRevisions, o => o.LatestRevisionId, v => (long?)v.Id, (o, v) => new
            {
                o.Id, o.OrganizationId, o.PeriodId, o.Period!.Kind, o.Period.Start, o.Period.End, v.Value, v.Note, o.RevisionCount, v.CreatedAt, o.Version,
            })
            .ToListAsync(ct);
        var total = await db.Observations.CountAsync(o => o.TargetId == target.Id, ct);
        var complete = rows.Count == total;

        var wholeRegion = responsible.FirstOrDefault(r => r.WholeRegion)?.OrganizationId;
        // One part per region below the plan's; within it the first responsible organisation that reported
        // (leads before cooperating, as ResponsibleAsync orders them).
        var partOf = responsible.Where(r => r.PartRegionId is not null).ToDictionary(r => r.OrganizationId, r => r.PartRegionId!.Value);
        var rank = responsible.Select((r, i) => (r.OrganizationId, i)).ToDictionary(x => x.OrganizationId, x => x.i);
        var expectedParts = partOf.Values.Distinct().Count();

        var periods = new List<TargetPeriodFigures>();
        foreach (var period in rows.GroupBy(r => r.PeriodId).OrderByDescending(g => g.First().Start))
        {
            var first = period.First();
            var values = period.OrderBy(r => rank.GetValueOrDefault(r.OrganizationId, int.MaxValue)).ThenBy(r => r.OrganizationId)
                .Select(r => new OrganizationValue(r.Id, r.OrganizationId, r.Value, r.Note, r.RevisionCount, r.CreatedAt, r.Version)).ToList();
            var figure = complete
                ? RegionFigures.For(target.Unit,
                    values.FirstOrDefault(v => v.OrganizationId == wholeRegion)?.Value,
                    values.Where(v => partOf.ContainsKey(v.OrganizationId)).GroupBy(v => partOf[v.OrganizationId]).Select(g => g.First().Value).ToList(),
                    expectedParts)
                : new RegionFigure(RegionFigureSource.None, null, 0, expectedParts, "只能看到部分单位的填报值，不汇总。");
            periods.Add(new(first.PeriodId, new PeriodSpan(first.Kind, first.Start, first.End), figure, values));
        }

        var taskDue = target.TaskId is { } taskId ? await db.Tasks.Where(t => t.Id == taskId).Select(t => t.Due).SingleOrDefaultAsync(ct) : null;
        var facts = TargetFacts.From(target, taskDue: taskDue);
        // A partial sum understates the region and would mark the target 滞后 for a county's silence, not the region's progress.
        var series = periods.Where(p => p.Figure is { Value: not null, Partial: false })
            .Select(p => ObservationFact.FromStored(facts, p.Period.End, p.Figure.Value!.Value)).ToList();
        var assessment = series.Any(o => o is null)
            ? new TargetAssessment(TargetStatus.NoData, null, null, null)
            : AttainmentRules.Assess(facts, series.OrderBy(o => o!.PeriodEnd).ToList()!, TrackingDay.Today(clock), AttainmentOptions);
        return new(target, responsible, periods, assessment, complete);
    }

    private sealed record Candidate(long OrganizationId, string Name, long RegionId, bool Lead, long? ParentRegionId, string? RegionName);
}
