using System.Net;
using System.Net.Http.Json;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Data.Audit;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Plans;

/// <summary>Publishing, withdrawing and archiving a plan: administrators of its region only, with If-Match, audited.</summary>
public sealed class PlanStatusTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private DubanWebFactory Factory => plans.Factory;

    private static async Task<HttpResponseMessage> PutStatusAsync(HttpClient client, long id, string? etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plans/{id}/status") { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    private static async Task<string> ETagAsync(HttpClient client, long id) =>
        (await client.GetAsync($"/api/v1/plans/{id}")).Headers.ETag!.ToString();

    [Fact]
    public async Task Publishing_a_draft_opens_it_to_the_public_and_is_audited_and_a_stale_etag_is_refused()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var anonymous = Factory.CreateClient();
        (await anonymous.GetAsync($"/api/v1/plans/{plans.DraftCityPlanId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var etag = await ETagAsync(admin, plans.DraftCityPlanId);

        var published = await PutStatusAsync(admin, plans.DraftCityPlanId, etag, new { status = "published" });

        published.StatusCode.ShouldBe(HttpStatusCode.OK);
        published.Headers.ETag!.ToString().ShouldNotBe(etag);
        (await anonymous.GetAsync($"/api/v1/plans/{plans.DraftCityPlanId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var entry = await Factory.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == AuditActions.PlanStatusChange));
        entry.EntityId.ShouldBe(plans.DraftCityPlanId.ToString());
        entry.Before!.ShouldContain("Draft");
        entry.After!.ShouldContain("Published");

        // The ETag read before the change is stale now; none at all is 428.
        (await PutStatusAsync(admin, plans.DraftCityPlanId, etag, new { status = "archived" })).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await PutStatusAsync(admin, plans.DraftCityPlanId, null, new { status = "archived" })).StatusCode.ShouldBe((HttpStatusCode)428);
        (await Factory.WithDbAsync(db => db.Plans.SingleAsync(p => p.Id == plans.DraftCityPlanId))).Status.ShouldBe(PlanStatus.Published);

        var withdrawn = await PutStatusAsync(admin, plans.DraftCityPlanId, published.Headers.ETag!.ToString(), new { status = "draft" });
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync($"/api/v1/plans/{plans.DraftCityPlanId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("1")]
    [InlineData("")]
    public async Task An_unknown_status_is_a_problem_naming_the_field_and_changes_nothing(string status)
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var before = await Factory.WithDbAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.Id == plans.OtherRegionPlanId));

        var response = await PutStatusAsync(admin, plans.OtherRegionPlanId, await ETagAsync(admin, plans.OtherRegionPlanId), new { status });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("field").GetString().ShouldBe("status");
        (await Factory.WithDbAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.Id == plans.OtherRegionPlanId))).Version.ShouldBe(before.Version);
    }

    [Fact]
    public async Task Only_administrators_change_a_status_and_a_city_administrator_only_for_plans_of_the_city()
    {
        var etag = await ETagAsync(await Factory.SignedInAsync(DemoAccounts.Admin), plans.OtherRegionPlanId);
        (await PutStatusAsync(await Factory.SignedInAsync(DemoAccounts.Reporter), plans.PublishedPlanId, etag, new { status = "archived" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PutStatusAsync(await Factory.SignedInAsync(DemoAccounts.Inspector), plans.PublishedPlanId, etag, new { status = "archived" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await Factory.CreateUserAsync("plan-city-admin", "plan-city-admin-password", Role.Admin, DataScope.RegionAndBelow,
            regionId: await Factory.RegionIdAsync(DemoSeeder.City));
        var cityAdmin = await Factory.SignedInAsync("plan-city-admin", "plan-city-admin-password");
        (await PutStatusAsync(cityAdmin, plans.OtherRegionPlanId, etag, new { status = "published" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PutStatusAsync(cityAdmin, plans.OtherRegionPlanId, null, new { status = "published" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Factory.WithDbAsync(db => db.Plans.SingleAsync(p => p.Id == plans.OtherRegionPlanId))).Status.ShouldBe(PlanStatus.Draft);
    }

    [Fact]
    public async Task The_reader_offers_the_status_buttons_to_the_administrator_only_and_its_form_archives_the_plan()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var page = $"/plans/{plans.PublishedPlanId}";
        (await admin.GetStringAsync(page)).ShouldContain("id=\"plan-status\"");
        (await (await Factory.SignedInAsync(DemoAccounts.Inspector)).GetStringAsync(page)).ShouldNotContain("id=\"plan-status\"");
        (await Factory.CreateClient().GetStringAsync(page)).ShouldNotContain("id=\"plan-status\"");
        var version = await Factory.WithDbAsync(db => db.Plans.Where(p => p.Id == plans.PublishedPlanId).Select(p => p.Version).SingleAsync());

        var response = await Browser.SubmitAsync(admin, page, new Dictionary<string, string> { ["NewStatus"] = "archived", ["StatusVersion"] = version.ToString() },
            formName: "plan-status");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("计划已设为「已归档」");
        (await Factory.WithDbAsync(db => db.Plans.SingleAsync(p => p.Id == plans.PublishedPlanId))).Status.ShouldBe(PlanStatus.Archived);
    }
}
