using System.Net;
using Duban.Core.Governance;
using Duban.Web.Tests.Authorization;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Governance;

/// <summary>
/// The body and meeting forms ask what the API asks: a county's administrator corrects its own county plan's body, and
/// a forged post against the city plan's body or meeting — correction, new meeting, decisions, minutes — is refused
/// and changes nothing.
/// </summary>
public sealed class GovernancePagesTests(WriteMatrixFixture app) : IClassFixture<WriteMatrixFixture>
{
    private WriteMatrixWorld World => app.World;

    private HttpClient County => World.Clients[Actor.CountyAdmin];

    [Fact]
    public async Task A_county_administrator_corrects_its_own_body_through_the_form()
    {
        var (body, _) = (await GovernanceSamples.AddAsync(app.Factory, "表单", World.PlanOf(Side.County)))[0];
        var version = await app.Factory.WithDbAsync(db => db.GoverningBodies.Where(b => b.Id == body).Select(b => b.Version).SingleAsync());

        var saved = await Browser.SubmitAsync(County, $"/bodies/{body}/edit", new Dictionary<string, string>
        {
            ["Version"] = version.ToString("N"), ["Name"] = "表单联席会议（改）", ["Office"] = "县教育局", ["OfficeOrganizationId"] = "0",
            ["MeetingsPerYear"] = "2", ["MeetingsAtLeast"] = "true", ["CadenceFrom"] = "2026-01-01", ["Rows"] = "1",
            ["Role-0"] = "Convener", ["Person-0"] = "", ["Post-0"] = "分管副县长", ["Unit-0"] = "", ["Organization-0"] = "",
        }, formName: "edit-body");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var stored = await app.Factory.WithDbAsync(db => db.GoverningBodies.Include(b => b.Members).SingleAsync(b => b.Id == body));
        (stored.Name, stored.Office, stored.MeetingsAtLeast, stored.CadenceFrom).ShouldBe(("表单联席会议（改）", "县教育局", true, new DateOnly(2026, 1, 1)));
        stored.Members.ShouldHaveSingleItem().Title.ShouldBe("分管副县长");
        (await County.GetStringAsync($"/bodies/{body}")).ShouldContain("分管副县长");
    }

    [Fact]
    public async Task A_member_organisation_links_to_its_entry_under_组织机构()
    {
        var (body, _) = (await GovernanceSamples.AddAsync(app.Factory, "链接", World.PlanOf(Side.County)))[0];
        var member = await app.Factory.WithDbAsync(db => (
            from m in db.GoverningBodies.Where(b => b.Id == body).SelectMany(b => b.Members)
            join o in db.Organizations on m.OrganizationId equals (long?)o.Id
            select new { o.Id, o.Name, o.RegionId }).FirstAsync());

        var html = await County.GetStringAsync($"/bodies/{body}");

        html.ShouldContain($"<a href=\"organizations?org={member.Id}\">");
        html.ShouldNotContain("href=\"organizations/", Case.Sensitive, "there is no page per organisation: such a link answered 404");
        // The city's administrator sees the member wherever it lies in the city (the county's may not see a city bureau).
        var organizations = await World.Clients[Actor.CityAdmin].GetAsync($"/organizations?org={member.Id}");
        organizations.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await organizations.Content.ReadAsStringAsync();
        page.ShouldContain($"<a href=\"organizations?region={member.RegionId}\" class=\"fw-bold\" aria-current=\"page\">", Case.Sensitive, "the organisation's region is opened");
        page.ShouldContain($"value=\"{System.Net.WebUtility.HtmlEncode(member.Name)}\"", Case.Sensitive, "the administrator gets the organisation's form");
    }

    [Fact]
    public async Task Forged_posts_against_the_city_plans_body_and_meeting_are_refused_and_change_nothing()
    {
        var own = (await GovernanceSamples.AddAsync(app.Factory, "伪造", World.PlanOf(Side.County)))[0];
        var city = (await GovernanceSamples.AddAsync(app.Factory, "伪造", World.PlanOf(Side.City)))[0];
        var version = await app.Factory.WithDbAsync(db => db.GoverningBodies.Where(b => b.Id == city.Body).Select(b => b.Version).SingleAsync());
        var audits = await app.Factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        var tasks = await app.Factory.WithDbAsync(db => db.Tasks.CountAsync());

        var forged = new[]
        {
            await Browser.SubmitAsync(County, $"/bodies/{own.Body}/edit", new Dictionary<string, string> { ["Version"] = version.ToString("N"), ["Name"] = "越权", ["Rows"] = "0" },
                action: $"/bodies/{city.Body}/edit", formName: "edit-body"),
            await Browser.SubmitAsync(County, $"/bodies/{own.Body}/meetings/new", new Dictionary<string, string> { ["Date"] = "2026-03-05", ["Kind"] = "regular" },
                action: $"/bodies/{city.Body}/meetings/new", formName: "new-meeting"),
            await Browser.SubmitAsync(County, $"/meetings/{own.Meeting}", new Dictionary<string, string> { ["Text-0"] = "越权议定事项", ["Due-0"] = "2027-01-01", ["Lead-0"] = World.OrganizationOf(Side.City).ToString() },
                action: $"/meetings/{city.Meeting}", formName: "add-decisions"),
            await Browser.SubmitAsync(County, $"/meetings/{own.Meeting}", new Dictionary<string, string>(), action: $"/meetings/{city.Meeting}", formName: "upload-minutes"),
        };

        foreach (var response in forged) ((int)response.StatusCode).ShouldBeOneOf(400, 403, 404);
        (await app.Factory.WithDbAsync(db => db.GoverningBodies.SingleAsync(b => b.Id == city.Body))).Name.ShouldNotBe("越权");
        (await app.Factory.WithDbAsync(db => db.Set<Meeting>().CountAsync(m => m.BodyId == city.Body))).ShouldBe(1);
        (await app.Factory.WithDbAsync(db => db.Tasks.CountAsync())).ShouldBe(tasks);
        (await app.Factory.WithDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(audits);
    }
}
