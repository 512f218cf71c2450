using System.Net;
using Duban.Core.Security;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Security;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests;

public sealed class NoDemoFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Enabled"] = "false" };
}

public sealed class AdministratorFromEnvironmentFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "false",
        ["Setup:AdminUserName"] = "chief",
        ["Setup:AdminPassword"] = "chief-password-1",
    };
}

/// <summary>Outside demo mode there is no built-in password: the first administrator comes from a set-up link.</summary>
public sealed class SetupLinkTests(NoDemoFixture app) : IClassFixture<NoDemoFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [Fact]
    public async Task Without_demo_mode_there_are_no_demo_users_no_banner_and_the_demo_password_opens_nothing()
    {
        string[] demo = [Duban.Web.Demo.DemoAccounts.Admin, Duban.Web.Demo.DemoAccounts.Reporter, Duban.Web.Demo.DemoAccounts.Inspector];
        (await Factory.WithDbAsync(db => db.Users.AnyAsync(u => demo.Contains(u.UserName)))).ShouldBeFalse();
        (await Factory.WithDbAsync(db => db.Regions.AnyAsync())).ShouldBeFalse();
        (await Factory.CreateClient().GetStringAsync("/signin")).ShouldNotContain("演示模式");
        (await Browser.SignInAsync(Factory.CreateClient(), "admin", Duban.Web.Demo.DemoAccounts.Password)).Headers.Location!.OriginalString
            .ShouldStartWith("/signin?error=invalid");
    }

    [Fact]
    public async Task The_set_up_link_creates_the_first_administrator_once()
    {
        var client = Factory.CreateClient();
        (await client.GetStringAsync("/setup?token=forged")).ShouldContain("设置链接无效");
        (await client.GetStringAsync("/setup?token=%21%21%21")).ShouldContain("设置链接无效");

        var token = Factory.Services.GetRequiredService<SetupTokens>().Create();
        var page = $"/setup?token={Uri.EscapeDataString(token)}";
        var response = await Browser.SubmitAsync(client, page, new Dictionary<string, string>
        {
            ["Admin.UserName"] = "office",
            ["Admin.DisplayName"] = "领导小组办公室",
            ["Admin.Password"] = "office-password-1",
        }, formName: "setup");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/users");
        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();
        me.GetProperty("role").GetString().ShouldBe("admin");
        me.GetProperty("scope").GetString().ShouldBe("all");
        (await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.SetupFirstAdmin))).Actor.ShouldBe("office");

        // The same link is spent: an administrator exists.
        (await Factory.CreateClient().GetStringAsync(page)).ShouldContain("设置链接已失效");
        (await Factory.WithDbAsync(db => db.Users.CountAsync(u => u.Role == Role.Admin))).ShouldBe(1);
    }
}

public sealed class AdministratorFromEnvironmentTests(AdministratorFromEnvironmentFixture app) : IClassFixture<AdministratorFromEnvironmentFixture>
{
    [Fact]
    public async Task The_first_administrator_can_come_from_configuration()
    {
        var admins = await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Role == Role.Admin).Select(u => u.UserName).ToListAsync());

        admins.ShouldBe(["chief"]);
        await app.Factory.SignedInAsync("chief", "chief-password-1");
    }
}
