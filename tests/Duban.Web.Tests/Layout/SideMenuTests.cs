using System.Net;
using System.Text.RegularExpressions;
using Duban.Core.Security;
using Duban.Web.Components.Layout;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;

namespace Duban.Web.Tests.Layout;

/// <summary>
/// The sidebar offers each role exactly the pages it can use: every entry shown opens (200, no redirect to 无权访问 or
/// the sign-in), and the entries of other roles are not in the markup at all.
/// </summary>
public sealed partial class SideMenuTests(WebAppWithoutSamplePlansFixture app) : IClassFixture<WebAppWithoutSamplePlansFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [GeneratedRegex("<a class=\"app-menu-link[^\"]*\" href=\"(?<href>[^\"]*)\"")]
    private static partial Regex MenuLink();

    private static List<string> Links(string html) => MenuLink().Matches(html).Select(m => m.Groups["href"].Value).ToList();

    public static TheoryData<string> Actors => new() { "anonymous", "reporter", "inspector", "admin", "city-admin" };

    [Theory]
    [MemberData(nameof(Actors))]
    public async Task Each_role_is_offered_exactly_the_pages_it_can_open(string actor)
    {
        var (client, expected) = actor switch
        {
            "anonymous" => (Factory.CreateClient(), new[] { "", "plans" }),
            "reporter" => (await Factory.SignedInAsync(DemoAccounts.Reporter), ["", "plans", "tasks", "my", "templates", "supervision", "bodies", "assessments"]),
            "inspector" => (await Factory.SignedInAsync(DemoAccounts.Inspector), ["", "plans", "tasks", "supervision", "bodies", "dashboard", "comparison", "assessments", "assessment-schemes", "organizations", "api/docs/"]),
            "admin" => (await Factory.SignedInAsync(DemoAccounts.Admin),
                ["", "plans", "tasks", "import", "plans/new", "templates", "review", "supervision", "bodies", "dashboard", "comparison", "assessments", "assessment-schemes", "users", "organizations", "regions", "audit", "webhooks", "api/docs/"]),
            _ => (await CityAdministratorAsync(),
                // Webhooks act on every region: an administrator of one city is not offered them.
                ["", "plans", "tasks", "import", "plans/new", "templates", "review", "supervision", "bodies", "dashboard", "comparison", "assessments", "assessment-schemes", "users", "organizations", "regions", "audit", "api/docs/"]),
        };

        var links = Links(await client.GetStringAsync("/"));

        links.ShouldBe(expected);
        foreach (var link in links)
        {
            var response = await client.GetAsync("/" + link);
            // Swagger UI sends api/docs/ on to its index.html; a refusal would go to signin or denied instead.
            if (response.StatusCode == HttpStatusCode.MovedPermanently && response.Headers.Location is { } moved && !moved.OriginalString.Contains("signin") && !moved.OriginalString.Contains("denied"))
                response = await client.GetAsync(new Uri(new Uri("https://localhost/" + link), moved));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{actor} is offered /{link}, which answers {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task The_entry_of_the_current_page_is_marked_and_only_its_group_is_open()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);

        var html = await admin.GetStringAsync("/plans/new");

        Regex.Matches(html, "aria-current=\"page\"").Count.ShouldBe(1);
        html.ShouldContain("<a class=\"app-menu-link active\" href=\"plans/new\" aria-current=\"page\"");
        Regex.Matches(html, "<details class=\"app-menu-group\" open").Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("tasks/12", "tasks")]
    [InlineData("plans/new", "plans/new")]
    [InlineData("plans/3?region=1#t-5", "plans")]
    [InlineData("", "")]
    [InlineData("api/docs/index.html", "api/docs/")]
    [InlineData("notifications", null)]
    [InlineData("planss", null)]
    [InlineData("assessment-schemes/3", "assessment-schemes")]
    [InlineData("assessments/2/cards/7", "assessments")]
    [InlineData("tasks/12/report?period=2026-11-01", "my")]
    [InlineData("tasks/12/timeline", "tasks")]
    public void The_current_entry_is_the_longest_that_holds_the_address(string path, string? expected) =>
        (SideMenu.Current(path, SideMenu.Groups.SelectMany(g => g.Items))?.Href).ShouldBe(expected);

    [Fact]
    public void The_report_form_is_the_task_lists_for_whoever_does_not_see_my_tasks() =>
        (SideMenu.Current("tasks/12/report", SideMenu.Groups.SelectMany(g => g.Items).Where(i => i.Href != "my"))?.Href).ShouldBe("tasks");

    private async Task<HttpClient> CityAdministratorAsync()
    {
        var name = "menu-city-" + Guid.NewGuid().ToString("N")[..6];
        await Factory.CreateUserAsync(name, "menu-city-password", Role.Admin, DataScope.RegionAndBelow, regionId: await Factory.RegionIdAsync(DemoSeeder.City));
        return await Factory.SignedInAsync(name, "menu-city-password");
    }
}
