using System.Net;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;

namespace Duban.Web.Tests;

/// <summary>Reads are filtered by the user's data scope on the server, for lists and single records alike.</summary>
public sealed class DataScopeTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static async Task<List<string>> NamesAsync(HttpClient client, string url) =>
        (await (await client.GetAsync(url)).JsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();

    [Fact]
    public async Task An_administrator_with_scope_all_sees_every_region()
    {
        var names = await NamesAsync(await Factory.SignedInAsync(DemoAccounts.Admin), "/api/v1/regions");
        names.ShouldBe([DemoSeeder.Province, DemoSeeder.City, .. DemoSeeder.Counties, .. DemoSeeder.SamplePlaces.Select(p => p.Name), .. DemoSeeder.SampleCityCounties.Select(p => p.Name)], ignoreOrder: true);
    }

    [Fact]
    public async Task An_inspector_of_the_city_sees_the_city_and_its_counties_but_not_the_province()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Inspector);

        (await NamesAsync(client, "/api/v1/regions")).ShouldBe([DemoSeeder.City, .. DemoSeeder.Counties], ignoreOrder: true);
        var province = await Factory.RegionIdAsync(DemoSeeder.Province);
        (await client.GetAsync($"/api/v1/regions/{province}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var organizations = await NamesAsync(client, "/api/v1/organizations?pageSize=100");
        organizations.ShouldContain(DemoSeeder.CityEducation);
        organizations.ShouldContain("东湖县人民政府");
        organizations.ShouldNotContain("江南省教育厅");
    }

    [Fact]
    public async Task A_reporter_sees_only_their_own_organisation_and_its_region()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Reporter);

        (await NamesAsync(client, "/api/v1/organizations")).ShouldBe([DemoSeeder.CityEducation]);
        (await NamesAsync(client, "/api/v1/regions")).ShouldBe([DemoSeeder.City]);
        var finance = await Factory.OrganizationIdAsync(DemoSeeder.CityFinance);
        (await client.GetAsync($"/api/v1/organizations/{finance}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await client.GetAsync($"/api/v1/organizations/{await Factory.OrganizationIdAsync(DemoSeeder.CityEducation)}");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        own.Headers.ETag.ShouldNotBeNull();
        (await own.JsonAsync()).GetProperty("aliases")[0].GetString().ShouldBe("市教育局");
    }

    [Fact]
    public async Task A_user_whose_scope_has_no_anchor_sees_nothing()
    {
        await Factory.CreateUserAsync("no-anchor", "no-anchor-password", Duban.Core.Security.Role.Inspector, Duban.Core.Security.DataScope.RegionAndBelow);
        var client = await Factory.SignedInAsync("no-anchor", "no-anchor-password");

        (await NamesAsync(client, "/api/v1/regions")).ShouldBeEmpty();
        (await NamesAsync(client, "/api/v1/organizations")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Lists_filter_and_page_within_the_scope()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);

        (await NamesAsync(client, $"/api/v1/regions?parentId={city}")).ShouldBe(DemoSeeder.Counties, ignoreOrder: true);
        // The demo city's three counties, the sample plans' 云岭县, 南浦县 and 东川区, and 西岭市's 石桥县 and 柳溪区.
        (await NamesAsync(client, "/api/v1/regions?level=county")).Count.ShouldBe(3 + 3 + 2);
        // The demo plans add organisations of their own (县人力资源和社会保障局); the filter still finds by alias and name only.
        var labour = await NamesAsync(client, "/api/v1/organizations?q=人社");
        labour.ShouldContain("清河市人力资源和社会保障局");
        labour.ShouldAllBe(name => name.Contains("人力资源和社会保障"));
        var page = await (await client.GetAsync("/api/v1/organizations?pageSize=2&page=2")).JsonAsync();
        page.GetProperty("items").GetArrayLength().ShouldBe(2);
        page.GetProperty("totalPages").GetInt32().ShouldBe((page.GetProperty("total").GetInt32() + 1) / 2);
    }
}
