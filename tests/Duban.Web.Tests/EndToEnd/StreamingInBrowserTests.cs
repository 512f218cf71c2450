using System.Net;
using Duban.Web.Components.Streaming;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Duban.Web.Tests.EndToEnd;

/// <summary>
/// The streamed pages (Components/Streaming) in a browser: with blazor.web.js a link is fetched by enhanced navigation,
/// streamed, and ends on the full content; with JavaScript off the same links load whole pages, no 加载中… left.
/// Screenshots in screenshots/streaming-*.png.
/// </summary>
public sealed class StreamingInBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
    private DubanWebFactory? factory;

    [ChromiumFact]
    public async Task With_script_links_to_streamed_pages_are_fetched_by_enhanced_navigation_and_end_on_the_full_content()
    {
        var address = StartServer();
        var city = await factory!.RegionIdAsync(DemoSeeder.City);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTestSupport.LaunchChromiumAsync(playwright);
        var page = await BrowserTestSupport.NewPageAsync(browser);
        var problems = BrowserTestSupport.CollectProblems(page);
        await BrowserTestSupport.SignInAsync(page, address, DemoAccounts.Admin, DemoAccounts.Password);
        await page.GotoAsync(address + "/");
        // Loaded by the browser itself: in one piece, the figures there at once.
        (await page.Locator("#workbench").IsVisibleAsync()).ShouldBeTrue();
        await page.EvaluateAsync("() => { window.streamMarker = 'kept'; }");

        // 工作台 → 总览 (sidebar) → 地区对比 (the 总览's link) → 任务 (the 总览's total): each by enhanced navigation, streamed.
        await page.Locator("summary", new() { HasText = "统计分析" }).ClickAsync();
        await FollowAsync(page, () => page.Locator(".app-menu-link[href='dashboard']").ClickAsync(), "/dashboard", "#status-counts");
        await page.GotoAsync($"{address}/dashboard?regionId={city}");
        await page.EvaluateAsync("() => { window.streamMarker = 'kept'; }");
        await FollowAsync(page, () => page.Locator("#comparison-link").ClickAsync(), "/comparison", "#completion-table");
        // The heatmap's scripts arrive in the streamed part and are run all the same (wwwroot/js/enhanced-pages.js).
        await page.Locator("#comparison-chart canvas").WaitForAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldContain(DemoSeeder.City);
        await BrowserTestSupport.ScreenshotAsync(page, "streaming-comparison.png", output);
        await page.GoBackAsync();
        await page.Locator("#status-counts").WaitForAsync();
        await FollowAsync(page, () => page.Locator("#task-total").ClickAsync(), "/tasks", "#task-list");

        // 计划, 督办单, 考核 and an assessment (the sample activity's), from the sidebar and the list: streamed alike.
        await FollowAsync(page, () => MenuLinkAsync(page, "计划与任务", "plans"), "/plans", "#plan-list");
        await FollowAsync(page, () => MenuLinkAsync(page, "督办", "supervision"), "/supervision", "#order-filter");
        await FollowAsync(page, () => MenuLinkAsync(page, "统计分析", "assessments"), "/assessments", "#assessment-list");
        var assessment = await page.Locator("#assessment-list a").First.GetAttributeAsync("href");
        await FollowAsync(page, () => page.Locator("#assessment-list a").First.ClickAsync(), "/" + assessment, "#runs");
        problems.ShouldBeEmpty();
    }

    /// <summary>Clicks a sidebar link, its group unfolded first (clicking the summary of an open group would fold it).</summary>
    private static async Task MenuLinkAsync(IPage page, string group, string href)
    {
        await page.EvaluateAsync("""
            title => { for (const d of document.querySelectorAll('details')) if (d.querySelector('summary')?.textContent.includes(title)) d.open = true; }
            """, group);
        await page.Locator($".app-menu-link[href='{href}']").ClickAsync();
    }

    [ChromiumFact]
    public async Task Without_script_the_same_links_load_whole_pages_with_no_placeholder_left()
    {
        var address = StartServer();
        var city = await factory!.RegionIdAsync(DemoSeeder.City);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTestSupport.LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "zh-CN", JavaScriptEnabled = false,
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await BrowserTestSupport.SignInAsync(page, address, DemoAccounts.Admin, DemoAccounts.Password);
        await page.GotoAsync(address + "/");
        await WholeAsync(page, "#workbench");

        await page.Locator("summary", new() { HasText = "统计分析" }).ClickAsync();
        await page.Locator(".app-menu-link[href='dashboard']").ClickAsync();
        await page.WaitForURLAsync(address + "/dashboard");
        await WholeAsync(page, "#status-counts");
        await page.GotoAsync($"{address}/dashboard?regionId={city}");
        await page.Locator("#comparison-link").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/comparison"));
        await WholeAsync(page, "#completion-table");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain(DemoSeeder.City);
        await BrowserTestSupport.ScreenshotAsync(page, "streaming-comparison-noscript.png", output);
        await page.GoBackAsync();
        await page.Locator("#task-total").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/tasks"));
        await WholeAsync(page, "#task-list");
    }

    /// <summary>
    /// Records whether a 加载中… placeholder is ever put into the page, however briefly: added as an element, or an
    /// element the DOM merge reused given its attribute.
    /// </summary>
    private const string WatchForPlaceholder = """
        () => {
            window.sawPlaceholder = false;
            new MutationObserver(records => {
                for (const r of records) {
                    if (r.type === 'attributes' && r.oldValue === null) window.sawPlaceholder = true;
                    for (const n of r.addedNodes)
                        if (n instanceof Element && (n.matches('[data-page-loading]') || n.querySelector('[data-page-loading]'))) window.sawPlaceholder = true;
                }
            }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-page-loading'], attributeOldValue: true });
        }
        """;

    /// <summary>
    /// Clicks, and checks the page came by enhanced navigation (blazor.web.js's Accept header, the window kept) and was
    /// streamed (its placeholder went into the page first), and that it ends on its content with no placeholder left.
    /// </summary>
    private static async Task FollowAsync(IPage page, Func<Task> click, string path, string content)
    {
        await page.EvaluateAsync(WatchForPlaceholder);
        // The fetch's body is not kept by the browser once streamed; its request headers and the page tell enough.
        var response = await page.RunAndWaitForResponseAsync(click, r => new Uri(r.Url).AbsolutePath == path);
        (await response.Request.HeaderValueAsync("accept")).ShouldBe(EnhancedNavigation.AcceptHeader, path);
        await page.Locator(content).WaitForAsync();
        (await page.EvaluateAsync<bool>("() => window.sawPlaceholder")).ShouldBeTrue($"{path} should have been streamed: 加载中… first");
        await page.Locator("[data-page-loading]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await page.EvaluateAsync<string?>("() => window.streamMarker ?? null")).ShouldBe("kept", $"{path} should replace the page in place");
    }

    /// <summary>The page shows its content and nothing of a placeholder.</summary>
    private static async Task WholeAsync(IPage page, string content)
    {
        (await page.Locator(content).IsVisibleAsync()).ShouldBeTrue(content);
        (await page.Locator("[data-page-loading]").CountAsync()).ShouldBe(0, content);
        (await page.Locator("body").InnerTextAsync()).ShouldNotContain("加载中", customMessage: content);
    }

    private string StartServer()
    {
        (factory, var address) = BrowserTestSupport.StartServer(directory, output, sampleActivity: true);
        return address;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => BrowserTestSupport.DisposeAsync(factory, directory);
}
