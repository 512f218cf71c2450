using System.Net;
using Duban.Core.Security;
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
/// Issue 11's browser proof, on a deployment holding 甘肃省's real regions: an administrator imports 平凉's plan through
/// the wizard, unticks one county from a collective, corrects one task's deadline and adds a unit the document left out,
/// confirms, publishes, and sees on the plan page what the next escalation run would do: no 督办单 for 2021–2023's
/// deadlines, which wait for their baseline.
/// </summary>
public sealed class RealPlanImportInBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
    private DubanWebFactory? factory;

    [ChromiumSeedFact]
    public async Task Pingliang_is_imported_corrected_in_the_review_published_and_previewed()
    {
        factory = new DubanWebFactory(directory, new Dictionary<string, string?>
        {
            ["Web:HttpsOnly"] = "false",
            ["Demo:SamplePlans"] = "false",
            ["Divisions:Root"] = "620000",
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTestSupport.LaunchChromiumAsync(playwright);
        var page = await BrowserTestSupport.NewPageAsync(browser);
        await BrowserTestSupport.SignInAsync(page, address, DemoAccounts.Admin, DemoAccounts.Password);

        // Upload with the region left to the document: 平凉市人民政府 → 平凉市 620800.
        await page.GotoAsync(address + "/import");
        await page.SetInputFilesAsync("#file", SeedFiles.PathOf("000"));
        await page.ClickAsync("#upload-form button[type=submit]:not([form])");
        await page.WaitForSelectorAsync("#unit-form");
        (await page.InnerTextAsync("body")).ShouldContain("620800");

        // Untick 华亭市 from 各县市; correct task 1's deadline; add 市科技局 to task 2; apply and review again.
        var counties = page.Locator("tr.unit-row[data-unit='各县市'] .expand-choices");
        (await counties.Locator("label").AllInnerTextsAsync()).Count.ShouldBe(7);
        await counties.Locator("label", new() { HasText = "华亭市人民政府" }).ClickAsync();
        var first = page.Locator("li.review-task").Nth(0);
        var firstKey = await first.GetAttributeAsync("data-key");
        await first.Locator("summary").ClickAsync();
        await first.Locator("input[name^=deadline-]").FillAsync("2027年6月底前");
        var second = page.Locator("li.review-task").Nth(1);
        var secondKey = await second.GetAttributeAsync("data-key");
        await second.Locator("summary").ClickAsync();
        await second.Locator("input[name^=addUnit-]").FillAsync("市科技局");
        await page.ClickAsync("#unit-form button[name=intent][value=apply]");
        await page.WaitForSelectorAsync("#review-edits");
        await page.WaitForSelectorAsync("tr.unit-row[data-unit='市科技局']");
        (await page.Locator("li.review-task .badge", new() { HasText = "已修改" }).CountAsync()).ShouldBe(2);
        var huating = page.Locator("tr.unit-row[data-unit='各县市'] .expand-choices label", new() { HasText = "华亭市人民政府" });
        (await page.IsCheckedAsync($"#{await huating.GetAttributeAsync("for")}")).ShouldBeFalse("the unticked county stays unticked");
        await BrowserTestSupport.ScreenshotAsync(page, "import-real-review.png", output);

        await page.ClickAsync("#confirm-import");
        await page.WaitForSelectorAsync("#import-result");
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        await factory.WithDbAsync(async db =>
        {
            var corrected = await db.Tasks.SingleAsync(t => t.Key == firstKey);
            corrected.Due.ShouldBe(new DateOnly(2027, 6, 30));
            var added = await db.Assignments.Where(a => a.Task!.Key == secondKey).Select(a => a.Organization!.Name).ToListAsync();
            added.ShouldContain("平凉市科学技术局");
            var expanded = await db.Assignments.Where(a => a.UnitName == "各县市").Select(a => a.Organization!.Name).Distinct().ToListAsync();
            expanded.Count.ShouldBe(6);
            expanded.ShouldNotContain("华亭市人民政府");
            return true;
        });

        // Publish, then the plan page previews the next escalation run.
        await page.GotoAsync($"{address}/plans/{planId}");
        await page.ClickAsync("button[name=NewStatus][value=published]");
        // The form is enhanced: the page is replaced in place, and the 发布 button goes once the plan is published.
        await page.Locator("button[name=NewStatus][value=published]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.WaitForSelectorAsync("#escalation-preview-counts");
        (await page.InnerTextAsync("#escalation-preview-counts")).ShouldContain("督办单 0");
        (await page.InputValueAsync("#tracking-start")).ShouldNotBeEmpty("publishing set the tracking start, and the panel says so at once");
        (await page.Locator("#tracking-start-unset").CountAsync()).ShouldBe(0);
        await BrowserTestSupport.ScreenshotAsync(page, "import-real-published.png", output);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => BrowserTestSupport.DisposeAsync(factory, directory);
}
