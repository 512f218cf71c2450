using Duban.Core.Security;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Duban.Data.Import;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Organizations;

public sealed class OrganizationsTests(WebAppWithoutSamplePlansFixture app) : IClassFixture<WebAppWithoutSamplePlansFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static async Task<string> ETagAsync(HttpClient admin, long id) =>
        (await admin.GetAsync($"/api/v1/organizations/{id}")).Headers.ETag!.ToString();

    private static Task<HttpResponseMessage> MergeAsync(HttpClient admin, long source, long target, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/organizations/{source}/merge-into/{target}");
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return admin.SendAsync(request);
    }

    private async Task<(long Id, string ETag)> CreateAsync(HttpClient admin, string name)
    {
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var response = await admin.PostAsJsonAsync("/api/v1/organizations", new { name, kind = "department", regionId = city });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.JsonAsync();
        return (body.GetProperty("id").GetInt64(), response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task An_administrator_creates_renames_and_edits_aliases_and_each_write_is_audited()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var (id, etag) = await CreateAsync(admin, "清河市测试局");

        var rename = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/organizations/{id}") { Content = JsonContent.Create(new { name = "清河市新测试局", kind = "school" }) };
        rename.Headers.TryAddWithoutValidation("If-Match", etag);
        var renamed = await admin.SendAsync(rename);
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await renamed.JsonAsync()).GetProperty("kind").GetString().ShouldBe("school");

        // The ETag read before the rename is stale now; none at all is 428.
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/organizations/{id}") { Content = JsonContent.Create(new { name = "过期", kind = "school" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var staleResponse = await admin.SendAsync(stale);
        staleResponse.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await staleResponse.JsonAsync()).GetProperty("title").GetString().ShouldBe("数据已被修改");
        (await admin.PutAsJsonAsync($"/api/v1/organizations/{id}", new { name = "无版本", kind = "school" })).StatusCode.ShouldBe((HttpStatusCode)428);

        var added = await admin.PostAsJsonAsync($"/api/v1/organizations/{id}/aliases", new { name = "市测试局" });
        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        var aliasId = (await added.JsonAsync()).GetProperty("aliases")[0].GetProperty("id").GetInt64();
        (await admin.PostAsJsonAsync($"/api/v1/organizations/{id}/aliases", new { name = "市测试局" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var empty = await admin.PostAsJsonAsync($"/api/v1/organizations/{id}/aliases", new { name = " " });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.JsonAsync()).GetProperty("field").GetString().ShouldBe("name");

        (await admin.DeleteAsync($"/api/v1/organizations/{id}/aliases/{aliasId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.DeleteAsync($"/api/v1/organizations/{id}/aliases/{aliasId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var stored = await Factory.WithDbAsync(db => db.Organizations.Include(o => o.Aliases).SingleAsync(o => o.Id == id));
        stored.Name.ShouldBe("清河市新测试局");
        stored.Aliases.ShouldBeEmpty();
        var actions = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == AuditEntities.Organization && e.EntityId == id.ToString())
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        actions.ShouldBe([AuditActions.OrganizationCreate, AuditActions.OrganizationUpdate, AuditActions.OrganizationAddAlias, AuditActions.OrganizationRemoveAlias]);
        var update = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.OrganizationUpdate && e.EntityId == id.ToString()));
        update.Before!.ShouldContain("清河市测试局");
        update.After!.ShouldContain("清河市新测试局");
    }

    [Fact]
    public async Task Merging_moves_assignments_and_aliases_to_the_target_in_one_audited_change()
    {
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        await PlansFixture.ImportAsync(Factory, "unit-clauses.txt", new PlanRegion.Existing(city));
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var source = await Factory.WithDbAsync(db => db.Assignments.Where(a => a.OrganizationId != education && a.Organization!.RegionId == city)
            .GroupBy(a => a.OrganizationId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        var (sourceName, moved, sourceAliases) = await Factory.WithDbAsync(async db =>
        {
            var o = await db.Organizations.Include(x => x.Aliases).SingleAsync(x => x.Id == source);
            return (o.Name, await db.Assignments.CountAsync(a => a.OrganizationId == source), o.Aliases.Select(a => a.Name).ToList());
        });
        moved.ShouldBeGreaterThan(0);
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var (target, _) = await CreateAsync(admin, "清河市合并目标局");

        // A merge cannot be undone: without the merged organisation's ETag, or with *, nothing happens.
        (await admin.PostAsync($"/api/v1/organizations/{source}/merge-into/{target}", null)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await MergeAsync(admin, source, target, "*")).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await MergeAsync(admin, source, target, $"\"{Guid.NewGuid():N}\"")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await Factory.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == source))).IsActive.ShouldBeTrue();

        var response = await MergeAsync(admin, source, target, await ETagAsync(admin, source));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Factory.WithDbAsync(db => db.Assignments.CountAsync(a => a.OrganizationId == source))).ShouldBe(0);
        (await Factory.WithDbAsync(db => db.Assignments.CountAsync(a => a.OrganizationId == target))).ShouldBe(moved);
        var merged = await Factory.WithDbAsync(db => db.Organizations.Include(o => o.Aliases).SingleAsync(o => o.Id == source));
        merged.IsActive.ShouldBeFalse();
        merged.MergedIntoId.ShouldBe(target);
        merged.Aliases.ShouldBeEmpty();
        var targetAliases = await Factory.WithDbAsync(db => db.OrganizationAliases.Where(a => a.OrganizationId == target).Select(a => a.Name).ToListAsync());
        targetAliases.ShouldContain(sourceName);
        foreach (var alias in sourceAliases) targetAliases.ShouldContain(alias);
        var entry = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.OrganizationMerge && e.EntityId == source.ToString()));
        entry.Before!.ShouldContain(sourceName);
        entry.After!.ShouldContain("\"mergedIntoId\":" + target);

        // Merged once, it cannot be merged again, nor into itself.
        (await MergeAsync(admin, source, target, await ETagAsync(admin, source))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await MergeAsync(admin, target, target, await ETagAsync(admin, target))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Merging_moves_the_reporters_of_the_merged_organisation_and_ends_their_sessions()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var (source, _) = await CreateAsync(admin, "清河市被合并局");
        var (target, _) = await CreateAsync(admin, "清河市存续局");
        var reporter = await Factory.CreateUserAsync("merged-reporter", "merged-reporter-pw1", Role.Reporter, DataScope.Own, source);
        var bystander = await Factory.CreateUserAsync("other-reporter", "other-reporter-pw1", Role.Reporter, DataScope.Own, target);
        var session = await Factory.SignedInAsync(reporter.UserName, "merged-reporter-pw1");
        (await session.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await MergeAsync(admin, source, target, await ETagAsync(admin, source))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var moved = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == reporter.Id));
        moved.OrganizationId.ShouldBe(target);
        moved.SecurityStamp.ShouldNotBe(reporter.SecurityStamp);
        (await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == bystander.Id))).SecurityStamp.ShouldBe(bystander.SecurityStamp);
        (await session.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var again = await Factory.SignedInAsync(reporter.UserName, "merged-reporter-pw1");
        (await (await again.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("organizationId").GetInt64().ShouldBe(target);

        var merge = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.OrganizationMerge && e.EntityId == source.ToString()));
        merge.After!.ShouldContain($"\"movedUsers\":[{reporter.Id}]");
        var userEntry = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserUpdate && e.EntityId == reporter.Id.ToString()));
        userEntry.Actor.ShouldBe(merge.Actor);
        (merge.At - userEntry.At).ShouldBeLessThan(TimeSpan.FromSeconds(5));
        userEntry.Before!.ShouldContain($"\"organizationId\":{source}");
        userEntry.After!.ShouldContain($"\"organizationId\":{target}");
    }

    [Theory]
    [InlineData(DemoAccounts.Reporter)]
    [InlineData(DemoAccounts.Inspector)]
    public async Task Other_roles_are_refused_every_write(string userName)
    {
        var client = await Factory.SignedInAsync(userName);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var finance = await Factory.OrganizationIdAsync(DemoSeeder.CityFinance);
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);

        (await client.PostAsJsonAsync("/api/v1/organizations", new { name = "越权单位", kind = "department", regionId = city })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PutAsJsonAsync($"/api/v1/organizations/{finance}", new { name = "越权", kind = "department" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync($"/api/v1/organizations/{finance}/aliases", new { name = "越权" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsync($"/api/v1/organizations/{finance}/merge-into/{education}", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Factory.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Name == "越权单位"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Anonymous_visitors_are_refused()
    {
        var anonymous = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var finance = await Factory.OrganizationIdAsync(DemoSeeder.CityFinance);

        (await anonymous.PostAsJsonAsync("/api/v1/organizations", new { name = "匿名", kind = "department", regionId = 1 })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.DeleteAsync($"/api/v1/organizations/{finance}/aliases/1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await anonymous.GetAsync("/organizations");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.AbsolutePath.ShouldBe("/signin");
    }

    [Fact]
    public async Task The_page_shows_the_region_tree_to_inspectors_read_only_and_denies_reporters()
    {
        var inspector = await (await Factory.SignedInAsync(DemoAccounts.Inspector)).GetStringAsync("/organizations");
        inspector.ShouldContain("id=\"region-tree\"");
        inspector.ShouldContain(DemoSeeder.City);
        inspector.ShouldContain("东湖县");
        inspector.ShouldNotContain("江南省教育厅"); // outside the inspector's scope (清河市)
        inspector.ShouldNotContain("create-organization");
        inspector.ShouldNotContain("merge-organization");

        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var denied = await reporter.GetAsync("/organizations");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.AbsolutePath.ShouldBe("/denied");
    }

    [Fact]
    public async Task An_administrator_uses_the_page_forms_which_carry_antiforgery_tokens()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var listPage = $"/organizations?region={city}";

        var html = await admin.GetStringAsync(listPage);
        html.ShouldContain("id=\"region-tree\"");
        html.ShouldContain(DemoSeeder.CityFinance);
        html.ShouldContain("市财政局");
        Regex.IsMatch(html, "<form[^>]*>\\s*<input[^>]*__RequestVerificationToken").ShouldBeTrue();

        var created = await Browser.SubmitAsync(admin, listPage, new Dictionary<string, string> { ["NewName"] = "页面新建局", ["NewKind"] = "Department" }, formName: "create-organization");
        (await created.Content.ReadAsStringAsync()).ShouldContain("已创建 页面新建局");
        var id = await Factory.OrganizationIdAsync("页面新建局");

        var editPage = $"/organizations?region={city}&org={id}";
        var editHtml = await admin.GetStringAsync(editPage);
        foreach (var form in new[] { "edit-organization", "add-alias", "merge-organization", "create-organization" })
            editHtml.ShouldContain($"value=\"{form}\"");
        var version = Regex.Match(editHtml, "name=\"EditVersion\" value=\"(?<v>[^\"]+)\"").Groups["v"].Value;
        var saved = await Browser.SubmitAsync(admin, editPage, new Dictionary<string, string> { ["EditVersion"] = version, ["EditName"] = "页面改名局", ["EditKind"] = "School" }, formName: "edit-organization");
        (await saved.Content.ReadAsStringAsync()).ShouldContain("已保存");
        var stale = await Browser.SubmitAsync(admin, editPage, new Dictionary<string, string> { ["EditVersion"] = version, ["EditName"] = "过期", ["EditKind"] = "School" }, formName: "edit-organization");
        (await stale.Content.ReadAsStringAsync()).ShouldContain("已被他人修改");

        var alias = await Browser.SubmitAsync(admin, editPage, new Dictionary<string, string> { ["AliasName"] = "页面别名" }, formName: "add-alias");
        (await alias.Content.ReadAsStringAsync()).ShouldContain("已添加别名");
        (await Factory.WithDbAsync(db => db.OrganizationAliases.AnyAsync(a => a.OrganizationId == id && a.Name == "页面别名"))).ShouldBeTrue();
        (await Factory.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == id))).Name.ShouldBe("页面改名局");
    }
}
