using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Duban.Core.Security;
using Duban.Core.Tracking.Status;
using Duban.Web.Demo;
using Duban.Web.Tests.Authorization;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Assessments;

/// <summary>
/// The assessment API over HTTP on the demo (sample plans, 清河市 and its counties): a scheme and an assessment made and
/// changed through the API, answers in the shape docs/assessment.md gives, what each role reads before and after 公示,
/// If-Match, and problems naming the field.
/// </summary>
public sealed class AssessmentApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static int Year => TrackingDay.Today(TimeProvider.System).Year;

    private static HttpRequestMessage Send(HttpMethod method, string path, object? body, string? etag = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    private async Task<long[]> CountyGovernmentsAsync() =>
        [.. await Task.WhenAll(DemoSeeder.Counties.Select(c => Factory.OrganizationIdAsync(c + "人民政府")))];

    private async Task<(long Scheme, long Assessment, HttpClient Admin)> AssessCountiesAsync(string name)
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var created = await admin.SendAsync(Send(HttpMethod.Post, "/api/v1/assessment-schemes", new
        {
            name, regionId = await Factory.RegionIdAsync(DemoSeeder.City), organizationIds = (long[])[.. await CountyGovernmentsAsync(), education],
        }));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var scheme = (await created.JsonAsync()).GetProperty("scheme").GetProperty("id").GetInt64();
        var assessed = await admin.SendAsync(Send(HttpMethod.Post, "/api/v1/assessments", new { schemeId = scheme, year = Year }));
        assessed.StatusCode.ShouldBe(HttpStatusCode.Created, await assessed.Content.ReadAsStringAsync());
        return (scheme, (await assessed.JsonAsync()).GetProperty("assessment").GetProperty("id").GetInt64(), admin);
    }

    [Fact]
    public async Task A_scheme_made_through_the_api_starts_from_the_default_rules_and_is_versioned()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var defaults = await (await admin.GetAsync("/api/v1/assessment-schemes/default")).JsonAsync();
        defaults.GetProperty("baseTotal").GetDecimal().ShouldBe(100m);
        defaults.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("kind").GetString())
            .ShouldBe(["taskCompletion", "reportTimeliness", "reportQuality", "targetAttainment", "targetAttainment", "orderResponse", "manual", "deduction", "bonus"]);

        var (scheme, _, _) = await AssessCountiesAsync("接口方案");
        var read = await admin.GetAsync($"/api/v1/assessment-schemes/{scheme}");
        var etag = read.Headers.ETag!.Tag;
        var detail = await read.JsonAsync();
        detail.GetProperty("organizations").GetArrayLength().ShouldBe(4);
        detail.GetProperty("indicators")[0].GetProperty("ruleText").GetString()!.ShouldContain("按时完成计 1");

        // A new version: 任务完成 worth 40, the deduction per 约谈 3. Stale and missing ETags are refused first.
        var indicators = detail.GetProperty("indicators").EnumerateArray().Select(i => new
        {
            code = i.GetProperty("code").GetString(), name = i.GetProperty("name").GetString(), kind = i.GetProperty("kind").GetString(),
            maxPoints = i.GetProperty("code").GetString() == "task" ? 40m : i.GetProperty("maxPoints").GetDecimal(),
            rule = i.GetProperty("code").GetString() == "deduction" ? (object)new { summonsPoints = 3 } : i.GetProperty("rule"),
        }).ToList();
        var body = new { name = "接口方案（修订）", organizationIds = detail.GetProperty("organizations").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ToArray(), indicators, note = "加重任务完成" };
        (await admin.SendAsync(Send(HttpMethod.Put, $"/api/v1/assessment-schemes/{scheme}", body))).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await admin.SendAsync(Send(HttpMethod.Put, $"/api/v1/assessment-schemes/{scheme}", body, "\"00000000000000000000000000000000\""))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var revised = await admin.SendAsync(Send(HttpMethod.Put, $"/api/v1/assessment-schemes/{scheme}", body, etag));
        revised.StatusCode.ShouldBe(HttpStatusCode.OK, await revised.Content.ReadAsStringAsync());
        var now = await revised.JsonAsync();
        now.GetProperty("scheme").GetProperty("version").GetInt32().ShouldBe(2);
        now.GetProperty("baseTotal").GetDecimal().ShouldBe(110m);
        now.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()).ShouldBe([2, 1]);
        now.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "deduction")
            .GetProperty("ruleText").GetString()!.ShouldContain("每次约谈扣 3 分，每次通报扣 3 分");
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_the_field_and_nothing_is_stored()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var province = await Factory.OrganizationIdAsync("江南省教育厅");
        async Task ShouldNameAsync(object body, string field)
        {
            var response = await admin.SendAsync(Send(HttpMethod.Post, "/api/v1/assessment-schemes", body));
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            var problem = await response.JsonAsync();
            problem.GetProperty("field").GetString().ShouldBe(field);
            problem.GetProperty("detail").GetString()!.Length.ShouldBeGreaterThan(4);
        }
        var schemesBefore = await Factory.WithDbAsync(db => db.Set<Duban.Core.Assessments.AssessmentScheme>().CountAsync());

        await ShouldNameAsync(new { name = "坏方案", regionId = city, organizationIds = new[] { province } }, "organizationIds");
        await ShouldNameAsync(new { name = "坏方案", regionId = city, organizationIds = Array.Empty<long>() }, "organizationIds");
        await ShouldNameAsync(new { name = "", regionId = city, organizationIds = new[] { education } }, "name");
        await ShouldNameAsync(new { name = "坏方案", regionId = city, organizationIds = new[] { education },
            indicators = new[] { new { code = "task", name = "任务", kind = "taskCompletion", maxPoints = 0 } } }, "indicators[0].maxPoints");
        await ShouldNameAsync(new { name = "坏方案", regionId = city, organizationIds = new[] { education },
            indicators = new[] { new { code = "task", name = "任务", kind = "taskCompletion", maxPoints = 30, rule = new { lateCredit = 2 } } } }, "indicators[0].rule.lateCredit");
        await ShouldNameAsync(new { name = "坏方案", regionId = city, organizationIds = new[] { education }, grades = new { excellent = 60, good = 80, pass = 90 } }, "grades");
        var unreadable = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/assessment-schemes")
        {
            Content = new StringContent("{\"name\":\"x\",\"indicators\":[{\"kind\":\"unknown\"}]}", System.Text.Encoding.UTF8, "application/json"),
        });
        unreadable.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Factory.WithDbAsync(db => db.Set<Duban.Core.Assessments.AssessmentScheme>().CountAsync())).ShouldBe(schemesBefore);

        var (scheme, assessment, _) = await AssessCountiesAsync("重复年度方案");
        var again = await admin.SendAsync(Send(HttpMethod.Post, "/api/v1/assessments", new { schemeId = scheme, year = Year }));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.JsonAsync()).GetProperty("field").GetString().ShouldBe("year");
        (await admin.SendAsync(Send(HttpMethod.Post, $"/api/v1/assessments/{assessment}/recompute", null))).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await admin.SendAsync(Send(HttpMethod.Post, $"/api/v1/assessments/{assessment}/stage", new { stage = "later" }, "*"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var early = await admin.SendAsync(Send(HttpMethod.Post, $"/api/v1/assessments/{assessment}/publish", null, "*"));
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("只能进入复核阶段");
    }

    [Fact]
    public async Task Before_publication_an_organisation_sees_its_own_result_and_after_it_the_whole_ranking()
    {
        var (_, assessment, admin) = await AssessCountiesAsync("公示前后方案");
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var donghu = await Factory.OrganizationIdAsync(DemoSeeder.Counties[0] + "人民政府");

        var own = await (await reporter.GetAsync($"/api/v1/assessments/{assessment}/results")).JsonAsync();
        own.GetProperty("complete").GetBoolean().ShouldBeFalse();
        own.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("organizationId").GetInt64()).ShouldBe([education]);
        (await reporter.GetAsync($"/api/v1/assessments/{assessment}/cards/{education}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reporter.GetAsync($"/api/v1/assessments/{assessment}/cards/{donghu}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await admin.GetAsync($"/api/v1/assessments/{assessment}/results")).JsonAsync()).GetProperty("rows").GetArrayLength().ShouldBe(4);
        // With explain=true each row the reader may open carries its explanation; the reporter gets its own only.
        var explained = await (await reporter.GetAsync($"/api/v1/assessments/{assessment}/results?explain=true")).JsonAsync();
        explained.GetProperty("rows")[0].GetProperty("explanation").GetProperty("indicators").GetArrayLength().ShouldBe(9);
        (await admin.GetAsync($"/api/v1/assessments/{assessment}/results?explain=maybe")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Every score opens to its items, and adds up.
        var card = await (await admin.GetAsync($"/api/v1/assessments/{assessment}/cards/{donghu}")).JsonAsync();
        var indicators = card.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("score")).ToList();
        indicators.Count.ShouldBe(9);
        foreach (var score in indicators)
            Math.Round(score.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("points").GetDecimal()), 2, MidpointRounding.AwayFromZero)
                .ShouldBe(score.GetProperty("points").GetDecimal(), score.GetProperty("code").GetString());
        card.GetProperty("computedTotal").GetDecimal().ShouldBe(indicators.Sum(s => s.GetProperty("points").GetDecimal()));

        foreach (var stage in new[] { "review", "publicity" })
        {
            var etag = (await admin.GetAsync($"/api/v1/assessments/{assessment}")).Headers.ETag!.Tag;
            (await admin.SendAsync(Send(HttpMethod.Post, $"/api/v1/assessments/{assessment}/stage", new { stage }, etag))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var published = await (await reporter.GetAsync($"/api/v1/assessments/{assessment}/results")).JsonAsync();
        published.GetProperty("frozen").GetBoolean().ShouldBeTrue();
        published.GetProperty("rows").GetArrayLength().ShouldBe(4);
        published.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("organizationId").GetInt64() == donghu).GetProperty("cardVisible").GetBoolean().ShouldBeFalse();
        var afterPublication = await (await reporter.GetAsync($"/api/v1/assessments/{assessment}/results?explain=true")).JsonAsync();
        afterPublication.GetProperty("rows").EnumerateArray().Count(r => r.TryGetProperty("explanation", out var e) && e.ValueKind == JsonValueKind.Object).ShouldBe(1);
        (await reporter.GetAsync($"/api/v1/assessments/{assessment}/cards/{donghu}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var recompute = await admin.SendAsync(Send(HttpMethod.Post, $"/api/v1/assessments/{assessment}/recompute", null, "*"));
        recompute.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Evidence_goes_with_a_self_score_and_is_read_only_by_those_who_see_the_organisation()
    {
        var (_, assessment, admin) = await AssessCountiesAsync("佐证方案");
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var donghu = await Factory.OrganizationIdAsync(DemoSeeder.Counties[0] + "人民政府");
        MultipartFormDataContent Upload(long organization, byte[] bytes, string name)
        {
            var form = new MultipartFormDataContent { { new StringContent(organization.ToString()), "organizationId" } };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", name);
            return form;
        }

        (await reporter.PostAsync($"/api/v1/assessments/{assessment}/evidence", Upload(donghu, AssessmentSamples.Pdf, "a.pdf"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bad = await reporter.PostAsync($"/api/v1/assessments/{assessment}/evidence", Upload(education, "not a pdf"u8.ToArray(), "a.pdf"));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).GetProperty("field").GetString().ShouldBe("file");
        var uploaded = await reporter.PostAsync($"/api/v1/assessments/{assessment}/evidence", Upload(education, AssessmentSamples.Pdf, "自评材料.pdf"));
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var evidence = await uploaded.JsonAsync();
        var url = evidence.GetProperty("url").GetString()!;

        var self = await reporter.SendAsync(Send(HttpMethod.Post, $"/api/v1/assessments/{assessment}/self-scores", new
        {
            scores = new object[]
            {
                new { indicator = "task", points = 28, comment = "主要任务按期推进", evidenceId = evidence.GetProperty("id").GetInt64() },
                new { indicator = "deduction", points = 0, comment = "无约谈通报" },
            },
        }));
        self.StatusCode.ShouldBe(HttpStatusCode.Created, await self.Content.ReadAsStringAsync());
        var card = await (await admin.GetAsync($"/api/v1/assessments/{assessment}/cards/{education}")).JsonAsync();
        card.GetProperty("indicators")[0].GetProperty("selfPoints").GetDecimal().ShouldBe(28m);
        card.GetProperty("selfScores").EnumerateArray().Single(s => s.GetProperty("indicator").GetString() == "task").GetProperty("evidenceId").GetInt64()
            .ShouldBe(evidence.GetProperty("id").GetInt64());

        var download = await admin.GetAsync(url);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(AssessmentSamples.Pdf);
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var countyReporter = await Factory.CreateUserAsync("assessment-county-reporter", "assessment-county-reporter-1", Role.Reporter, DataScope.Own, donghu);
        var other = await Factory.SignedInAsync(countyReporter.UserName, "assessment-county-reporter-1");
        (await other.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
