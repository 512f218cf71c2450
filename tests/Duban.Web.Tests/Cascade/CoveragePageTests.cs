using System.Net;
using Duban.Core.Cascade;
using Duban.Core.Security;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Cascade;

/// <summary>
/// Coverage decided on the cascade page (确认承接 / 不承接) by the upper plan's office, refused to a county administrator.
/// A world of its own: the decisions change the 承接情况 the other page tests read.
/// </summary>
public sealed class CoveragePageTests(CascadeProofFixture world) : IClassFixture<CascadeProofFixture>
{
    private DubanWebFactory Factory => world.Factory;

    [Fact]
    public async Task Coverage_is_confirmed_or_rejected_on_the_page_by_the_city_office_and_not_by_a_county_administrator()
    {
        var (first, second) = await Factory.WithDbAsync(async db =>
        {
            var proposed = await db.Set<Coverage>().Where(c => c.State == CoverageState.Proposed && db.Tasks.Any(t => t.Id == c.UpperTaskId && t.PlanId == world.City))
                .OrderBy(c => c.Id).Take(2).ToListAsync();
            proposed.Count.ShouldBe(2, "the proof's county plans carry at least two city tasks, proposed");
            return (proposed[0], proposed[1]);
        });
        Task<CoverageState> StateOfAsync(long id) => Factory.WithDbAsync(db => db.Set<Coverage>().Where(c => c.Id == id).Select(c => c.State).SingleAsync());
        Dictionary<string, string> Decision(Coverage c, string decision) =>
            new() { ["UpperTaskId"] = c.UpperTaskId.ToString(), ["LowerTaskId"] = c.LowerTaskId.ToString(), ["Decision"] = decision };

        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/plans/{world.City}/cascade"));
        page.ShouldContain("确认承接");
        page.ShouldContain("不承接");

        var name = "cascade-coverage-county-admin";
        await Factory.CreateUserAsync(name, name + "-password", Role.Admin, DataScope.RegionAndBelow, regionId: await Factory.RegionIdAsync("西山县"));
        var county = await Factory.SignedInAsync(name, name + "-password");
        // The county's administrator is offered no decision, and a forged post finds no form to submit to (400) or is refused (403).
        (await county.GetStringAsync($"/plans/{world.City}/cascade")).ShouldNotContain("确认承接");
        var refused = await Browser.SubmitAsync(county, $"/plans/{world.City}/cascade", Decision(first, "confirm"), formName: $"coverage-{first.Id}");
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Forbidden);
        (await StateOfAsync(first.Id)).ShouldBe(CoverageState.Proposed);

        var confirmed = await Browser.SubmitAsync(admin, $"/plans/{world.City}/cascade", Decision(first, "confirm"), formName: $"coverage-{first.Id}");
        ((int)confirmed.StatusCode).ShouldBeOneOf(200, 302, 303);
        (await StateOfAsync(first.Id)).ShouldBe(CoverageState.Confirmed);
        var rejected = await Browser.SubmitAsync(admin, $"/plans/{world.City}/cascade", Decision(second, "reject"), formName: $"coverage-{second.Id}");
        ((int)rejected.StatusCode).ShouldBeOneOf(200, 302, 303);
        (await StateOfAsync(second.Id)).ShouldBe(CoverageState.Rejected);
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "coverage" && (e.EntityId == first.Id.ToString() || e.EntityId == second.Id.ToString()))))
            .ShouldBe(2);
    }
}
