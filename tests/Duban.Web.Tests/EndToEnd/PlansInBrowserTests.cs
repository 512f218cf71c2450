using System.Net;
using Duban.Core.Plans;
using Duban.Data.Import;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Duban.Web.Tests.EndToEnd;

/// <summary>The plan reader and the task list in Chromium: a task link highlights its span, and nothing overflows sideways.</summary>
public sealed class PlansInBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
    private DubanWebFactory? factory;

    [ChromiumFact]
    public async Task A_task_link_highlights_its_span_and_the_pages_fit_a_laptop_and_a_phone()
    {
        factory = new DubanWebFactory(directory, new Dictionary<string, string?> { ["Web:HttpsOnly"] = "false", ["Demo:SamplePlans"] = "false" });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        var city = await factory.RegionIdAsync(DemoSeeder.City);
        var planId = await PlansFixture.ImportAsync(factory, "deadline-forms.txt", new PlanRegion.Existing(city));
        await factory.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == planId)).Status = PlanStatus.Published;
            await db.SaveChangesAsync();
        });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTestSupport.LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{address}/plans/{planId}");
        var link = page.Locator("#task-lists a").Nth(1);
        var href = await link.GetAttributeAsync("href") ?? "";
        var anchor = href[(href.IndexOf('#') + 1)..];
        await link.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("#" + anchor));
        (await page.Locator($"mark#{anchor}").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor")).ShouldBe("rgb(255, 193, 7)");
        await ScreenshotAsync(page, "plan-reader-1366x768.png");
        (await BrowserTestSupport.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(1366);

        await page.SetViewportSizeAsync(390, 844);
        (await BrowserTestSupport.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync(page, "plan-reader-phone.png");

        // The version diff of a revision with one task edited: old and new side by side, fitting a phone and a laptop.
        var revised = (await File.ReadAllTextAsync(Path.Combine(Import.ImportTestData.SamplesFolder(), "deadline-forms.txt"))).Replace("发布专业预警名单。", "发布专业预警名单，动态调整专业结构。");
        (await PlansFixture.ImportAsync(factory, System.Text.Encoding.UTF8.GetBytes(revised), "deadline-forms-revised.txt", new PlanRegion.Existing(city))).ShouldBe(planId);
        await page.GotoAsync($"{address}/plans/{planId}/diff");
        (await page.Locator(".diff-changed").CountAsync()).ShouldBe(1);
        (await page.Locator(".diff-changed ins").InnerTextAsync()).ShouldContain("动态调整专业结构");
        (await BrowserTestSupport.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync(page, "plan-diff-phone.png");
        await page.SetViewportSizeAsync(1366, 768);
        (await BrowserTestSupport.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(1366);
        await ScreenshotAsync(page, "plan-diff-1366x768.png");
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync(address + "/signin");
        await page.FillAsync("#userName", DemoAccounts.Admin);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("form[action='account/signin'] button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/signin"));
        await page.GotoAsync(address + "/tasks?sort=number");
        (await page.Locator("#task-list tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await BrowserTestSupport.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync(page, "tasks-phone.png");
        await page.SetViewportSizeAsync(1366, 768);
        (await BrowserTestSupport.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(1366);
        await ScreenshotAsync(page, "tasks-1366x768.png");
    }


    private Task ScreenshotAsync(IPage page, string name) => BrowserTestSupport.ScreenshotAsync(page, name, output);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => BrowserTestSupport.DisposeAsync(factory, directory);
}
