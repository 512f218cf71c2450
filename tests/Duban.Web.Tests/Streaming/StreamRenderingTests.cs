using System.Net;
using Duban.Web.Components.Streaming;
using Duban.Web.Demo;
using Duban.Web.Tests.Authorization;
using Duban.Web.Tests.Infrastructure;

namespace Duban.Web.Tests.Streaming;

/// <summary>
/// The pages that load the most data stream only for blazor.web.js's enhanced navigation (Components/Streaming): a
/// plain GET — a browser's own page load, with or without script — gets the whole page in one piece, no 加载中… left;
/// an enhanced GET gets the shell with 加载中… first and the content in a &lt;blazor-ssr&gt; block; the status codes
/// are the same either way.
/// </summary>
public sealed class StreamRenderingTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private const string Placeholder = "data-page-loading";
    private const string StreamedBlock = "<blazor-ssr>";

    private static readonly SemaphoreSlim Adding = new(1, 1);
    private static AssessmentSamples? assessments;

    /// <summary>Assessments of 清河市 and 江南省 (the demo has none without its sample activity), made once for the class.</summary>
    private async Task<AssessmentSamples> AssessmentsAsync()
    {
        await Adding.WaitAsync();
        try
        {
            return assessments ??= await AssessmentSamples.AddAsync(Factory, "流式");
        }
        finally
        {
            Adding.Release();
        }
    }

    /// <summary>Each streamed page with an element only its loaded content has.</summary>
    private async Task<(string Path, string Content)[]> StreamedPagesAsync()
    {
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var samples = await AssessmentsAsync();
        var cityEducation = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        return
        [
            ("/", "id=\"workbench\""),
            ("/dashboard", "id=\"status-counts\""),
            ($"/comparison?regionId={city}", "id=\"completion-table\""),
            ("/tasks", "id=\"task-list\""),
            ("/plans", "id=\"plan-list\""),
            ("/supervision?status=all", "id=\"order-filter\""),
            ("/assessments", "id=\"assessment-list\""),
            ($"/assessments/{samples.CityAssessment}", "id=\"runs\""),
            ($"/assessments/{samples.CityAssessment}/cards/{cityEducation}", "id=\"card-indicators\""),
        ];
    }

    private static HttpRequestMessage EnhancedGet(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        // Exactly what blazor.web.js sends on its fetches.
        request.Headers.TryAddWithoutValidation("Accept", EnhancedNavigation.AcceptHeader);
        return request;
    }

    [Fact]
    public async Task A_plain_get_gets_the_whole_page_in_one_piece_without_placeholder_or_streamed_blocks()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        foreach (var (path, content) in await StreamedPagesAsync())
        {
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldContain(content, customMessage: path);
            html.ShouldNotContain(Placeholder, customMessage: path);
            html.ShouldNotContain("加载中", customMessage: path);
            html.ShouldNotContain(StreamedBlock, customMessage: path);
        }
    }

    [Fact]
    public async Task An_enhanced_get_streams_the_placeholder_first_and_the_content_in_a_blazor_ssr_block()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        foreach (var (path, content) in await StreamedPagesAsync())
        {
            var response = await client.SendAsync(EnhancedGet(path));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            var html = await response.Content.ReadAsStringAsync();
            var streamed = html.IndexOf(StreamedBlock, StringComparison.Ordinal);
            streamed.ShouldBeGreaterThan(0, $"{path}: the content should come in a streamed block");
            var (first, later) = (html[..streamed], html[streamed..]);
            // The first part: the page's shell with the placeholder where the content goes, between the markers
            // (<!--bl:N-->) blazor.web.js replaces.
            first.ShouldContain(Placeholder, customMessage: path);
            first.ShouldContain("加载中…", customMessage: path);
            first.ShouldContain("<!--bl:", customMessage: path);
            first.ShouldNotContain(content, customMessage: path);
            first.ShouldContain("id=\"app-sidebar\"", customMessage: path);
            // Then the content, in a template for that component.
            later.ShouldContain("<template blazor-component-id=", customMessage: path);
            later.ShouldContain(content, customMessage: path);
            later.ShouldNotContain(Placeholder, customMessage: path);
        }
    }

    [Fact]
    public async Task A_visitor_gets_the_introduction_on_the_workbench_address_without_placeholder()
    {
        var client = Factory.CreateClient();
        var html = await (await client.SendAsync(EnhancedGet("/"))).Content.ReadAsStringAsync();
        html.ShouldContain("href=\"signin\"");
        html.ShouldNotContain(Placeholder);
    }

    [Fact]
    public async Task Status_codes_are_the_same_streamed_or_not()
    {
        var province = await Factory.RegionIdAsync(DemoSeeder.Province);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var inspector = await Factory.SignedInAsync(DemoAccounts.Inspector);
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var samples = await AssessmentsAsync();
        var provinceEducation = await Factory.OrganizationIdAsync("江南省教育厅");
        var cases = new (HttpClient Client, string Path, HttpStatusCode Status, string Shown)[]
        {
            // Out of the city inspector's scope, and a region that does not exist: 404 (decided before streaming), with the
            // page's own message naming the region.
            (inspector, $"/comparison?regionId={province}", HttpStatusCode.NotFound, $"未找到编号为 {province} 的地区"),
            (admin, "/comparison?regionId=99999999", HttpStatusCode.NotFound, "未找到编号为 99999999 的地区"),
            // A bad query: 400.
            (admin, "/comparison?regionId=abc", HttpStatusCode.BadRequest, "comparison-error"),
            (admin, $"/comparison?regionId={city}&year=abc", HttpStatusCode.BadRequest, "comparison-error"),
            // In scope: 200 (the city inspector's own city).
            (inspector, $"/comparison?regionId={city}", HttpStatusCode.OK, "completion-table"),
            // 督办单: a bad filter or cursor, 400 with the message.
            (admin, "/supervision?planId=abc", HttpStatusCode.BadRequest, "filter-error"),
            (admin, "/supervision?status=nonsense", HttpStatusCode.BadRequest, "filter-error"),
            (admin, "/supervision?after=garbage", HttpStatusCode.BadRequest, "filter-error"),
            // Assessments: one that does not exist, one out of the city inspector's scope, a card of an organisation the
            // assessment does not cover: 404, decided before streaming, which the framework answers with the status page.
            (admin, "/assessments/99999999", HttpStatusCode.NotFound, "页面不存在"),
            (inspector, $"/assessments/{samples.ProvinceAssessment}", HttpStatusCode.NotFound, "页面不存在"),
            (admin, $"/assessments/{samples.CityAssessment}/cards/{provinceEducation}", HttpStatusCode.NotFound, "页面不存在"),
            (inspector, $"/assessments/{samples.CityAssessment}", HttpStatusCode.OK, "id=\"runs\""),
        };
        foreach (var (client, path, status, shown) in cases)
        {
            var plain = await client.GetAsync(path);
            var enhanced = await client.SendAsync(EnhancedGet(path));
            plain.StatusCode.ShouldBe(status, path);
            enhanced.StatusCode.ShouldBe(status, $"{path} (enhanced navigation)");
            (await plain.Content.ReadAsStringAsync()).ShouldContain(shown, customMessage: path);
            var html = await enhanced.Content.ReadAsStringAsync();
            html.ShouldContain(shown, customMessage: $"{path} (enhanced navigation)");
            // A refusal is not streamed: no placeholder was sent ahead of it.
            if (status != HttpStatusCode.OK) html.ShouldNotContain(Placeholder, customMessage: $"{path} (enhanced navigation)");
        }

        // Refused pages answer the same with or without enhanced navigation.
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        foreach (var path in new[] { "/dashboard", $"/comparison?regionId={city}", "/supervision", $"/assessments/{samples.ProvinceAssessment}" })
            (await reporter.SendAsync(EnhancedGet(path))).StatusCode.ShouldBe((await reporter.GetAsync(path)).StatusCode, path);
    }
}
