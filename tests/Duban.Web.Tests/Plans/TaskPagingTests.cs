using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duban.Core.Tracking.Status;
using Duban.Data.Tracking.Status;
using Duban.Web.Demo;
using Duban.Web.Paging;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Plans;

/// <summary>
/// The task list read by cursor (keyset paging) through the API and the page, and its counts: exact for a short list,
/// kept from a background count for a long one (docs/benchmarks.md, "Task list at size").
/// </summary>
public sealed partial class TaskPagingTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private DubanWebFactory Factory => plans.Factory;

    /// <summary>Every current task in the list's order as it was sorted before the keys were stored: through the task lists.</summary>
    private Task<List<long>> SortedAsync(bool byDue) => Factory.WithDbAsync(db =>
    {
        var current = db.Tasks.AsNoTracking().Where(t => t.RemovedInVersionId == null);
        var ordered = byDue
            ? current.OrderBy(t => t.Due == null).ThenBy(t => t.Due).ThenBy(t => t.PlanId).ThenBy(t => t.TaskList!.Order).ThenBy(t => t.Order).ThenBy(t => t.Id)
            : current.OrderBy(t => t.PlanId).ThenBy(t => t.TaskList!.Order).ThenBy(t => t.Order).ThenBy(t => t.Id);
        return ordered.Select(t => t.Id).ToListAsync();
    });

    private static List<long> ItemIds(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

    private static string? Cursor(JsonElement page, string name) => page.GetProperty(name).ValueKind == JsonValueKind.String ? page.GetProperty(name).GetString() : null;

    [Theory]
    [InlineData("due", 2)]
    [InlineData("due", 3)]
    [InlineData("number", 4)]
    public async Task Walking_every_page_by_its_cursors_gives_the_whole_sorted_list_forward_and_back(string sort, int size)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var expected = await SortedAsync(sort == "due");
        // Ties the cursor must get past: tasks sharing a due date, and undated ones.
        var dues = await Factory.WithDbAsync(db => db.Tasks.Where(t => t.RemovedInVersionId == null).Select(t => t.Due).ToListAsync());
        dues.GroupBy(d => d).ShouldContain(g => g.Key != null && g.Count() > 1);
        dues.ShouldContain(d => d == null);

        var forward = new List<long>();
        string? after = null, last = null;
        var pages = 0;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/tasks?sort={sort}&pageSize={size}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"))).JsonAsync();
            page.GetProperty("totalKind").GetString().ShouldBe("exact");
            page.GetProperty("total").GetInt32().ShouldBe(expected.Count);
            if (pages > 0) Cursor(page, "previous").ShouldNotBeNull();
            else Cursor(page, "previous").ShouldBeNull();
            forward.AddRange(ItemIds(page));
            last = after ?? last;
            after = Cursor(page, "next");
            pages++;
        }
        while (after is not null);
        forward.ShouldBe(expected);
        pages.ShouldBe((expected.Count + size - 1) / size);

        // Back from the last page by "previous".
        var lastPage = await (await client.GetAsync($"/api/v1/tasks?sort={sort}&pageSize={size}&page={pages}")).JsonAsync();
        var backward = new List<List<long>> { ItemIds(lastPage) };
        var before = Cursor(lastPage, "previous");
        while (before is not null)
        {
            var page = await (await client.GetAsync($"/api/v1/tasks?sort={sort}&pageSize={size}&before={Uri.EscapeDataString(before)}")).JsonAsync();
            backward.Insert(0, ItemIds(page));
            before = Cursor(page, "previous");
        }
        backward.SelectMany(p => p).ShouldBe(expected);
        backward[0].Count.ShouldBe(size);
    }

    [Theory]
    [InlineData(DemoAccounts.Reporter, "", 2)]
    [InlineData(DemoAccounts.Reporter, "&status=overdue", 1)]
    [InlineData(DemoAccounts.Reporter, "&status=notStarted", 2)]
    [InlineData(DemoAccounts.Admin, "&organizationId={education}", 3)]
    public async Task One_organisations_list_walked_by_its_cursors_is_its_tasks_sorted_as_before_forward_and_back(string user, string filter, int size)
    {
        // Read from the organisation's assignments (OrganizationTaskWalk): the reporter's own (scope 本单位), or any
        // organisation's for the administrator; alone or by status.
        var client = await Factory.SignedInAsync(user);
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var query = $"/api/v1/tasks?pageSize={size}" + filter.Replace("{education}", education.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var first = await (await client.GetAsync(query)).JsonAsync();
        TrackingStatus? status = filter.Contains("overdue") ? TrackingStatus.Overdue : filter.Contains("notStarted") ? TrackingStatus.NotStarted : null;
        var expected = await Factory.WithDbAsync(db =>
        {
            var mine = db.Tasks.AsNoTracking().Where(t => t.RemovedInVersionId == null && t.Assignments.Any(a => a.OrganizationId == education));
            if (status is { } s) mine = mine.Where(t => EF.Property<int?>(t, StoredTaskStatuses.Status) == (int)s);
            return mine.OrderBy(t => t.Due == null).ThenBy(t => t.Due).ThenBy(t => t.PlanId).ThenBy(t => t.TaskList!.Order).ThenBy(t => t.Order).ThenBy(t => t.Id)
                .Select(t => t.Id).ToListAsync();
        });
        expected.Count.ShouldBeGreaterThan(size);
        first.GetProperty("total").GetInt32().ShouldBe(expected.Count);

        var forward = new List<long>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await (await client.GetAsync(query + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"))).JsonAsync();
            (page.GetProperty("totalKind").GetString(), page.GetProperty("total").GetInt32()).ShouldBe(("exact", expected.Count));
            forward.AddRange(ItemIds(page));
            after = Cursor(page, "next");
            pages++;
        }
        while (after is not null);
        forward.ShouldBe(expected);

        var lastPage = await (await client.GetAsync($"{query}&page={pages}")).JsonAsync();
        var backward = new List<List<long>> { ItemIds(lastPage) };
        var before = Cursor(lastPage, "previous");
        while (before is not null)
        {
            var page = await (await client.GetAsync($"{query}&before={Uri.EscapeDataString(before)}")).JsonAsync();
            backward.Insert(0, ItemIds(page));
            before = Cursor(page, "previous");
        }
        backward.SelectMany(p => p).ShouldBe(expected);
    }

    [Theory]
    [InlineData("after=abc", "after")]
    [InlineData("after=n.1.0.0.1", "after")]
    [InlineData("sort=number&before=d.1.1.0.0.1", "before")]
    [InlineData("after=d.1.1.0.0.1&before=d.1.1.0.0.1", "before")]
    [InlineData("after=d.99999999999.1.0.0.1", "after")]
    public async Task A_cursor_that_is_not_one_is_a_clear_error(string query, string field)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.GetAsync("/api/v1/tasks?" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetRawText().ShouldContain(field);
        problem.GetRawText().ShouldContain("游标");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/tasks?" + query));
        page.ShouldContain("游标");
        page.ShouldNotContain("id=\"task-list\"");
    }

    [Fact]
    public async Task The_page_links_the_next_page_by_cursor_and_it_continues_the_list()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var expected = await SortedAsync(byDue: true);
        expected.Count.ShouldBeGreaterThan(PageRequest.DefaultPageSize);

        var first = WebUtility.HtmlDecode(await client.GetStringAsync("/tasks"));
        first.ShouldContain($"共 {expected.Count} 条，第 1 / {(expected.Count + 19) / 20} 页");
        var next = NextLink().Match(first);
        next.Success.ShouldBeTrue();
        next.Groups["href"].Value.ShouldContain("after=");
        next.Groups["href"].Value.ShouldContain("page=2");

        var second = WebUtility.HtmlDecode(await client.GetStringAsync(next.Groups["href"].Value));
        TaskLinks().Matches(second).Select(m => long.Parse(m.Groups["id"].Value)).ShouldBe(expected.Skip(20).Take(20));
        PreviousLink().Match(second).Groups["href"].Value.ShouldContain("before=");
    }

    [Fact]
    public async Task A_long_list_shows_a_kept_count_with_its_time_and_an_estimate_after_a_write()
    {
        var counts = Factory.Services.GetRequiredService<ListCounts>();
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var total = (await SortedAsync(byDue: true)).Count;
        counts.ExactUpTo = 3;
        try
        {
            // Not yet counted: "more than"; the count starts in the background.
            var first = await (await client.GetAsync("/api/v1/tasks?ongoing=false")).JsonAsync();
            var notOngoing = await Factory.WithDbAsync(db => db.Tasks.CountAsync(t => t.RemovedInVersionId == null && !t.Ongoing));
            (first.GetProperty("totalKind").GetString(), first.GetProperty("total").GetInt32()).ShouldBe(("atLeast", 3));
            await counts.SettledAsync();

            var kept = await (await client.GetAsync("/api/v1/tasks?ongoing=false")).JsonAsync();
            (kept.GetProperty("totalKind").GetString(), kept.GetProperty("total").GetInt32()).ShouldBe(("kept", notOngoing));
            kept.GetProperty("countedAt").ValueKind.ShouldBe(JsonValueKind.String);
            WebUtility.HtmlDecode(await client.GetStringAsync("/tasks?ongoing=false")).ShouldMatch($"共 {notOngoing} 条（统计于 \\d{{4}}年\\d{{1,2}}月\\d{{1,2}}日 \\d\\d:\\d\\d）");

            // A write since the count: the kept figure is an estimate until the new count is in.
            await Factory.WithDbAsync(async db =>
            {
                db.AuditEntries.Add(new Duban.Core.Audit.AuditEntry { At = DateTimeOffset.UtcNow, Actor = "测试", Action = "test.write", EntityType = "test", EntityId = "1" });
                await db.SaveChangesAsync();
            });
            var estimate = await (await client.GetAsync("/api/v1/tasks?ongoing=false")).JsonAsync();
            (estimate.GetProperty("totalKind").GetString(), estimate.GetProperty("total").GetInt32()).ShouldBe(("estimate", notOngoing));
            await counts.SettledAsync();
            (await (await client.GetAsync("/api/v1/tasks?ongoing=false")).JsonAsync()).GetProperty("totalKind").GetString().ShouldBe("kept");
            WebUtility.HtmlDecode(await client.GetStringAsync("/tasks")).ShouldMatch("超过 3 条（总数正在统计");
            await counts.SettledAsync();

            // A short list (one organisation's) is counted exactly, each time.
            var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
            var own = await (await client.GetAsync($"/api/v1/tasks?organizationId={education}&role=cooperating&dueFrom=2099-01-01")).JsonAsync();
            (own.GetProperty("totalKind").GetString(), own.GetProperty("total").GetInt32()).ShouldBe(("exact", 0));
            total.ShouldBeGreaterThan(3);
        }
        finally
        {
            counts.ExactUpTo = 2000;
        }
    }

    [GeneratedRegex("""<a class="page-link" id="page-next" href="(?<href>[^"]+)">""")]
    private static partial Regex NextLink();

    [GeneratedRegex("""<a class="page-link" id="page-previous" href="(?<href>[^"]+)">""")]
    private static partial Regex PreviousLink();

    [GeneratedRegex("""<td class="text-nowrap"><a href="tasks/(?<id>\d+)" """)]
    private static partial Regex TaskLinks();
}
