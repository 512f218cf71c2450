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

    /// <summary>The page's full width: more than the viewport means it scrolls sideways.</summary>
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
        await page.WaitForURLAsync(url => !url.Contains("/signin"));
    }

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
