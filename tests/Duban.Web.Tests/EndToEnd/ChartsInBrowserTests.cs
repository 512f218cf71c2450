using System.Net;
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
/// The charts of 地区对比 and of an assessment draw in a browser, after enhanced navigation too, beside their tables and
/// without a console error. Screenshots in screenshots/charts-*.png.
/// </summary>
public sealed class ChartsInBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
    private DubanWebFactory? factory;

    [ChromiumFact]
    public async Task The_comparison_heatmap_and_the_assessment_charts_draw_without_console_errors()
    {
        var address = StartServer();
        var city = await factory!.RegionIdAsync(DemoSeeder.City);
        var assessment = await factory.WithDbAsync(db => db.Set<Duban.Core.Assessments.Assessment>().OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTestSupport.LaunchChromiumAsync(playwright);
        var page = await BrowserTestSupport.NewPageAsync(browser);
        var problems = BrowserTestSupport.CollectProblems(page);
        await BrowserTestSupport.SignInAsync(page, address, DemoAccounts.Admin, DemoAccounts.Password);

        // From the 总览 of the city to its comparison by enhanced navigation: the page's scripts are run again.
        await page.GotoAsync($"{address}/dashboard?regionId={city}");
        await page.EvaluateAsync("() => { window.chartsMarker = 'kept'; }");
        await page.Locator("#comparison-link").ClickAsync();
        await page.Locator("#comparison-table").WaitForAsync();
        (await page.EvaluateAsync<string?>("() => window.chartsMarker ?? null")).ShouldBe("kept", "the 总览's link should be followed by enhanced navigation");
        await page.Locator("#comparison-chart canvas").WaitForAsync();
        (await page.Locator("#completion-table tbody tr").CountAsync()).ShouldBe(DemoSeeder.Counties.Length);
        await BrowserTestSupport.ScreenshotAsync(page, "charts-comparison.png", output);

        // Loaded directly, in the reverse orientation.
        await page.GotoAsync($"{address}/comparison?regionId={city}&orient=regions");
        await page.Locator("#comparison-chart canvas").WaitForAsync();

        await page.GotoAsync($"{address}/assessments/{assessment}");
        await page.Locator("#ranking").WaitForAsync();
        await page.Locator("#assessment-ranking-chart canvas").WaitForAsync();
        await page.Locator("#assessment-composition-chart canvas").WaitForAsync();
        await BrowserTestSupport.ScreenshotAsync(page, "charts-assessment.png", output);
        problems.ShouldBeEmpty();
    }

    private string StartServer()
    {
        (factory, var address) = BrowserTestSupport.StartServer(directory, output, sampleActivity: true);
        return address;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => BrowserTestSupport.DisposeAsync(factory, directory);
}
