using System.Net;
using Duban.Core.Plans;
using Duban.Core.Tracking.Reporting;
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

/// <summary>
/// Issue 4's report cycle as people do it in Chromium: the reporter submits a report with an attachment, the office
/// returns it, the reporter resubmits, the office approves; the task page and 我的任务 follow each step.
/// </summary>
public sealed class TrackingInBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
    private DubanWebFactory? factory;
    private string address = "";

    [ChromiumFact]
    public async Task A_report_with_an_attachment_is_returned_resubmitted_and_approved_in_the_browser()
    {
        factory = new DubanWebFactory(directory, new Dictionary<string, string?> { ["Web:HttpsOnly"] = "false", ["Demo:SamplePlans"] = "false" });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        var planId = await PlansFixture.ImportAsync(factory, "unit-clauses.txt", new PlanRegion.Existing(await factory.RegionIdAsync(DemoSeeder.City)));
        var assignment = await factory.WithDbAsync(db => db.Assignments.AsNoTracking()
            .Where(a => a.Task!.PlanId == planId && a.Organization!.Name == DemoSeeder.CityEducation).OrderBy(a => a.Id).FirstAsync());
        var taskId = assignment.TaskId;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTestSupport.LaunchChromiumAsync(playwright);
        var reporter = await SignedInPageAsync(browser, DemoAccounts.Reporter);
        var office = await SignedInPageAsync(browser, DemoAccounts.Admin);

        var baseline = await DashboardCountsAsync(office, planId);
        var unread = await UnreadBadgeAsync(reporter);

        // The reporter finds the task under 待填报 and submits a report with a PDF attached.
        await reporter.GotoAsync($"{address}/my");
        var row = reporter.Locator($"tr.work-item[data-task='{taskId}'][data-state='due']");
        (await row.CountAsync()).ShouldBe(1);
        await FitsAsync(reporter, "my-tasks");
        await row.Locator("a.btn").ClickAsync();
        await reporter.WaitForURLAsync(url => url.Contains($"/tasks/{taskId}/report"));
        await reporter.SelectOptionAsync("#state", "InProgress");
        await reporter.FillAsync("#percentComplete", "40");
        await reporter.FillAsync("#done", "完成实训基地选址");
        await reporter.FillAsync("#problems", "资金尚未到位");
        await reporter.FillAsync("#nextSteps", "启动招标");
        await reporter.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "选址报告.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF"u8.ToArray(),
        });
        await FitsAsync(reporter, "report-form");
        await reporter.ClickAsync("#submit");
        await reporter.Locator("#notice").WaitForAsync();
        (await reporter.Locator("#report-status").InnerTextAsync()).ShouldContain("待审核");
        (await reporter.Locator("a.evidence-link").First.InnerTextAsync()).ShouldBe("选址报告.pdf");
        await TaskStatusShownAsync(reporter, taskId, "待审核");
        await WorkStateShownAsync(reporter, taskId, "awaiting-review");
        // A submitted report is not yet the office's word: the 总览 counts are unchanged.
        (await DashboardCountsAsync(office, planId)).ShouldBe(baseline);

        // The office returns it with a comment.
        var reportId = await factory.WithDbAsync(db => db.ProgressReports.Where(r => r.AssignmentId == assignment.Id).Select(r => r.Id).SingleAsync());
        await office.GotoAsync($"{address}/review");
        var item = office.Locator($"section.review-item[data-report='{reportId}']");
        (await item.InnerTextAsync()).ShouldContain("完成实训基地选址");
        await FitsAsync(office, "review-queue");
        await item.Locator("textarea").FillAsync("请补充选址批复文件");
        await item.Locator("button.return").ClickAsync();
        await office.Locator("#notice").WaitForAsync();
        (await office.Locator($"section.review-item[data-report='{reportId}']").CountAsync()).ShouldBe(0);
        await WorkStateShownAsync(reporter, taskId, "returned");
        (await reporter.Locator($"tr.work-item[data-task='{taskId}'] .return-comment").InnerTextAsync()).ShouldContain("请补充选址批复文件");
        await TaskStatusShownAsync(reporter, taskId, "已退回");

        // The return reaches the reporter: the badge counts it, and the notification leads to the form with the comment.
        (await UnreadBadgeAsync(reporter)).ShouldBe(unread + 1);
        await reporter.ClickAsync("#notification-badge");
        await reporter.WaitForURLAsync(url => url.Contains("/notifications"));
        var returnedNotice = reporter.Locator("#notification-list > li", new PageLocatorOptions { HasText = "进展被退回" }).First;
        (await returnedNotice.InnerTextAsync()).ShouldContain("请补充选址批复文件");
        await BrowserTestSupport.ScreenshotAsync(reporter, "notifications-returned-1366x768.png", output);
        await returnedNotice.Locator("a", new LocatorLocatorOptions { HasText = "查看" }).ClickAsync();
        await reporter.WaitForURLAsync(url => url.Contains($"/tasks/{taskId}/report"));
        (await reporter.Locator("#return-comment").InnerTextAsync()).ShouldContain("请补充选址批复文件");

        // The reporter revises and resubmits; the attachment stays attached.
        await reporter.GotoAsync($"{address}/my");
        await reporter.Locator($"tr.work-item[data-task='{taskId}'][data-state='returned'] a.btn").ClickAsync();
        await reporter.WaitForURLAsync(url => url.Contains($"/tasks/{taskId}/report"));
        (await reporter.Locator("#return-comment").InnerTextAsync()).ShouldContain("请补充选址批复文件");
        await reporter.FillAsync("#done", "完成实训基地选址，已补充选址批复文件");
        await reporter.FillAsync("#percentComplete", "60");
        await reporter.ClickAsync("#submit");
        await reporter.Locator("#notice").WaitForAsync();
        (await reporter.Locator("#report-status").InnerTextAsync()).ShouldContain("待审核");
        await WorkStateShownAsync(reporter, taskId, "awaiting-review");

        // The office approves; the report is locked.
        await office.GotoAsync($"{address}/review");
        await office.Locator($"section.review-item[data-report='{reportId}'] button.approve").ClickAsync();
        await office.Locator("#notice").WaitForAsync();
        await TaskStatusShownAsync(reporter, taskId, "已通过");
        // The approval reaches the reporter as well (the return's notice may have been read by opening it, or not).
        await reporter.GotoAsync($"{address}/notifications");
        (await reporter.Locator("#notification-list > li", new PageLocatorOptions { HasText = "进展已通过审核" }).CountAsync()).ShouldBe(1);
        (await UnreadBadgeAsync(reporter)).ShouldBeGreaterThanOrEqualTo(1);
        await WorkStateShownAsync(reporter, taskId, "approved");
        // Approved 推进中: the task moves from its status before (未开始) to 推进中 on the 总览, and the count links to it.
        var approved = await DashboardCountsAsync(office, planId);
        approved["inProgress"].ShouldBe(baseline["inProgress"] + 1);
        approved["notStarted"].ShouldBe(baseline["notStarted"] - 1);
        approved.Where(c => c.Key is not ("inProgress" or "notStarted")).ShouldBe(baseline.Where(c => c.Key is not ("inProgress" or "notStarted")));
        await office.GotoAsync($"{address}/dashboard?planId={planId}");
        await office.Locator("a.status-count[data-status='inProgress']").ClickAsync();
        await office.WaitForURLAsync(url => url.Contains("status=inProgress"));
        // Enhanced navigation changes the address before the list arrives: wait for the list itself.
        await office.Locator("#task-list").WaitForAsync();
        (await office.Locator($"#task-list a[href$='tasks/{taskId}']").CountAsync()).ShouldBe(1);
        await reporter.GotoAsync($"{address}/tasks/{taskId}/report?period={(await factory.WithDbAsync(db => db.ProgressReports.Where(r => r.Id == reportId).Select(r => r.Period!.Start).SingleAsync())):yyyy-MM-dd}");
        (await reporter.Locator("#read-only").InnerTextAsync()).ShouldContain("审核通过并锁定");
        (await reporter.Locator("#report-form").CountAsync()).ShouldBe(0);

        await office.GotoAsync($"{address}/tasks/{taskId}");
        (await office.Locator($"details.report[data-report='{reportId}'] .revision").CountAsync()).ShouldBe(2);
        (await office.Locator($"details.report[data-report='{reportId}'] .review").CountAsync()).ShouldBe(2);
        await FitsAsync(office, "task-detail");
    }

    /// <summary>The task page shows the organisation's latest report with the expected review status.</summary>
    private async Task TaskStatusShownAsync(IPage page, long taskId, string status)
    {
        await page.GotoAsync($"{address}/tasks/{taskId}");
        var organization = await factory!.OrganizationIdAsync(DemoSeeder.CityEducation);
        (await page.Locator($"section.assignment[data-organization='{organization}'] .latest-status").InnerTextAsync()).ShouldContain(status);
    }

    /// <summary>The unread count the header's 通知 badge shows (no badge: none).</summary>
    private async Task<int> UnreadBadgeAsync(IPage page)
    {
        await page.GotoAsync($"{address}/my");
        var badge = page.Locator("#notification-badge .badge");
        return await badge.CountAsync() == 0 ? 0 : int.Parse(await badge.InnerTextAsync());
    }

    /// <summary>我的任务 lists the task under the expected state.</summary>
    private async Task WorkStateShownAsync(IPage page, long taskId, string state)
    {
        await page.GotoAsync($"{address}/my");
        (await page.Locator($"tr.work-item[data-task='{taskId}'][data-state='{state}']").CountAsync()).ShouldBe(1);
    }

    /// <summary>The 总览's task count per status (the keys of its status cards) for one plan, as the office sees it.</summary>
    private async Task<Dictionary<string, int>> DashboardCountsAsync(IPage office, long planId)
    {
        await office.GotoAsync($"{address}/dashboard?planId={planId}");
        var counts = new Dictionary<string, int>();
        foreach (var card in await office.Locator("#status-counts a.status-count").AllAsync())
            counts[(await card.GetAttributeAsync("data-status"))!] = int.Parse(await card.Locator(".fs-4").InnerTextAsync());
        counts.ShouldContainKey("inProgress");
        counts.ShouldContainKey("notStarted");
        return counts;
    }

    private async Task<IPage> SignedInPageAsync(IBrowser browser, string userName)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(address + "/signin");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("form[action='account/signin'] button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/signin"));
        return page;
    }

    /// <summary>The page fits 1366×768 and a phone without sideways scrolling; screenshots of both.</summary>
    private async Task FitsAsync(IPage page, string name)
    {
        (await BrowserTestSupport.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(1366);
        await BrowserTestSupport.ScreenshotAsync(page, $"{name}-1366x768.png", output);
        await page.SetViewportSizeAsync(390, 844);
        (await BrowserTestSupport.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(390);
        await BrowserTestSupport.ScreenshotAsync(page, $"{name}-phone.png", output);
        await page.SetViewportSizeAsync(1366, 768);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => BrowserTestSupport.DisposeAsync(factory, directory);
}
