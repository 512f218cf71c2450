using System.Net;
using System.Net.Http.Json;
using Duban.Core.Audit;
using Duban.Core.Notifications;
using Duban.Core.Security;
using Duban.Core.Tracking.Supervision;
using Duban.Data.Supervision;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Supervision;

public sealed class SupervisionApiTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private Task<int> OrdersAsync() => Factory.WithDbAsync(db => db.Set<SupervisionOrder>().CountAsync());

    /// <summary>
    /// Closes the assignment's open orders in the database: the tests of this class share one database and the demo
    /// plan has four assignments of 清河市教育局, while an organisation may have one open order per task at a time.
    /// </summary>
    private Task NoOpenOrderAsync(Duban.Core.Plans.Assignment assignment) => Factory.WithDbAsync(async db =>
    {
        foreach (var order in await db.Set<SupervisionOrder>().Where(o => o.AssignmentId == assignment.Id && o.Status != OrderStatus.Closed).ToListAsync())
            order.Status = OrderStatus.Closed;
        await db.SaveChangesAsync();
    });

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString()!.ShouldContain(field);
    }

    [Fact]
    public async Task The_office_issues_an_order_the_organisation_answers_and_the_timeline_shows_both()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation);

        var issued = await admin.PostAsJsonAsync("/api/v1/supervision-orders", new
        {
            taskId = assignment.TaskId, organizationId = assignment.OrganizationId, reason = "实训基地建设进度滞后，请说明原因并提出整改措施。", replyBy = Today.AddDays(7),
        });
        issued.StatusCode.ShouldBe(HttpStatusCode.Created);
        var order = (await issued.JsonAsync()).GetProperty("order");
        var id = order.GetProperty("id").GetInt64();
        order.GetProperty("status").GetString().ShouldBe("open");
        order.GetProperty("origin").GetString().ShouldBe("manual");
        order.GetProperty("number").GetString().ShouldBe($"督办〔{Today.Year}〕{id}号");

        var mine = await reporter.GetAsync("/api/v1/supervision-orders?status=open");
        (await mine.JsonAsync()).GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ShouldContain(id);
        var reporterId = await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == DemoAccounts.Reporter).Select(u => u.Id).SingleAsync());
        (await Factory.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.RecipientId == reporterId && n.Kind == NotificationKinds.SupervisionOrder && n.Link == $"supervision/{id}")))
            .ShouldBe(1);

        var answered = await reporter.PostAsJsonAsync($"/api/v1/supervision-orders/{id}/rectifications", new { measures = "调整施工计划，增加人手。", newDate = Today.AddDays(60) });
        answered.StatusCode.ShouldBe(HttpStatusCode.Created);
        var detail = await answered.JsonAsync();
        detail.GetProperty("order").GetProperty("status").GetString().ShouldBe("answered");
        detail.GetProperty("rectifications").GetArrayLength().ShouldBe(1);

        var timeline = await (await reporter.GetAsync($"/api/v1/tasks/{assignment.TaskId}/timeline")).JsonAsync();
        var kinds = timeline.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        kinds.ShouldContain("supervisionOrder");
        kinds.ShouldContain("reply");

        var audit = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == SupervisionAuditActions.OrderEntity && a.EntityId == id.ToString())
            .Select(a => a.Action).ToListAsync());
        audit.ShouldBe([SupervisionAuditActions.OrderIssue, SupervisionAuditActions.OrderReply], ignoreOrder: true);
    }

    [Fact]
    public async Task A_manual_order_names_its_issuer_by_display_name_not_login_name()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation);
        await NoOpenOrderAsync(assignment);
        var issued = await admin.PostAsJsonAsync("/api/v1/supervision-orders", new { taskId = assignment.TaskId, organizationId = assignment.OrganizationId, reason = "请说明进度。" });
        issued.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await issued.JsonAsync()).GetProperty("order").GetProperty("id").GetInt64();

        var displayName = await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == DemoAccounts.Admin).Select(u => u.DisplayName).SingleAsync());
        var stored = await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => o.Id == id).Select(o => o.IssuedByName).SingleAsync());

        await NoOpenOrderAsync(assignment);
        displayName.ShouldNotBe(DemoAccounts.Admin);
        stored.ShouldBe(displayName);
    }

    [Fact]
    public async Task Only_a_reporter_of_the_orders_organisation_may_answer_it()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var inspector = await Factory.SignedInAsync(DemoAccounts.Inspector);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 1);
        var otherOrganization = await Factory.WithDbAsync(db => db.Organizations.Where(o => o.Id != assignment.OrganizationId).Select(o => o.Id).FirstAsync());
        await Factory.CreateUserAsync("supervision-other", "supervision-other-password", Role.Reporter, DataScope.Own, otherOrganization);
        var other = await Factory.SignedInAsync("supervision-other", "supervision-other-password");
        var issued = await admin.PostAsJsonAsync("/api/v1/supervision-orders", new { taskId = assignment.TaskId, organizationId = assignment.OrganizationId, reason = "请说明情况。" });
        var id = (await issued.JsonAsync()).GetProperty("order").GetProperty("id").GetInt64();
        var reply = new { measures = "整改。", newDate = Today.AddDays(30) };

        (await other.PostAsJsonAsync($"/api/v1/supervision-orders/{id}/rectifications", reply)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/supervision-orders/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsJsonAsync($"/api/v1/supervision-orders/{id}/rectifications", reply)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await inspector.PostAsJsonAsync($"/api/v1/supervision-orders/{id}/rectifications", reply)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Factory.WithDbAsync(db => db.Set<Rectification>().CountAsync(r => r.OrderId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_the_field_and_nothing_is_stored()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 2);
        var stranger = await Factory.WithDbAsync(db => db.Organizations.Where(o => !db.Assignments.Any(a => a.TaskId == assignment.TaskId && a.OrganizationId == o.Id)).Select(o => o.Id).FirstAsync());
        var before = await OrdersAsync();

        await ShouldBeProblemAsync(await admin.PostAsJsonAsync("/api/v1/supervision-orders", new { taskId = assignment.TaskId, organizationId = assignment.OrganizationId, reason = " " }),
            HttpStatusCode.BadRequest, "reason");
        await ShouldBeProblemAsync(await admin.PostAsJsonAsync("/api/v1/supervision-orders", new { taskId = assignment.TaskId, organizationId = stranger, reason = "事由" }),
            HttpStatusCode.BadRequest, "organizationId");
        await ShouldBeProblemAsync(await admin.PostAsJsonAsync("/api/v1/supervision-orders",
            new { taskId = assignment.TaskId, organizationId = assignment.OrganizationId, reason = "事由", replyBy = Today.AddDays(-1) }), HttpStatusCode.BadRequest, "replyBy");
        (await OrdersAsync()).ShouldBe(before);

        var issued = await admin.PostAsJsonAsync("/api/v1/supervision-orders", new { taskId = assignment.TaskId, organizationId = assignment.OrganizationId, reason = "事由" });
        var id = (await issued.JsonAsync()).GetProperty("order").GetProperty("id").GetInt64();
        await ShouldBeProblemAsync(await reporter.PostAsJsonAsync($"/api/v1/supervision-orders/{id}/rectifications", new { measures = "整改。" }), HttpStatusCode.BadRequest, "newDate");
        await ShouldBeProblemAsync(await reporter.PostAsJsonAsync($"/api/v1/supervision-orders/{id}/rectifications", new { newDate = Today }), HttpStatusCode.BadRequest, "measures");
        (await Factory.WithDbAsync(db => db.Set<Rectification>().CountAsync(r => r.OrderId == id))).ShouldBe(0);

        await ShouldBeProblemAsync(await admin.PostAsJsonAsync($"/api/v1/tasks/{assignment.TaskId}/instructions", new { text = "抓紧推进。", date = Today }), HttpStatusCode.BadRequest, "leaderName");
        await ShouldBeProblemAsync(await admin.PostAsJsonAsync($"/api/v1/tasks/{assignment.TaskId}/flags", new { kind = "warning", organizationId = assignment.OrganizationId }),
            HttpStatusCode.BadRequest, "kind");
        (await admin.GetAsync("/api/v1/supervision-orders?status=late")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_instruction_and_a_summons_flag_go_on_the_timeline_and_a_flag_is_set_once()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 1);

        var recorded = await admin.PostAsJsonAsync($"/api/v1/tasks/{assignment.TaskId}/instructions", new { leaderName = "张市长", text = "务必按期完成。", date = Today });
        recorded.StatusCode.ShouldBe(HttpStatusCode.Created);
        var flagged = await admin.PostAsJsonAsync($"/api/v1/tasks/{assignment.TaskId}/flags", new { kind = "summons", organizationId = assignment.OrganizationId, note = "进度严重滞后" });
        flagged.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync($"/api/v1/tasks/{assignment.TaskId}/flags", new { kind = "summons", organizationId = assignment.OrganizationId }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var timeline = await (await reporter.GetAsync($"/api/v1/tasks/{assignment.TaskId}/timeline")).JsonAsync();
        var entries = timeline.GetProperty("entries").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("kind").GetString()).ShouldBe(["instruction", "summons"]);
        entries[0].GetProperty("summary").GetString()!.ShouldStartWith("张市长批示");
        (await (await reporter.GetAsync($"/api/v1/tasks/{assignment.TaskId}/instructions")).JsonAsync()).GetArrayLength().ShouldBe(1);
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == SupervisionAuditActions.FlagSet && a.EntityId == assignment.TaskId.ToString()))).ShouldBe(1);
    }

    [Fact]
    public async Task The_pages_list_the_orders_show_one_with_its_reply_form_and_the_timeline()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 3);
        await NoOpenOrderAsync(assignment);
        var issued = await admin.PostAsJsonAsync("/api/v1/supervision-orders", new { taskId = assignment.TaskId, organizationId = assignment.OrganizationId, reason = "页面测试事由" });
        var order = (await issued.JsonAsync()).GetProperty("order");
        var id = order.GetProperty("id").GetInt64();
        var number = order.GetProperty("number").GetString()!;

        var list = await reporter.GetStringAsync("/supervision");
        list.ShouldContain(number);
        var detail = await reporter.GetStringAsync($"/supervision/{id}");
        detail.ShouldContain("页面测试事由");
        detail.ShouldContain("reply-form");
        (await admin.GetStringAsync($"/supervision/{id}")).ShouldNotContain("reply-form");
        var timeline = await reporter.GetStringAsync($"/tasks/{assignment.TaskId}/timeline");
        timeline.ShouldContain(number);
    }

    [Fact]
    public async Task The_reporter_answers_on_the_page_and_the_office_records_an_instruction_on_the_timeline_page()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 3);
        await NoOpenOrderAsync(assignment);
        // The timeline links to the task page for 下发督办单 rather than holding a second form.
        (await admin.GetStringAsync($"/tasks/{assignment.TaskId}/timeline")).ShouldContain("id=\"issue-order-link\"");
        var issued = await Browser.SubmitAsync(admin, $"/tasks/{assignment.TaskId}",
            new Dictionary<string, string> { ["OrganizationId"] = assignment.OrganizationId.ToString(), ["Reason"] = "页面下发的督办单", ["ReplyBy"] = "" }, formName: "issue-order");
        ((int)issued.StatusCode).ShouldBeLessThan(400);
        var id = await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => o.Reason == "页面下发的督办单").Select(o => o.Id).SingleAsync());

        var empty = await Browser.SubmitAsync(reporter, $"/supervision/{id}", new Dictionary<string, string> { ["Reply.Measures"] = "", ["Reply.NewDate"] = "" }, formName: "reply");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("measures（整改措施）不能为空");
        var answered = await Browser.SubmitAsync(reporter, $"/supervision/{id}",
            new Dictionary<string, string> { ["Reply.Measures"] = "页面回复的整改措施", ["Reply.NewDate"] = Today.AddDays(20).ToString("yyyy-MM-dd") }, formName: "reply");
        ((int)answered.StatusCode).ShouldBeLessThan(400);
        (await reporter.GetStringAsync($"/supervision/{id}")).ShouldContain("页面回复的整改措施");

        var instructed = await Browser.SubmitAsync(admin, $"/tasks/{assignment.TaskId}/timeline",
            new Dictionary<string, string> { ["Instruct.Leader"] = "李副市长", ["Instruct.Text"] = "页面录入的批示", ["Instruct.Date"] = Today.ToString("yyyy-MM-dd") }, formName: "instruction");
        instructed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var timeline = await reporter.GetStringAsync($"/tasks/{assignment.TaskId}/timeline");
        timeline.ShouldContain("李副市长批示：页面录入的批示");
        timeline.ShouldContain("整改回复");
        timeline.ShouldNotContain("admin-actions");
    }
}
