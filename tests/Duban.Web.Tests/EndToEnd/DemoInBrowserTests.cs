using System.Net;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Duban.Web.Tests.EndToEnd;

/// <summary>The demo as a person sees it: the real server on a loopback port, headless Chromium, screenshots to look at.</summary>
public sealed class DemoInBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
    private DubanWebFactory? factory;

    [ChromiumFact]
    public async Task The_demo_administrator_signs_in_and_sees_the_banner_and_the_user_list()
    {
        File.Exists(ChromiumFactAttribute.ChromiumPath).ShouldBeTrue(
            $"{ChromiumFactAttribute.ChromiumPath} is missing and CI=true: the CI script must install chromium and fonts-wqy-microhei.");
        var address = StartServer();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTestSupport.LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "zh-CN" });
        // Two cores shared with the other test classes: a page may take a while, it will not take a minute.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };

        await page.GotoAsync(address + "/users");
        var form = page.Url;
        form.ShouldStartWith(address + "/signin?returnUrl=");
        await page.FillAsync("#userName", DemoAccounts.Admin);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("form[action='account/signin'] button[type=submit]");
        // Wherever the post leads (the list, the form with an error, an error page), it leaves this address.
        await page.WaitForURLAsync(url => url != form);
        await page.WaitForLoadStateAsync();
        if (page.Url != address + "/users")
        {
            await ScreenshotAsync(page, "after-sign-in.png");
            page.Url.ShouldBe(address + "/users", "signing in should lead back to the user list; see after-sign-in.png");
        }

        await ScreenshotAsync(page, "users-1366x768.png");
        (await page.Locator(".demo-banner").InnerTextAsync()).ShouldContain("演示模式");
        (await page.Locator("#topbar-user").InnerTextAsync()).ShouldContain("演示管理员");
        var rows = await page.Locator("#user-list tbody tr").AllInnerTextsAsync();
        rows.ShouldContain(r => r.Contains(DemoAccounts.Admin) && r.Contains("管理员"));
        rows.ShouldContain(r => r.Contains(DemoAccounts.Reporter) && r.Contains("清河市教育局"));
        rows.ShouldContain(r => r.Contains(DemoAccounts.Inspector) && r.Contains("本区域及下级（清河市）"));
        // Bootstrap came from wwwroot/lib (a small button's padding is its .btn-sm, not the browser's), and app.css (the top bar is a flex row).
        (await page.Locator(".app-topbar-signout").EvaluateAsync<string>("e => getComputedStyle(e).paddingLeft")).ShouldBe("8px");
        (await page.Locator(".app-topbar").EvaluateAsync<string>("e => getComputedStyle(e).display")).ShouldBe("flex");
        problems.ShouldBeEmpty();

        // The same page on a phone: the sidebar folds away behind the menu button, the table scrolls inside its frame.
        await page.SetViewportSizeAsync(390, 844);
        await page.Locator("#app-sidebar").WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 2_000 });
        await page.ClickAsync(".app-topbar-toggler");
        await page.Locator("#app-sidebar").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        // On /users the group 系统管理 is open, with 审计日志 in it.
        (await page.Locator(".app-menu-link[href='audit']").IsVisibleAsync()).ShouldBeTrue();
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        scrollWidth.ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync(page, "users-phone.png");
    }

    private string StartServer()
    {
        (factory, var address) = BrowserTestSupport.StartServer(directory, output);
        return address;
    }

    private Task ScreenshotAsync(IPage page, string name) => BrowserTestSupport.ScreenshotAsync(page, name, output);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => BrowserTestSupport.DisposeAsync(factory, directory);
}
