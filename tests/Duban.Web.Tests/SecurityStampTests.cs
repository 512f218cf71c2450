using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Duban.Core.Security;
using Duban.Data.Audit;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests;

/// <summary>
/// The security stamp: a session signed in before a change of password, role, scope, organisation or activity is
/// refused on its next request; the user signs in again and gets the new rights. Tokens expire when asked to.
/// </summary>
public sealed partial class SecurityStampTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [GeneratedRegex("value=\"(?<token>dbn_[^\"]+)\"")]
    private static partial Regex ShownToken();

    [Fact]
    public async Task A_role_change_by_an_administrator_ends_the_session_and_the_next_sign_in_has_the_new_role()
    {
        var user = await Factory.CreateUserAsync("promoted", "promoted-password-1", Role.Inspector);
        var client = await Factory.SignedInAsync(user.UserName, "promoted-password-1");
        (await client.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var stamp = user.SecurityStamp;

        (await UpdateAsync(user.Id, new { displayName = user.DisplayName, role = "admin", scope = "all", isActive = true })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id))).SecurityStamp.ShouldNotBe(stamp);
        (await client.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var again = await Factory.SignedInAsync(user.UserName, "promoted-password-1");
        (await again.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_change_of_organisation_and_scope_ends_the_session()
    {
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var finance = await Factory.OrganizationIdAsync(DemoSeeder.CityFinance);
        var user = await Factory.CreateUserAsync("moved-reporter", "moved-reporter-pw1", Role.Reporter, DataScope.Own, education);
        var client = await Factory.SignedInAsync(user.UserName, "moved-reporter-pw1");
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await UpdateAsync(user.Id, new { displayName = user.DisplayName, role = "reporter", scope = "own", organizationId = finance, isActive = true }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var again = await Factory.SignedInAsync(user.UserName, "moved-reporter-pw1");
        (await (await again.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("organizationId").GetInt64().ShouldBe(finance);
    }

    [Fact]
    public async Task A_new_display_name_keeps_the_session_and_shows_at_once()
    {
        var user = await Factory.CreateUserAsync("renamed", "renamed-password-1", Role.Inspector);
        var client = await Factory.SignedInAsync(user.UserName, "renamed-password-1");
        var stamp = user.SecurityStamp;

        (await UpdateAsync(user.Id, new { displayName = "改名后", role = "inspector", scope = "all", isActive = true })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id))).SecurityStamp.ShouldBe(stamp);
        var me = await client.GetAsync("/api/v1/me");
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await me.JsonAsync()).GetProperty("displayName").GetString().ShouldBe("改名后");
    }

    [Fact]
    public async Task A_password_reset_ends_the_session()
    {
        var user = await Factory.CreateUserAsync("reset-me", "reset-me-password-1", Role.Inspector);
        var client = await Factory.SignedInAsync(user.UserName, "reset-me-password-1");
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);

        (await admin.PostAsJsonAsync($"/api/v1/users/{user.Id}/password", new { password = "reset-me-password-2" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await Factory.SignedInAsync(user.UserName, "reset-me-password-2")).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_cookie_whose_stamp_no_longer_matches_is_refused()
    {
        var user = await Factory.CreateUserAsync("stamped", "stamped-password-1", Role.Inspector);
        var client = await Factory.SignedInAsync(user.UserName, "stamped-password-1");

        await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, Guid.NewGuid())));

        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Deactivation_by_an_administrator_ends_sessions_stops_tokens_and_is_audited_and_reactivation_lets_the_user_back()
    {
        var user = await Factory.CreateUserAsync("paused", "paused-password-1", Role.Inspector);
        var client = await Factory.SignedInAsync(user.UserName, "paused-password-1");
        var token = await CreateTokenAsync(client, "脚本", "never");
        var script = Factory.CreateClient().WithBearer(token);
        (await script.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await UpdateAsync(user.Id, new { displayName = user.DisplayName, role = "inspector", scope = "all", isActive = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await script.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Browser.SignInAsync(Factory.CreateClient(), user.UserName, "paused-password-1")).Headers.Location!.OriginalString.ShouldStartWith("/signin?error=invalid");
        var entry = await Factory.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Id)
            .FirstAsync(e => e.Action == AuditActions.UserUpdate && e.EntityId == user.Id.ToString()));
        entry.Actor.ShouldBe(DemoAccounts.Admin);
        entry.Before!.ShouldContain("\"isActive\":true");
        entry.After!.ShouldContain("\"isActive\":false");

        (await UpdateAsync(user.Id, new { displayName = user.DisplayName, role = "inspector", scope = "all", isActive = true })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await script.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await Factory.SignedInAsync(user.UserName, "paused-password-1")).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_gets_the_chosen_lifetime_and_is_refused_once_expired()
    {
        var user = await Factory.CreateUserAsync("expiring", "expiring-password-1", Role.Inspector);
        var client = await Factory.SignedInAsync(user.UserName, "expiring-password-1");
        var page = await client.GetStringAsync("/me");
        page.ShouldContain("有效期 30 天");
        page.ShouldContain("永不过期");

        var monthly = await CreateTokenAsync(client, "月度", "30");
        var forever = await CreateTokenAsync(client, "长期", "never");
        var tokens = await Factory.WithDbAsync(db => db.ApiTokens.Where(t => t.UserId == user.Id).OrderBy(t => t.Id).ToListAsync());
        (tokens[0].ExpiresAt!.Value - tokens[0].CreatedAt).ShouldBe(TimeSpan.FromDays(30));
        tokens[1].ExpiresAt.ShouldBeNull();
        (await Factory.CreateClient().WithBearer(monthly).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Factory.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == tokens[0].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        var refused = await Factory.CreateClient().WithBearer(monthly).GetAsync("/api/v1/me");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refused.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("已过期");
        (await Factory.CreateClient().WithBearer(forever).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetStringAsync("/me")).ShouldContain("已过期");
    }

    [Fact]
    public async Task A_lifetime_not_offered_is_refused_in_chinese_and_nothing_is_stored()
    {
        var user = await Factory.CreateUserAsync("odd-lifetime", "odd-lifetime-pw1", Role.Inspector);
        var client = await Factory.SignedInAsync(user.UserName, "odd-lifetime-pw1");

        var response = await Browser.SubmitAsync(client, "/me", new Dictionary<string, string> { ["TokenName"] = "怪", ["TokenExpiry"] = "7" }, formName: "new-token");

        (await response.Content.ReadAsStringAsync()).ShouldContain("有效期只能是 30、90、365 天或永不过期");
        (await Factory.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.UserId == user.Id))).ShouldBe(0);
    }

    private async Task<string> CreateTokenAsync(HttpClient client, string name, string expiry)
    {
        var response = await Browser.SubmitAsync(client, "/me", new Dictionary<string, string> { ["TokenName"] = name, ["TokenExpiry"] = expiry }, formName: "new-token");
        var match = ShownToken().Match(await response.Content.ReadAsStringAsync());
        match.Success.ShouldBeTrue("the new token is shown");
        return match.Groups["token"].Value;
    }

    private async Task<HttpResponseMessage> UpdateAsync(long id, object body)
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var current = await admin.GetAsync($"/api/v1/users/{id}");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{id}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(current.Headers.ETag!);
        return await admin.SendAsync(request);
    }
}
