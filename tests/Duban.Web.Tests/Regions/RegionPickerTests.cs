using System.Net;
using System.Text.RegularExpressions;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Web.Demo;
using Duban.Web.Regions.Picking;
using Duban.Web.Security;
using Duban.Web.Tests.Import;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Regions;

/// <summary>
/// With the national tree (some 3 300 regions) every page that chose a region from a select of the whole scope offers
/// the region picker instead: the trail to the chosen region and its children, never the scope's every region, and a
/// search within the scope only.
/// </summary>
public sealed partial class RegionPickerTests(NationalTreeFixture app) : IClassFixture<NationalTreeFixture>
{
    private DubanWebFactory Factory => app.Factory;

    // A picker's select never offers more than the way down (at most three levels), the children of one region (the
    // most numerous, a province's cities or a city's counties, stay below 40) and the empty choice.
    private const int Bound = 45;

    [GeneratedRegex("<option value=\"(?<id>\\d*)\"")]
    private static partial Regex OptionValue();

    private static List<string> Options(string html, string selectId)
    {
        var start = html.IndexOf($"<select id=\"{selectId}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"select #{selectId} is on the page");
        var end = html.IndexOf("</select>", start, StringComparison.Ordinal);
        return [.. OptionValue().Matches(html[start..end]).Select(m => m.Groups["id"].Value)];
    }

    private Task<long> CodeAsync(string code) => Factory.WithDbAsync(db => db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());

    private Task<int> ChildCountAsync(long id) => Factory.WithDbAsync(db => db.Regions.CountAsync(r => r.ParentId == id));

    [Theory]
    [InlineData("/dashboard", "regionId", "regionId")]
    [InlineData("/comparison", "regionId", "regionId")]
    [InlineData("/users/new", "region", "region")]
    [InlineData("/plans/new", "plan-region", "region")]
    [InlineData("/import", "regionId", "region")]
    public async Task A_national_administrator_is_offered_the_trail_and_the_children_not_the_whole_country(string page, string selectId, string query)
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var total = await Factory.WithDbAsync(db => db.Regions.CountAsync());
        var pingliang = await CodeAsync("620800");
        var kongtong = await CodeAsync("620802");

        var top = await admin.GetAsync(page);
        top.StatusCode.ShouldBe(HttpStatusCode.OK);
        var topOptions = Options(await top.Content.ReadAsStringAsync(), selectId);
        total.ShouldBeGreaterThan(3000);
        topOptions.Count.ShouldBeLessThan(Bound);
        topOptions.ShouldNotContain(kongtong.ToString());

        var html = await admin.GetStringAsync($"{page}?{query}={pingliang}");
        var options = Options(html, selectId);
        // 甘肃省 and 平凉市 (the trail), 平凉市's counties, perhaps the empty choice.
        options.Count.ShouldBeLessThanOrEqualTo(2 + await ChildCountAsync(pingliang) + 1);
        options.ShouldContain(pingliang.ToString());
        options.ShouldContain(kongtong.ToString());
        html.ShouldContain($"data-region-id=\"{kongtong}\"", Case.Sensitive, "a link drills down to each child");
    }

    [Fact]
    public async Task The_user_form_of_an_existing_user_offers_the_trail_to_its_region()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var kongtong = await CodeAsync("620802");
        var user = await Factory.CreateUserAsync("kongtong-inspector", "Kongtong-password-1", Role.Inspector, DataScope.RegionAndBelow, regionId: kongtong);

        var options = Options(await admin.GetStringAsync($"/users/{user.Id}"), "region");

