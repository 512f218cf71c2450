using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Duban.Core.Security;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests;

public sealed class UsersApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [Theory]
    [InlineData(DemoAccounts.Reporter)]
    [InlineData(DemoAccounts.Inspector)]
    public async Task Non_administrators_get_403_problems_from_the_users_api(string userName)
    {
        var client = await Factory.SignedInAsync(userName);

        var list = await client.GetAsync("/api/v1/users");
        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        list.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await list.JsonAsync()).GetProperty("title").GetString().ShouldBe("无权访问");

        var create = await client.PostAsJsonAsync("/api/v1/users", new { userName = "sneaky", displayName = "越权", role = "admin", scope = "all" });
        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "sneaky"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Administrators_list_users_a_page_at_a_time()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var page = await (await client.GetAsync("/api/v1/users?pageSize=2&page=1")).JsonAsync();

        page.GetProperty("items").GetArrayLength().ShouldBe(2);
        page.GetProperty("page").GetInt32().ShouldBe(1);
        page.GetProperty("pageSize").GetInt32().ShouldBe(2);
        page.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(3);
        page.GetProperty("items")[0].TryGetProperty("passwordHash", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task An_administrator_creates_a_user_and_the_audit_log_has_the_after_image()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var finance = await Factory.OrganizationIdAsync(DemoSeeder.CityFinance);

        var response = await client.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "finance-reporter",
            displayName = "财政填报员",
            role = "reporter",
            scope = "own",
            organizationId = finance,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.ETag.ShouldNotBeNull();
        var body = await response.JsonAsync();
        var id = body.GetProperty("user").GetProperty("id").GetInt64();
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/users/{id}");
        body.GetProperty("user").GetProperty("organizationName").GetString().ShouldBe(DemoSeeder.CityFinance);
        var initialPassword = body.GetProperty("initialPassword").GetString()!;
        initialPassword.Length.ShouldBeGreaterThanOrEqualTo(10);

        var entry = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserCreate && e.EntityId == id.ToString()));
        entry.Actor.ShouldBe(DemoAccounts.Admin);
        entry.UserId.ShouldNotBeNull();
        entry.Before.ShouldBeNull();
        var after = JsonDocument.Parse(entry.After!).RootElement;
        after.GetProperty("userName").GetString().ShouldBe("finance-reporter");
        after.GetProperty("role").GetString().ShouldBe("Reporter");
        after.GetProperty("organizationId").GetInt64().ShouldBe(finance);
        entry.After!.ShouldNotContain(initialPassword);
        entry.After!.ShouldNotContain("pbkdf2");

        // The password it was given works.
        var signIn = await Browser.SignInAsync(Factory.CreateClient(), "finance-reporter", initialPassword);
        signIn.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task An_update_records_before_and_after_and_changes_the_etag()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var user = await Factory.CreateUserAsync("to-update", "update-password-1", Role.Inspector, DataScope.All);
        var get = await client.GetAsync($"/api/v1/users/{user.Id}");
        var etag = get.Headers.ETag!;

        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var put = Put(client, user.Id, etag.Tag, new { displayName = "改名了", role = "inspector", scope = "regionAndBelow", regionId = city, isActive = true });
        var response = await put;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.ShouldNotBe(etag.Tag);
        (await response.JsonAsync()).GetProperty("regionName").GetString().ShouldBe(DemoSeeder.City);
        var entry = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserUpdate && e.EntityId == user.Id.ToString()));
        JsonDocument.Parse(entry.Before!).RootElement.GetProperty("scope").GetString().ShouldBe("All");
        JsonDocument.Parse(entry.After!).RootElement.GetProperty("scope").GetString().ShouldBe("RegionAndBelow");
        JsonDocument.Parse(entry.After!).RootElement.GetProperty("displayName").GetString().ShouldBe("改名了");
    }

    [Fact]
    public async Task A_stale_if_match_gets_412_with_a_chinese_message_and_changes_nothing()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var user = await Factory.CreateUserAsync("stale-target", "stale-password-1");
        var etag = (await client.GetAsync($"/api/v1/users/{user.Id}")).Headers.ETag!.Tag;
        var first = await Put(client, user.Id, etag, new { displayName = "第一次修改", role = "inspector", scope = "all", isActive = true });
        first.StatusCode.ShouldBe(HttpStatusCode.OK);

        var second = await Put(client, user.Id, etag, new { displayName = "基于旧版本的修改", role = "inspector", scope = "all", isActive = true });

        second.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        second.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await second.JsonAsync();
        problem.GetProperty("status").GetInt32().ShouldBe(412);
        problem.GetProperty("title").GetString().ShouldBe("数据已被修改");
        problem.GetProperty("detail").GetString()!.ShouldContain("已被他人修改");
        (await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync())).ShouldBe("第一次修改");
    }

    [Fact]
    public async Task An_update_without_if_match_gets_428()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var user = await Factory.CreateUserAsync("no-if-match", "no-if-match-password");

        var response = await client.PutAsJsonAsync($"/api/v1/users/{user.Id}", new { displayName = "x", role = "inspector", scope = "all", isActive = true });

        response.StatusCode.ShouldBe((HttpStatusCode)428);
        (await response.JsonAsync()).GetProperty("field").GetString().ShouldBe("If-Match");
    }

    [Fact]
    public async Task A_wrong_field_gets_a_400_problem_naming_the_field_in_chinese()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.PostAsJsonAsync("/api/v1/users", new { userName = "new-reporter", displayName = "没有单位", role = "reporter", scope = "own" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("field").GetString().ShouldBe("organizationId");
        problem.GetProperty("detail").GetString()!.ShouldContain("单位");
        problem.GetProperty("errors").GetProperty("organizationId")[0].GetString()!.ShouldContain("单位");
    }

    [Theory]
    [InlineData("/api/v1/users?page=0", "page")]
    [InlineData("/api/v1/users?pageSize=1000", "pageSize")]
    [InlineData("/api/v1/users?page=abc", "page")]
    [InlineData("/api/v1/users?role=boss", "role")]
    public async Task Bad_query_values_get_a_400_problem_naming_the_field(string url, string field)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("title").GetString().ShouldBe("请求参数有误");
        problem.GetProperty("detail").GetString()!.ShouldContain(field);
    }

    [Fact]
    public async Task A_body_that_does_not_fit_gets_a_400_problem_naming_the_field()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.PostAsync("/api/v1/users", new StringContent("""{"userName":"x1x","role":"emperor"}""", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("field").GetString().ShouldBe("role");
    }

    [Fact]
    public async Task Unknown_api_addresses_get_a_chinese_404_problem()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.GetAsync("/api/v1/no-such-thing");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.JsonAsync()).GetProperty("title").GetString().ShouldBe("未找到");
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_themselves()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();
        var id = me.GetProperty("id").GetInt64();
        var etag = (await client.GetAsync($"/api/v1/users/{id}")).Headers.ETag!.Tag;

        var response = await Put(client, id, etag, new { displayName = "演示管理员", role = "admin", scope = "all", isActive = false });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("field").GetString().ShouldBe("isActive");
    }

    [Fact]
    public async Task A_region_administrator_sees_only_users_in_their_region_and_cannot_grant_all()
    {
        var county = await Factory.RegionIdAsync(DemoSeeder.Counties[0]);
        var otherCounty = await Factory.RegionIdAsync(DemoSeeder.Counties[1]);
        await Factory.CreateUserAsync("county-admin", "county-admin-password", Role.Admin, DataScope.RegionAndBelow, regionId: county);
        await Factory.CreateUserAsync("county-inspector", "county-inspector-pw", Role.Inspector, DataScope.RegionAndBelow, regionId: county);
        await Factory.CreateUserAsync("other-county-inspector", "other-county-pw", Role.Inspector, DataScope.RegionAndBelow, regionId: otherCounty);
        var client = await Factory.SignedInAsync("county-admin", "county-admin-password");

        var names = (await (await client.GetAsync("/api/v1/users?pageSize=100")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(u => u.GetProperty("userName").GetString()).ToList();

        names.ShouldBe(["county-admin", "county-inspector"], ignoreOrder: true);
        var grant = await client.PostAsJsonAsync("/api/v1/users", new { userName = "too-wide", displayName = "越权", role = "inspector", scope = "all" });
        grant.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await grant.JsonAsync()).GetProperty("field").GetString().ShouldBe("scope");
        var elsewhere = await client.PostAsJsonAsync("/api/v1/users", new { userName = "elsewhere", displayName = "别处", role = "inspector", scope = "regionAndBelow", regionId = otherCounty });
        (await elsewhere.JsonAsync()).GetProperty("field").GetString().ShouldBe("regionId");
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, long id, string etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{id}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return client.SendAsync(request);
    }
}
