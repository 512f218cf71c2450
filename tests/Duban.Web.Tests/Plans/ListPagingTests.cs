using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duban.Core.Audit;
using Duban.Core.Security;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Supervision;
using Duban.Web.Demo;
using Duban.Web.Tests.Authorization;
using Duban.Web.Tests.Batch;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Plans;

/// <summary>
/// The long lists other than the tasks read by cursor (docs/web.md, "Long lists"): the 督办单 (API and page), the 审核
/// queue (API <c>queue=review</c> and page) and the audit log (page). Walked forward by next and back by previous, each
/// visits every row once in the list's order, ties in the sort key included; filters and the reader's scope hold on
/// every page; a cursor that is not one is a 400 naming the parameter.
/// </summary>
public sealed partial class ListPagingTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private DubanWebFactory Factory => plans.Factory;

    private const string CityAdmin = "paging-city-admin";
    private const string CityAdminPassword = "paging-city-admin-password";

    private static List<long> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

    private static string? Cursor(JsonElement page, string name) => page.GetProperty(name).ValueKind == JsonValueKind.String ? page.GetProperty(name).GetString() : null;

    /// <summary>Every page forward by next, then every page back from the last by previous: both must give <paramref name="expected"/>.</summary>
    private static async Task WalkAsync(HttpClient client, string path, IReadOnlyList<long> expected, int size)
    {
        var forward = new List<long>();
        string? after = null;
        JsonElement last;
        var pages = 0;
        do
        {
            var response = await client.GetAsync($"{path}&pageSize={size}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            last = await response.JsonAsync();
            last.GetProperty("totalKind").GetString().ShouldBe("exact");
            last.GetProperty("total").GetInt32().ShouldBe(expected.Count);
            if (pages == 0) Cursor(last, "previous").ShouldBeNull();
            else Cursor(last, "previous").ShouldNotBeNull();
            forward.AddRange(Ids(last));
            after = Cursor(last, "next");
            pages++;
        }
        while (after is not null);
        forward.ShouldBe(expected, path);
        pages.ShouldBe(Math.Max(1, (expected.Count + size - 1) / size));

        var backward = new List<List<long>> { Ids(last) };
        var before = Cursor(last, "previous");
        while (before is not null)
        {
            var page = await (await client.GetAsync($"{path}&pageSize={size}&before={Uri.EscapeDataString(before)}")).JsonAsync();
            backward.Insert(0, Ids(page));
            before = Cursor(page, "previous");
        }
        backward.SelectMany(p => p).ShouldBe(expected, path);
        backward[0].Count.ShouldBe(Math.Min(size, expected.Count));
    }

    private async Task<HttpClient> CityAdminAsync()
    {
        if (!await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == CityAdmin)))
            await Factory.CreateUserAsync(CityAdmin, CityAdminPassword, Role.Admin, DataScope.RegionAndBelow, regionId: await Factory.RegionIdAsync(DemoSeeder.City));
        return await Factory.SignedInAsync(CityAdmin, CityAdminPassword);
    }

    /// <summary>Orders inside 清河市 and outside it, issued at a few instants only (ties), in every status.</summary>
    private async Task<(List<long> Inside, List<long> Outside)> OrdersAsync()
    {
        var statuses = new[] { OrderStatus.Open, OrderStatus.Overdue, OrderStatus.Returned, OrderStatus.Answered, OrderStatus.Closed };
        var instants = Enumerable.Range(0, 4).Select(i => new DateTimeOffset(2026, 11, 1 + i, 8, 0, 0, TimeSpan.Zero)).ToArray();
        var inside = new List<long>();
        var outside = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            var isOutside = i % 4 == 3;
            var order = await Factory.WithDbAsync(db => SupervisionSamples.OrderAsync(db, isOutside ? plans.OtherRegionPlanId : plans.PublishedPlanId, null, "翻页"));
            await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => o.Id == order.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.IssuedAt, instants[i % instants.Length]).SetProperty(o => o.Status, statuses[i % statuses.Length])));
            (isOutside ? outside : inside).Add(order.Id);
        }
        return (inside, outside);
    }

    private static readonly Dictionary<OrderStatus, int> ActiveRank = new() { [OrderStatus.Overdue] = 0, [OrderStatus.Open] = 1, [OrderStatus.Returned] = 2 };

    private Task<List<(long Id, DateTimeOffset At, OrderStatus Status, long Organization)>> OrderRowsAsync() => Factory.WithDbAsync(async db =>
        (await db.Set<SupervisionOrder>().AsNoTracking().Select(o => new { o.Id, o.IssuedAt, o.Status, o.OrganizationId }).ToListAsync())
        .Select(o => (o.Id, o.IssuedAt, o.Status, o.OrganizationId))
        .OrderByDescending(o => o.IssuedAt).ThenByDescending(o => o.Id).ToList());

    [Fact]
    public async Task Orders_walk_by_cursor_in_order_with_ties_for_every_status_filter_and_scope()
    {
        var (inside, outside) = await OrdersAsync();
        var rows = await OrderRowsAsync();
        rows.GroupBy(r => r.At).ShouldContain(g => g.Count() > 2);
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);

        await WalkAsync(admin, "/api/v1/supervision-orders?status=all", rows.Select(r => r.Id).ToList(), 3);
        var active = rows.Where(r => ActiveRank.ContainsKey(r.Status)).OrderBy(r => ActiveRank[r.Status]).ToList();
        await WalkAsync(admin, "/api/v1/supervision-orders?status=active", active.Select(r => r.Id).ToList(), 4);
        await WalkAsync(admin, "/api/v1/supervision-orders?status=closed", rows.Where(r => r.Status == OrderStatus.Closed).Select(r => r.Id).ToList(), 2);

        // A filter holds on every page.
        var organization = rows.GroupBy(r => r.Organization).MaxBy(g => g.Count())!.Key;
        await WalkAsync(admin, $"/api/v1/supervision-orders?status=all&organizationId={organization}", rows.Where(r => r.Organization == organization).Select(r => r.Id).ToList(), 2);

        // A city administrator's walk never meets another city's orders.
        var city = await CityAdminAsync();
        var otherCity = await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => db.Tasks.Any(t => t.Id == o.TaskId && t.PlanId == plans.OtherRegionPlanId)).Select(o => o.Id).ToListAsync());
        otherCity.ShouldContain(outside[0]);
        var seen = rows.Where(r => !otherCity.Contains(r.Id)).Select(r => r.Id).ToList();
        seen.ShouldContain(inside[0]);
        await WalkAsync(city, "/api/v1/supervision-orders?status=all", seen, 3);
        await WalkAsync(city, "/api/v1/supervision-orders?status=active", active.Where(r => !otherCity.Contains(r.Id)).Select(r => r.Id).ToList(), 2);
    }

    [Fact]
    public async Task The_order_page_links_the_next_page_by_cursor_with_its_filters_and_an_old_page_number_still_works()
    {
        await OrdersAsync();
        var rows = await OrderRowsAsync();
        var organization = rows.GroupBy(r => r.Organization).MaxBy(g => g.Count())!.Key;
        var expected = rows.Where(r => r.Organization == organization).Select(r => r.Id).ToList();
        expected.Count.ShouldBeGreaterThan(PageRequestSize);
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var first = WebUtility.HtmlDecode(await client.GetStringAsync($"/supervision?status=all&organizationId={organization}"));
        first.ShouldContain($"共 {expected.Count} 条");
        OrderRows().Matches(first).Select(m => long.Parse(m.Groups["id"].Value)).ShouldBe(expected.Take(PageRequestSize));
        var next = NextLink().Match(first).Groups["href"].Value;
        next.ShouldContain("after=");
        next.ShouldContain("status=all");
        next.ShouldContain($"organizationId={organization}");

        var second = WebUtility.HtmlDecode(await client.GetStringAsync(next));
        OrderRows().Matches(second).Select(m => long.Parse(m.Groups["id"].Value)).ShouldBe(expected.Skip(PageRequestSize).Take(PageRequestSize));
        var previous = PreviousLink().Match(second).Groups["href"].Value;
        previous.ShouldContain("before=");
        OrderRows().Matches(WebUtility.HtmlDecode(await client.GetStringAsync(previous))).Select(m => long.Parse(m.Groups["id"].Value)).ShouldBe(expected.Take(PageRequestSize));

        // An old link by page number.
        var numbered = WebUtility.HtmlDecode(await client.GetStringAsync($"/supervision?status=all&organizationId={organization}&page=2"));
        OrderRows().Matches(numbered).Select(m => long.Parse(m.Groups["id"].Value)).ShouldBe(expected.Skip(PageRequestSize).Take(PageRequestSize));
    }

    private const int PageRequestSize = Duban.Web.Paging.PageRequest.DefaultPageSize;

    [Fact]
    public async Task The_review_queue_walks_by_cursor_first_submitted_first_within_the_reviewers_organisations()
    {
        var inside = new List<long>();
        foreach (var month in new[] { new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 1) })
            inside.AddRange(await SubmittedReports.CreateAsync(Factory, plans.PublishedPlanId, 6, month));
        var outside = await SubmittedReports.CreateAsync(Factory, plans.OtherRegionPlanId, 3, new DateOnly(2026, 9, 1));
        // Ties: each call submits its reports at one instant.
        var queue = await Factory.WithDbAsync(async db => (await db.ProgressReports.AsNoTracking().Where(r => r.Status == ReportStatus.Submitted)
                .Select(r => new { r.Id, r.SubmittedAt, r.Assignment!.OrganizationId, r.Assignment.Task!.PlanId }).ToListAsync())
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).ToList());
        queue.GroupBy(r => r.SubmittedAt).ShouldContain(g => g.Count() > 2);

        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        await WalkAsync(admin, "/api/v1/reports?queue=review", queue.Select(r => r.Id).ToList(), 4);
        await WalkAsync(admin, $"/api/v1/reports?queue=review&planId={plans.PublishedPlanId}", queue.Where(r => r.PlanId == plans.PublishedPlanId).Select(r => r.Id).ToList(), 5);

        var city = await CityAdminAsync();
        var cityQueue = await Factory.WithDbAsync(async db =>
        {
            var cityPath = await db.Regions.Where(r => r.Name == DemoSeeder.City).Select(r => r.Path).SingleAsync();
            var cityOrganizations = await db.Organizations.Where(o => o.Region!.Path.StartsWith(cityPath)).Select(o => o.Id).ToListAsync();
            return queue.Where(r => cityOrganizations.Contains(r.OrganizationId)).Select(r => r.Id).ToList();
        });
        cityQueue.ShouldContain(inside[0]);
        cityQueue.ShouldNotContain(outside[0]);
        await WalkAsync(city, "/api/v1/reports?queue=review", cityQueue, 3);

        // The whole list of reports pages by cursor too, in its own order.
        var all = await Factory.WithDbAsync(async db => (await db.ProgressReports.AsNoTracking()
                .Select(r => new { r.Id, r.Period!.Start, r.Assignment!.Task!.PlanId, r.Assignment.TaskId }).ToListAsync())
            .OrderByDescending(r => r.Start).ThenBy(r => r.PlanId).ThenBy(r => r.TaskId).ThenBy(r => r.Id).Select(r => r.Id).ToList());
        await WalkAsync(admin, "/api/v1/reports?status=submitted", all.Where(id => queue.Any(q => q.Id == id)).ToList(), 4);

        // The page: first submitted first, the next page by cursor.
        var page = WebUtility.HtmlDecode(await city.GetStringAsync("/review"));
        ReviewItems().Matches(page).Select(m => long.Parse(m.Groups["id"].Value)).ShouldBe(cityQueue.Take(PageRequestSize));
    }

    [Fact]
    public async Task The_audit_log_walks_by_the_page_links_newest_first_with_ties_and_the_filter_kept()
    {
        var instants = Enumerable.Range(0, 3).Select(i => new DateTimeOffset(2026, 12, 1, 2 + i, 0, 0, TimeSpan.Zero)).ToArray();
        await Factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 115; i++)
                db.AuditEntries.Add(new AuditEntry { At = instants[i % instants.Length], Actor = "翻页测试", Action = "test.paging", EntityType = "test", EntityId = i.ToString() });
            await db.SaveChangesAsync();
        });
        var expected = await Factory.WithDbAsync(async db => (await db.AuditEntries.AsNoTracking().Where(e => e.Action == "test.paging").Select(e => new { e.Id, e.At }).ToListAsync())
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Id).ToList());
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var forward = new List<long>();
        var pages = new List<string>();
        var address = "/audit?action=test.paging";
        while (true)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(address));
            pages.Add(address);
            forward.AddRange(AuditRows().Matches(html).Select(m => long.Parse(m.Groups["id"].Value)));
            var next = NextLink().Match(html);
            if (!next.Success) break;
            next.Groups["href"].Value.ShouldContain("action=test.paging");
            address = next.Groups["href"].Value;
        }
        forward.ShouldBe(expected);
        pages.Count.ShouldBe(3);

        var backward = new List<long>();
        var last = WebUtility.HtmlDecode(await client.GetStringAsync(pages[^1]));
        backward.InsertRange(0, AuditRows().Matches(last).Select(m => long.Parse(m.Groups["id"].Value)));
        var previous = PreviousLink().Match(last);
        while (previous.Success && previous.Groups["href"].Value.Contains("before="))
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(previous.Groups["href"].Value));
            backward.InsertRange(0, AuditRows().Matches(html).Select(m => long.Parse(m.Groups["id"].Value)));
            previous = PreviousLink().Match(html);
        }
        backward.ShouldBe(expected);
    }

    [Theory]
    [InlineData("/api/v1/supervision-orders?status=all&after=abc", "after")]
    [InlineData("/api/v1/supervision-orders?status=active&after=o.1.1", "after")]
    [InlineData("/api/v1/supervision-orders?status=all&before=v.0.1.1", "before")]
    [InlineData("/api/v1/supervision-orders?status=active&after=v.7.1.1", "after")]
    [InlineData("/api/v1/supervision-orders?after=o.99999999999999999.1", "after")]
    [InlineData("/api/v1/supervision-orders?after=o.1.1&before=o.1.1", "before")]
    [InlineData("/api/v1/reports?queue=review&after=r.1.1.1.1", "after")]
    [InlineData("/api/v1/reports?before=q.1.1", "before")]
    [InlineData("/api/v1/reports?after=r.99999999.1.1.1", "after")]
    public async Task A_cursor_that_is_not_one_is_a_clear_error(string path, string field)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.JsonAsync()).GetRawText();
        problem.ShouldContain(field);
        problem.ShouldContain("游标");
    }

    [Theory]
    [InlineData("/supervision?status=all&after=abc")]
    [InlineData("/supervision?after=o.1.1")]
    [InlineData("/review?before=r.1.1.1.1")]
    [InlineData("/audit?after=a.x.1")]
    [InlineData("/audit?after=a.1.1&before=a.1.1")]
    public async Task A_page_given_a_cursor_that_is_not_one_says_so(string path)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("游标");
    }

    [GeneratedRegex("""<a class="page-link" id="page-next" href="(?<href>[^"#]+)">""")]
    private static partial Regex NextLink();

    [GeneratedRegex("""<a class="page-link" id="page-previous" href="(?<href>[^"]+)">""")]
    private static partial Regex PreviousLink();

    [GeneratedRegex("""<tr data-order="(?<id>\d+)">""")]
    private static partial Regex OrderRows();

    [GeneratedRegex("""<tr class="audit-entry" data-entry="(?<id>\d+)">""")]
    private static partial Regex AuditRows();

    [GeneratedRegex("""<section class="card mb-3 review-item" data-report="(?<id>\d+)">""")]
    private static partial Regex ReviewItems();
}
