using System.Net;
using System.Text.RegularExpressions;
using Duban.Data;
using Duban.Web.Demo;
using Duban.Web.Tests.Exports;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Layout;

/// <summary>
/// Every page of the sidebar, and the pages they lead to first, answer on PostgreSQL for each role, with the demo's
/// sample plans and reports. The other page tests run on SQLite, whose queries complete before they return: two parts
/// of a page querying the request's one DbContext at once (a component is drawn before its OnInitializedAsync
/// completes) fail only where a query really waits, as on PostgreSQL (the 工作台 did, for every signed-in user).
/// </summary>
public sealed partial class PagesOnPostgresTests
{
    [GeneratedRegex("<a class=\"app-menu-link[^\"]*\" href=\"(?<href>[^\"]*)\"")]
    private static partial Regex MenuLink();

    [Theory, OnWebPostgres]
    public async Task Every_sidebar_page_and_its_first_records_answer_for_each_role(Duban.Data.DatabaseProvider provider)
    {
        await using var database = await ExportTestDatabase.CreateAsync(provider);
        await using var factory = new DubanWebFactory(database.Directory, database.Settings(new() { ["Demo:SampleActivity"] = "true" }));
        var (plan, task, order) = await factory.WithDbAsync(async db => (
            await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            await db.Tasks.Where(t => t.Assignments.Any(a => a.Organization!.Name == DemoSeeder.CityEducation)).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
            await db.Set<Duban.Core.Tracking.Supervision.SupervisionOrder>().OrderBy(o => o.Id).Select(o => (long?)o.Id).FirstOrDefaultAsync()));

        var failed = new List<string>();
        foreach (var account in new[] { DemoAccounts.Admin, DemoAccounts.Reporter, DemoAccounts.Inspector })
        {
            var client = await factory.SignedInAsync(account);
            var home = await client.GetAsync("/");
            var html = await home.Content.ReadAsStringAsync();
            home.StatusCode.ShouldBe(HttpStatusCode.OK, $"{account}: / answered {(int)home.StatusCode}");
            html.ShouldContain("id=\"workbench-scope\"", customMessage: $"{account}: the 工作台 is drawn whole");
            var pages = MenuLink().Matches(html).Select(m => m.Groups["href"].Value).Where(href => !href.StartsWith("api/", StringComparison.Ordinal))
                .Concat([$"plans/{plan}", $"tasks/{task}", $"tasks/{task}/timeline", "notifications", "me"])
                .Concat(order is { } id ? [$"supervision/{id}"] : [])
                .Distinct().ToList();
            pages.Count.ShouldBeGreaterThan(6);
            foreach (var page in pages)
            {
                var response = await client.GetAsync("/" + page);
                // A record out of the role's scope may be refused (403/404); nothing may fail.
                if ((int)response.StatusCode is not (200 or 403 or 404) || (page is "" or "my" or "tasks" && response.StatusCode != HttpStatusCode.OK))
                    failed.Add($"{account}: /{page} answered {(int)response.StatusCode}");
            }
        }
        failed.ShouldBeEmpty();
    }
}