        options.ShouldContain(kongtong.ToString());
        options.ShouldContain((await CodeAsync("620800")).ToString());
        options.Count.ShouldBeLessThan(Bound);
    }

    [Fact]
    public async Task The_plan_list_offers_only_the_regions_that_lead_to_a_plan()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var pingliang = await CodeAsync("620800");
        var kongtong = await CodeAsync("620802");
        var huating = await CodeAsync("620881");
        await Factory.WithDbAsync(async db =>
        {
            db.Plans.Add(new Plan { Title = "崆峒区地区选择测试计划", RegionId = kongtong, Status = PlanStatus.Draft, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });

        var top = Options(await admin.GetStringAsync("/plans"), "region");
        var html = await admin.GetStringAsync($"/plans?region={pingliang}");
        var options = Options(html, "region");

        top.Count.ShouldBeLessThan(Bound);
        top.ShouldContain((await CodeAsync("620000")).ToString());
        options.ShouldContain(kongtong.ToString());
        options.ShouldNotContain(huating.ToString(), "华亭市 holds no plan");
        options.Count.ShouldBeLessThanOrEqualTo(4);
    }

    [Fact]
    public async Task A_city_administrator_is_offered_and_finds_nothing_outside_the_city()
    {
        var pingliang = await CodeAsync("620800");
        await Factory.CreateUserAsync("pingliang-admin", "Pingliang-admin-password-1", Role.Admin, DataScope.RegionAndBelow, regionId: pingliang);
        var client = await Factory.SignedInAsync("pingliang-admin", "Pingliang-admin-password-1");
        var gansu = (await CodeAsync("620000")).ToString();
        var qingyang = (await CodeAsync("621000")).ToString();
        var xifeng = (await CodeAsync("621002")).ToString();

        foreach (var (page, selectId) in new[] { ("/users/new", "region"), ("/plans/new", "plan-region"), ("/import", "regionId"), ("/dashboard", "regionId"), ("/comparison", "regionId") })
        {
            var html = await client.GetStringAsync(page);
            var options = Options(html, selectId);
            options.ShouldContain(pingliang.ToString(), page);
            options.ShouldNotContain(gansu, page);
            options.ShouldNotContain(qingyang, page);
            html.ShouldNotContain("甘肃省", Case.Sensitive, page);

            var outside = await client.GetStringAsync($"{page}?regionQ=西峰");
            Options(outside, selectId).ShouldNotContain(xifeng, page);
            outside.ShouldNotContain("西峰区", Case.Sensitive, page);
            outside.ShouldContain("没有找到名称或代码含“西峰”的地区", Case.Sensitive, page);

            var inside = await client.GetStringAsync($"{page}?regionQ=崆峒");
            Options(inside, selectId).ShouldContain((await CodeAsync("620802")).ToString(), page);
        }
    }

    [Fact]
    public async Task Search_matches_name_or_code_within_the_scope_and_stops_at_twenty()
    {
        var pingliang = await CodeAsync("620800");
        var city = new DubanUser(1, "city", "city", Role.Admin, DataScope.RegionAndBelow, null, pingliang,
            await Factory.WithDbAsync(db => db.Regions.Where(r => r.Id == pingliang).Select(r => r.Path).SingleAsync()));
        var national = city with { Scope = DataScope.All, RegionId = null, ScopeRegionPath = null };

        await Factory.WithDbAsync(async db =>
        {
            var byCode = await RegionPicking.LoadAsync(db.Regions.VisibleTo(city), null, "620802", default);
            byCode.Found.Select(f => f.Name).ShouldBe(["崆峒区"]);
            byCode.Found[0].Lineage.ShouldBe("平凉市", "the lineage stops at the scope");

            var byName = await RegionPicking.LoadAsync(db.Regions.VisibleTo(city), null, "华亭", default);
            byName.Found.Select(f => f.Name).ShouldBe(["华亭市"]);

            (await RegionPicking.LoadAsync(db.Regions.VisibleTo(city), null, "西峰", default)).Found.ShouldBeEmpty();
            (await RegionPicking.LoadAsync(db.Regions.VisibleTo(national), null, "西峰", default)).Found.Select(f => f.Lineage).ShouldBe(["甘肃省 › 庆阳市"]);

            var many = await RegionPicking.LoadAsync(db.Regions.VisibleTo(national), null, "区", default);
            many.Found.Count.ShouldBe(RegionPicking.SearchLimit);
            many.MoreFound.ShouldBeTrue();
            // Without a choice, the scope's top: the provinces nationally, the city for its administrator.
            many.Children.Count.ShouldBeLessThan(Bound);
            (await RegionPicking.LoadAsync(db.Regions.VisibleTo(city), null, null, default)).Children.Select(c => c.Id).ShouldBe([pingliang]);
        });
    }

    [Fact]
    public async Task The_provinces_and_a_provinces_cities_are_offered_in_the_catalogues_order()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var gansu = await CodeAsync("620000");

        var top = Options(await admin.GetStringAsync("/users/new"), "region");
        var cities = Options(await admin.GetStringAsync($"/users/new?region={gansu}"), "region").Skip(2).ToList();

        var codes = await Factory.WithDbAsync(db => db.Regions.Where(r => r.Code != null).ToDictionaryAsync(r => r.Id.ToString(), r => r.Code!));
        var topCodes = top.Where(codes.ContainsKey).Select(id => codes[id]).ToList();
        topCodes.Count.ShouldBeGreaterThan(30, "the provinces are offered");
        topCodes.ShouldBe(topCodes.Order(StringComparer.Ordinal).ToList(), "北京市, 天津市, 河北省… by code, not by database id");
        var cityCodes = cities.Where(codes.ContainsKey).Select(id => codes[id]).ToList();
        cityCodes.Count.ShouldBeGreaterThan(10);
        cityCodes.ShouldBe(cityCodes.Order(StringComparer.Ordinal).ToList());
    }

    [GeneratedRegex("\\sid=\"(?<id>[^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("<(?<tag>input|button)\\b[^>]*\\bform=\"(?<form>[^\"]+)\"")]
    private static partial Regex FormAttribute();

    [Theory]
    [InlineData("/users/new")]
    [InlineData("/users/{user}")]
    [InlineData("/import")]
    [InlineData("/plans/new")]
    public async Task The_region_search_belongs_to_a_form_of_its_own_and_no_id_is_used_twice(string page)
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var user = await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == DemoAccounts.Inspector).Select(u => u.Id).SingleAsync());
        var html = await admin.GetStringAsync(page.Replace("{user}", user.ToString()));

        var ids = IdAttribute().Matches(html).Select(m => m.Groups["id"].Value).ToList();
        ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty(page);
        var owners = FormAttribute().Matches(html).Select(m => m.Groups["form"].Value).Distinct().ToList();
        owners.ShouldNotBeEmpty("the picker's search names the GET form it submits with");
        // A form attribute naming anything but a form (the search box's own id, once) leaves the 查找 button without a form.
        foreach (var owner in owners) html.ShouldContain($"<form method=\"get\" id=\"{owner}\"", Case.Sensitive, page);
    }
}
