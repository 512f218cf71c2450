using Duban.Core.Assessments;
using Duban.Core.Security;
using Duban.Data;
using Duban.Data.Assessments;
using Duban.Web.Paging;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Assessments;

/// <summary>The reads of assessments for the API and the pages, each filtered by <see cref="AssessmentAccess"/>: what is out of the reader's scope is not found.</summary>
public sealed class AssessmentQueries(DubanDbContext db, AssessmentAccess access, AssessmentResults results)
{
    public async Task<Paged<SchemeSummary>> SchemesAsync(DubanUser user, PageRequest page, CancellationToken ct)
    {
        var ordered = access.VisibleSchemes(user).AsNoTracking().OrderByDescending(s => s.Id);
        var paged = await ordered.Select(s => s.Id).ToPagedAsync(page, ct);
        var summaries = await SummariesAsync(paged.Items, ct);
        return new Paged<SchemeSummary>([.. paged.Items.Select(id => summaries[id])], paged.Page, paged.PageSize, paged.Total);
    }

    private async Task<Dictionary<long, SchemeSummary>> SummariesAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var rows = await db.Set<AssessmentScheme>().AsNoTracking().Where(s => EF.Parameter(list).Contains(s.Id))
            .Join(db.Set<AssessmentSchemeVersion>(), s => s.CurrentVersionId, v => v.Id, (s, v) => new { s, v.Definition })
            .Join(db.Regions, x => x.s.RegionId, r => r.Id, (x, r) => new { x.s, x.Definition, Region = r.Name })
            .ToListAsync(ct);
        var planIds = rows.Where(r => r.s.PlanId != null).Select(r => r.s.PlanId!.Value).ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => EF.Parameter(planIds).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        return rows.ToDictionary(r => r.s.Id, r =>
        {
            var definition = AssessmentJson.Read<SchemeDefinition>(r.Definition);
            return new SchemeSummary(r.s.Id, r.s.Name, r.s.RegionId, r.Region, r.s.PlanId, r.s.PlanId is { } p ? plans.GetValueOrDefault(p) : null,
                r.s.CurrentVersionNumber, definition.OrganizationIds.Count, definition.Indicators.Count, r.s.CreatedAt, r.s.CreatedByName);
        });
    }

    public async Task<SchemeDetail?> SchemeAsync(DubanUser user, long id, CancellationToken ct)
    {
        var scheme = await access.VisibleSchemes(user).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (scheme is null) return null;
        var summary = (await SummariesAsync([id], ct))[id];
        var versions = await db.Set<AssessmentSchemeVersion>().AsNoTracking().Where(v => v.SchemeId == id).OrderByDescending(v => v.Number).ToListAsync(ct);
        var definition = AssessmentJson.Read<SchemeDefinition>(versions.First(v => v.Id == scheme.CurrentVersionId).Definition);
        return new SchemeDetail(summary, await OrganizationsAsync(definition.OrganizationIds, ct), [.. definition.Indicators.Select(IndicatorView.Of)],
            definition.Grades, definition.BaseTotal, [.. versions.Select(v => new SchemeVersionView(v.Number, v.Note, v.CreatedAt, v.CreatedByName))],
            await access.AdministersSchemeAsync(user, id, ct), scheme.Version, definition.Selection, definition.EffectiveSelection.Describe());
    }

    public async Task<IReadOnlyList<OrganizationRef>> OrganizationsAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var rows = await db.Organizations.AsNoTracking().Where(o => EF.Parameter(list).Contains(o.Id))
            .Select(o => new OrganizationRef(o.Id, o.Name, o.Region!.Name)).ToListAsync(ct);
        return [.. rows.OrderBy(o => list.IndexOf(o.Id))];
    }

    public async Task<Paged<AssessmentSummary>> AssessmentsAsync(DubanUser user, PageRequest page, CancellationToken ct)
    {
        var ordered = access.VisibleAssessments(user).AsNoTracking().OrderByDescending(a => a.Year).ThenByDescending(a => a.Id)
            .Join(db.Set<AssessmentScheme>(), a => a.SchemeId, s => s.Id, (a, s) => new { a, s.Name });
        var paged = await ordered.ToPagedAsync(page, ct);
        return paged.Map(x => Summary(x.a, x.Name));
    }

    private static AssessmentSummary Summary(Assessment a, string scheme) =>
        new(a.Id, a.Name, a.Year, a.SchemeId, scheme, a.Stage, a.Stage.Label(), a.RunCount, a.CreatedAt);

    public async Task<AssessmentDetail?> AssessmentAsync(DubanUser user, long id, CancellationToken ct)
    {
        var assessment = await access.FindAsync(user, id, ct);
        if (assessment is null) return null;
        var scheme = await db.Set<AssessmentScheme>().AsNoTracking().SingleAsync(s => s.Id == assessment.SchemeId, ct);
        var region = await db.Regions.Where(r => r.Id == scheme.RegionId).Select(r => r.Name).SingleAsync(ct);
        var plan = scheme.PlanId is { } planId ? await db.Plans.Where(p => p.Id == planId).Select(p => p.Title).SingleOrDefaultAsync(ct) : null;
        var runs = await db.Set<AssessmentRun>().AsNoTracking().Where(r => r.AssessmentId == id).OrderByDescending(r => r.Number).ToListAsync(ct);
        var current = runs.FirstOrDefault(r => r.Id == assessment.CurrentRunId);
        var definition = current is null ? null : await results.DefinitionAsync(current.SchemeVersionId, ct);
        long? own = user is { Role: Role.Reporter, OrganizationId: { } org } && await access.AssessesAsync(assessment, org, ct) ? org : null;
        return new AssessmentDetail(Summary(assessment, scheme.Name), region, plan, [.. (definition?.Indicators ?? []).Select(IndicatorView.Of)], definition?.Grades ?? GradeBands.Default,
            [.. runs.Select(r => new RunView(r.Number, r.SchemeVersionNumber, r.AsOf, r.ComputedAt, r.ComputedByName, r.Digest,
                r.Changes is null ? null : AssessmentJson.Read<List<ScoreChange>>(r.Changes)))],
            assessment.PublishedAt, assessment.PublishedByName, assessment.FinalizedAt, await access.AdministersAsync(user, assessment, ct), own, assessment.Version);
    }

    /// <summary>
    /// The ranking: before 公示 only the organisations the reader sees (an organisation sees itself); from 公示 on, the
    /// published ranking whole to everyone who sees the assessment — that is what 公示 means. The score cards stay by scope.
    /// </summary>
    public async Task<Ranking?> RankingAsync(DubanUser user, long id, CancellationToken ct, bool explain = false)
    {
        var assessment = await access.FindAsync(user, id, ct);
        if (assessment is null) return null;
        var standings = await results.StandingsAsync(assessment, ct);
        var visible = await access.VisibleMembersAsync(user, assessment, ct);
        var frozen = assessment.Stage.Frozen();
        var rows = standings.Where(s => frozen || visible.Contains(s.OrganizationId))
            .Select(s => new RankingRow(s.OrganizationId, s.Name, s.Rank, s.Total, s.ComputedTotal, s.Grade, s.GradeLabel, s.PreviousTotal, s.PreviousRank, s.Change,
                s.Indicators, visible.Contains(s.OrganizationId)))
            .ToList();
        if (explain && assessment.CurrentRunId is { } current)
            for (var i = 0; i < rows.Count; i++)
                if (rows[i].CardVisible) rows[i] = rows[i] with { Explanation = await results.ScoreAsync(current, rows[i].OrganizationId, ct) };
        var definition = assessment.CurrentRunId is { } runId
            ? await results.DefinitionAsync(await db.Set<AssessmentRun>().Where(r => r.Id == runId).Select(r => r.SchemeVersionId).SingleAsync(ct), ct)
            : null;
        return new Ranking(id, assessment.Name, assessment.Year, assessment.Stage, frozen, rows.Count == standings.Count,
            [.. (definition?.Indicators ?? []).Select(IndicatorView.Of)], rows);
    }

    /// <summary>
    /// Whether <see cref="CardAsync"/> has a card for the reader (the assessment seen and computed, the organisation's card
    /// visible), without reading it: what the page decides its status by before streaming (a few look-ups, not the card).
    /// </summary>
    public async Task<bool> HasCardAsync(DubanUser user, long id, long organizationId, CancellationToken ct) =>
        await access.FindAsync(user, id, ct) is { CurrentRunId: not null } assessment && await access.SeesCardAsync(user, assessment, organizationId, ct);

    public async Task<ScoreCard?> CardAsync(DubanUser user, long id, long organizationId, CancellationToken ct)
    {
        var assessment = await access.FindAsync(user, id, ct);
        if (assessment?.CurrentRunId is not { } runId || !await access.SeesCardAsync(user, assessment, organizationId, ct)) return null;
        var run = await db.Set<AssessmentRun>().AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        var score = (await results.ScoreAsync(runId, organizationId, ct))!;
        var standing = (await results.StandingsAsync(assessment, ct)).FirstOrDefault(s => s.OrganizationId == organizationId);
        var definition = await results.DefinitionAsync(run.SchemeVersionId, ct);

        var selfScores = await db.Set<SelfScore>().AsNoTracking().Where(s => s.AssessmentId == id && s.OrganizationId == organizationId).OrderByDescending(s => s.Id)
            .Select(s => new SelfScoreView(s.Id, s.IndicatorCode, s.Points, s.Comment, s.EvidenceId, s.AuthorName, s.CreatedAt)).ToListAsync(ct);
        var reviews = await db.Set<AssessmentReview>().AsNoTracking().Where(r => r.AssessmentId == id && r.OrganizationId == organizationId).OrderByDescending(r => r.Id)
            .Select(r => new ReviewView(r.Id, r.IndicatorCode, r.PreviousPoints, r.Points, r.ComputedPoints, r.RunNumber, r.Reason, r.ReviewerName, r.CreatedAt)).ToListAsync(ct);
        var entries = (await db.Set<AssessmentEntry>().AsNoTracking().Where(e => e.AssessmentId == id && e.OrganizationId == organizationId).OrderByDescending(e => e.Id).ToListAsync(ct))
            .Select(e => new EntryView(e.Id, e.IndicatorCode, e.Points, e.Comment, e.EvidenceId, e.AuthorName, e.CreatedAt, e.CreatedAt <= run.ComputedAt)).ToList();
        var evidence = await db.Set<AssessmentEvidence>().AsNoTracking().Where(e => e.AssessmentId == id && e.OrganizationId == organizationId).OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.FileName, e.Size, e.UploadedByName, e.UploadedAt }).ToListAsync(ct);

        var indicators = score.Indicators.Select(i =>
        {
            var self = selfScores.FirstOrDefault(s => s.Indicator == i.Code);
            var review = reviews.FirstOrDefault(r => r.Indicator == i.Code);
            var final = standing?.Indicators.FirstOrDefault(s => s.Code == i.Code)?.Final ?? i.Points;
            return new CardIndicator(i, i.Kind.Label(), self?.Points, self?.Comment, review?.Points, review?.Reason, final);
        }).ToList();
        var canSelfScore = assessment.Stage.AcceptsSelfScores() && user.Role == Role.Reporter && user.OrganizationId == organizationId;
        var canReview = assessment.Stage.AcceptsReviews() && user.Role == Role.Admin && await access.AdministersAsync(user, assessment, ct);
        var canEnter = assessment.Stage.AcceptsEntries() && definition.Indicators.Any(i => i.Kind.IsEntered()) && await access.EntersForAsync(user, assessment, organizationId, ct);
        return new ScoreCard(id, assessment.Name, assessment.Year, assessment.Stage, assessment.Stage.Label(), organizationId, score.Name, run.Number, run.AsOf,
            score.Total, standing?.Total ?? score.Total, standing?.Rank, standing?.GradeLabel, indicators, selfScores, reviews, entries,
            [.. evidence.Select(e => new EvidenceView(e.Id, e.FileName, e.Size, e.UploadedByName, e.UploadedAt, EvidenceUrl(id, e.Id)))],
            canSelfScore, canReview, canEnter, entries.Count(e => !e.InCurrentRun));
    }

    public static string EvidenceUrl(long assessmentId, long evidenceId) => $"/api/v1/assessments/{assessmentId}/evidence/{evidenceId}";

    /// <summary>An evidence file of the assessment, when the reader may open the card of the organisation it is about.</summary>
    public async Task<AssessmentEvidence?> EvidenceAsync(DubanUser user, long id, long evidenceId, CancellationToken ct)
    {
        var assessment = await access.FindAsync(user, id, ct);
        if (assessment is null) return null;
        var evidence = await db.Set<AssessmentEvidence>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId && e.AssessmentId == id, ct);
        return evidence is not null && await access.SeesCardAsync(user, assessment, evidence.OrganizationId, ct) ? evidence : null;
    }
}
