using System.Net;
using Duban.Core.Cascade;
using Duban.Core.Organizations;
using Duban.Core.Security;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Cascade;

/// <summary>
/// The cascade page's forms for what the API already did: a plan's 上级依据 found and confirmed or removed one at a time
/// by the lower plan's office, and filing requirements set and changed by the upper plan's office. A world of its own:
/// the links and requirements change what the other cascade tests read.
/// </summary>
public sealed class CascadeFormsTests(CascadeProofFixture world) : IClassFixture<CascadeProofFixture>
{
    private DubanWebFactory Factory => world.Factory;

    private Task<LinkState?> LinkAsync(long lower, long upper) => Factory.WithDbAsync(db =>
        db.Set<PlanLink>().Where(l => l.LowerPlanId == lower && l.UpperPlanId == upper).Select(l => (LinkState?)l.State).SingleOrDefaultAsync());

    private async Task<HttpClient> CountyAdminAsync(string name, string county)
    {
        await Factory.CreateUserAsync(name, name + "-password", Role.Admin, DataScope.RegionAndBelow, regionId: await Factory.RegionIdAsync(county));
        return await Factory.SignedInAsync(name, name + "-password");
    }

    [Fact]
    public async Task The_county_office_removes_and_sets_its_basis_plan_on_the_page_and_another_county_cannot()
    {
        (await LinkAsync(world.Donghu, world.City)).ShouldNotBeNull("the import proposed the link from the 发文字号");
        var donghu = await CountyAdminAsync("cascade-forms-donghu", "东湖县");
        var page = WebUtility.HtmlDecode(await donghu.GetStringAsync($"/plans/{world.Donghu}/cascade"));
        page.ShouldContain("上级依据计划");
        page.ShouldContain("解除");

        var removed = await Browser.SubmitAsync(donghu, $"/plans/{world.Donghu}/cascade",
            new Dictionary<string, string> { ["UpperPlanId"] = world.City.ToString(), ["Decision"] = "reject" }, formName: $"link-{world.City}");
        ((int)removed.StatusCode).ShouldBeOneOf(200, 302, 303);
        (await LinkAsync(world.Donghu, world.City)).ShouldBe(LinkState.Rejected);

        // Found again by its 发文字号 typed with other brackets, and set as the basis.
        var search = WebUtility.HtmlDecode(await donghu.GetStringAsync($"/plans/{world.Donghu}/cascade?basis={Uri.EscapeDataString("清政发[2026]8号")}"));
        search.ShouldContain("设为上级依据");
        search.ShouldContain($"href=\"plans/{world.City}\"");
        search.ShouldNotContain($"href=\"plans/{world.Xishan}\"", customMessage: "a county plan does not match the city's number");
        var set = await Browser.SubmitAsync(donghu, $"/plans/{world.Donghu}/cascade?basis={Uri.EscapeDataString("清政发[2026]8号")}",
            new Dictionary<string, string> { ["UpperPlanId"] = world.City.ToString(), ["Decision"] = "confirm" }, formName: $"link-add-{world.City}");
        ((int)set.StatusCode).ShouldBeOneOf(200, 302, 303);
        (await LinkAsync(world.Donghu, world.City)).ShouldBe(LinkState.Confirmed);
        (await LinkAsync(world.Xishan, world.City)).ShouldNotBe(LinkState.Rejected, "one plan's links leave the others alone");

        // 西山县's office sees 东湖县's plan page but is offered nothing, and a forged post changes nothing.
        var xishan = await CountyAdminAsync("cascade-forms-xishan", "西山县");
        var other = await xishan.GetAsync($"/plans/{world.Donghu}/cascade");
        if (other.StatusCode == HttpStatusCode.OK) WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync()).ShouldNotContain("解除");
        var forged = await Browser.SubmitAsync(xishan, $"/plans/{world.Xishan}/cascade",
            new Dictionary<string, string> { ["UpperPlanId"] = world.City.ToString(), ["Decision"] = "reject" }, action: $"/plans/{world.Donghu}/cascade", formName: $"link-{world.City}");
        forged.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await LinkAsync(world.Donghu, world.City)).ShouldBe(LinkState.Confirmed);
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "plan-link.set" && e.EntityId == world.Donghu.ToString()))).ShouldBe(2);
    }

    [Fact]
    public async Task The_city_office_sets_and_changes_a_filing_requirement_on_the_page()
    {
        var school = await Factory.WithDbAsync(db => db.Organizations
            .Where(o => o.Kind == OrganizationKind.School && o.IsActive && db.Plans.Any(p => p.Id == world.City && (p.RegionId == o.RegionId || p.RegionId == o.Region!.ParentId)))
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.Name }).FirstAsync());
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/plans/{world.City}/cascade"));
        page.ShouldContain("新增备案要求");
        page.ShouldContain(school.Name);

        var invalid = await Browser.SubmitAsync(admin, $"/plans/{world.City}/cascade", new Dictionary<string, string>
        {
            ["Kind"] = "school", ["Text"] = "各职业院校制定“一校一案”", ["Office"] = "市教育局", ["Due"] = "2027-02-30", ["OrganizationIds"] = school.Id.ToString(),
        }, formName: "requirement-new");
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync()).ShouldContain("报备期限“2027-02-30”不是有效日期");

        var created = await Browser.SubmitAsync(admin, $"/plans/{world.City}/cascade", new Dictionary<string, string>
        {
            ["Kind"] = "school", ["Text"] = "各职业院校制定“一校一案”实施方案，报市教育局备案", ["Office"] = "市教育局", ["Due"] = "2027-03-31",
            ["OrganizationIds"] = school.Id.ToString(),
        }, formName: "requirement-new");
        ((int)created.StatusCode).ShouldBeOneOf(200, 302, 303);
        var requirement = await Factory.WithDbAsync(db => db.Set<FilingRequirement>().SingleAsync(r => r.PlanId == world.City && r.Text == "各职业院校制定“一校一案”实施方案，报市教育局备案"));
        requirement.Kind.ShouldBe(FilingKind.School);
        requirement.Due.ShouldBe(new DateOnly(2027, 3, 31));
        (await Factory.WithDbAsync(db => db.Set<Filing>().Where(f => f.RequirementId == requirement.Id).Select(f => f.OrganizationId).ToListAsync())).ShouldBe([school.Id]);

        var edit = new Dictionary<string, string>
        {
            ["RequirementId"] = requirement.Id.ToString(), ["Version"] = requirement.Version.ToString("N"), ["Kind"] = "school",
            ["Text"] = requirement.Text, ["Office"] = "市教育局", ["Due"] = "2027-04-30", ["OrganizationIds"] = school.Id.ToString(),
        };
        var saved = await Browser.SubmitAsync(admin, $"/plans/{world.City}/cascade", edit, formName: $"requirement-{requirement.Id}");
        ((int)saved.StatusCode).ShouldBeOneOf(200, 302, 303);
        (await Factory.WithDbAsync(db => db.Set<FilingRequirement>().Where(r => r.Id == requirement.Id).Select(r => r.Due).SingleAsync())).ShouldBe(new DateOnly(2027, 4, 30));

        // The same copy again is stale: refused, nothing changed.
        edit["Due"] = "2027-05-31";
        var stale = await Browser.SubmitAsync(admin, $"/plans/{world.City}/cascade", edit, formName: $"requirement-{requirement.Id}");
        ((int)stale.StatusCode).ShouldBeOneOf(409, 412);
        (await Factory.WithDbAsync(db => db.Set<FilingRequirement>().Where(r => r.Id == requirement.Id).Select(r => r.Due).SingleAsync())).ShouldBe(new DateOnly(2027, 4, 30));
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "filing-requirement" && e.EntityId == requirement.Id.ToString()))).ShouldBe(2);

        // A county's office sees the city plan but is offered no requirement form, and a forged one is refused.
        var county = await CountyAdminAsync("cascade-forms-county", "东湖县");
        WebUtility.HtmlDecode(await county.GetStringAsync($"/plans/{world.City}/cascade")).ShouldNotContain("新增备案要求");
        var forged = await Browser.SubmitAsync(county, $"/plans/{world.City}/cascade", new Dictionary<string, string>
        {
            ["Kind"] = "county", ["Text"] = "伪造的要求", ["EveryChildRegion"] = "true",
        }, formName: "requirement-new");
        forged.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Forbidden);
        (await Factory.WithDbAsync(db => db.Set<FilingRequirement>().CountAsync(r => r.PlanId == world.City && r.Text == "伪造的要求"))).ShouldBe(0);
    }
}
