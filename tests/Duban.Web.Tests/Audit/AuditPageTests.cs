using System.Net;
using Duban.Data.Audit;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Audit;

/// <summary>The audit page as a person reads it: Chinese field names, before → after, China time, names and links.</summary>
public sealed class AuditPageTests(WebAppWithoutSamplePlansFixture app) : IClassFixture<WebAppWithoutSamplePlansFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [Fact]
    public async Task An_audit_entry_reads_in_chinese_with_the_object_linked_and_the_actor_by_display_name()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var planId = await Duban.Web.Tests.Plans.PlansFixture.ImportAsync(Factory, "unit-clauses.txt",
            new Duban.Data.Import.PlanRegion.Existing(await Factory.RegionIdAsync(DemoSeeder.City)));
        var plan = await Factory.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => new { p.Id, p.Title }).SingleAsync());
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plans/{plan.Id}/status") { Content = System.Net.Http.Json.JsonContent.Create(new { status = "published" }) };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        (await admin.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var html = await admin.GetStringAsync($"/audit?action={AuditActions.PlanStatusChange}&user={DemoAccounts.Admin}");
        // The newest entry first: from its row to the next entry's.
        var start = html.IndexOf("<tr class=\"audit-entry\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0);
        var next = html.IndexOf("<tr class=\"audit-entry\"", start + 1, StringComparison.Ordinal);
        var row = next < 0 ? html[start..] : html[start..next];
        row.ShouldContain("演示管理员");
        row.ShouldContain($"<a href=\"plans/{plan.Id}\">");
        row.ShouldContain(WebUtility.HtmlEncode($"《{plan.Title}》"));
        row.ShouldContain("<th scope=\"row\" class=\"fw-normal text-secondary\">状态</th>");
        row.ShouldContain("audit-before\">草稿</td>");
        row.ShouldContain("audit-after\">已发布</td>");
        row.ShouldContain("跟踪起始日");
        row.ShouldContain($"audit-after\">{Duban.Web.Display.ChineseText.Date(Duban.Core.Tracking.Periods.ChinaCalendar.Today(DateTimeOffset.UtcNow))}</td>");
        row.ShouldNotContain(">Published</td>");
    }

    [Fact]
    public async Task An_entry_with_many_changes_shows_twelve_and_folds_the_rest_under_a_summary()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var after = "{" + string.Join(",", Enumerable.Range(1, 20).Select(i => $"\"field{i:00}\":{i}")) + "}";
        var action = $"test.many-changes.{Guid.NewGuid():N}";
        await Factory.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new Duban.Core.Audit.AuditEntry { At = DateTimeOffset.UtcNow, Actor = DemoAccounts.Admin, Action = action, EntityType = "test", EntityId = "1", After = after });
            await db.SaveChangesAsync();
        });

        var html = await admin.GetStringAsync($"/audit?action={action}");

        var row = html[html.IndexOf("<tr class=\"audit-entry\"", StringComparison.Ordinal)..];
        var fold = row.IndexOf("<details class=\"small audit-more-changes\">", StringComparison.Ordinal);
        fold.ShouldBeGreaterThan(0);
        System.Text.RegularExpressions.Regex.Count(row[..fold], "<tr class=\"audit-change\">").ShouldBe(12);
        row[fold..].ShouldContain("展开其余 8 项修改");
        row[fold..].ShouldContain(">field13</th>");
        row[..fold].ShouldNotContain(">field13</th>");
    }

    [Fact]
    public async Task An_administrator_of_a_county_reads_the_entries_of_its_own_accounts_and_not_those_of_the_city_or_the_system()
    {
        var county = await Factory.RegionIdAsync(DemoSeeder.Counties[0]);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var countyGovernment = await Factory.OrganizationIdAsync(DemoSeeder.Counties[0] + "人民政府");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var countyAdmin = await Factory.CreateUserAsync($"audit-county-admin-{suffix}", "Audit-county-admin-1", Duban.Core.Security.Role.Admin, Duban.Core.Security.DataScope.RegionAndBelow, regionId: county);
        var cityAdmin = await Factory.CreateUserAsync($"audit-city-admin-{suffix}", "Audit-city-admin-1", Duban.Core.Security.Role.Admin, Duban.Core.Security.DataScope.RegionAndBelow, regionId: city);
        var countyReporter = await Factory.CreateUserAsync($"audit-county-reporter-{suffix}", "Audit-county-reporter-1", Duban.Core.Security.Role.Reporter, Duban.Core.Security.DataScope.Own, organizationId: countyGovernment);
        var cityReporter = await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == DemoAccounts.Reporter).Select(u => u.Id).SingleAsync());
        var action = $"test.scope.{suffix}";
        await Factory.WithDbAsync(async db =>
        {
            void Add(long? user, string actor, string text) => db.AuditEntries.Add(new Duban.Core.Audit.AuditEntry
            {
                At = DateTimeOffset.UtcNow, UserId = user, Actor = actor, Action = action, EntityType = "test", EntityId = "1",
                After = $"{{\"note\":\"{text}\"}}",
            });
            Add(countyReporter.Id, countyReporter.UserName, "county-reporter-wrote");
            Add(cityReporter, DemoAccounts.Reporter, "city-reporter-wrote");
            Add(null, "system", "system-wrote");
            await db.SaveChangesAsync();
        });

        var asCounty = await (await Factory.SignedInAsync(countyAdmin.UserName, "Audit-county-admin-1")).GetStringAsync($"/audit?action={action}");
        var asCity = await (await Factory.SignedInAsync(cityAdmin.UserName, "Audit-city-admin-1")).GetStringAsync($"/audit?action={action}");
        var asAll = await (await Factory.SignedInAsync(DemoAccounts.Admin)).GetStringAsync($"/audit?action={action}");

        asCounty.ShouldContain("county-reporter-wrote");
        asCounty.ShouldNotContain("city-reporter-wrote", Case.Sensitive, "清河市教育局's reporter lies outside the county");
        asCounty.ShouldNotContain("system-wrote");
        asCounty.ShouldContain("共 1 条");
        asCity.ShouldContain("county-reporter-wrote");
        asCity.ShouldContain("city-reporter-wrote");
        asCity.ShouldNotContain("system-wrote");
        asAll.ShouldContain("system-wrote");
        asAll.ShouldContain("共 3 条");
    }
}
