using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Duban.Core.Notifications;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Supervision;
using Duban.Parsing.Model;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Tracking;

/// <summary>
/// /tasks/{id} is where a task is acted on: it shows the task's status and why, its 督办单 and a link to its timeline,
/// and lets a responsible administrator issue a 督办单 there; the plan reader links each task to that page.
/// </summary>
public sealed class TaskPageTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static PeriodSpan Current => PeriodSpan.Containing(PeriodKind.Monthly, ChinaCalendar.Today(DateTimeOffset.UtcNow));

    private static HttpRequestMessage Post(string path, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    /// <summary>A task of the plan led by 清河市教育局 and at least one other organisation.</summary>
    private Task<(long TaskId, long AssignmentId, List<string> OtherLeads)> SharedLeadAsync() => Factory.WithDbAsync(async db =>
    {
        var education = await db.Organizations.Where(o => o.Name == DemoSeeder.CityEducation).Select(o => o.Id).SingleAsync();
        var task = await db.Tasks.AsNoTracking().Where(t => t.PlanId == app.PlanId && t.Assignments.Count(a => a.Role == UnitRole.Lead) > 1
                && t.Assignments.Any(a => a.Role == UnitRole.Lead && a.OrganizationId == education))
            .Select(t => new
            {
                t.Id,
                Assignment = t.Assignments.Where(a => a.OrganizationId == education).Select(a => a.Id).First(),
                Others = t.Assignments.Where(a => a.Role == UnitRole.Lead && a.OrganizationId != education).Select(a => a.Organization!.Name).ToList(),
            }).FirstAsync();
        return (task.Id, task.Assignment, task.Others);
    });

    [Fact]
    public async Task The_page_explains_the_status_by_its_leads_after_one_of_two_leads_completed()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var (taskId, assignmentId, others) = await SharedLeadAsync();

        var before = await admin.GetStringAsync($"/tasks/{taskId}");
        before.ShouldContain("id=\"task-status\"");
        before.ShouldContain($"2 个牵头单位中 0 个已完成");

        var created = await reporter.PostAsJsonAsync("/api/v1/reports", new { assignmentId, periodStart = Current.Start, state = "completed", percentComplete = 100, done = "已全部完成\n附验收报告" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync()).GetProperty("report").GetProperty("id").GetInt64();
        var submitted = await reporter.SendAsync(Post($"/api/v1/reports/{id}/submit", new { }, created.Headers.ETag!.ToString()));
        (await admin.SendAsync(Post($"/api/v1/reports/{id}/review", new { decision = "approved" }, submitted.Headers.ETag!.ToString()))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Approving one lead's 已完成 does not complete the task, and the page says why.
        var after = await admin.GetStringAsync($"/tasks/{taskId}");
        var reason = Regex.Match(after, "id=\"task-status-reason\">(?<r>[^<]*)<").Groups["r"].Value;
        reason.ShouldContain($"2 个牵头单位中 1 个已完成，未完成：{others[0]}");
        Regex.Match(after, "id=\"task-status-label\">(?<l>[^<]*)<").Groups["l"].Value.ShouldNotBe("已完成");
        after.ShouldContain("class=\"badge text-bg-success assignment-status\"");
        after.ShouldContain($"href=\"tasks/{taskId}/timeline\"");
        // The reporter's line break stays, shown by a class (the strict CSP refuses inline styles).
        after.ShouldContain("revision-done text-pre-wrap\">已全部完成&#xA;附验收报告</dd>");
    }

    [Fact]
    public async Task A_responsible_administrator_issues_a_supervision_order_from_the_task_page_and_the_organisation_is_told()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var inspector = await Factory.SignedInAsync(DemoAccounts.Inspector);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 3);
        var page = $"/tasks/{assignment.TaskId}";

        (await admin.GetStringAsync(page)).ShouldContain("id=\"issue-order-form\"");
        (await inspector.GetStringAsync(page)).ShouldNotContain("id=\"issue-order-form\"");
        (await reporter.GetStringAsync(page)).ShouldNotContain("id=\"issue-order-form\"");

        // Seeing the task is not answering for it: a reporter's or an inspector's forged post issues nothing.
        foreach (var notResponsible in new[] { reporter, inspector })
        {
            var forged = await Browser.SubmitAsync(notResponsible, page, new Dictionary<string, string>
            {
                ["OrganizationId"] = assignment.OrganizationId.ToString(), ["Reason"] = "伪造的督办", ["ReplyBy"] = "",
            }, formName: "issue-order");
            forged.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        }
        (await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().CountAsync(o => o.TaskId == assignment.TaskId))).ShouldBe(0);

        var issued = await Browser.SubmitAsync(admin, page, new Dictionary<string, string>
        {
            ["OrganizationId"] = assignment.OrganizationId.ToString(), ["Reason"] = "进度滞后，请说明原因并提出整改措施", ["ReplyBy"] = "",
        }, formName: "issue-order");
        issued.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var order = await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().SingleAsync(o => o.TaskId == assignment.TaskId && o.OrganizationId == assignment.OrganizationId));
        order.Origin.ShouldBe(OrderOrigin.Manual);
        issued.Headers.Location!.OriginalString.ShouldEndWith($"supervision/{order.Id}?issued=1");
        var orderPage = await admin.GetStringAsync($"/supervision/{order.Id}?issued=1");
        orderPage.ShouldContain("id=\"issued\"");
        // People by their display names, not their sign-in names.
        orderPage.ShouldContain("（人工，演示管理员）");
        var timeline = await reporter.GetStringAsync($"/tasks/{assignment.TaskId}/timeline");
        timeline.ShouldContain("· 演示管理员</small>");
        timeline.ShouldNotContain("· admin</small>");
        (await Factory.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.Kind == NotificationKinds.SupervisionOrder && n.Link == $"supervision/{order.Id}"
            && db.Users.Any(u => u.Id == n.RecipientId && u.UserName == DemoAccounts.Reporter)))).ShouldBe(1);

        // The task page lists the order; a second one while it is open is refused, keeping what was typed.
        var listed = await admin.GetStringAsync(page);
        listed.ShouldContain($"data-order=\"{order.Id}\"");
        listed.ShouldContain($"（已有未办结的 {order.Number}）");
        var again = await Browser.SubmitAsync(admin, page, new Dictionary<string, string>
        {
            ["OrganizationId"] = assignment.OrganizationId.ToString(), ["Reason"] = "再次督办", ["ReplyBy"] = "",
        }, formName: "issue-order");
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var html = await again.Content.ReadAsStringAsync();
        html.ShouldContain("已有未办结的督办单");
        html.ShouldContain("再次督办</textarea>");
        var bad = await Browser.SubmitAsync(admin, page, new Dictionary<string, string>
        {
            ["OrganizationId"] = assignment.OrganizationId.ToString(), ["Reason"] = "日期有误", ["ReplyBy"] = "明天",
        }, formName: "issue-order");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().CountAsync(o => o.TaskId == assignment.TaskId))).ShouldBe(1);
    }

    [Fact]
    public async Task The_plan_reader_links_each_task_the_reader_may_open_to_its_page()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var tasks = await Factory.WithDbAsync(db => db.Tasks.Where(t => t.PlanId == app.PlanId && t.RemovedInVersionId == null).Select(t => t.Id).ToListAsync());

        var reader = await admin.GetStringAsync($"/plans/{app.PlanId}");

        foreach (var task in tasks) reader.ShouldContain($"<a class=\"ms-2 task-page-link\" href=\"tasks/{task}\">任务详情</a>");
    }
}
