using System.Net;
using System.Text.Json;
using Duban.Core.Notifications;
using Duban.Data.Notifications;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Duban.Web.Tests.EndToEnd;

/// <summary>
/// The layout as a person sees it, with blazor.web.js on: the sidebar and the top bar on a laptop (1366×768) and a phone
/// (390×844) with a notification badge that reads 99+, every label on one line; the phone's menu opening with and
/// without script; enhanced navigation keeping the page and moving the mark. Screenshots in screenshots/shell-*.png.
/// </summary>
public sealed class ShellInBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
    private DubanWebFactory? factory;

    /// <summary>
    /// Every visible label of the shell with its height and line height, and whether its text is cut: a label on one line
    /// is no taller than one line: its content box (without padding and borders) is less than 1.5 line heights.
    /// </summary>
    private const string MeasureLabels = """
        () => Array.from(document.querySelectorAll('.app-menu-label, .app-brand span, .app-brand small, .app-topbar-text, .app-topbar-brand, #notification-badge .badge, .app-topbar-signout'))
            .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
            .map(e => {
                const box = e.getBoundingClientRect(), style = getComputedStyle(e);
                // The content's height: padding and borders are not lines.
                const height = box.height - ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce((sum, p) => sum + parseFloat(style[p]), 0);
                return { text: e.innerText.trim(), height, lineHeight: parseFloat(style.lineHeight),
                    cut: e.scrollWidth > e.clientWidth + 1, right: box.right };
            })
        """;

    private sealed class Label
    {
        public string Text { get; set; } = "";
        public double Height { get; set; }
        public double LineHeight { get; set; }
        public bool Cut { get; set; }
        public double Right { get; set; }
    }

    [ChromiumFact]
    public async Task The_sidebar_and_top_bar_keep_every_label_on_one_line_on_a_laptop_and_a_phone_with_a_full_badge()
    {
        var address = StartServer();
        var adminId = await factory!.WithDbAsync(db => db.Users.Where(u => u.UserName == DemoAccounts.Admin).Select(u => u.Id).SingleAsync());
        await factory.WithDbAsync(async db =>
        {
            var centre = new NotificationCenter(db);
            for (var i = 0; i < 120; i++)
                await centre.NotifyUserAsync(adminId, new NotificationMessage(NotificationKinds.Reminder, $"提醒 {i}", "请按时填报。", "tasks", $"shell:{i}"), DateTimeOffset.UtcNow);
        });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTestSupport.LaunchChromiumAsync(playwright);
        var page = await BrowserTestSupport.NewPageAsync(browser);
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text + " " + message.Location); };
        await BrowserTestSupport.SignInAsync(page, address, DemoAccounts.Admin, DemoAccounts.Password);
        await page.GotoAsync(address + "/");

        // blazor.web.js is on (the project's default).
        (await page.EvaluateAsync<bool>("() => typeof Blazor !== 'undefined'")).ShouldBeTrue("blazor.web.js should be loaded by default");

        // Laptop: the sidebar is there with the administrator's groups, 工作台 marked; the top bar has the user, 99+, the scope.
        (await page.Locator("#app-sidebar").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator(".app-menu-link.top-level").InnerTextAsync()).Trim().ShouldBe("工作台");
        (await page.Locator(".app-menu-heading").AllInnerTextsAsync()).Select(t => t.Trim()).ShouldBe(["计划与任务", "填报与审核", "督办", "统计分析", "系统管理"]);
        (await page.Locator(".app-menu-link.active").InnerTextAsync()).Trim().ShouldBe("工作台");
        // The groups fold (closed away from their pages); opened, each entry still fits on one line.
        (await page.Locator("details.app-menu-group[open]").CountAsync()).ShouldBe(0);
        await OpenEveryGroupAsync(page);
        (await page.Locator("#notification-badge .badge").InnerTextAsync()).ShouldBe("99+");
        (await page.Locator("#topbar-user").InnerTextAsync()).ShouldContain("演示管理员");
        (await page.Locator("#topbar-scope").InnerTextAsync()).ShouldContain("全部");
        await OneLineAsync(page, 1366, "laptop");
        (await BrowserTestSupport.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(1366);
        await ScreenshotAsync(page, "shell-1366x768.png");

        // The 工作台's 逾期 leads to a list of exactly that many tasks (enhanced navigation: wait for the list, not the address).
        var overdue = int.Parse(await page.Locator("#work-overdue").GetAttributeAsync("data-count") ?? "-1");
        overdue.ShouldBeGreaterThan(0, "the demo plans have tasks past their deadlines");
        await page.Locator("#work-overdue").ClickAsync();
        await page.Locator("#task-list").WaitForAsync();
        (await page.Locator("body").InnerTextAsync()).ShouldContain($"共 {overdue} 条");
        await page.GotoAsync(address + "/");

        // Enhanced navigation: a sidebar link replaces the page in place (the window's state survives) and moves the mark.
        await page.EvaluateAsync("() => { window.shellMarker = 'kept'; }");
        await page.Locator("summary", new() { HasText = "计划与任务" }).ClickAsync();
        await page.Locator(".app-menu-link[href='tasks']").ClickAsync();
        await page.Locator("#task-list").WaitForAsync();
        // On the new page only the current page's group is open.
        (await page.Locator("details.app-menu-group[open] > summary").AllInnerTextsAsync()).Select(t => t.Trim()).ShouldBe(["计划与任务"]);
        (await page.EvaluateAsync<string?>("() => window.shellMarker")).ShouldBe("kept", "the sidebar link should be followed by enhanced navigation");
        (await page.Locator(".app-menu-link.active").InnerTextAsync()).Trim().ShouldBe("任务");
        (await page.Locator(".app-menu-link[aria-current=page]").GetAttributeAsync("href")).ShouldBe("tasks");

        // The 总览's chart is drawn after enhanced navigation too (its script is run again: wwwroot/js/enhanced-pages.js).
        await page.Locator("summary", new() { HasText = "统计分析" }).ClickAsync();
        await page.Locator(".app-menu-link[href='dashboard']").ClickAsync();
        await page.Locator("#dashboard-lagging-data").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await page.EvaluateAsync<string?>("() => window.shellMarker")).ShouldBe("kept");
        var lagging = JsonDocument.Parse(await page.Locator("#dashboard-lagging-data").TextContentAsync() ?? "[]").RootElement.GetArrayLength();
        if (lagging > 0) await page.Locator("#dashboard-lagging-chart canvas").WaitForAsync();
        else output.WriteLine("no lagging organisations in this data: the chart check was skipped");
        await ScreenshotAsync(page, "shell-dashboard-1366x768.png");

        // Phone: the sidebar is folded away; the top bar still holds the menu button, 99+ and the user on one line each.
        await page.GotoAsync(address + "/");
        await page.SetViewportSizeAsync(390, 844);
        // Hidden once its slide-out transition (0.2 s) ends.
        await page.Locator("#app-sidebar").WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 2_000 });
        (await page.Locator(".app-topbar-toggler").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("#notification-badge .badge").InnerTextAsync()).ShouldBe("99+");
        await OneLineAsync(page, 390, "phone");
        (await BrowserTestSupport.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync(page, "shell-phone.png");

        // The menu button opens the sidebar; following a link there closes it again on the next page.
        await page.Locator(".app-topbar-toggler").ClickAsync();
        await page.Locator("#app-sidebar").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.WaitForTimeoutAsync(300); // the slide-in transition, for the screenshot and the measurements
        (await page.Locator("#sidebar-user").InnerTextAsync()).ShouldContain("数据范围：全部");
        await OpenEveryGroupAsync(page);
        await OneLineAsync(page, 390, "phone menu");
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("shell-phone-menu.png") });
        await page.Locator(".app-menu-link[href='supervision']").ClickAsync();
        await page.Locator("h1", new() { HasText = "督办单" }).WaitForAsync();
        await page.Locator("#app-sidebar").WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        // A link into the API (a file, JSON) is the browser's to load, not enhanced navigation's: a full load of the JSON.
        await page.EvaluateAsync("() => { window.shellMarker = 'kept'; const a = document.createElement('a'); a.id = 'api-link'; a.href = 'api/v1/me'; a.textContent = 'me'; document.querySelector('h1').after(a); }");
        await page.Locator("#api-link").ClickAsync();
        await page.WaitForURLAsync(address + "/api/v1/me");
        (await page.Locator("body").InnerTextAsync()).ShouldContain("\"userName\"");
        (await page.EvaluateAsync<string?>("() => window.shellMarker ?? null")).ShouldBeNull("the API's answer should be a page load of its own");
        problems.ShouldBeEmpty();
    }

    [ChromiumFact]
    public async Task Without_script_the_phone_menu_still_opens_and_its_links_still_load_pages()
    {
        var address = StartServer();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTestSupport.LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "zh-CN", JavaScriptEnabled = false,
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await BrowserTestSupport.SignInAsync(page, address, DemoAccounts.Reporter, DemoAccounts.Password);
        await page.GotoAsync(address + "/");

        (await page.Locator("#app-sidebar").IsVisibleAsync()).ShouldBeFalse();
        await page.Locator(".app-topbar-toggler").ClickAsync();
        await page.Locator("#app-sidebar").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        // A reporter's menu: no administration, no 总览 or 地区对比, no Webhook, no API documentation; 考核 (their own score card).
        var links = await page.Locator(".app-menu-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        links.ShouldBe(["", "plans", "tasks", "my", "templates", "supervision", "bodies", "assessments"]);
        await page.Locator("summary", new() { HasText = "填报与审核" }).ClickAsync();
        await page.Locator(".app-menu-link[href='my']").ClickAsync();
        await page.WaitForURLAsync(address + "/my");
        await page.Locator("#work-counts").WaitForAsync();
        // The menu is folded again on the new page; the mark is in it all the same.
        (await page.Locator(".app-menu-link.active").TextContentAsync())!.Trim().ShouldBe("我的任务");
        await ScreenshotAsync(page, "shell-phone-reporter-noscript.png");
    }

    [ChromiumFact]
    public async Task On_a_phone_the_supervision_and_body_lists_keep_their_text_columns_readable_and_scroll_in_their_frames()
    {
        var address = StartServer();
        var admin = await factory!.WithDbAsync(db => db.Users.Where(u => u.UserName == DemoAccounts.Admin).Select(u => new { u.Id, u.UserName }).SingleAsync());
        var assignment = await factory.WithDbAsync(db => db.Assignments.Where(a => a.Organization!.Name == DemoSeeder.CityEducation)
            .OrderBy(a => a.Id).Select(a => new { a.TaskId, a.OrganizationId }).FirstAsync());
        using (var scope = factory.Services.CreateScope())
        {
            var issued = await scope.ServiceProvider.GetRequiredService<Duban.Data.Supervision.SupervisionDesk>().IssueAsync(
                new Duban.Data.Tracking.TrackingActor(admin.Id, admin.UserName, Duban.Core.Security.Role.Admin, null),
                new Duban.Data.Supervision.NewOrder(assignment.TaskId, assignment.OrganizationId, "请说明进度滞后的原因和整改措施。", null));
            issued.Error.ShouldBeNull();
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTestSupport.LaunchChromiumAsync(playwright);
        var page = await BrowserTestSupport.NewPageAsync(browser);
        await BrowserTestSupport.SignInAsync(page, address, DemoAccounts.Admin, DemoAccounts.Password);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(address + "/supervision?status=all");

        // Before: 事项 and 责任单位 were squeezed to one or two characters a line (25 px), the dates broken into four lines.
        var widths = await page.EvaluateAsync<double[]>("() => ['td.order-subject', 'td.order-organization'].map(s => document.querySelector(s).getBoundingClientRect().width)");
        widths[0].ShouldBeGreaterThan(150, "事项");
        widths[1].ShouldBeGreaterThan(80, "责任单位");
        // The task's number and its text were run together (3推进中高职…): a gap between them now.
        var gap = await page.EvaluateAsync<double>("() => { const td = document.querySelector('td.order-subject'); return td.querySelector('span').getClientRects()[0].left - td.querySelector('a').getBoundingClientRect().right; }");
        gap.ShouldBeGreaterThan(2);
        (await BrowserTestSupport.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(390, "the table scrolls inside its frame, not the page");
        await ScreenshotAsync(page, "supervision-list-phone.png");

        // The same for 议事机构, whose eight columns had squeezed every name to two characters a line.
        var plan = await factory.WithDbAsync(db => db.Tasks.Where(t => t.Id == assignment.TaskId).Select(t => t.PlanId).SingleAsync());
        await Duban.Web.Tests.Authorization.GovernanceSamples.AddAsync(factory, "手机", plan);
        await page.GotoAsync(address + "/bodies");
        var bodyWidths = await page.EvaluateAsync<double[]>("() => ['td.body-list-name', 'td.body-list-plan'].map(s => document.querySelector(s).getBoundingClientRect().width)");
        bodyWidths.ShouldAllBe(w => w > 150);
        (await BrowserTestSupport.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync(page, "bodies-phone.png");
    }

    private static async Task OpenEveryGroupAsync(IPage page)
    {
        var closed = page.Locator("details.app-menu-group:not([open]) > summary");
        while (await closed.CountAsync() > 0) await closed.First.ClickAsync();
    }

    /// <summary>No label of the shell wraps, is cut, or runs past the right edge of the window.</summary>
    private async Task OneLineAsync(IPage page, int width, string what)
    {
        var labels = await page.EvaluateAsync<Label[]>(MeasureLabels);
        labels.Length.ShouldBeGreaterThan(3, $"{what}: the shell's labels should be found");
        foreach (var label in labels) output.WriteLine($"{what}: {label.Text} {label.Height:0.#}px / line {label.LineHeight:0.#}px{(label.Cut ? " cut" : "")}");
        labels.Where(l => l.Height > l.LineHeight * 1.5).Select(l => l.Text).ShouldBeEmpty($"{what}: labels on more than one line");
        labels.Where(l => l.Cut).Select(l => l.Text).ShouldBeEmpty($"{what}: labels cut short");
        labels.Where(l => l.Right > width).Select(l => l.Text).ShouldBeEmpty($"{what}: labels past the window's right edge");
    }

    private string StartServer()
    {
        (factory, var address) = BrowserTestSupport.StartServer(directory, output);
        return address;
    }

    private static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private Task ScreenshotAsync(IPage page, string name) => BrowserTestSupport.ScreenshotAsync(page, name, output);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => BrowserTestSupport.DisposeAsync(factory, directory);
}
