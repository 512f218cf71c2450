using System.Globalization;
using Duban.Benchmarks.Core;
using Duban.Core.Assessments;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Regions;
using Duban.Core.Security;
using Duban.Data;
using Duban.Data.Assessments;
using Duban.Data.Audit;
using Duban.Data.Tracking;
using Duban.Web.Assessments;
using Microsoft.EntityFrameworkCore;

namespace Duban.Benchmarks.Assessment;

/// <summary>The calls the assessment benchmark makes, in process (one context per call, as per request), on the tracking dataset.</summary>
public sealed class AssessmentBench(DatabaseOptions database)
{
    private readonly DbContextOptions<DubanDbContext> contextOptions = DubanDatabase.CreateOptions(database);

    public static TrackingActor Actor(Reader admin) => new(admin.User.Id, admin.User.UserName, Role.Admin, null);

    public AssessmentDesk Desk(DubanDbContext db) =>
        new(db, TimeProvider.System, new AuditLog(db, TimeProvider.System), new AssessmentFactsReader(db), new AssessmentResults(db),
            EvidenceStore.Under(database), new EvidenceOptions());

    /// <summary>
    /// Publishes the dataset's plans and returns who a province assesses: the government of every city and county and
    /// every department of the province (a city's own departments are assessed by the city's scheme, not the province's).
    /// </summary>
    public async Task<long[]> PrepareAsync(Action<string> log, CancellationToken ct)
    {
        await using var db = new DubanDbContext(contextOptions);
        // The tracking loader leaves its plans as imported (草稿), which the 总览 reads; an assessment counts only
        // published plans, as an office assesses only what it published.
        var published = await db.Plans.Where(p => p.Status == PlanStatus.Draft)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PlanStatus.Published), ct);
        if (published > 0) log($"{published} plans published");
        return await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive && ((o.Kind == OrganizationKind.Government && o.Region!.Level != RegionLevel.Province)
                || (o.Kind == OrganizationKind.Department && o.Region!.Level == RegionLevel.Province)))
            .OrderBy(o => o.Id).Select(o => o.Id).ToArrayAsync(ct);
    }

    /// <summary>A scheme of its own per run with the default rules, so that a second run on the same database times a first computation again.</summary>
    public async Task<long> SchemeAsync(Reader admin, long[] assessed, CancellationToken ct)
    {
        await using var db = new DubanDbContext(contextOptions);
        var provinceRegionId = await db.Regions.Where(r => r.Level == RegionLevel.Province).Select(r => r.Id).SingleAsync(ct);
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var scheme = await Desk(db).CreateSchemeAsync(Actor(admin), new NewScheme($"基准测试考核方案{stamp}", provinceRegionId, null, DefaultScheme.For(assessed), null), ct);
        return scheme.Value?.Id ?? throw new InvalidOperationException("scheme refused: " + scheme.Error?.Message);
    }

    /// <summary>The first computation: facts read, scored, the run and a result per organisation stored.</summary>
    public async Task<long> AssessAsync(Reader admin, long schemeId, int year, CancellationToken ct)
    {
        await using var db = new DubanDbContext(contextOptions);
        var created = await Desk(db).CreateAssessmentAsync(Actor(admin), new NewAssessment(schemeId, year, null), ct);
        return created.Value?.Id ?? throw new InvalidOperationException("assessment refused: " + created.Error?.Message);
    }

    /// <summary>What the score card page and <c>GET /api/v1/assessments/{id}/cards/{organizationId}</c> read.</summary>
    public async Task<ScoreCard> CardAsync(Reader reader, long assessmentId, long organizationId, CancellationToken ct)
    {
        await using var db = new DubanDbContext(contextOptions);
        return await new AssessmentQueries(db, new AssessmentAccess(db), new AssessmentResults(db)).CardAsync(reader.User, assessmentId, organizationId, ct)
            ?? throw new InvalidOperationException($"no score card for organisation {organizationId}");
    }
}
