using System.Net;
using Duban.Core.Cascade;
using Duban.Core.Security;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Cascade;

/// <summary>The cascade page and the plan page's 上级依据 / 下级承接计划 on the proof's plans; the review form refuses the office below.</summary>
public sealed class CascadePageTests(CascadeProofFixture world) : IClassFixture<CascadeProofFixture>
{
    private DubanWebFactory Factory => world.Factory;

    private Task<long> FilingOfAsync(string organization) => Factory.WithDbAsync(db =>
        db.Set<Filing>().Where(f => db.Organizations.Any(o => o.Id == f.OrganizationId && o.Name == organization)
                                    && db.Set<FilingRequirement>().Any(r => r.Id == f.RequirementId && r.PlanId == world.City))
            .Select(f => f.Id).SingleAsync());

    private Task<FilingState> StateAsync(long filing) => Factory.WithDbAsync(db => db.Set<Filing>().Where(f => f.Id == filing).Select(f => f.State).SingleAsync());

    [Fact]
    public async Task The_cascade_page_shows_the_tree_the_filings_and_the_coverage()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var response = await admin.GetAsync($"/plans/{world.City}/cascade");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("承接树");
        html.ShouldContain("东湖县深化现代职业教育体系建设改革实施方案");
        html.ShouldContain("南岭县人民政府（未报备）");
        html.ShouldContain("未报备（逾期）");
        html.ShouldContain("由下级 2 个计划承接，0 个已完成");
        html.ShouldContain("下级合计 14000 人次");
        html.ShouldContain("2026年3月31日");
    }

    [Fact]
    public async Task The_plan_page_shows_its_basis_and_the_plans_implementing_it()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var county = WebUtility.HtmlDecode(await admin.GetStringAsync($"/plans/{world.Donghu}"));
        county.ShouldContain("上级依据");
        county.ShouldContain("（清政发〔2026〕8号）");
        county.ShouldContain($"href=\"plans/{world.City}\"");
        var city = WebUtility.HtmlDecode(await admin.GetStringAsync($"/plans/{world.City}"));
        city.ShouldContain("下级承接计划");
        city.ShouldContain($"href=\"plans/{world.Xishan}\"");
        city.ShouldContain($"href=\"plans/{world.City}/cascade\"");
    }

    [Fact]
    public async Task A_county_administrator_posting_a_review_on_the_city_page_is_refused()
    {
        var filing = await FilingOfAsync("西山县人民政府");
        var name = "cascade-page-county-admin";
        await Factory.CreateUserAsync(name, name + "-password", Role.Admin, DataScope.RegionAndBelow, regionId: await Factory.RegionIdAsync("东湖县"));
        var county = await Factory.SignedInAsync(name, name + "-password");
        // Offered no review form (it is not theirs to decide); a forged post finds no form (400) or is refused (403).
        WebUtility.HtmlDecode(await county.GetStringAsync($"/plans/{world.City}/cascade")).ShouldNotContain($"filing-review-{filing}");
        var refused = await Browser.SubmitAsync(county, $"/plans/{world.City}/cascade",
            new Dictionary<string, string> { ["FilingId"] = filing.ToString(), ["Decision"] = "return", ["Comment"] = "伪造的退回" }, formName: $"filing-review-{filing}");
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Forbidden);
        (await StateAsync(filing)).ShouldBe(FilingState.Filed);

        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var returned = await Browser.SubmitAsync(admin, $"/plans/{world.City}/cascade",
            new Dictionary<string, string> { ["FilingId"] = filing.ToString(), ["Decision"] = "return", ["Comment"] = "请补充措施" }, formName: $"filing-review-{filing}");
        ((int)returned.StatusCode).ShouldBeOneOf(200, 302, 303);
        (await StateAsync(filing)).ShouldBe(FilingState.Returned);
    }
}
