using System.Net;
using System.Text.RegularExpressions;
using Duban.Core.Security;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests;

/// <summary>The pages as a browser without scripts uses them: server-rendered HTML and form posts.</summary>
public sealed class PagesTests(WebAppWithoutSamplePlansFixture app) : IClassFixture<WebAppWithoutSamplePlansFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [Fact]
    public async Task The_layout_shows_the_demo_banner_the_users_name_and_navigation_by_role()
    {
        var admin = await (await Factory.SignedInAsync(DemoAccounts.Admin)).GetStringAsync("/");
        admin.ShouldContain("演示模式");
        admin.ShouldContain("演示管理员");
        admin.ShouldContain("href=\"users\"");
        admin.ShouldContain("href=\"audit\"");
        admin.ShouldContain("退出");

        var reporter = await (await Factory.SignedInAsync(DemoAccounts.Reporter)).GetStringAsync("/");
        reporter.ShouldContain("演示填报员");
        reporter.ShouldContain("href=\"tasks\"");
        reporter.ShouldNotContain("href=\"users\"");
        reporter.ShouldNotContain("href=\"audit\"");

        var anonymous = await Factory.CreateClient().GetStringAsync("/");
        anonymous.ShouldContain("href=\"signin\"");
        anonymous.ShouldNotContain("href=\"tasks\"");
    }

    [Theory]
    [InlineData("/users")]
    [InlineData("/users/new")]
    [InlineData("/audit")]
    public async Task Administration_pages_are_denied_to_other_roles(string page)
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);

        var response = await reporter.GetAsync(page);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/denied");
    }

    [Fact]
    public async Task An_administrator_creates_a_user_with_the_form_and_sees_it_in_the_list()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);

        var response = await Browser.SubmitAsync(admin, "/users/new", new Dictionary<string, string>
        {
            ["Form.UserName"] = "form-reporter",
            ["Form.DisplayName"] = "表单填报员",
            ["Form.Role"] = nameof(Role.Reporter),
            ["Form.Scope"] = nameof(DataScope.Own),
            ["Form.OrganizationId"] = education.ToString(),
            ["Form.RegionId"] = "",
            ["Form.Password"] = "",
        }, formName: "new-user");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("已创建用户");
        html.ShouldContain("初始密码");
        var list = await admin.GetStringAsync("/users?q=form-reporter");
        list.ShouldContain("表单填报员");
        list.ShouldContain($"本单位（{DemoSeeder.CityEducation}）");
    }

    [Fact]
    public async Task A_form_error_is_shown_next_to_its_field_in_chinese()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await Browser.SubmitAsync(admin, "/users/new", new Dictionary<string, string>
        {
            ["Form.UserName"] = "x",
            ["Form.DisplayName"] = "太短",
            ["Form.Role"] = nameof(Role.Inspector),
            ["Form.Scope"] = nameof(DataScope.All),
        }, formName: "new-user");

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("class=\"validation-message\">用户名须为 3–50 个字母");
        (await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "x"))).ShouldBeFalse();
    }

    [Fact]
    public async Task An_administrator_edits_resets_and_deactivates_a_user()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var user = await Factory.CreateUserAsync("page-edited", "page-edited-password", Role.Inspector, DataScope.All);
        var victim = await Factory.SignedInAsync(user.UserName, "page-edited-password");
        var page = $"/users/{user.Id}";
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var version = Regex.Match(await admin.GetStringAsync(page), "name=\"Form.Version\" value=\"(?<v>[^\"]+)\"").Groups["v"].Value;

        var saved = await Browser.SubmitAsync(admin, page, new Dictionary<string, string>
        {
            ["Form.Version"] = version,
            ["Form.IsActive"] = "true",
            ["Form.DisplayName"] = "页面改名",
            ["Form.Role"] = nameof(Role.Inspector),
            ["Form.Scope"] = nameof(DataScope.RegionAndBelow),
            ["Form.RegionId"] = city.ToString(),
            ["Form.OrganizationId"] = "",
        }, formName: "edit-user");
        (await saved.Content.ReadAsStringAsync()).ShouldContain("已保存");

        // The same stale version again is refused, in Chinese.
        var stale = await Browser.SubmitAsync(admin, page, new Dictionary<string, string>
        {
            ["Form.Version"] = version,
            ["Form.IsActive"] = "true",
            ["Form.DisplayName"] = "过期的修改",
            ["Form.Role"] = nameof(Role.Inspector),
            ["Form.Scope"] = nameof(DataScope.All),
        }, formName: "edit-user");
        (await stale.Content.ReadAsStringAsync()).ShouldContain("已被他人修改");

        var reset = await Browser.SubmitAsync(admin, page, new Dictionary<string, string> { ["ResetPassword"] = "" }, formName: "reset-password");
        var newPassword = Regex.Match(await reset.Content.ReadAsStringAsync(), "value=\"(?<p>[A-Za-z0-9]{16})\" aria-label=\"新密码\"").Groups["p"].Value;
        newPassword.Length.ShouldBe(16);
        // The reset ends the user's sessions; the new password works.
        (await victim.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await Factory.SignedInAsync(user.UserName, newPassword);

        var currentVersion = await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Version).SingleAsync());
        var deactivated = await Browser.SubmitAsync(admin, page, new Dictionary<string, string> { ["ToggleVersion"] = currentVersion.ToString() }, formName: "toggle-active");
        (await deactivated.Content.ReadAsStringAsync()).ShouldContain("账户已停用");

        var stored = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id));
        stored.DisplayName.ShouldBe("页面改名");
        stored.Scope.ShouldBe(DataScope.RegionAndBelow);
        stored.IsActive.ShouldBeFalse();
        var actions = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == AuditEntities.User && e.EntityId == user.Id.ToString() && e.Actor == DemoAccounts.Admin)
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        actions.ShouldBe([AuditActions.UserUpdate, AuditActions.UserResetPassword, AuditActions.UserUpdate]);
    }

    [Fact]
    public async Task The_audit_page_lists_filters_and_writes_dates_in_chinese()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        await Factory.CreateUserAsync("audit-subject", "audit-subject-pw");
        await Browser.SignInAsync(Factory.CreateClient(), "audit-subject", "wrong-password");

        var all = await admin.GetStringAsync("/audit");
        all.ShouldContain("审计日志");
        Regex.IsMatch(all, @"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}").ShouldBeTrue();

        var failed = AuditRows(await admin.GetStringAsync($"/audit?action={AuditActions.SignInFailed}&user=audit-subject"));
        failed.ShouldContain("登录失败");
        failed.ShouldContain(AuditActions.SignInFailed);
        failed.ShouldNotContain(AuditActions.DemoSeed);
        AuditRows(await admin.GetStringAsync($"/audit?entity={AuditEntities.Database}")).ShouldContain(AuditActions.DemoSeed);

        var china = Duban.Web.Display.ChineseText.ToChinaTime(DateTimeOffset.UtcNow);
        var today = $"{china:yyyy-MM-dd}";
        (await admin.GetStringAsync($"/audit?from={today}&to={today}&user=audit-subject")).ShouldContain("登录失败");
        var yesterday = $"{china.AddDays(-1):yyyy-MM-dd}";
        (await admin.GetStringAsync($"/audit?to={yesterday}&user=audit-subject")).ShouldContain("没有符合条件的记录");
    }

    private static string AuditRows(string html) => Regex.Match(html, "<table[^>]*id=\"audit-list\".*?</table>", RegexOptions.Singleline).Value;

    [Fact]
    public async Task The_audit_page_pages()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        await Factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 60; i++)
                db.AuditEntries.Add(new Duban.Core.Audit.AuditEntry { At = DateTimeOffset.UtcNow, Actor = "bulk", Action = "bulk.test", EntityType = "test", EntityId = i.ToString() });
            await db.SaveChangesAsync();
        });

        var first = await admin.GetStringAsync("/audit?user=bulk");
        first.ShouldContain("共 60 条");
        first.ShouldContain("第 1 / 2 页");
        (await admin.GetStringAsync("/audit?user=bulk&page=2")).ShouldContain("第 2 / 2 页");
    }

    [Fact]
    public async Task A_user_changes_their_own_password_and_stays_signed_in()
    {
        var user = await Factory.CreateUserAsync("changes-password", "old-password-123");
        var client = await Factory.SignedInAsync(user.UserName, "old-password-123");

        var response = await Browser.SubmitAsync(client, "/me", new Dictionary<string, string>
        {
            ["Password.Current"] = "old-password-123",
            ["Password.New"] = "new-password-456",
            ["Password.Confirm"] = "new-password-456",
        }, formName: "change-password");

        (await response.Content.ReadAsStringAsync()).ShouldContain("密码已修改");
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Browser.SignInAsync(Factory.CreateClient(), user.UserName, "old-password-123")).Headers.Location!.OriginalString.ShouldStartWith("/signin?error=");
        await Factory.SignedInAsync(user.UserName, "new-password-456");
    }

    [Fact]
    public async Task Plans_and_tasks_pages_answer_on_an_empty_database()
    {
        (await Factory.CreateClient().GetStringAsync("/plans")).ShouldContain("没有可查看的计划");
        (await (await Factory.SignedInAsync(DemoAccounts.Reporter)).GetStringAsync("/tasks")).ShouldContain("没有符合条件的任务");
        (await Factory.CreateClient().GetAsync("/plans/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/plans?page=abc", HttpStatusCode.OK)]
    [InlineData("/users?page=-1", HttpStatusCode.OK)]
    [InlineData("/audit?page=第二页", HttpStatusCode.OK)]
    [InlineData("/organizations?org=x", HttpStatusCode.OK)]
    [InlineData("/organizations?region=x", HttpStatusCode.NotFound)]
    [InlineData("/supervision?page=x", HttpStatusCode.OK)]
    [InlineData("/supervision?page=2147483647", HttpStatusCode.OK)]
    [InlineData("/notifications?page=x", HttpStatusCode.OK)]
    [InlineData("/notifications?unread=0", HttpStatusCode.OK)]
    [InlineData("/notifications?unread=yes", HttpStatusCode.OK)]
    [InlineData("/users?page=2147483647", HttpStatusCode.OK)]
    public async Task A_hand_edited_address_with_an_unreadable_number_still_answers(string address, HttpStatusCode expected)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.GetAsync(address);

        response.StatusCode.ShouldBe(expected);
        (await response.Content.ReadAsStringAsync()).ShouldContain("督办");
    }

    [Theory]
    [InlineData("/audit?from=0001-01-01", "from（起始日期）必须在 2000-01-01 至")]
    [InlineData("/audit?to=9999-12-31", "to（截止日期）必须在 2000-01-01 至")]
    [InlineData("/audit?from=2026-13-01", "from（起始日期）不是有效的日期")]
    public async Task An_absurd_date_in_the_audit_filter_is_named_on_the_page_and_left_out(string address, string message)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.GetAsync(address);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(message);
        html.ShouldContain("已忽略该条件");
        // The list is still shown, without that bound: the demo seeding is in it.
        html.ShouldContain("audit-list");
    }

    [Fact]
    public async Task The_denied_page_answers_403_and_the_not_found_page_404()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);

        var refused = await reporter.GetAsync("/users");
        var denied = await reporter.GetAsync(refused.Headers.Location!);
        var missing = await Factory.CreateClient().GetAsync("/not-found");
        var unknown = await reporter.GetAsync("/no-such-page");

        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.AbsolutePath.ShouldBe("/denied");
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await denied.Content.ReadAsStringAsync()).ShouldContain("您的角色无权访问该页面");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
    }

    [Fact]
    public async Task Static_assets_from_npm_are_served()
    {
        var client = Factory.CreateClient();
        var html = await client.GetStringAsync("/signin");
        var css = Regex.Match(html, "href=\"(?<href>lib/bootstrap/bootstrap\\.min\\.[a-z0-9]+\\.css)\"").Groups["href"].Value;
        css.ShouldNotBeEmpty();

        var response = await client.GetAsync("/" + css);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // With nosniff a browser ignores a style sheet served without its type.
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/css");
        (await client.GetAsync("/lib/echarts/echarts.min.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var response = await Factory.CreateClient().GetAsync("/signin");

        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }
}
