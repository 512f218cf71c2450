using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Duban.Web.Tests.EndToEnd;

/// <summary>What the browser tests share: Debian's Chromium launched headless, screenshots, page width, clean-up.</summary>
internal static class BrowserTestSupport
{
    /// <summary>The system's Chromium (never a downloaded one), with the switches this closed network needs.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });

    /// <summary>A page at 1366×768 in Chinese, waiting up to a minute (the machine is shared).</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in form, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string address, string userName, string password)
    {
        await page.GotoAsync(address + "/signin");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("form[action='account/signin'] button[type=submit]");
        // Every caller goes on to a page of its own, so the redirect committed is enough: waiting for the landing page's
        // load (the workbench, streamed, over sample activity) is what once stalled under a loaded CI machine.
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/signin"), new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException e)
        {
            var shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(page unreadable)");
            throw new TimeoutException($"Sign-in as {userName} did not leave {page.Url}; the page shows: {shown}", e);
        }
    }

    /// <summary>The page's full width: more than the viewport means it scrolls sideways.</summary>
    public static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    /// <summary>A full-page screenshot in the test output's screenshots folder, for a person to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, ITestOutputHelper output)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>
    /// The application on Kestrel (loopback, a free port, plain HTTP) over a fresh demo database in
    /// <paramref name="directory"/>, with the demo's sample activity when asked; its address without the trailing slash.
    /// </summary>
    public static (Infrastructure.DubanWebFactory Factory, string Address) StartServer(string directory, ITestOutputHelper output, bool sampleActivity = false)
    {
        var settings = new Dictionary<string, string?> { ["Web:HttpsOnly"] = "false" };
        if (sampleActivity) settings["Demo:SampleActivity"] = "true";
        var factory = new Infrastructure.DubanWebFactory(directory, settings);
        factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single();
        output.WriteLine($"server: {address}");
        return (factory, address.TrimEnd('/'));
    }

    /// <summary>The console errors (with where they came from) and uncaught page errors of <paramref name="page"/> from now on.</summary>
    public static List<string> CollectProblems(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text + " " + message.Location); };
        page.PageError += (_, error) => problems.Add(error);
        return problems;
    }

    /// <summary>Stops the application and removes its database folder.</summary>
    public static async Task DisposeAsync(Infrastructure.DubanWebFactory? factory, string directory)
    {
        if (factory is not null) await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Absent, or left for the system's temp clean-up.
        }
    }
}
