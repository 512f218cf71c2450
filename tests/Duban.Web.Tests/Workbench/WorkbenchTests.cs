using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Duban.Web.Demo;
using Duban.Web.Paging;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Workbench;

/// <summary>The demo with its month of sample reports and reviews: something to count on every 工作台.</summary>
public sealed class WorkbenchFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:SampleActivity"] = "true" };
}

/// <summary>
/// The 工作台 of each role: the figures it shows, and that every figure equals the number of rows of the list it links
/// to, read from that list's page as a person would count them.
/// </summary>
public sealed partial class WorkbenchTests(WorkbenchFixture app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<WorkbenchFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [GeneratedRegex("<a class=\"card h-100 text-decoration-none workbench-count\" href=\"(?<href>[^\"]*)\" id=\"work-(?<key>[a-z-]+)\" data-count=\"(?<count>\\d+)\" data-count-kind=\"(?<kind>[a-zA-Z]+)\"")]
    private static partial Regex Figure();

    [GeneratedRegex("共 (?<total>\\d+) 条，第")]
    private static partial Regex PagerTotal();

    [Theory]
    [InlineData(DemoAccounts.Admin, new[] { "review", "orders-awaiting-reply", "orders-answered", "overdue", "due-this-week" })]
    [InlineData(DemoAccounts.Reporter, new[] { "due", "returned", "orders-awaiting-reply" })]
    [InlineData(DemoAccounts.Inspector, new[] { "overdue", "due-this-week", "orders-awaiting-reply" })]
    public async Task Every_figure_equals_the_rows_of_the_list_it_links_to(string user, string[] keys)
    {
        await IssueOrderOnceAsync();
        var client = await Factory.SignedInAsync(user);

        var home = await client.GetStringAsync("/");
        var figures = Figure().Matches(home).Select(m => (Key: m.Groups["key"].Value, Link: WebUtility.HtmlDecode(m.Groups["href"].Value), Count: int.Parse(m.Groups["count"].Value))).ToList();

        figures.Select(f => f.Key).ShouldBe(keys);
        figures.Sum(f => f.Count).ShouldBeGreaterThan(0, "the sample activity and the order issued here leave something to do");
        foreach (var (key, link, count) in figures)
        {
            output.WriteLine($"{user}: {key} {count} → {link}");
            var list = await client.GetStringAsync("/" + link.Split('#')[0]);
            Rows(key, link, list).ShouldBe(count, $"{user}: {key} shows {count} and links to {link}");
        }
    }

    [Fact]
    public async Task A_long_review_queue_is_counted_as_its_list_counts_it_without_reading_every_row()
    {
        var counts = Factory.Services.GetRequiredService<ListCounts>();
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var exact = Review(await client.GetStringAsync("/"));
        exact.Kind.ShouldBe("exact");
        exact.Count.ShouldBeGreaterThan(0, "the sample activity leaves something to review");
        // The queue is made "long": one row longer than the bound (at province scale, the bound is 2 000 of thousands).
        var bound = exact.Count - 1;
        counts.ExactUpTo = bound;
        try
        {
            // Longer than the bound: bound + 1 rows read, and "more than" while the full count runs in the background.
            var first = await client.GetStringAsync("/");
            Review(first).ShouldBe(("atLeast", bound));
            first.ShouldContain($"超过 {bound}");
            await counts.SettledAsync();

            // Then the kept count, the very figure the queue's page and the API show (kept, not recounted).
            var home = await client.GetStringAsync("/");
            Review(home).ShouldBe(("kept", exact.Count));
            home.ShouldContain("统计于");
            var api = await (await client.GetAsync("/api/v1/reports?queue=review")).JsonAsync();
            (api.GetProperty("totalKind").GetString(), api.GetProperty("total").GetInt32()).ShouldBe(("kept", exact.Count));
            WebUtility.HtmlDecode(await client.GetStringAsync("/review")).ShouldContain($"共 {exact.Count} 条（统计于");
        }
        finally
        {
            counts.ExactUpTo = 2000;
            await counts.SettledAsync();
            // A write makes the kept counts stale, so that the other tests' lists are counted exactly again.
            await Factory.WithDbAsync(async db =>
            {
                db.AuditEntries.Add(new Duban.Core.Audit.AuditEntry { At = DateTimeOffset.UtcNow, Actor = "测试", Action = "test.write", EntityType = "test", EntityId = "1" });
                await db.SaveChangesAsync();
            });
        }

        (string Kind, int Count) Review(string html) => Figure().Matches(html).Where(m => m.Groups["key"].Value == "review")
            .Select(m => (m.Groups["kind"].Value, int.Parse(m.Groups["count"].Value))).Single();
    }

    [Fact]
    public async Task Visitors_get_the_introduction_and_no_figures()
    {
        var home = await Factory.CreateClient().GetStringAsync("/");

        home.ShouldContain("href=\"signin\"");
        Figure().Matches(home).Count.ShouldBe(0);
    }

    [Theory]
    [InlineData(DemoAccounts.Admin, "数据范围：全部。左侧菜单按工作分组：计划与任务、填报与审核、督办、统计分析、系统管理。")]
    [InlineData(DemoAccounts.Reporter, "数据范围：本单位（清河市教育局）。左侧菜单按工作分组：计划与任务、填报与审核、督办、统计分析。")]
    [InlineData(DemoAccounts.Inspector, "数据范围：本区域及下级（清河市）。左侧菜单按工作分组：计划与任务、督办、统计分析、系统管理。")]
    public async Task The_note_under_the_figures_names_the_scope_and_the_groups_the_users_sidebar_shows(string user, string note)
    {
        var home = await (await Factory.SignedInAsync(user)).GetStringAsync("/");

        home.ShouldContain($"<p class=\"small text-secondary mb-0\" id=\"workbench-scope\">{note}</p>");
    }

    /// <summary>The rows of the list a figure links to, counted as its page shows them.</summary>
    private static int Rows(string key, string link, string html)
    {
        switch (key)
        {
            case "review":
                return Regex.Matches(html, "<section class=\"card mb-3 review-item\"").Count;
            case "due" or "returned":
                return Regex.Matches(html, $"<tr class=\"work-item\" data-task=\"\\d+\" data-state=\"{link.Split('#')[1]}\"").Count;
            default:
                // A paginated table (督办单, 任务): the rows of the first page, and the pager's total for the rest.
                var table = key.StartsWith("orders", StringComparison.Ordinal) ? "order-list" : "task-list";
                var body = Regex.Match(html, $"id=\"{table}\">.*?<tbody>(?<rows>.*?)</tbody>", RegexOptions.Singleline);
                var onPage = body.Success ? Regex.Matches(body.Groups["rows"].Value, "<tr[ >]").Count : 0;
                var pager = PagerTotal().Match(html);
                var total = pager.Success ? int.Parse(pager.Groups["total"].Value) : onPage;
                onPage.ShouldBe(Math.Min(total, 20), $"{link}: the first page holds the first 20 rows of {total}");
                return total;
        }
    }

    private static readonly SemaphoreSlim Issuing = new(1, 1);
    private static bool issued;

    /// <summary>One 督办单 to 清河市教育局, so that 待回复督办单 has something to count (the escalation job is off in tests).</summary>
    private async Task IssueOrderOnceAsync()
    {
        await Issuing.WaitAsync();
        try
        {
            if (issued) return;
            var organization = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
            var taskId = await Factory.WithDbAsync(db => db.Assignments.AsNoTracking().Where(a => a.OrganizationId == organization)
                .Where(a => db.Plans.Any(p => p.CurrentVersionId == a.Task!.TaskList!.PlanVersionId)).OrderBy(a => a.Id).Select(a => a.TaskId).FirstAsync());
            var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
            var response = await admin.PostAsJsonAsync("/api/v1/supervision-orders", new { taskId, organizationId = organization, reason = "请说明进展滞后的原因并提出整改措施。" });
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            issued = true;
        }
        finally
        {
            Issuing.Release();
        }
    }
}
