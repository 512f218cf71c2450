using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests;

public sealed partial class ApiTokenTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [GeneratedRegex("id=\"new-token-value\" value=\"(?<token>dbn_[^\"]+)\"|value=\"(?<token>dbn_[^\"]+)\"[^>]*id=\"new-token-value\"")]
    private static partial Regex ShownToken();

    [Fact]
    public async Task A_token_is_shown_once_works_as_bearer_is_stored_as_a_hash_and_stops_when_revoked()
    {
        var user = await Factory.CreateUserAsync("scripter", "scripter-password");
        var browser = await Factory.SignedInAsync(user.UserName, "scripter-password");

        var created = await Browser.SubmitAsync(browser, "/me", new Dictionary<string, string> { ["TokenName"] = "月度统计脚本" }, formName: "new-token");
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await created.Content.ReadAsStringAsync();
        var match = ShownToken().Match(page);
        match.Success.ShouldBeTrue("the new token is shown on the page");
        var token = match.Groups["token"].Value;
        page.ShouldContain("只显示这一次");

        // Shown once: the next visit lists it by prefix only.
        var later = await browser.GetStringAsync("/me");
        later.ShouldNotContain(token);
        later.ShouldContain("月度统计脚本");
        later.ShouldContain(token[..12]);

        // Stored only as its SHA-256.
        var stored = await Factory.WithDbAsync(db => db.ApiTokens.SingleAsync(t => t.UserId == user.Id));
        stored.Hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        stored.Prefix.ShouldBe(token[..12]);
        var everyText = await Factory.WithDbAsync(db => db.AuditEntries.Select(e => (e.Before ?? "") + (e.After ?? "")).ToListAsync());
        everyText.ShouldNotContain(t => t.Contains(token));

        // Works as a bearer token, with no cookie.
        var script = Factory.CreateClient().WithBearer(token);
        var me = await script.GetAsync("/api/v1/me");
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await me.JsonAsync()).GetProperty("userName").GetString().ShouldBe(user.UserName);
        (await Factory.WithDbAsync(db => db.ApiTokens.SingleAsync(t => t.UserId == user.Id))).LastUsedAt.ShouldNotBeNull();

        // Revoked, it stops.
        var revoked = await Browser.SubmitAsync(browser, "/me", new Dictionary<string, string> { ["RevokeId"] = stored.Id.ToString() }, formName: "revoke-token");
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await script.GetAsync("/api/v1/me");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refused.Headers.WwwAuthenticate.ToString().ShouldContain("Bearer");
        (await refused.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("令牌");
    }

    [Fact]
    public async Task A_made_up_token_is_refused()
    {
        var response = await Factory.CreateClient().WithBearer("dbn_" + new string('A', 43)).GetAsync("/api/v1/me");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_carries_its_owners_role_and_stops_with_the_owners_account()
    {
        var user = await Factory.CreateUserAsync("token-inspector", "token-inspector-pw");
        var browser = await Factory.SignedInAsync(user.UserName, "token-inspector-pw");
        var page = await (await Browser.SubmitAsync(browser, "/me", new Dictionary<string, string> { ["TokenName"] = "巡查" }, formName: "new-token")).Content.ReadAsStringAsync();
        var script = Factory.CreateClient().WithBearer(ShownToken().Match(page).Groups["token"].Value);

        (await script.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await script.GetAsync("/api/v1/regions")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        (await script.GetAsync("/api/v1/regions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Creating_a_token_needs_the_forms_antiforgery_token()
    {
        var user = await Factory.CreateUserAsync("token-no-form", "token-no-form-pw");
        var browser = await Factory.SignedInAsync(user.UserName, "token-no-form-pw");

        var response = await browser.PostAsync("/me", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "new-token", ["TokenName"] = "伪造" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Factory.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.UserId == user.Id))).ShouldBeFalse();
    }
}
