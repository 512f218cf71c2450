using Duban.Core.Assessments;
using Duban.Core.Security;
using Duban.Data;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Assessments;

/// <summary>
/// Who may read and do what with assessments (docs/assessment.md, "Permissions"), asked by the API and the pages alike.
/// Reading follows the data scope: an assessment is seen by whoever sees one of its organisations; an organisation's
/// score card by whoever sees that organisation. Acting follows responsibility: schemes, computations, reviews and
/// stages belong to the administrators whose scope holds the scheme's region (and so every organisation it assesses);
/// an entered score (现场督导, 加分项) also to the inspectors whose scope holds the organisation; a self-score to the
/// organisation's own reporters.
/// </summary>
public sealed class AssessmentAccess(DubanDbContext db)
{
    public const string NotResponsible = "该考核不在您的管理范围内：您可以查看，但只能由制定考核方案的地区的管理员处理。";

    public const string NotInspected = "该单位不在您的督查范围内。";

    /// <summary>The organisations the user sees, for joining with results.</summary>
    private IQueryable<long> VisibleOrganizations(DubanUser user) => db.Organizations.VisibleTo(user).Select(o => o.Id);

    /// <summary>The assessments whose current run has an organisation the user sees.</summary>
    public IQueryable<Assessment> VisibleAssessments(DubanUser user)
    {
        var organizations = VisibleOrganizations(user);
        var results = db.Set<AssessmentResult>();
        return db.Set<Assessment>().Where(a => results.Any(r => r.RunId == a.CurrentRunId && organizations.Contains(r.OrganizationId)));
    }

    public Task<Assessment?> FindAsync(DubanUser user, long id, CancellationToken ct) =>
        VisibleAssessments(user).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>The schemes of the regions the user sees (administrators and inspectors).</summary>
    public IQueryable<AssessmentScheme> VisibleSchemes(DubanUser user)
    {
        if (user.Role == Role.Reporter) return db.Set<AssessmentScheme>().Where(s => false);
        var regions = db.Regions.VisibleTo(user).Select(r => r.Id);
        return db.Set<AssessmentScheme>().Where(s => regions.Contains(s.RegionId));
    }

    /// <summary>The regions in which the user may file a scheme.</summary>
    public IQueryable<Duban.Core.Regions.Region> SchemeRegions(DubanUser user) => db.Regions.ActionableBy(user);

    public Task<bool> AdministersSchemeAsync(DubanUser user, long schemeId, CancellationToken ct)
    {
        var regions = db.Regions.ActionableBy(user).Select(r => r.Id);
        return db.Set<AssessmentScheme>().AnyAsync(s => s.Id == schemeId && regions.Contains(s.RegionId), ct);
    }

    public Task<bool> AdministersAsync(DubanUser user, Assessment assessment, CancellationToken ct) => AdministersSchemeAsync(user, assessment.SchemeId, ct);

    /// <summary>Whether the organisation is one the assessment assesses (in its current run).</summary>
    public Task<bool> AssessesAsync(Assessment assessment, long organizationId, CancellationToken ct) =>
        db.Set<AssessmentResult>().AnyAsync(r => r.RunId == assessment.CurrentRunId && r.OrganizationId == organizationId, ct);

    /// <summary>Whether the user may open the organisation's score card: it is assessed, and the user sees it.</summary>
    public async Task<bool> SeesCardAsync(DubanUser user, Assessment assessment, long organizationId, CancellationToken ct) =>
        await AssessesAsync(assessment, organizationId, ct) && await VisibleOrganizations(user).AnyAsync(id => id == organizationId, ct);

    /// <summary>An entered score: the responsible administrators, or an inspector whose scope holds the organisation.</summary>
    public async Task<bool> EntersForAsync(DubanUser user, Assessment assessment, long organizationId, CancellationToken ct) => user.Role switch
    {
        Role.Admin => await AdministersAsync(user, assessment, ct),
        Role.Inspector => await db.Organizations.VisibleTo(user).AnyAsync(o => o.Id == organizationId, ct),
        _ => false,
    };

    /// <summary>An evidence file about the organisation: its own reporter, or whoever may enter scores for it.</summary>
    public async Task<bool> UploadsForAsync(DubanUser user, Assessment assessment, long organizationId, CancellationToken ct) =>
        user.Role == Role.Reporter ? user.OrganizationId == organizationId : await EntersForAsync(user, assessment, organizationId, ct);

    /// <summary>The organisations of the assessment's current run the user sees.</summary>
    public async Task<IReadOnlySet<long>> VisibleMembersAsync(DubanUser user, Assessment assessment, CancellationToken ct)
    {
        var organizations = VisibleOrganizations(user);
        return (await db.Set<AssessmentResult>().Where(r => r.RunId == assessment.CurrentRunId && organizations.Contains(r.OrganizationId))
            .Select(r => r.OrganizationId).ToListAsync(ct)).ToHashSet();
    }
}
