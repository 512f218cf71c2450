using System.Net;
using System.Text;
using System.Text.Json;
using Duban.Core.Security;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Import;

/// <summary>
/// Who may import what (docs/import.md): an administrator matches, revises and files plans only within its own scope,
/// and never learns of a plan it cannot read. The county is 东湖县 below 清河市; the county's administrator is made here.
/// </summary>
public sealed class ImportScopeTests(WebAppWithoutSamplePlansFixture app) : IClassFixture<WebAppWithoutSamplePlansFixture>
{
    private const string Url = "/api/v1/plans/import";
    private const string Password = "county-password-1";

    private DubanWebFactory Factory => app.Factory;

    private async Task<HttpClient> CountyAdminAsync(string userName)
    {
        await Factory.CreateUserAsync(userName, Password, Role.Admin, DataScope.RegionAndBelow, regionId: await Factory.RegionIdAsync(DemoSeeder.Counties[0]));
        return await Factory.SignedInAsync(userName, Password);
    }

    private static Dictionary<string, string> Region(long id) => new() { ["regionId"] = id.ToString() };

    /// <summary>A draft plan of 清河市 imported by the full administrator; returns its id.</summary>
    private async Task<long> CityPlanAsync(byte[] content)
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var analysis = await (await admin.PostAsync(Url, ImportTestData.Upload(content, "市.txt", Region(await Factory.RegionIdAsync(DemoSeeder.City))))).JsonAsync();
        var confirmed = await admin.PostAsync($"{Url}/{analysis.GetProperty("token").GetString()}/confirm",
            ImportTestData.Upload(content, "市.txt", new Dictionary<string, string> { ["decisions"] = ImportTestData.AcceptAll(analysis) }));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await confirmed.JsonAsync()).GetProperty("planId").GetInt64();
    }

    /// <summary>The plan's version count, current version and the deadline of its task 2, straight from the database.</summary>
    private Task<(int, long?, string?)> StateOfAsync(long planId) => Factory.WithDbAsync(async db => (
        await db.PlanVersions.CountAsync(v => v.PlanId == planId),
        (await db.Plans.SingleAsync(p => p.Id == planId)).CurrentVersionId,
        await db.Tasks.Where(t => t.PlanId == planId && t.No == "2" && t.RemovedInVersionId == null).Select(t => t.DeadlineRaw).SingleAsync()));

    private static byte[] WithDeadline(byte[] content, string deadline) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content).Replace("每年12月底前", deadline));

    /// <summary>Every unit created anew: 市教育局 would match the city's bureau, which the county's administrator may not choose.</summary>
    private static string CreateAll(JsonElement analysis) => JsonSerializer.Serialize(new
    {
        units = analysis.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!, u => new { action = "create" }),
    });

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string field)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        var problem = await response.JsonAsync();
        (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()).ShouldBe((code, field));
        problem.GetProperty("detail").GetString()!.ShouldNotBeNullOrEmpty();
        return problem;
    }

    [Fact]
    public async Task A_county_administrator_re_importing_a_city_plan_makes_a_plan_of_its_own_and_the_city_plan_is_neither_matched_nor_shown_nor_changed()
    {
        const string title = "清河市职业院校办学能力提升行动实施方案（范围测试一）";
        // With a document number, which matched a plan of any region before.
        var v1 = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ImportTestData.NewPlan(title)).Replace(title + "\n", title + "\n清教发〔2022〕7号\n"));
        var cityPlan = await CityPlanAsync(v1);
        var before = await StateOfAsync(cityPlan);
        var county = await Factory.RegionIdAsync(DemoSeeder.Counties[0]);
        var client = await CountyAdminAsync("county-admin-revise");
        var v2 = WithDeadline(v1, "每年6月底前");

        var response = await client.PostAsync(Url, ImportTestData.Upload(v2, "县.txt", Region(county)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var analysis = await response.JsonAsync();
        (analysis.GetProperty("title").GetString(), analysis.GetProperty("docNumber").GetString()).ShouldBe((title, "清教发〔2022〕7号"));
        analysis.GetProperty("revision").ValueKind.ShouldBe(JsonValueKind.Null);
        analysis.GetProperty("duplicate").ValueKind.ShouldBe(JsonValueKind.Null);
        analysis.GetProperty("region").GetProperty("id").GetInt64().ShouldBe(county);

        // The wizard's review of the same upload shows no revision and no link to the city plan either.
        var page = await client.GetStringAsync("/import");
        var review = await (await client.PostAsync("/import", ImportTestData.Upload(v2, "县.txt", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(page),
            ["_handler"] = "upload-plan",
            ["regionId"] = county.ToString(),
        }))).Content.ReadAsStringAsync();
        review.ShouldContain("id=\"unit-form\"");
        review.ShouldNotContain("id=\"import-revision\"");
        review.ShouldNotContain($"plans/{cityPlan}\"");

        var confirmed = await client.PostAsync($"{Url}/{analysis.GetProperty("token").GetString()}/confirm",
            ImportTestData.Upload(v2, "县.txt", new Dictionary<string, string> { ["decisions"] = CreateAll(analysis) }));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
        var result = await confirmed.JsonAsync();
        result.GetProperty("outcome").GetString().ShouldBe("imported");
        var own = result.GetProperty("planId").GetInt64();
        own.ShouldNotBe(cityPlan);
        (await Factory.WithDbAsync(db => db.Plans.Where(p => p.Id == own).Select(p => p.RegionId).SingleAsync())).ShouldBe(county);
        (await StateOfAsync(cityPlan)).ShouldBe(before);
    }

    [Fact]
    public async Task The_full_administrator_still_matches_and_versions_the_city_plan()
    {
        var v1 = ImportTestData.NewPlan("清河市职业院校办学能力提升行动实施方案（范围测试二）");
        var cityPlan = await CityPlanAsync(v1);
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var v2 = WithDeadline(v1, "每年6月底前");

        var analysis = await (await admin.PostAsync(Url, ImportTestData.Upload(v2, "市.txt", Region(await Factory.RegionIdAsync(DemoSeeder.City))))).JsonAsync();

        analysis.GetProperty("revision").GetProperty("planId").GetInt64().ShouldBe(cityPlan);
        var confirmed = await admin.PostAsync($"{Url}/{analysis.GetProperty("token").GetString()}/confirm",
            ImportTestData.Upload(v2, "市.txt", new Dictionary<string, string> { ["decisions"] = ImportTestData.AcceptAll(analysis) }));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await confirmed.JsonAsync()).GetProperty("outcome").GetString().ShouldBe("newVersion");
        var (versions, _, deadline) = await StateOfAsync(cityPlan);
        (versions, deadline).ShouldBe((2, "每年6月底前"));
    }

    [Fact]
    public async Task The_same_file_as_a_city_plan_is_refused_to_the_county_administrator_without_naming_the_plan()
    {
        var v1 = ImportTestData.NewPlan("清河市职业院校办学能力提升行动实施方案（范围测试三）");
        var cityPlan = await CityPlanAsync(v1);
        var client = await CountyAdminAsync("county-admin-duplicate");
        var before = await Factory.WithDbAsync(ImportTestData.CountAsync);

        var response = await client.PostAsync(Url, ImportTestData.Upload(v1, "县.txt", Region(await Factory.RegionIdAsync(DemoSeeder.Counties[0]))));

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict, "import.storedElsewhere", "file");
        problem.TryGetProperty("planId", out _).ShouldBeFalse();
        problem.GetProperty("detail").GetString()!.ShouldNotContain(cityPlan.ToString());
        (await Factory.WithDbAsync(ImportTestData.CountAsync)).ShouldBe(before);
    }

    [Fact]
    public async Task A_region_outside_the_county_is_refused_naming_regionId_on_analysis_confirmation_and_the_wizard()
    {
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var province = await Factory.RegionIdAsync(DemoSeeder.Province);
        var client = await CountyAdminAsync("county-admin-region");
        var content = ImportTestData.NewPlan("清河市职业院校办学能力提升行动实施方案（范围测试四）");
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var before = await Factory.WithDbAsync(ImportTestData.CountAsync);

        foreach (var region in new[] { city, province })
        {
            var problem = await ProblemAsync(await client.PostAsync(Url, ImportTestData.Upload(content, "县.txt", Region(region))),
                HttpStatusCode.BadRequest, "import.regionOutOfScope", "regionId");
            problem.GetProperty("detail").GetString()!.ShouldContain($"编号 {region}");
        }

        // A token the full administrator was given for the city does not carry the city's region over to the county's administrator.
        var analysis = await (await admin.PostAsync(Url, ImportTestData.Upload(content, "县.txt", Region(city)))).JsonAsync();
        var confirmed = await client.PostAsync($"{Url}/{analysis.GetProperty("token").GetString()}/confirm",
            ImportTestData.Upload(content, "县.txt", new Dictionary<string, string> { ["decisions"] = ImportTestData.AcceptAll(analysis) }));
        await ProblemAsync(confirmed, HttpStatusCode.BadRequest, "import.regionOutOfScope", "regionId");

        // The wizard says so too, and offers no region outside the county.
        var page = await client.GetStringAsync("/import");
        page.ShouldNotContain($"<option value=\"{city}\">");
        var html = await (await client.PostAsync("/import", ImportTestData.Upload(content, "县.txt", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(page),
            ["_handler"] = "upload-plan",
            ["regionId"] = city.ToString(),
        }))).Content.ReadAsStringAsync();
        html.ShouldContain("id=\"import-problem\"");
        html.ShouldContain("不在您的管理范围内");
        html.ShouldNotContain("id=\"unit-form\"");

        (await Factory.WithDbAsync(ImportTestData.CountAsync)).ShouldBe(before);
    }

    [Fact]
    public async Task A_region_the_document_names_that_does_not_exist_is_created_below_the_county_not_at_the_top()
    {
        var county = await Factory.RegionIdAsync(DemoSeeder.Counties[0]);
        var client = await CountyAdminAsync("county-admin-new-region");
        // The issuer names 青石区, which the demo does not have.
        var content = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ImportTestData.NewPlan("青石区职业院校办学能力提升行动实施方案"))
            .Replace("西岭市教育局", "青石区教育局"));

        var analysis = await (await client.PostAsync(Url, ImportTestData.Upload(content, "青石区.txt"))).JsonAsync();

        var region = analysis.GetProperty("region");
        (region.GetProperty("name").GetString(), region.GetProperty("isNew").GetBoolean()).ShouldBe(("青石区", true));
        var confirmed = await client.PostAsync($"{Url}/{analysis.GetProperty("token").GetString()}/confirm",
            ImportTestData.Upload(content, "青石区.txt", new Dictionary<string, string> { ["decisions"] = CreateAll(analysis) }));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
        var created = await Factory.WithDbAsync(db => db.Regions.AsNoTracking().SingleAsync(r => r.Name == "青石区"));
        var countyPath = await Factory.WithDbAsync(db => db.Regions.Where(r => r.Id == county).Select(r => r.Path).SingleAsync());
        (created.ParentId, created.Path).ShouldBe((county, $"{countyPath}{created.Id}/"));
    }
}
