using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duban.Core.Security;
using Duban.Core.Tracking.Supervision;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Exports;

/// <summary>
/// The Excel export beside each list holds exactly the list's rows as filtered — same query, same scope, same order,
/// every page — and the link on the page carries the page's current filter (docs/web.md, "Exports").
/// </summary>
public sealed partial class ListExportTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private DubanWebFactory Factory => plans.Factory;

    [GeneratedRegex("id=\"list-export\" href=\"(?<href>[^\"]+)\"")]
    private static partial Regex ExportHref();

    private static string ExportLinkOf(string html)
    {
        var match = ExportHref().Match(html);
        match.Success.ShouldBeTrue("the page has no export link");
        return "/" + WebUtility.HtmlDecode(match.Groups["href"].Value);
    }

    private async Task<string> FiltersAsync(string name) => name switch
    {
        "none" => "",
        "plan-by-number" => $"planId={plans.PublishedPlanId}&sort=number",
        "lead-organisation" => $"organizationId={await Factory.OrganizationIdAsync(DemoSeeder.CityEducation)}&role=lead",
        "overdue" => "status=overdue",
        "region-and-plan" => $"regionId={await Factory.RegionIdAsync(DemoSeeder.City)}&planId={plans.DraftCityPlanId}",
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [InlineData("none")]
    [InlineData("plan-by-number")]
    [InlineData("lead-organisation")]
    [InlineData("overdue")]
    [InlineData("region-and-plan")]
    public async Task The_task_export_holds_the_rows_of_the_filtered_list_in_its_order(string filter)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var query = await FiltersAsync(filter);
        var listed = await ApiListPages.AllAsync(client, "/api/v1/tasks" + (query.Length > 0 ? "?" + query : ""));
        listed.Count.ShouldBeGreaterThan(0, "an empty list proves nothing");

        var (sheet, rows) = await XlsxRows.GetAsync(client, "/api/v1/tasks.xlsx" + (query.Length > 0 ? "?" + query : ""));

        sheet.ShouldBe("任务台账");
        rows[0].ShouldBe(["序号", "计划", "任务编号", "任务", "牵头单位", "配合单位", "完成时限", "状态", "最新进展", "更新时间"]);
        rows.Skip(1).Select(r => (r[1], r[2], r[3])).ShouldBe(listed.Select(t =>
            (t.GetProperty("planTitle").GetString()!, t.GetProperty("no").GetString()!, t.GetProperty("text").GetString()!)));
        rows.Skip(1).Select(r => r[0]).ShouldBe(Enumerable.Range(1, listed.Count).Select(i => i.ToString()));
        if (filter == "overdue") rows.Skip(1).ShouldAllBe(r => r[7].StartsWith("逾期"));
    }

    [Fact]
    public async Task The_task_page_links_the_export_of_its_current_filter_and_a_reporter_gets_only_its_own_tasks()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var html = await admin.GetStringAsync($"/tasks?planId={plans.DraftCityPlanId}&status=overdue&sort=number&page=2");
        var link = ExportLinkOf(html);
        link.ShouldBe($"/api/v1/tasks.xlsx?planId={plans.DraftCityPlanId}&status=overdue&sort=number");
        var (_, rows) = await XlsxRows.GetAsync(admin, link);
        var listed = await ApiListPages.AllAsync(admin, $"/api/v1/tasks?planId={plans.DraftCityPlanId}&status=overdue&sort=number");
        rows.Skip(1).Select(r => r[3]).ShouldBe(listed.Select(t => t.GetProperty("text").GetString()));

        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var (_, own) = await XlsxRows.GetAsync(reporter, ExportLinkOf(await reporter.GetStringAsync("/tasks")));
        var reporterList = await ApiListPages.AllAsync(reporter, "/api/v1/tasks");
        own.Skip(1).Select(r => r[3]).ShouldBe(reporterList.Select(t => t.GetProperty("text").GetString()));
        (await plans.TaskIdsOfAsync(DemoSeeder.CityEducation)).Count.ShouldBe(reporterList.Count);
    }

    /// <summary>督办单 of several statuses on two plans and two organisations, written as the services would have stored them.</summary>
    private async Task<List<long>> OrdersAsync()
    {
        return await Factory.WithDbAsync(async db =>
        {
            if (await db.Set<SupervisionOrder>().AnyAsync(o => o.Reason.StartsWith("导出测试"))) 
                return await db.Set<SupervisionOrder>().Where(o => o.Reason.StartsWith("导出测试")).Select(o => o.Id).ToListAsync();
            var assignments = await db.Assignments.AsNoTracking()
                .Where(a => (a.Task!.PlanId == plans.PublishedPlanId || a.Task.PlanId == plans.DraftCityPlanId)
                            && db.Plans.Any(p => p.Id == a.Task.PlanId && p.CurrentVersionId == a.Task.TaskList!.PlanVersionId))
                .OrderBy(a => a.Id).Take(12).ToListAsync();
            OrderStatus[] statuses = [OrderStatus.Open, OrderStatus.Overdue, OrderStatus.Answered, OrderStatus.Closed, OrderStatus.Returned];
            var orders = assignments.Select((a, i) => new SupervisionOrder
            {
                Number = $"督办〔2026〕E{i}号", TaskId = a.TaskId, AssignmentId = a.Id, OrganizationId = a.OrganizationId, Reason = $"导出测试事由{i}",
                IssuedAt = new DateTimeOffset(2026, 11, 1 + i, 2, 0, 0, TimeSpan.Zero), IssuedByName = "sample", ReplyBy = new DateOnly(2026, 12, 20),
                Status = statuses[i % statuses.Length], Origin = i % 2 == 0 ? OrderOrigin.Manual : OrderOrigin.Automatic,
                IdempotencyKey = "export-test:" + Guid.NewGuid().ToString("N"),
            }).ToList();
            db.AddRange(orders);
            await db.SaveChangesAsync();
            return orders.Select(o => o.Id).ToList();
        });
    }

    [Fact]
    public async Task The_supervision_export_holds_the_rows_of_the_filtered_list_and_the_page_filters_by_plan_and_organisation()
    {
        await OrdersAsync();
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var organization = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        foreach (var query in new[] { "", "status=active", $"planId={plans.PublishedPlanId}", $"organizationId={organization}", $"status=closed&planId={plans.PublishedPlanId}" })
        {
            var suffix = query.Length > 0 ? "?" + query : "";
            var listed = await ApiListPages.AllAsync(client, "/api/v1/supervision-orders" + suffix);
            listed.Count.ShouldBeGreaterThan(0, query);
            var (sheet, rows) = await XlsxRows.GetAsync(client, "/api/v1/supervision-orders.xlsx" + suffix);
            sheet.ShouldBe("督办单");
            rows.Skip(1).Select(r => r[1]).ShouldBe(listed.Select(o => o.GetProperty("number").GetString()), query);
        }
        // The office's to-do list: overdue first, then waiting, then returned; nothing answered or closed.
        var active = await ApiListPages.AllAsync(client, "/api/v1/supervision-orders?status=active");
        var order = active.Select(o => o.GetProperty("status").GetString()).ToList();
        order.ShouldBe(order.OrderBy(s => s switch { "overdue" => 0, "open" => 1, _ => 2 }).ToList());
        order.ShouldAllBe(s => s == "overdue" || s == "open" || s == "returned");

        // The page: the plan and organisation filters, the tab links keep them, and the export link carries the tab too.
        var html = await client.GetStringAsync($"/supervision?planId={plans.PublishedPlanId}&organizationId={organization}");
        html.ShouldContain($"<option value=\"{plans.PublishedPlanId}\" selected");
        html.ShouldContain($"href=\"supervision?status=closed&amp;planId={plans.PublishedPlanId}&amp;organizationId={organization}\"");
        var link = ExportLinkOf(html);
        link.ShouldBe($"/api/v1/supervision-orders.xlsx?status=active&planId={plans.PublishedPlanId}&organizationId={organization}");
        var shown = Regex.Matches(html, "<tr data-order=\"(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value)).ToList();
        var expected = await ApiListPages.AllAsync(client, $"/api/v1/supervision-orders?status=active&planId={plans.PublishedPlanId}&organizationId={organization}");
        shown.ShouldBe(expected.Select(o => o.GetProperty("id").GetInt64()));
        var (_, rows2) = await XlsxRows.GetAsync(client, link);
        rows2.Skip(1).Select(r => r[1]).ShouldBe(expected.Select(o => o.GetProperty("number").GetString()));
    }

    [Fact]
    public async Task The_user_export_holds_the_rows_of_the_filtered_list()
    {
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        await Factory.CreateUserAsync("export-reporter-1", "export-password-1", Role.Reporter, DataScope.Own, education);
        await Factory.CreateUserAsync("export-reporter-2", "export-password-2", Role.Reporter, DataScope.Own, await Factory.OrganizationIdAsync(DemoSeeder.CityFinance));
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        foreach (var query in new[] { "", "role=reporter", $"organizationId={education}", "q=export", "active=true&role=admin" })
        {
            var suffix = query.Length > 0 ? "?" + query : "";
            var listed = await ApiListPages.AllAsync(client, "/api/v1/users" + suffix);
            listed.Count.ShouldBeGreaterThan(0, query);
            var (sheet, rows) = await XlsxRows.GetAsync(client, "/api/v1/users.xlsx" + suffix);
            sheet.ShouldBe("用户");
            rows.Skip(1).Select(r => r[1]).ShouldBe(listed.Select(u => u.GetProperty("userName").GetString()), query);
        }

        var html = await client.GetStringAsync($"/users?role=Reporter&status=active&organizationId={education}");
        var link = ExportLinkOf(html);
        link.ShouldBe($"/api/v1/users.xlsx?role=reporter&active=true&organizationId={education}");
        var (_, filtered) = await XlsxRows.GetAsync(client, link);
        var names = filtered.Skip(1).Select(r => r[1]).ToList();
        names.ShouldContain("export-reporter-1");
        names.ShouldNotContain("export-reporter-2");
        filtered.Skip(1).ShouldAllBe(r => r[3] == "填报员" && r[7] == "启用" && r[5] == DemoSeeder.CityEducation);
    }

    [Fact]
    public async Task The_organisation_export_holds_the_rows_the_page_lists()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        foreach (var query in new[] { $"region={city}", $"region={city}&below=true", $"region={city}&below=true&kind=government", $"region={city}&below=true&q=教育" })
        {
            var html = await client.GetStringAsync("/organizations?" + query);
            var shown = Regex.Matches(html, "data-organization=\"\\d+\">\\s*<td>([^<]+)</td>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
            shown.Count.ShouldBeGreaterThan(0, query);
            var (sheet, rows) = await XlsxRows.GetAsync(client, ExportLinkOf(html));
            sheet.ShouldBe("组织机构");
            rows.Skip(1).Select(r => r[1]).ShouldBe(shown, query);
            if (query.Contains("kind")) rows.Skip(1).ShouldAllBe(r => r[2] == "人民政府");
        }
    }

    [Fact]
    public async Task Exports_are_read_by_role_and_a_wrong_filter_is_a_problem_naming_the_field()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        (await reporter.GetAsync("/api/v1/users.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await reporter.GetAsync("/api/v1/organizations.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Factory.CreateClient().GetAsync("/api/v1/tasks.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        foreach (var (path, field) in new[]
                 {
                     ("/api/v1/tasks.xlsx?status=late", "status"), ("/api/v1/tasks.xlsx?dueFrom=31.07.2021", "dueFrom"),
                     ("/api/v1/supervision-orders.xlsx?status=late", "status"), ("/api/v1/users.xlsx?role=boss", "role"),
                     ("/api/v1/organizations.xlsx?kind=club", "kind"), ("/api/v1/tasks.xlsx?planId=abc", "planId"),
                 })
        {
            var response = await admin.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, path);
            (await response.JsonAsync()).GetProperty("field").GetString().ShouldBe(field, path);
        }
    }
}
