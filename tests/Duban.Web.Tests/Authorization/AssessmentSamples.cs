using System.Text;
using Duban.Core.Assessments;
using Duban.Core.Security;
using Duban.Core.Tracking.Status;
using Duban.Data.Assessments;
using Duban.Data.Tracking;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Authorization;

/// <summary>
/// Assessment records on either side of the matrix's scopes: a scheme and an assessment of 清河市 over its two bureaus
/// (清河市教育局 is the demo reporter's organisation), with an evidence file of 清河市教育局; the same for 东湖县 over its
/// government (the county administrator's own); and a scheme and an assessment of 江南省 over 江南省教育厅, outside
/// every scope but 全部. Made through the desk as an administrator with scope 全部.
/// </summary>
public sealed record AssessmentSamples(
    long CityScheme, long CityAssessment, long CityEvidence,
    long CountyScheme, long CountyAssessment, long CountyEvidence,
    long ProvinceScheme, long ProvinceAssessment,
    long CityPublished, long CountyPublished, long ProvincePublished)
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF");

    public static async Task<AssessmentSamples> AddAsync(DubanWebFactory factory, string tag)
    {
        var city = await factory.RegionIdAsync(DemoSeeder.City);
        var county = await factory.RegionIdAsync(CountySamples.County);
        var province = await factory.RegionIdAsync(DemoSeeder.Province);
        var cityEducation = await factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var cityFinance = await factory.OrganizationIdAsync(DemoSeeder.CityFinance);
        var government = await factory.OrganizationIdAsync(CountySamples.GovernmentName);
        var provinceEducation = await factory.OrganizationIdAsync("江南省教育厅");
        var (cityScheme, cityAssessment, cityEvidence) = await SchemeAsync(factory, $"{tag}清河市方案", city, [cityEducation, cityFinance], cityEducation);
        var (countyScheme, countyAssessment, countyEvidence) = await SchemeAsync(factory, $"{tag}东湖县方案", county, [government], government);
        var (provinceScheme, provinceAssessment, _) = await SchemeAsync(factory, $"{tag}江南省方案", province, [provinceEducation], null);
        return new(cityScheme, cityAssessment, cityEvidence, countyScheme, countyAssessment, countyEvidence, provinceScheme, provinceAssessment,
            await PublishedAsync(factory, cityScheme), await PublishedAsync(factory, countyScheme), await PublishedAsync(factory, provinceScheme));
    }

    public static TrackingActor Office => new(0, "matrix-assessment", Role.Admin, null);

    /// <summary>The scheme's assessment of last year, published (公示): its 通报 is readable by everyone who sees it.</summary>
    private static async Task<long> PublishedAsync(DubanWebFactory factory, long scheme)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<AssessmentDesk>();
        var year = TrackingDay.Today(TimeProvider.System).Year - 1;
        var assessment = (await desk.CreateAssessmentAsync(Office, new NewAssessment(scheme, year, null))).Value!;
        (await desk.AdvanceAsync(Office, assessment.Id, null, AssessmentStage.Review)).Error.ShouldBeNull();
        (await desk.AdvanceAsync(Office, assessment.Id, null, AssessmentStage.Publicity)).Error.ShouldBeNull();
        return assessment.Id;
    }

    private static async Task<(long Scheme, long Assessment, long Evidence)> SchemeAsync(DubanWebFactory factory, string name, long region, IReadOnlyList<long> organizations, long? evidenceFor)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<AssessmentDesk>();
        var scheme = (await desk.CreateSchemeAsync(Office, new NewScheme(name, region, null, DefaultScheme.For(organizations), null))).Value!;
        var year = TrackingDay.Today(TimeProvider.System).Year;
        var assessment = (await desk.CreateAssessmentAsync(Office, new NewAssessment(scheme.Id, year, null))).Value!;
        long evidence = 0;
        if (evidenceFor is { } organization)
            evidence = (await desk.UploadEvidenceAsync(Office, assessment.Id, new AssessmentEvidenceUpload(organization, "佐证.pdf", Pdf.Length, new MemoryStream(Pdf)))).Value!.Id;
        return (scheme.Id, assessment.Id, evidence);
    }
}
