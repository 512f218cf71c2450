using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duban.Core.Cascade;
using Duban.Core.Security;
using Duban.Core.Tracking.Supervision;
using Duban.Data.Supervision;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Cascade;

/// <summary>
/// A 督办单 on a late 备案 (docs/cascade.md, "Late filings") on the proof's plans, in a world of its own (no filing job
/// has run): issued by hand by the city office, refused to the county's and another city's administrators, shown on
/// the cascade page's filing row, the /supervision list and page, its export and notice; answered and closed as usual.
/// </summary>
public sealed class FilingOrderTests(CascadeProofFixture world) : IClassFixture<CascadeProofFixture>
{
    private DubanWebFactory Factory => world.Factory;

    private const string Subject = "《清河市深化现代职业教育体系建设改革实施方案》一县一案实施方案备案";

    private Task<long> FilingOfAsync(string organization) => Factory.WithDbAsync(db =>
        db.Set<Filing>().Where(f => db.Organizations.Any(o => o.Id == f.OrganizationId && o.Name == organization)
                                    && db.Set<FilingRequirement>().Any(r => r.Id == f.RequirementId && r.PlanId == world.City))
            .Select(f => f.Id).SingleAsync());

    private async Task<HttpClient> AdminOfAsync(string region)
    {
        var name = "filing-order-admin-" + region;
        if (!await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == name)))
            await Factory.CreateUserAsync(name, name + "-password", Role.Admin, DataScope.RegionAndBelow, regionId: await Factory.RegionIdAsync(region));
        return await Factory.SignedInAsync(name, name + "-password");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);

    /// <summary>The order on 南岭县's filing, issued once by the city office (the tests of the class share it).</summary>
    private async Task<long> NanlingOrderAsync()
    {
        var filing = await FilingOfAsync("南岭县人民政府");
        var existing = await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => o.FilingId == filing).Select(o => (long?)o.Id).FirstOrDefaultAsync());
        if (existing is { } id) return id;
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var issued = await PostAsync(admin, $"/api/v1/filings/{filing}/orders", new { reason = "南岭县一县一案实施方案逾期未报备。" });
        issued.StatusCode.ShouldBe(HttpStatusCode.Created, await issued.Content.ReadAsStringAsync());
        return (await issued.JsonAsync()).GetProperty("order").GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task The_city_office_issues_an_order_on_a_late_filing_and_the_county_and_another_city_cannot()
    {
        var filing = await FilingOfAsync("南岭县人民政府");
        var body = new { reason = "逾期未报备" };
        (await PostAsync(await AdminOfAsync("南岭县"), $"/api/v1/filings/{filing}/orders", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Another city's administrator does not see the 清河市 plan nor 南岭县: the filing is as absent to them as a missing one.
        (await PostAsync(await AdminOfAsync("青禾市"), $"/api/v1/filings/{filing}/orders", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync(await Factory.SignedInAsync(DemoAccounts.Reporter), $"/api/v1/filings/{filing}/orders", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var noReason = await PostAsync(admin, $"/api/v1/filings/{filing}/orders", new { reason = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.JsonAsync()).GetProperty("field").GetString().ShouldBe("reason");
        // 东湖县 filed: nothing to supervise.
        (await PostAsync(admin, $"/api/v1/filings/{await FilingOfAsync("东湖县人民政府")}/orders", body)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var order = await NanlingOrderAsync();
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/supervision-orders/{order}");
        var summary = detail.GetProperty("order");
        summary.GetProperty("filingId").GetInt64().ShouldBe(filing);
        summary.GetProperty("taskId").ValueKind.ShouldBe(JsonValueKind.Null);
        summary.GetProperty("subject").GetString().ShouldBe(Subject);
        summary.GetProperty("subjectLink").GetString().ShouldBe($"plans/{world.City}/cascade");
        summary.GetProperty("planId").GetInt64().ShouldBe(world.City);
        summary.GetProperty("originName").GetString().ShouldBe(OrderOrigin.Manual.Label());
        // One open order per filing.
        (await PostAsync(admin, $"/api/v1/filings/{filing}/orders", body)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == SupervisionAuditActions.OrderIssue && a.EntityId == order.ToString()))).ShouldBe(1);

        // Here rather than in a test of its own: the other tests of the class find the order open or closed alike, this one needs it open above.
        await AnswerAndCloseAsync(order);
    }

    [Fact]
    public async Task The_filing_order_is_listed_shown_exported_and_printed_with_its_subject()
    {
        var order = await NanlingOrderAsync();
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);

        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/supervision?status=all"));
        list.ShouldContain($"href=\"supervision/{order}\"");
        list.ShouldContain($"href=\"plans/{world.City}/cascade\">{Subject}</a>");
        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/supervision-orders?planId={world.City}&pageSize=100");
        listed.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ShouldContain(order);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/supervision/{order}"));
        page.ShouldContain("事项");
        page.ShouldContain(Subject);

        var cascade = WebUtility.HtmlDecode(await admin.GetStringAsync($"/plans/{world.City}/cascade"));
        cascade.ShouldContain($"href=\"supervision/{order}\">督办单 督办〔");

        var (_, rows) = await Exports.XlsxRows.GetAsync(admin, "/api/v1/supervision-orders.xlsx?status=all");
        rows.ShouldContain(r => r.Contains(Subject) && r.Contains("南岭县人民政府"));
        var notice = await admin.GetAsync($"/api/v1/supervision-orders/{order}/notice.docx");
        notice.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_cascade_page_offers_the_form_to_the_city_office_only_and_issues_the_order()
    {
        var college = await FilingOfAsync("清河职业技术学院");
        var county = await AdminOfAsync("东湖县");
        WebUtility.HtmlDecode(await county.GetStringAsync($"/plans/{world.City}/cascade")).ShouldNotContain($"filing-order-{college}");
        var refused = await Browser.SubmitAsync(county, $"/plans/{world.City}/cascade",
            new Dictionary<string, string> { ["FilingId"] = college.ToString(), ["Reason"] = "伪造的督办" }, formName: $"filing-order-{college}");
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Forbidden);
        (await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().AnyAsync(o => o.FilingId == college))).ShouldBeFalse();

        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        WebUtility.HtmlDecode(await admin.GetStringAsync($"/plans/{world.City}/cascade")).ShouldContain($"filing-order-{college}");
        var issued = await Browser.SubmitAsync(admin, $"/plans/{world.City}/cascade",
            new Dictionary<string, string> { ["FilingId"] = college.ToString(), ["Reason"] = "一校一案实施方案逾期未报备", ["ReplyBy"] = "" }, formName: $"filing-order-{college}");
        ((int)issued.StatusCode).ShouldBeOneOf(302, 303);
        var order = await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().SingleAsync(o => o.FilingId == college));
        issued.Headers.Location!.ToString().ShouldEndWith($"supervision/{order.Id}?issued=1");
        (order.TaskId, order.Origin, order.Reason).ShouldBe((null, OrderOrigin.Manual, "一校一案实施方案逾期未报备"));
    }

    [Fact]
    public async Task The_lists_plan_filter_offers_the_plans_of_the_orders_on_tasks_and_on_filings_each_reader_sees()
    {
        await NanlingOrderAsync();
        var assignment = await Factory.WithDbAsync(db => db.Assignments.Where(a => a.Task!.PlanId == world.Donghu && a.Task.RemovedInVersionId == null)
            .OrderBy(a => a.Id).Select(a => new { a.TaskId, a.OrganizationId }).FirstAsync());
        var (task, organization) = (assignment.TaskId, assignment.OrganizationId);
        if (!await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().AnyAsync(o => o.TaskId == task)))
        {
            var issued = await PostAsync(await Factory.SignedInAsync(DemoAccounts.Admin), "/api/v1/supervision-orders", new { taskId = task, organizationId = organization, reason = "进展滞后" });
            issued.StatusCode.ShouldBe(HttpStatusCode.Created, await issued.Content.ReadAsStringAsync());
        }

        var readers = await Factory.WithDbAsync(db => db.Users.OrderBy(u => u.Id).Select(u => new Duban.Web.Security.DubanUser(u.Id, u.UserName, u.DisplayName, u.Role, u.Scope, u.OrganizationId, u.RegionId,
            u.RegionId == null ? null : db.Regions.Where(r => r.Id == u.RegionId).Select(r => r.Path).Single())).ToListAsync());
        readers.Count.ShouldBeGreaterThan(3);
        var offered = new Dictionary<string, IReadOnlyList<long>>();
        await using var scope = Factory.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<Duban.Web.Supervision.SupervisionQueries>();
        var db = scope.ServiceProvider.GetRequiredService<Duban.Data.DubanDbContext>();
        foreach (var reader in readers)
        {
            // The reference: the visible orders read whole, each mapped to its plan through its task or its filing's requirement.
            var orders = await queries.VisibleOrders(reader).Select(o => new { o.TaskId, o.FilingId }).ToListAsync();
            var taskIds = orders.Where(o => o.TaskId != null).Select(o => o.TaskId!.Value).ToList();
            var filingIds = orders.Where(o => o.FilingId != null).Select(o => o.FilingId!.Value).ToList();
            var planIds = (await db.Tasks.Where(t => taskIds.Contains(t.Id)).Select(t => t.PlanId).ToListAsync())
                .Concat(await db.Set<Filing>().Where(f => filingIds.Contains(f.Id))
                    .Select(f => db.Set<FilingRequirement>().Where(r => r.Id == f.RequirementId).Select(r => r.PlanId).Single()).ToListAsync())
                .Distinct().ToList();
            var expected = await db.Plans.Where(p => planIds.Contains(p.Id)).OrderBy(p => p.Title).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync();
            var (plans, _) = await queries.FilterChoicesAsync(reader, CancellationToken.None);
            plans.Select(p => p.Id).ToList().ShouldBe(expected, reader.UserName);
            offered[reader.UserName] = expected;
        }
        offered[DemoAccounts.Admin].ShouldBe([world.City, world.Donghu], ignoreOrder: true);
    }

    /// <summary>The organisation sees the order on its 工作台 and calendar, answers it, and the office closes it as usual.</summary>
    private async Task AnswerAndCloseAsync(long order)
    {
        var nanling = await Factory.OrganizationIdAsync("南岭县人民政府");
        const string name = "filing-order-nanling-reporter";
        if (!await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == name)))
            await Factory.CreateUserAsync(name, name + "-password", Role.Reporter, DataScope.Own, organizationId: nanling);
        var reporter = await Factory.SignedInAsync(name, name + "-password");
        var mine = await reporter.GetFromJsonAsync<JsonElement>("/api/v1/supervision-orders?status=active");
        mine.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ShouldContain(order);
        // The organisation's 工作台 counts it among its 督办单待回复, and its calendar carries the reply date.
        var replyBy = await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => o.Id == order).Select(o => o.ReplyBy).SingleAsync());
        var userId = await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync());
        var me = new Duban.Web.Security.DubanUser(userId, name, name, Role.Reporter, DataScope.Own, nanling, null, null);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var counts = await scope.ServiceProvider.GetRequiredService<Duban.Web.Workbench.WorkbenchQueries>().ForAsync(me, CancellationToken.None);
            counts.Single(c => c.Key == "orders-awaiting-reply").Count.ShouldBe(Duban.Web.Paging.ListCount.Exact(1));
            var events = await new Duban.Web.Calendar.OrderReplyEvents(scope.ServiceProvider.GetRequiredService<Duban.Web.Supervision.SupervisionQueries>())
                .EventsAsync(new Duban.Web.Calendar.CalendarRequest(me, replyBy, replyBy, replyBy), CancellationToken.None);
            events.ShouldContain(e => e.Link == $"supervision/{order}");
        }
        var replied = await PostAsync(reporter, $"/api/v1/supervision-orders/{order}/rectifications",
            new { measures = "已起草南岭县一县一案实施方案，报县政府常务会审议后报备。", newDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)).ToString("yyyy-MM-dd") });
        replied.StatusCode.ShouldBe(HttpStatusCode.Created, await replied.Content.ReadAsStringAsync());

        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var current = await admin.GetAsync($"/api/v1/supervision-orders/{order}");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/supervision-orders/{order}/close") { Content = JsonContent.Create(new { comment = "整改措施可行，同意办结。" }) };
        request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.ToString());
        var closed = await admin.SendAsync(request);
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        (await closed.JsonAsync()).GetProperty("order").GetProperty("status").GetString().ShouldBe("closed");
        // Nothing went on a task's timeline: the order has no task.
        (await Factory.WithDbAsync(db => db.Set<TaskEvent>().AnyAsync(e => e.OrderId == order))).ShouldBeFalse();
    }
    /// <summary>
    /// The list's 计划 and 单位 choices are the plans and organisations of the orders the user sees, a task's and a
    /// filing's alike: the same sets as the listed orders' (the choices' query first narrows to what any order names).
    /// </summary>
    [Fact]
    public async Task The_lists_plan_and_organisation_choices_are_those_of_the_visible_orders()
    {
        await NanlingOrderAsync();
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var assignment = await Factory.WithDbAsync(db => db.Assignments.Where(a => db.Tasks.Any(t => t.Id == a.TaskId && t.PlanId == world.City && t.RemovedInVersionId == null))
            .OrderBy(a => a.Id).Select(a => new { a.TaskId, a.OrganizationId }).FirstAsync());
        if (!await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().AnyAsync(o => o.TaskId == assignment.TaskId)))
            (await PostAsync(admin, "/api/v1/supervision-orders", new { taskId = assignment.TaskId, organizationId = assignment.OrganizationId, reason = "请说明进度。" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);

        foreach (var reader in new[] { admin, await AdminOfAsync("南岭县"), await AdminOfAsync("青禾市") })
        {
            var listed = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/supervision-orders?status=all&pageSize=100")).GetProperty("items").EnumerateArray().ToList();
            listed.Count.ShouldBeLessThan(100);
            var page = await reader.GetStringAsync("/supervision?status=all");
            Choices(page, "planId").ShouldBe(listed.Select(o => o.GetProperty("planId").GetInt64()).Distinct().Order(), ignoreOrder: true);
            Choices(page, "organizationId").ShouldBe(listed.Select(o => o.GetProperty("organizationId").GetInt64()).Distinct().Order(), ignoreOrder: true);
        }
        Choices(await admin.GetStringAsync("/supervision?status=all"), "planId").ShouldContain(world.City);
        Choices(await (await AdminOfAsync("青禾市")).GetStringAsync("/supervision?status=all"), "planId").ShouldNotContain(world.City);
    }

    private static List<long> Choices(string page, string select)
    {
        var start = page.IndexOf($"<select id=\"{select}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(-1);
        var list = page[start..page.IndexOf("</select>", start, StringComparison.Ordinal)];
        return System.Text.RegularExpressions.Regex.Matches(list, "<option value=\"(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value)).ToList();
    }
}
