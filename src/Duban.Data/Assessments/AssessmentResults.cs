using Duban.Core.Assessments;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Assessments;

/// <summary>
/// Reads what was computed and decided: a run's score sheet, one organisation's score with its explanations, the
/// scheme version a run used, and the standings — from the stored ones once published, otherwise from the current run
/// and the reviews. Nothing here computes facts again: a result only changes through a new run.
/// </summary>
public sealed class AssessmentResults(DubanDbContext db)
{
    public async Task<SchemeDefinition> DefinitionAsync(long schemeVersionId, CancellationToken ct) =>
        AssessmentJson.Read<SchemeDefinition>(await db.Set<AssessmentSchemeVersion>().Where(v => v.Id == schemeVersionId).Select(v => v.Definition).SingleAsync(ct));

    public async Task<ScoreSheet?> SheetAsync(long? runId, CancellationToken ct)
    {
        if (runId is not { } id) return null;
        var run = await db.Set<AssessmentRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return null;
        var details = await db.Set<AssessmentResult>().AsNoTracking().Where(r => r.RunId == id).OrderBy(r => r.OrganizationId).Select(r => r.Detail).ToListAsync(ct);
        var definition = await DefinitionAsync(run.SchemeVersionId, ct);
        var year = await db.Set<Assessment>().Where(a => a.Id == run.AssessmentId).Select(a => a.Year).SingleAsync(ct);
        return new ScoreSheet(year, run.AsOf, definition.BaseTotal, [.. details.Select(AssessmentJson.Read<OrganizationScore>)]);
    }

    /// <summary>One organisation's computed score in a run: one row, whatever the number of organisations.</summary>
    public async Task<OrganizationScore?> ScoreAsync(long runId, long organizationId, CancellationToken ct)
    {
        var detail = await db.Set<AssessmentResult>().AsNoTracking().Where(r => r.RunId == runId && r.OrganizationId == organizationId).Select(r => r.Detail).SingleOrDefaultAsync(ct);
        return detail is null ? null : AssessmentJson.Read<OrganizationScore>(detail);
    }

    /// <summary>The latest review of each indicator, by organisation.</summary>
    public async Task<IReadOnlyList<ReviewedPoints>> ReviewsAsync(long assessmentId, CancellationToken ct) =>
        await db.Set<AssessmentReview>().AsNoTracking().Where(r => r.AssessmentId == assessmentId)
            .OrderBy(r => r.Id).Select(r => new ReviewedPoints(r.Id, r.OrganizationId, r.IndicatorCode, r.Points)).ToListAsync(ct);

    /// <summary>The published result of the same scheme's assessment of the year before, if there is one.</summary>
    public async Task<IReadOnlyList<PreviousResult>> PreviousAsync(Assessment assessment, CancellationToken ct)
    {
        var stored = await db.Set<Assessment>().AsNoTracking()
            .Where(a => a.SchemeId == assessment.SchemeId && a.Year == assessment.Year - 1 && a.PublishedStandings != null)
            .Select(a => a.PublishedStandings).SingleOrDefaultAsync(ct);
        return stored is null ? [] : AssessmentJson.Read<List<Standing>>(stored).Select(s => new PreviousResult(s.OrganizationId, s.Total, s.Rank)).ToList();
    }

    /// <summary>The standings: frozen from 公示 on, otherwise the current run with the reviews so far.</summary>
    public async Task<IReadOnlyList<Standing>> StandingsAsync(Assessment assessment, CancellationToken ct)
    {
        if (assessment.Stage.Frozen() && assessment.PublishedStandings is { } stored) return AssessmentJson.Read<List<Standing>>(stored);
        return await ComputeStandingsAsync(assessment, ct);
    }

    public async Task<IReadOnlyList<Standing>> ComputeStandingsAsync(Assessment assessment, CancellationToken ct)
    {
        if (assessment.CurrentRunId is not { } runId) return [];
        var run = await db.Set<AssessmentRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return [];
        var definition = await DefinitionAsync(run.SchemeVersionId, ct);
        return Standings.Rank(await PointsAsync(runId, ct), await ReviewsAsync(assessment.Id, ct), definition.Grades, await PreviousAsync(assessment, ct));
    }

    /// <summary>Every organisation's points in a run, without the explanations (the detail only where no summary was kept).</summary>
    public async Task<IReadOnlyList<ScoredPoints>> PointsAsync(long runId, CancellationToken ct)
    {
        var rows = await db.Set<AssessmentResult>().AsNoTracking().Where(r => r.RunId == runId).OrderBy(r => r.OrganizationId)
            .Select(r => new { r.Summary, Detail = r.Summary == null ? r.Detail : null }).ToListAsync(ct);
        return [.. rows.Select(r => r.Summary is { } summary
            ? AssessmentJson.Read<ScoredPoints>(summary)
            : ScoredPoints.Of(AssessmentJson.Read<OrganizationScore>(r.Detail!)))];
    }
}
