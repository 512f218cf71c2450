using System.Net;
using System.Text.RegularExpressions;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;

namespace Duban.Web.Tests.Plans;

/// <summary>The plan reader's 版本 section, the version diff page and the region filter of the plan list.</summary>
public sealed class PlanVersionPagesTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private DubanWebFactory Factory => plans.Factory;

    private static List<long> PlanIds(string html) =>
        Regex.Matches(html, "<a href=\"plans/(\\d+)\">").Select(m => long.Parse(m.Groups[1].Value)).ToList();

    [Fact]
    public async Task The_plan_reader_lists_the_versions_with_date_importer_and_short_sha256_and_links_to_the_diff()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);

        var html = await admin.GetStringAsync($"/plans/{plans.DraftCityPlanId}");

        html.ShouldContain("id=\"plan-versions\"");
        Regex.Matches(html, "class=\"plan-version\"").Count.ShouldBe(2);
        html.ShouldContain("第 2 版（当前）");
        html.ShouldMatch(@"\d{4}年\d{1,2}月\d{1,2}日");
        var sha = await Factory.WithDbAsync(db => Task.FromResult(db.PlanVersions.Where(v => v.PlanId == plans.DraftCityPlanId && v.Number == 2).Select(v => v.Sha256).Single()));
        html.ShouldContain($">{sha[..12]}</code>");
        html.ShouldContain($"href=\"plans/{plans.DraftCityPlanId}/diff?from=1&amp;to=2\"");
    }

    [Fact]
    public async Task The_diff_page_shows_the_changed_task_old_and_new_with_the_changed_field()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await admin.GetAsync($"/plans/{plans.DraftCityPlanId}/diff?from=1&to=2");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("第 1 版 → 第 2 版");
        html.ShouldContain("修改 1");
        Regex.Matches(html, "class=\"diff-task diff-changed").Count.ShouldBe(1);
        html.ShouldContain("data-field=\"text\"");
        html.ShouldNotContain("data-field=\"deadline\"");
        // The new text's inserted part is marked, and the old text is shown beside it.
        html.ShouldMatch("<ins[^>]*>[^<]*动态调整专业结构[^<]*</ins>");
        html.ShouldContain("class=\"text-break diff-before\"");
        html.ShouldNotContain("id=\"diff-problem\"");
    }

    [Fact]
    public async Task The_diff_page_names_a_missing_version_and_hides_unpublished_plans_from_partial_readers()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var missing = await admin.GetAsync($"/plans/{plans.DraftCityPlanId}/diff?from=1&to=7");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("该计划没有第 7 版");
        var unreadable = await admin.GetAsync($"/plans/{plans.DraftCityPlanId}/diff?from=第一版");
        unreadable.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unreadable.Content.ReadAsStringAsync()).ShouldContain("必须是版本号");

        // The reporter reads the draft (it has tasks of their organisation) but not all of it, so not its diff either.
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        (await reporter.GetAsync($"/plans/{plans.DraftCityPlanId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reporter.GetAsync($"/plans/{plans.DraftCityPlanId}/diff")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reporter.GetStringAsync($"/plans/{plans.DraftCityPlanId}")).ShouldNotContain("/diff?");
        (await Factory.CreateClient().GetAsync($"/plans/{plans.DraftCityPlanId}/diff")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Factory.CreateClient().GetAsync($"/plans/{plans.OtherRegionPlanId}/diff")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var anonymous = await Factory.CreateClient().GetAsync($"/plans/{plans.PublishedPlanId}/diff");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.Content.ReadAsStringAsync()).ShouldContain("两个版本的任务没有变化");
    }

    [Fact]
    public async Task Anonymous_readers_see_the_versions_but_not_who_imported_them()
    {
        await Factory.WithDbAsync(async db =>
        {
            var admin = db.Users.Single(u => u.UserName == DemoAccounts.Admin);
            db.PlanVersions.Single(v => v.PlanId == plans.PublishedPlanId).ImportedById = admin.Id;
            await db.SaveChangesAsync();
        });
        var adminName = await Factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == DemoAccounts.Admin).DisplayName));

        (await (await Factory.SignedInAsync(DemoAccounts.Inspector)).GetStringAsync($"/plans/{plans.PublishedPlanId}")).ShouldContain($">{adminName}</td>");
        var html = await Factory.CreateClient().GetStringAsync($"/plans/{plans.PublishedPlanId}");
        html.ShouldContain("第 1 版（当前）");
        html.ShouldNotContain($">{adminName}</td>");
    }

    [Fact]
    public async Task The_region_filter_takes_the_region_and_everything_under_it()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var province = await Factory.RegionIdAsync(DemoSeeder.Province);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var county = await Factory.RegionIdAsync(DemoSeeder.Counties[0]);

        var page = await admin.GetStringAsync($"/plans?region={city}");
        page.ShouldContain($"<option value=\"{city}\" selected");
        PlanIds(page).ShouldBe([plans.PublishedPlanId, plans.DraftCityPlanId], ignoreOrder: true);
        // The province holds the city and the demo's 青禾市, under which the third plan's 云岭县 lies.
        PlanIds(await admin.GetStringAsync($"/plans?region={province}")).ShouldBe([plans.PublishedPlanId, plans.DraftCityPlanId, plans.OtherRegionPlanId], ignoreOrder: true);
        PlanIds(await admin.GetStringAsync($"/plans?region={county}")).ShouldBeEmpty();
        PlanIds(await admin.GetStringAsync($"/plans?region={city}&status=published")).ShouldBe([plans.PublishedPlanId]);
        PlanIds(await admin.GetStringAsync("/plans")).Count.ShouldBe(3);

        var api = await (await admin.GetAsync($"/api/v1/plans?regionId={province}")).JsonAsync();
        api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ShouldBe([plans.PublishedPlanId, plans.DraftCityPlanId, plans.OtherRegionPlanId], ignoreOrder: true);
        var cityPlans = await (await admin.GetAsync($"/api/v1/plans?regionId={city}")).JsonAsync();
        cityPlans.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ShouldBe([plans.PublishedPlanId, plans.DraftCityPlanId], ignoreOrder: true);
        (await (await admin.GetAsync("/api/v1/plans?regionId=999999")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Anonymous_visitors_are_offered_only_the_regions_of_published_plans()
    {
        var anonymous = Factory.CreateClient();
        var otherRegion = await Factory.WithDbAsync(db => Task.FromResult(db.Plans.Where(p => p.Id == plans.OtherRegionPlanId).Select(p => p.Region!.Name).Single()));
        var top = await anonymous.GetStringAsync("/plans");
        // The region picker offers the province, then below it the city of the published plan.
        var page = await anonymous.GetStringAsync($"/plans?region={await Factory.RegionIdAsync(DemoSeeder.Province)}");
        var found = await anonymous.GetStringAsync("/plans?regionQ=" + Uri.EscapeDataString(otherRegion));

        top.ShouldContain(DemoSeeder.Province + "</option>");
        page.ShouldContain(DemoSeeder.City + "</option>");
        page.ShouldNotContain(otherRegion + "</option>");
        found.ShouldNotContain(otherRegion + "</option>");
    }
}
