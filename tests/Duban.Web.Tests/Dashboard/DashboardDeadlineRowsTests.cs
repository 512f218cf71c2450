using System.Net;
using System.Text.RegularExpressions;
using Duban.Data.Audit;
using Duban.Core.Tracking.Status;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Dashboard;

/// <summary>The demo with the 总览 page drawing at most 2 rows of 90 天内到期 (<c>Dashboard:DeadlinesShown</c>, 100 by default).</summary>
public sealed class FewDeadlineRowsFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Dashboard:DeadlinesShown"] = "2" };
}

/// <summary>
/// 90 天内到期 on the page: the soonest rows and 另有 N 项 with a link to all of them (a province has ten thousand), while
/// the API keeps every one (docs/dashboard.md).
/// </summary>
public sealed class DashboardDeadlineRowsTests(FewDeadlineRowsFixture app) : IClassFixture<FewDeadlineRowsFixture>
{
    [Fact]
    public async Task The_page_draws_the_soonest_deadlines_and_links_to_all_of_them()
    {
        var factory = app.Factory;
        // Five tasks due within the next weeks, each a day apart (the demo's own deadlines are years past).
        var today = TrackingDay.Today(TimeProvider.System);
        await factory.WithDbAsync(async db =>
        {
            var tasks = await db.Tasks.Where(t => t.RemovedInVersionId == null).OrderBy(t => t.Id).Take(5).ToListAsync();
            for (var i = 0; i < tasks.Count; i++) tasks[i].Due = today.AddDays(10 + i);
            foreach (var task in tasks) new AuditLog(db, TimeProvider.System).Add(Actor.System, "test.due", "task", task.Id, null, null);
            await db.SaveChangesAsync();
        });
        var client = await factory.SignedInAsync(DemoAccounts.Admin);
        var response = await client.GetAsync("/api/v1/dashboard");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var deadlines = (await response.JsonAsync()).GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("taskId").GetInt64()).ToList();
        deadlines.Count.ShouldBeGreaterThanOrEqualTo(5);

        static string Table(string page) => Regex.Match(page, "id=\"deadline-table\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        static List<string> Rows(string table) => Regex.Matches(table, "<tr>(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).Skip(1).ToList();

        var shown = Table(await client.GetStringAsync("/dashboard"));
        var rows = Rows(shown);
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain($"#t-{deadlines[0]}");
        rows[1].ShouldContain($"#t-{deadlines[1]}");
        shown.ShouldContain($"另有 {deadlines.Count - 2} 项（<a href=\"dashboard?deadlines=all\">显示全部 {deadlines.Count} 项</a>）");

        var all = Table(await client.GetStringAsync("/dashboard?deadlines=all"));
        Rows(all).Count.ShouldBe(deadlines.Count);
        all.ShouldNotContain("deadlines-more");
    }
}
