using System.Net;
using Duban.Core.Security;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests;

public sealed class SignInTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [Fact]
    public async Task Signing_in_sets_a_secure_http_only_host_only_cookie_and_returns_home()
    {
        var client = Factory.CreateClient();
        var response = await Browser.SignInAsync(client, DemoAccounts.Admin, DemoAccounts.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-Duban=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("secure");
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
        cookie.ShouldContain("path=/");
        cookie.ShouldNotContain("domain=");

        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();
        me.GetProperty("userName").GetString().ShouldBe(DemoAccounts.Admin);
        me.GetProperty("role").GetString().ShouldBe("admin");
    }

    [Fact]
    public async Task A_wrong_password_returns_to_the_form_with_a_chinese_message_and_no_session()
    {
        var client = Factory.CreateClient();
        var response = await Browser.SignInAsync(client, DemoAccounts.Inspector, "not-the-password");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith("/signin?error=invalid");
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("__Host-Duban=", StringComparison.Ordinal));

        var page = await client.GetStringAsync(location);
        page.ShouldContain("用户名或密码错误");
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        var response = await Browser.SignInAsync(Factory.CreateClient(), "nobody-by-that-name", "whatever-password");
        response.Headers.Location!.OriginalString.ShouldStartWith("/signin?error=invalid");
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected()
    {
        var client = Factory.CreateClient();
        await client.GetAsync("/signin");
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = DemoAccounts.Admin,
            ["Password"] = DemoAccounts.Password,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("__Host-Duban=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_form_post_without_the_antiforgery_token_is_rejected()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var response = await admin.PostAsync("/users/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "new-user",
            ["Form.UserName"] = "no-token-user",
            ["Form.DisplayName"] = "无令牌",
            ["Form.Role"] = "Inspector",
            ["Form.Scope"] = "All",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "no-token-user"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Anonymous_visitors_get_401_problems_from_the_api_and_are_sent_to_sign_in_from_pages()
    {
        var client = Factory.CreateClient();

        var api = await client.GetAsync("/api/v1/users");
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.JsonAsync()).GetProperty("title").GetString().ShouldBe("未登录");

        var page = await client.GetAsync("/users");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.PathAndQuery.ShouldBe("/signin?returnUrl=%2Fusers");

        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/plans")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_return_address_is_followed_only_within_the_site()
    {
        var user = await Factory.CreateUserAsync("return-to", "return-password-1");
        var inside = await Browser.SignInAsync(Factory.CreateClient(), user.UserName, "return-password-1", "/me");
        inside.Headers.Location!.OriginalString.ShouldBe("/me");

        var outside = await Browser.SignInAsync(Factory.CreateClient(), user.UserName, "return-password-1", "//evil.example/");
        outside.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\u202E/evil.example")]
    public async Task A_return_address_with_control_characters_sends_the_user_home(string returnUrl)
    {
        var user = await Factory.CreateUserAsync("return-control-" + (int)returnUrl[1], "return-password-1");

        var signedIn = await Browser.SignInAsync(Factory.CreateClient(), user.UserName, "return-password-1", returnUrl);
        var refused = await Browser.SignInAsync(Factory.CreateClient(), user.UserName, "wrong-password-1", returnUrl);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // Back to the form, which carries no return address any more.
        refused.Headers.Location!.OriginalString.ShouldStartWith("/signin?");
        refused.Headers.Location.OriginalString.ShouldNotContain("evil");
    }

    [Fact]
    public async Task Deactivating_a_user_ends_their_session_on_the_next_request()
    {
        var user = await Factory.CreateUserAsync("soon-inactive", "inactive-password-1");
        var client = await Factory.SignedInAsync(user.UserName, "inactive-password-1");
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));

        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var again = await Browser.SignInAsync(Factory.CreateClient(), user.UserName, "inactive-password-1");
        again.Headers.Location!.OriginalString.ShouldStartWith("/signin?error=invalid"); // a deactivated account is answered like a wrong password
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var user = await Factory.CreateUserAsync("leaving", "leaving-password-1");
        var client = await Factory.SignedInAsync(user.UserName, "leaving-password-1");

        var response = await Browser.SubmitAsync(client, "/me", new Dictionary<string, string>(), "/account/signout");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Successful_and_failed_sign_ins_are_audited_with_the_address()
    {
        var user = await Factory.CreateUserAsync("audited-signin", "audited-password-1");
        await Browser.SignInAsync(Factory.CreateClient(), user.UserName, "wrong-password");
        await Browser.SignInAsync(Factory.CreateClient(), user.UserName, "audited-password-1");

        var actions = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == AuditEntities.User && e.EntityId == user.Id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        actions.ShouldBe([AuditActions.SignInFailed, AuditActions.SignIn]);
    }
}
