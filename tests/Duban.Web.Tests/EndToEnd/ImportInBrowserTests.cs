using System.Net;
using System.Text.RegularExpressions;
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
/// The import as a person does it in Chromium: an administrator uploads a seed plan, reviews it, maps one unit to an
/// existing organisation and creates others, confirms, reads the plan and follows a task to its highlighted span;
/// then a reporter of the mapped organisation sees on 任务 that organisation's tasks and no others.
/// </summary>
public sealed partial class ImportInBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Seed = "000";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
    private DubanWebFactory? factory;

    [GeneratedRegex(@"共 (\d+) 条，第 \d+ / (\d+) 页")]
    private static partial Regex PagerText();

    [ChromiumSeedFact]
    public async Task An_administrator_imports_a_seed_plan_through_the_wizard_and_its_reporter_sees_only_their_tasks()
    {
        factory = new DubanWebFactory(directory, new Dictionary<string, string?> { ["Web:HttpsOnly"] = "false", ["Demo:SamplePlans"] = "false" });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        var city = await factory.RegionIdAsync(DemoSeeder.City);
        var province = await factory.RegionIdAsync(DemoSeeder.Province);
        var cityEducation = await factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var organizationsBefore = await factory.WithDbAsync(db => db.Organizations.CountAsync());

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTestSupport.LaunchChromiumAsync(playwright);
        var admin = await NewPageAsync(browser);
        await SignInAsync(admin, address, DemoAccounts.Admin, DemoAccounts.Password);

        // Upload: the seed file, into 清河市 so that its 市教育局 is the demo's 清河市教育局.
        // The region picker, under enhanced navigation: down from the province to the city by its links.
        await admin.GotoAsync(address + "/import");
        await admin.ClickAsync($"#regionId-children a[data-region-id='{province}']");
        await admin.ClickAsync($"#regionId-children a[data-region-id='{city}']");
        await admin.WaitForSelectorAsync($"#regionId-trail a[data-region-id='{province}']");
        (await admin.InputValueAsync("#regionId")).ShouldBe(city.ToString());
        await admin.SetInputFilesAsync("#file", SeedFiles.PathOf(Seed));
        await admin.ClickAsync("#upload-form button[type=submit]:not([form])");
        await admin.WaitForSelectorAsync("#unit-form");
        (await admin.Locator("#plan-source mark").CountAsync()).ShouldBeGreaterThan(0);
        await ScreenshotAsync(admin, "import-review-1366x768.png");
        (await BrowserTestSupport.ScrollWidthAsync(admin)).ShouldBeLessThanOrEqualTo(1366);
        await admin.SetViewportSizeAsync(390, 844);
        (await BrowserTestSupport.ScrollWidthAsync(admin)).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync(admin, "import-review-phone.png");
        await admin.SetViewportSizeAsync(1366, 768);

        // Map: one unit to 清河市教育局 (the proposal or, failing that, by hand), every undecided one created.
        var rows = admin.Locator("tr.unit-row");
        var count = await rows.CountAsync();
        count.ShouldBeGreaterThan(1);
        var choices = new List<string>();
        for (var i = 0; i < count; i++) choices.Add(await rows.Nth(i).Locator("select.unit-select").InputValueAsync());
        var mapped = $"map:{cityEducation}";
        if (!choices.Contains(mapped))
        {
            var education = choices.FindIndex(c => !c.StartsWith("map:", StringComparison.Ordinal) && c != "expand");
            education.ShouldBeGreaterThanOrEqualTo(0);
            await rows.Nth(education).Locator("select.unit-select").SelectOptionAsync(mapped);
            choices[education] = mapped;
        }
        for (var i = 0; i < count; i++)
        {
            if (choices[i] != "") continue;
            await rows.Nth(i).Locator("select.unit-select").SelectOptionAsync("create");
            choices[i] = "create";
        }
        choices.ShouldContain(mapped);
        choices.ShouldContain("create");
        await admin.ClickAsync("#confirm-import");
        await admin.WaitForSelectorAsync("#import-result");
        await ScreenshotAsync(admin, "import-result.png");
        (await factory.WithDbAsync(db => db.Organizations.CountAsync())).ShouldBeGreaterThan(organizationsBefore);

        // Read: the plan, and a task's link brings its source span up highlighted.
        await admin.ClickAsync("#plan-link");
        await admin.WaitForSelectorAsync("#task-lists");
        var link = admin.Locator("#task-lists a").First;
        var href = await link.GetAttributeAsync("href") ?? "";
        var anchor = href[(href.IndexOf('#') + 1)..];
        await link.ClickAsync();
        await admin.WaitForURLAsync(url => url.EndsWith("#" + anchor));
        (await admin.Locator($"mark#{anchor}").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor")).ShouldBe("rgb(255, 193, 7)");
        await ScreenshotAsync(admin, "import-plan-reader.png");

        // A reporter of the mapped organisation: 任务 lists that organisation's tasks, every one of them and nothing else.
        await factory.CreateUserAsync("seed-reporter", "seed-reporter-password", Role.Reporter, DataScope.Own, cityEducation);
        var expected = await factory.WithDbAsync(db => db.Tasks.CountAsync(t => t.Assignments.Any(a => a.OrganizationId == cityEducation)
            && db.Plans.Any(p => p.Id == t.PlanId && p.CurrentVersionId == t.TaskList!.PlanVersionId)));
        expected.ShouldBeGreaterThan(0);
        var reporter = await NewPageAsync(browser);
        await SignInAsync(reporter, address, "seed-reporter", "seed-reporter-password");
        await reporter.GotoAsync(address + "/tasks?sort=number");
        var pager = PagerText().Match(await reporter.Locator("body").InnerTextAsync());
        pager.Success.ShouldBeTrue("the tasks page shows its total");
        int.Parse(pager.Groups[1].Value).ShouldBe(expected);
        var seen = 0;
        for (var p = 1; p <= int.Parse(pager.Groups[2].Value); p++)
        {
            if (p > 1) await reporter.GotoAsync($"{address}/tasks?sort=number&page={p}");
            var taskRows = reporter.Locator("#task-list tbody tr");
            var n = await taskRows.CountAsync();
            n.ShouldBeGreaterThan(0);
            for (var i = 0; i < n; i++) (await taskRows.Nth(i).InnerTextAsync()).ShouldContain(DemoSeeder.CityEducation);
            seen += n;
        }
        seen.ShouldBe(expected);
        await ScreenshotAsync(reporter, "import-reporter-tasks.png");
    }

    private static Task<IPage> NewPageAsync(IBrowser browser) => BrowserTestSupport.NewPageAsync(browser);

    private static Task SignInAsync(IPage page, string address, string userName, string password) =>
        BrowserTestSupport.SignInAsync(page, address, userName, password);

    private Task ScreenshotAsync(IPage page, string name) => BrowserTestSupport.ScreenshotAsync(page, name, output);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => BrowserTestSupport.DisposeAsync(factory, directory);
}
