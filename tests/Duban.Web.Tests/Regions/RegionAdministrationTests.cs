using System.Net;
using System.Net.Http.Json;
using Duban.Core.Security;
using Duban.Data.Audit;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Regions;

/// <summary>Administrators add regions (开发区, 新区) below a region of their scope, through the API and the 地区 page, audited.</summary>
public sealed class RegionAdministrationTests(WebAppWithoutSamplePlansFixture app) : IClassFixture<WebAppWithoutSamplePlansFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static string Unique(string name) => name + Guid.NewGuid().ToString("N")[..6];

    private async Task<HttpClient> CityAdminAsync()
    {
        var name = Unique("city-admin-");
        await Factory.CreateUserAsync(name, "City-admin-password-1", Role.Admin, DataScope.RegionAndBelow, regionId: await Factory.RegionIdAsync(DemoSeeder.City));
        return await Factory.SignedInAsync(name, "City-admin-password-1");
    }

    [Fact]
    public async Task An_administrator_adds_a_zone_below_a_region_of_its_scope_with_its_code_and_the_write_is_audited()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var name = Unique("清河经济开发区");

        var response = await admin.PostAsJsonAsync("/api/v1/regions", new { name = " " + name + " ", parentId = city, code = "990171" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetInt64();
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/regions/{id}");
        (body.GetProperty("name").GetString(), body.GetProperty("code").GetString(), body.GetProperty("level").GetString(), body.GetProperty("parentId").GetInt64())
            .ShouldBe((name, "990171", "county", city));
        body.GetProperty("isFunctionalZone").GetBoolean().ShouldBeTrue();
        var stored = await Factory.WithDbAsync(db => db.Regions.Include(r => r.Parent).SingleAsync(r => r.Id == id));
        stored.Path.ShouldBe($"{stored.Parent!.Path}{id}/");
        var entry = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.RegionCreate && e.EntityId == id.ToString()));
        entry.Actor.ShouldBe(DemoAccounts.Admin);
        entry.After!.ShouldContain("990171");
        (await (await admin.GetAsync("/api/v1/regions?code=990171")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetInt64().ShouldBe(id);
    }

    [Theory]
    [InlineData("", null, "name", "请输入地区名称")]
    [InlineData("新\u202E区", null, "name", "地区名称")]
    [InlineData("开发区", "62080", "code", "6 位数字")]
    [InlineData("开发区", "六二零八零零", "code", "6 位数字")]
    public async Task Bad_input_is_refused_naming_the_field_in_chinese(string name, string? code, string field, string message)
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await admin.PostAsJsonAsync("/api/v1/regions", new { name, parentId = await Factory.RegionIdAsync(DemoSeeder.City), code });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString()!.ShouldContain(message);
    }

    [Fact]
    public async Task A_code_or_a_name_already_taken_is_a_conflict_naming_its_field()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var name = Unique("园区");
        (await admin.PostAsJsonAsync("/api/v1/regions", new { name, parentId = city, code = "990172" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var sameCode = await admin.PostAsJsonAsync("/api/v1/regions", new { name = Unique("另一园区"), parentId = city, code = "990172" });
        var sameName = await admin.PostAsJsonAsync("/api/v1/regions", new { name, parentId = city });

        sameCode.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await sameCode.JsonAsync()).GetProperty("field").GetString().ShouldBe("code");
        sameName.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await sameName.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain($"「{DemoSeeder.City}」下已有名为“{name}”的地区");
    }

    [Fact]
    public async Task A_city_administrator_adds_below_its_city_but_not_beside_it_nor_at_the_top()
    {
        var client = await CityAdminAsync();
        var county = await Factory.RegionIdAsync(DemoSeeder.Counties[0]);
        var province = await Factory.RegionIdAsync(DemoSeeder.Province);
        var before = await Factory.WithDbAsync(db => db.Regions.CountAsync());

        var below = await client.PostAsJsonAsync("/api/v1/regions", new { name = Unique("东湖工业园"), parentId = county });
        var beside = await client.PostAsJsonAsync("/api/v1/regions", new { name = Unique("越权新区"), parentId = province });
        var top = await client.PostAsJsonAsync("/api/v1/regions", new { name = Unique("越权省") });

        below.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await below.JsonAsync()).GetProperty("level").GetString().ShouldBe("county");
        foreach (var refused in new[] { beside, top })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.JsonAsync()).GetProperty("field").GetString().ShouldBe("parentId");
        }
        (await Factory.WithDbAsync(db => db.Regions.CountAsync())).ShouldBe(before + 1);
    }

    [Fact]
    public async Task The_regions_page_walks_the_tree_of_the_scope_and_its_form_adds_below_the_region_shown()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var page = $"/regions?parent={city}";

        var html = await admin.GetStringAsync(page);
        html.ShouldContain("id=\"region-lineage\"");
        foreach (var county in DemoSeeder.Counties) html.ShouldContain(county);
        html.ShouldContain("value=\"add-region\"");
        var name = Unique("页面新区");
        var added = await Browser.SubmitAsync(admin, page, new Dictionary<string, string> { ["NewName"] = name, ["NewCode"] = "" }, formName: "add-region");
        (await added.Content.ReadAsStringAsync()).ShouldContain($"已添加 {name}");
        (await Factory.WithDbAsync(db => db.Regions.SingleAsync(r => r.Name == name))).ParentId.ShouldBe(city);

        var refused = await Browser.SubmitAsync(admin, page, new Dictionary<string, string> { ["NewName"] = "", ["NewCode"] = "12" }, formName: "add-region");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("请输入地区名称");
        (await admin.GetAsync("/regions?parent=x")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_city_administrator_sees_its_city_as_the_root_and_not_the_province()
    {
        var client = await CityAdminAsync();

        var root = await client.GetStringAsync("/regions");
        var province = await client.GetAsync($"/regions?parent={await Factory.RegionIdAsync(DemoSeeder.Province)}");

        root.ShouldContain($"regions?parent={await Factory.RegionIdAsync(DemoSeeder.City)}");
        root.ShouldNotContain("添加顶级地区");
        province.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
