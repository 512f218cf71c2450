using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Duban.Core.Assessments;
using Duban.Core.Security;
using Duban.Core.Tracking.Status;
using Duban.Web.Demo;
using Duban.Web.Tests.Authorization;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Assessments;

/// <summary>
/// The assessment pages as people use them: the office makes and edits a scheme and starts an assessment; the
/// organisation states its 自评 with a file, the inspector enters a 现场督导 score, the office recomputes, reviews and
/// publishes. Forms posted by someone not responsible are refused and change nothing.
/// </summary>
public sealed partial class AssessmentPagesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [GeneratedRegex("name=\"Version\" value=\"(?<v>[0-9a-f]{32})\"")]
    private static partial Regex VersionField();

    /// <summary>Posts a page's form as a browser does: its antiforgery token, the Blazor form name, repeated fields allowed.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string formName, IEnumerable<(string Name, string Value)> fields)
    {
        var html = await client.GetStringAsync(page);
        var pairs = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Browser.AntiforgeryToken(html)), new("_handler", formName) };
        pairs.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(page, new FormUrlEncodedContent(pairs));
    }

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string page, string formName, IEnumerable<(string Name, string Value)> fields,
        (string Field, string Name, byte[] Bytes)? file = null)
    {
        var html = await client.GetStringAsync(page);
        var form = new MultipartFormDataContent { { new StringContent(Browser.AntiforgeryToken(html)), "__RequestVerificationToken" }, { new StringContent(formName), "_handler" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, f.Field, f.Name);
        }
        return await client.PostAsync(page, form);
    }

    private static string PathOf(HttpResponseMessage redirect) =>
        redirect.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : redirect.Headers.Location!.OriginalString;

    /// <summary>A form the page does not render for the caller is refused before any handler (400); one it renders, by the handler.</summary>
    private static void ShouldBeRefused(HttpResponseMessage response) => ((int)response.StatusCode).ShouldBeOneOf(400, 403, 404);

    private static void ShouldBeDone(HttpResponseMessage response, string? body = null) =>
        ((int)response.StatusCode).ShouldBeLessThan(400, body);

    [Fact]
    public async Task The_office_makes_a_scheme_edits_it_and_starts_an_assessment_on_the_pages()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var counties = await Task.WhenAll(DemoSeeder.Counties.Select(c => Factory.OrganizationIdAsync(c + "人民政府")));
        var page = $"/assessment-schemes/new?region={city}";
        var html = await admin.GetStringAsync(page);
        // The county governments below the city are offered ticked; the city's own departments too.
        html.ShouldContain($"id=\"org-{counties[0]}\" name=\"OrganizationIds\" value=\"{counties[0]}\" checked");

        var created = await PostAsync(admin, page, "new-scheme",
            [("RegionId", city.ToString()), ("Name", "页面考核方案"), ("PlanId", ""), .. counties.Select(id => ("OrganizationIds", id.ToString()))]);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var editor = PathOf(created);
        editor.ShouldStartWith("/assessment-schemes/");
        var scheme = long.Parse(editor.Split('/')[^1]);

        // A new version: 任务完成 worth 35; a typo is refused naming the row and keeps what was typed.
        var form = await admin.GetStringAsync(editor);
        var version = VersionField().Match(form).Groups["v"].Value;
        List<(string, string)> Fields(string taskPoints) =>
        [
            ("Version", version), ("Rows", DefaultScheme.Indicators.Count.ToString()), ("Name", "页面考核方案"),
            .. DefaultScheme.Indicators.SelectMany((i, n) => new[]
            {
                ($"Code-{n}", i.Code), ($"Name-{n}", i.Name), ($"Kind-{n}", i.Kind.ToString()), ($"Max-{n}", n == 0 ? taskPoints : i.MaxPoints.ToString()),
            }),
            ("Grade-Excellent", "90"), ("Grade-Good", "80"), ("Grade-Pass", "60"),
            .. counties.Select(id => ("OrganizationIds", id.ToString())), ("Note", "任务完成加重"),
        ];
        var typo = await PostAsync(admin, editor, "edit-scheme", Fields("三十五分"));
        typo.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var typoPage = await typo.Content.ReadAsStringAsync();
        typoPage.ShouldContain("第 1 行指标的分值");
        typoPage.ShouldContain("value=\"三十五分\"");
        var saved = await PostAsync(admin, editor, "edit-scheme", Fields("35"));
        ShouldBeDone(saved, await saved.Content.ReadAsStringAsync());
        var now = await admin.GetStringAsync(editor);
        now.ShouldContain("第 2 版");
        now.ShouldContain("任务完成加重");
        var stored = await Factory.WithDbAsync(db => db.Set<AssessmentSchemeVersion>().Where(v => v.SchemeId == scheme).OrderByDescending(v => v.Number).FirstAsync());
        AssessmentJson.Read<SchemeDefinition>(stored.Definition).Indicator("task")!.MaxPoints.ShouldBe(35m);

        var year = TrackingDay.Today(TimeProvider.System).Year;
        var started = await PostAsync(admin, "/assessments", "new-assessment", [("SchemeId", scheme.ToString()), ("Year", year.ToString())]);
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect, await started.Content.ReadAsStringAsync());
        var ranking = await admin.GetStringAsync(PathOf(started));
        ranking.ShouldContain("第 1 次计算");
        Regex.Matches(ranking, "<tr data-organization=").Count.ShouldBe(3);
        // The run used the second version: 任务完成 is worth 35.
        Regex.IsMatch(ranking, "重点任务完成<br\\s*/?><span class=\"text-secondary\">35</span>").ShouldBeTrue();
    }

    [Fact]
    public async Task The_cycle_runs_on_the_pages_and_forms_posted_by_others_change_nothing()
    {
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var donghu = await Factory.OrganizationIdAsync(DemoSeeder.Counties[0] + "人民政府");
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/assessment-schemes",
            new { name = "页面周期方案", regionId = await Factory.RegionIdAsync(DemoSeeder.City), organizationIds = new[] { education, donghu } });
        var scheme = (await created.JsonAsync()).GetProperty("scheme").GetProperty("id").GetInt64();
        var assessment = (await (await admin.PostAsJsonAsync("/api/v1/assessments", new { schemeId = scheme, year = TrackingDay.Today(TimeProvider.System).Year })).JsonAsync())
            .GetProperty("assessment").GetProperty("id").GetInt64();
        var overview = $"/assessments/{assessment}";
        var ownCard = $"/assessments/{assessment}/cards/{education}";
        var countyCard = $"/assessments/{assessment}/cards/{donghu}";

        // 自评 with a file, by 清河市教育局's reporter; a county's reporter cannot open, let alone post, that card.
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        (await reporter.GetStringAsync(overview)).ShouldContain($"href=\"{ownCard[1..]}\"");
        var stated = await PostMultipartAsync(reporter, ownCard, "self-score", [("Points-task", "27.5"), ("Comment-task", "对照任务清单逐项完成")], ("File-task", "自评说明.pdf", AssessmentSamples.Pdf));
        stated.StatusCode.ShouldBe(HttpStatusCode.Redirect, await stated.Content.ReadAsStringAsync());
        var card = await reporter.GetStringAsync(ownCard);
        card.ShouldContain("对照任务清单逐项完成");
        card.ShouldContain("自评说明.pdf");
        var typo = await PostMultipartAsync(reporter, ownCard, "self-score", [("Points-task", "满分")]);
        typo.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var countyUser = await Factory.CreateUserAsync("page-county-reporter", "page-county-reporter-1", Role.Reporter, DataScope.Own, donghu);
        var county = await Factory.SignedInAsync(countyUser.UserName, "page-county-reporter-1");
        (await county.GetAsync(ownCard)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // With a token of its own card's page, posted to 清河市教育局's card: not found, nothing stored.
        var token = Browser.AntiforgeryToken(await county.GetStringAsync(countyCard));
        var forgedSelf = await county.PostAsync(ownCard, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("_handler", "self-score"), new("Points-task", "30")]));
        ShouldBeRefused(forgedSelf);
        (await Factory.WithDbAsync(db => db.Set<SelfScore>().Where(s => s.AssessmentId == assessment).Select(s => s.OrganizationId).ToListAsync())).ShouldBe([education]);

        // The inspector (scope 清河市) enters 现场督导; it counts once the office recomputes.
        var inspector = await Factory.SignedInAsync(DemoAccounts.Inspector);
        var entered = await PostMultipartAsync(inspector, countyCard, "enter-score", [("Indicator", "inspection"), ("Points", "7"), ("Comment", "现场查看实训基地")]);
        entered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await entered.Content.ReadAsStringAsync());
        (await inspector.GetStringAsync(countyCard)).ShouldContain("id=\"pending-entries\"");
        var versionOf = async () => VersionField().Match(await admin.GetStringAsync(overview)).Groups["v"].Value;
        var recomputed = await PostAsync(admin, overview, "recompute", [("Version", await versionOf())]);
        recomputed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await recomputed.Content.ReadAsStringAsync());
        var afterRun = await admin.GetStringAsync(overview);
        afterRun.ShouldContain("第 2 次计算");
        afterRun.ShouldContain("现场督导：0 → 7");

        // 复核: a county administrator sees the county's card but does not answer for the scheme of the city.
        var advanced = await PostAsync(admin, overview, "advance", [("Version", await versionOf()), ("Stage", nameof(AssessmentStage.Review))]);
        advanced.StatusCode.ShouldBe(HttpStatusCode.Redirect, await advanced.Content.ReadAsStringAsync());
        await Factory.CreateUserAsync("page-county-admin", "page-county-admin-1", Role.Admin, DataScope.RegionAndBelow, regionId: await Factory.RegionIdAsync(DemoSeeder.Counties[0]));
        var countyAdmin = await Factory.SignedInAsync("page-county-admin", "page-county-admin-1");
        (await countyAdmin.GetStringAsync(countyCard)).ShouldNotContain("id=\"review-score-form\"");
        ShouldBeRefused(await PostAsync(countyAdmin, countyCard, "review-score", [("Indicator", "task"), ("Points", "30"), ("Reason", "越权调整")]));
        ShouldBeRefused(await PostAsync(countyAdmin, overview, "recompute", [("Version", await versionOf())]));
        ShouldBeRefused(await PostAsync(countyAdmin, overview, "advance", [("Version", await versionOf()), ("Stage", nameof(AssessmentStage.Publicity))]));
        (await Factory.WithDbAsync(db => db.Set<AssessmentReview>().CountAsync(r => r.AssessmentId == assessment))).ShouldBe(0);

        var reviewed = await PostAsync(admin, countyCard, "review-score", [("Indicator", "task"), ("Points", "12"), ("Reason", "抽查发现两项任务未报送验收材料")]);
        reviewed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await reviewed.Content.ReadAsStringAsync());
        var withoutReason = await PostAsync(admin, countyCard, "review-score", [("Indicator", "task"), ("Points", "12"), ("Reason", "")]);
        withoutReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await withoutReason.Content.ReadAsStringAsync()).ShouldContain("调整理由");
        (await admin.GetStringAsync(countyCard)).ShouldContain("抽查发现两项任务未报送验收材料");

        var published = await PostAsync(admin, overview, "advance", [("Version", await versionOf()), ("Stage", nameof(AssessmentStage.Publicity))]);
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var final = await reporter.GetStringAsync(overview);
        final.ShouldContain("结果已固定");
        Regex.Matches(final, "<tr data-organization=").Count.ShouldBe(2);
        (await reporter.GetStringAsync(ownCard)).ShouldNotContain("id=\"self-score-form\"");
    }
}
