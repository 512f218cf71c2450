using System.Net;
using System.Net.Http.Json;
using Duban.Core.Security;
using Duban.Web.Demo;
using Duban.Web.Security;
using Duban.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Authorization;

/// <summary>
/// A page of another site makes the browser send the sign-in cookie with its request: the API takes no write on the
/// cookie alone (M2). It takes one with the antiforgery token from a same-origin request, and any write with an API token.
/// </summary>
public sealed class CrossSiteApiTests(WebAppWithoutSamplePlansFixture app) : IClassFixture<WebAppWithoutSamplePlansFixture>
{
    private DubanWebFactory Factory => app.Factory;

    /// <summary>A browser signed in with the cookie, whose requests carry nothing but the cookie (as a forged request would).</summary>
    private async Task<HttpClient> CookieOnlyAsync(string userName, string password = DemoAccounts.Password)
    {
        var client = Factory.CreateDefaultClient(Factory.ClientOptions.BaseAddress, new CookieContainerHandler());
        (await Browser.SignInAsync(client, userName, password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private async Task<(long Source, long Target, string ETag)> TwoOrganizationsAsync(string tag)
    {
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var ids = await Factory.WithDbAsync(async db =>
        {
            var a = new Duban.Core.Organizations.Organization { Name = "跨站源" + tag, RegionId = city, Kind = Duban.Core.Organizations.OrganizationKind.Department };
            var b = new Duban.Core.Organizations.Organization { Name = "跨站目标" + tag, RegionId = city, Kind = Duban.Core.Organizations.OrganizationKind.Department };
            db.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id, a.Version);
        });
        return (ids.Item1, ids.Item2, $"\"{ids.Item3:N}\"");
    }

    private static HttpRequestMessage Merge(long source, long target, string etag, string? origin = null, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/organizations/{source}/merge-into/{target}");
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        if (origin is not null) request.Headers.TryAddWithoutValidation("Origin", origin);
        if (token is not null) request.Headers.TryAddWithoutValidation(ApiCookieWriteGuard.HeaderName, token);
        return request;
    }

    private Task<bool> MergedAsync(long source) => Factory.WithDbAsync(db => db.Organizations.Where(o => o.Id == source).Select(o => o.MergedIntoId != null).SingleAsync());

    [Fact]
    public async Task A_merge_with_the_cookie_alone_is_refused_and_nothing_is_merged()
    {
        var browser = await CookieOnlyAsync(DemoAccounts.Admin);
        var (source, target, etag) = await TwoOrganizationsAsync("甲");

        var response = await browser.SendAsync(Merge(source, target, etag, origin: "https://evil.example"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.JsonAsync()).GetProperty("title").GetString().ShouldBe("跨站请求被拒绝");
        (await MergedAsync(source)).ShouldBeFalse();

        // Without an Origin header too: the token is what proves the request came from Duban's own page.
        (await browser.SendAsync(Merge(source, target, etag))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await MergedAsync(source)).ShouldBeFalse();
    }

    [Fact]
    public async Task The_token_from_another_origin_is_refused_and_from_the_same_origin_accepted()
    {
        var browser = await CookieOnlyAsync(DemoAccounts.Admin);
        var token = (await browser.GetFromJsonAsync<AntiforgeryAnswer>("/api/v1/me/antiforgery"))!.Token;
        var (source, target, etag) = await TwoOrganizationsAsync("乙");

        (await browser.SendAsync(Merge(source, target, etag, origin: "https://evil.example", token: token))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var crossSite = Merge(source, target, etag, token: token);
        crossSite.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");
        (await browser.SendAsync(crossSite)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.SendAsync(Merge(source, target, etag, token: "not-a-token"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await MergedAsync(source)).ShouldBeFalse();

        (await browser.SendAsync(Merge(source, target, etag, origin: "https://localhost", token: token))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MergedAsync(source)).ShouldBeTrue();
    }

    [Fact]
    public async Task Uploads_and_read_all_with_the_cookie_alone_are_refused()
    {
        var reporter = await CookieOnlyAsync(DemoAccounts.Reporter);
        var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF"u8.ToArray()), "file", "x.pdf" }, { new StringContent("1"), "taskId" } };
        var before = await Factory.WithDbAsync(db => db.Evidence.CountAsync());

        (await reporter.PostAsync("/api/v1/evidence", form)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await reporter.PostAsync("/api/v1/notifications/read-all", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Factory.WithDbAsync(db => db.Evidence.CountAsync())).ShouldBe(before);
        // Reads are not writes: nothing to forge.
        (await reporter.GetAsync("/api/v1/notifications")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_script_with_an_api_token_needs_no_antiforgery_token()
    {
        var token = ApiTokenFormat.NewToken();
        var admin = await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == DemoAccounts.Admin).Select(u => u.Id).SingleAsync());
        await Factory.WithDbAsync(async db =>
        {
            db.ApiTokens.Add(new Duban.Core.Users.ApiToken
            {
                UserId = admin, Name = "跨站测试脚本", Prefix = ApiTokenFormat.PrefixOf(token), Hash = ApiTokenFormat.HashOf(token), CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var script = Factory.CreateClient().WithBearer(token);
        var (source, target, etag) = await TwoOrganizationsAsync("丙");

        var request = Merge(source, target, etag, origin: "https://elsewhere.example");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        (await script.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MergedAsync(source)).ShouldBeTrue();
    }

    private sealed record AntiforgeryAnswer(string Token, string HeaderName);
}
