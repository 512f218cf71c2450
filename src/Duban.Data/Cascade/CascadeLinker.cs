using Duban.Core.Cascade;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Data.Audit;
using Duban.Parsing.Model;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Cascade;

/// <summary>Where the cascade's audit entries go: the import's trail, or the desk's log; ids and after-images are read once saved.</summary>
public delegate void CascadeAuditSink(string action, string entityType, Func<object?> entityId, object? before, Func<object?>? after);

/// <summary>
/// What an import changes in the cascade (docs/cascade.md), inside the import's transaction: the plan's basis documents
/// are stored; links are proposed both ways by 发文字号 (the new plan to the plans it cites, and plans already imported
/// that cite it to the new plan); a first import reads its filing requirements from the text; and for every link not
/// removed by hand, the upper plan's filings are matched and the coverage of its tasks proposed again.
/// </summary>
internal sealed class CascadeLinker(DubanDbContext db, CascadeAuditSink audit)
{
    public const string ImportName = "导入";

    public async Task OnImportedAsync(long planId, PlanDocument document, string actorName, DateTimeOffset at, CancellationToken ct)
    {
        var plan = await db.Plans.SingleAsync(p => p.Id == planId, ct);
        db.RemoveRange(await db.Set<PlanBasis>().Where(b => b.PlanId == planId).ToListAsync(ct));
        var basis = document.Basis.Select((b, i) => new PlanBasis
        {
            PlanId = planId,
            Order = i,
            Title = Fit(b.Title, 500)!,
            DocNumber = Fit(b.DocNumber, 100),
            DocKey = Fit(DocNumbers.Key(b.DocNumber), 100),
            SpanStart = b.Span.Start,
            SpanEnd = b.Span.End,
        }).ToList();
        db.AddRange(basis);
        await db.SaveChangesAsync(ct);

        var links = await db.Set<PlanLink>().Where(l => l.LowerPlanId == planId || l.UpperPlanId == planId).ToListAsync(ct);
        // As the lower plan: the plans whose number it cites. Numbers are few and typed every way: compared in memory.
        var cited = basis.Where(b => b.DocKey is not null).ToList();
        if (cited.Count > 0)
        {
            var numbered = await db.Plans.AsNoTracking().Where(p => p.DocNumber != null && p.Id != planId).Select(p => new { p.Id, p.DocNumber }).ToListAsync(ct);
            foreach (var b in cited)
            foreach (var upper in numbered.Where(p => DocNumbers.Key(p.DocNumber) == b.DocKey))
                Propose(links, planId, upper.Id, b.DocNumber, at);
        }
        // As the upper plan: the plans already imported that cite its number.
        if (DocNumbers.Key(plan.DocNumber) is { } key)
        {
            var citing = await db.Set<PlanBasis>().AsNoTracking().Where(b => b.DocKey == key && b.PlanId != planId).Select(b => new { b.PlanId, b.DocNumber }).ToListAsync(ct);
            foreach (var lower in citing.DistinctBy(c => c.PlanId)) Propose(links, lower.PlanId, planId, lower.DocNumber, at);
        }
        await db.SaveChangesAsync(ct);

        if (!await db.Set<FilingRequirement>().AnyAsync(r => r.PlanId == planId, ct))
        {
            foreach (var proposal in FilingRequirementReader.Read(document.Text))
            {
                var requirement = new FilingRequirement
                {
                    PlanId = planId, Kind = proposal.Kind, Text = Fit(proposal.Text, 1000)!, Office = Fit(proposal.Office, 200), Due = proposal.Due,
                    EveryChildRegion = proposal.EveryChildRegion, FromText = true, CreatedAt = at, CreatedByName = Fit(actorName, 100)!,
                };
                db.Add(requirement);
                await db.SaveChangesAsync(ct);
                var filers = await FilersAsync(db, plan.RegionId, requirement.EveryChildRegion, proposal.Organizations, [], ct);
                foreach (var organization in filers) db.Add(new Filing { RequirementId = requirement.Id, OrganizationId = organization });
                await db.SaveChangesAsync(ct);
                audit(CascadeAuditActions.RequirementCreate, CascadeAuditActions.RequirementEntity, () => requirement.Id, null, () => RequirementImage(requirement, filers));
            }
        }

        foreach (var link in links.Where(l => l.State != LinkState.Rejected))
        {
            await MatchFilingsAsync(db, link.UpperPlanId, link.LowerPlanId, actorName, at, audit, ct);
            await ProposeCoverageAsync(db, link.UpperPlanId, link.LowerPlanId, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private void Propose(List<PlanLink> links, long lower, long upper, string? docNumber, DateTimeOffset at)
    {
        if (lower == upper || links.Any(l => l.LowerPlanId == lower && l.UpperPlanId == upper)) return;
        var link = new PlanLink { LowerPlanId = lower, UpperPlanId = upper, DocNumber = Fit(docNumber, 100), CreatedAt = at };
        links.Add(link);
        db.Add(link);
        audit(CascadeAuditActions.LinkPropose, CascadeAuditActions.LinkEntity, () => link.Id, null, () => new { link.Id, link.LowerPlanId, link.UpperPlanId, link.DocNumber, link.State });
    }

    /// <summary>
    /// The organisations expected to file: each child region's government (the first government organisation of the
    /// region), the named organisations found in the plan's region or below (by name or alias), and the ones given by id.
    /// </summary>
    public static async Task<List<long>> FilersAsync(DubanDbContext db, long? regionId, bool everyChildRegion, IReadOnlyList<string> names, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var result = new List<long>();
        if (regionId is null) return [.. ids.Distinct()];
        var path = await db.Regions.Where(r => r.Id == regionId).Select(r => r.Path).SingleAsync(ct);
        if (everyChildRegion)
        {
            var governments = await db.Organizations.AsNoTracking()
                .Where(o => o.IsActive && o.Kind == OrganizationKind.Government && o.Region!.ParentId == regionId)
                .OrderBy(o => o.RegionId).ThenBy(o => o.Id).Select(o => new { o.Id, o.RegionId }).ToListAsync(ct);
            result.AddRange(governments.DistinctBy(g => g.RegionId).Select(g => g.Id));
        }
        foreach (var name in names)
        {
            var found = await db.Organizations.AsNoTracking()
                .Where(o => o.IsActive && o.Region!.Path.StartsWith(path) && (o.Name == name || o.Aliases.Any(a => a.Name == name)))
                .OrderBy(o => o.Id).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
            if (found is { } id) result.Add(id);
        }
        result.AddRange(ids);
        return [.. result.Distinct()];
    }

    /// <summary>
    /// Files the lower plan for the upper plan's filings it answers: a filing not yet filed (or returned) of an
    /// organisation named in the lower plan's issuer or title, or, for 一县一案, of the government of the lower plan's region.
    /// </summary>
    public static async Task MatchFilingsAsync(DubanDbContext db, long upperPlanId, long lowerPlanId, string actorName, DateTimeOffset at,
        CascadeAuditSink audit, CancellationToken ct)
    {
        var lower = await db.Plans.AsNoTracking().Where(p => p.Id == lowerPlanId).Select(p => new { p.RegionId, p.Issuer, p.Title }).SingleAsync(ct);
        var upperRegion = await db.Plans.AsNoTracking().Where(p => p.Id == upperPlanId).Select(p => p.RegionId).SingleAsync(ct);
        var open = await (from f in db.Set<Filing>()
                          join r in db.Set<FilingRequirement>() on f.RequirementId equals r.Id
                          where r.PlanId == upperPlanId && (f.State == FilingState.Pending || f.State == FilingState.Returned)
                          select new { Filing = f, r.Kind }).ToListAsync(ct);
        if (open.Count == 0) return;
        var organizationIds = open.Select(o => o.Filing.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.RegionId, o.Kind, Aliases = o.Aliases.Select(a => a.Name).ToList() }).ToDictionaryAsync(o => o.Id, ct);
        var said = (lower.Issuer ?? "") + " " + lower.Title;
        foreach (var item in open)
        {
            var organization = organizations[item.Filing.OrganizationId];
            var named = said.Contains(organization.Name, StringComparison.Ordinal) || organization.Aliases.Any(a => a.Length >= 3 && said.Contains(a, StringComparison.Ordinal));
            var county = item.Kind == FilingKind.County && organization.Kind == OrganizationKind.Government
                && organization.RegionId == lower.RegionId && lower.RegionId != upperRegion;
            if (!named && !county) continue;
            if (item.Filing.LowerPlanId == lowerPlanId && item.Filing.State == FilingState.Returned) continue;
            var filing = item.Filing;
            var before = new { filing.State, filing.LowerPlanId };
            filing.LowerPlanId = lowerPlanId;
            filing.State = FilingState.Filed;
            filing.FiledAt = at;
            filing.FiledByName = actorName.Length > 100 ? actorName[..100] : actorName;
            audit(CascadeAuditActions.FilingMatch, CascadeAuditActions.FilingEntity, () => filing.Id, before, () => new { filing.Id, filing.State, filing.LowerPlanId, filing.OrganizationId });
        }
    }

    /// <summary>
    /// Proposes again which lower tasks carry which upper tasks (<see cref="CoverageScorer"/>): pairs a person confirmed
    /// or rejected are kept as decided; proposals no longer made are dropped.
    /// </summary>
    public static async Task ProposeCoverageAsync(DubanDbContext db, long upperPlanId, long lowerPlanId, CancellationToken ct)
    {
        var upper = await TasksAsync(db, upperPlanId, ct);
        var lower = await TasksAsync(db, lowerPlanId, ct);
        var proposals = CoverageScorer.Propose(upper, lower);
        var upperIds = upper.Select(t => t.Id).ToList();
        var existing = await db.Set<Coverage>().Where(c => c.LowerPlanId == lowerPlanId && upperIds.Contains(c.UpperTaskId)).ToListAsync(ct);
        foreach (var stale in existing.Where(c => c.State == CoverageState.Proposed && !proposals.Any(p => p.UpperTaskId == c.UpperTaskId && p.LowerTaskId == c.LowerTaskId)))
            db.Remove(stale);
        foreach (var p in proposals)
        {
            var row = existing.FirstOrDefault(c => c.UpperTaskId == p.UpperTaskId && c.LowerTaskId == p.LowerTaskId);
            if (row is null) db.Add(new Coverage { UpperTaskId = p.UpperTaskId, LowerTaskId = p.LowerTaskId, LowerPlanId = lowerPlanId, Score = p.Score });
            else if (row.State == CoverageState.Proposed) row.Score = p.Score;
        }
    }

    private static async Task<List<ScoredTask>> TasksAsync(DubanDbContext db, long planId, CancellationToken ct) =>
        (await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId && t.RemovedInVersionId == null).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Text, Units = t.Assignments.Select(a => a.UnitName).ToList() }).ToListAsync(ct))
        .Select(t => new ScoredTask(t.Id, t.Text, t.Units)).ToList();

    public static object RequirementImage(FilingRequirement r, IReadOnlyList<long> organizationIds) =>
        new { r.Id, r.PlanId, r.Kind, r.Text, r.Office, r.Due, r.EveryChildRegion, OrganizationIds = organizationIds };

    private static string? Fit(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}
