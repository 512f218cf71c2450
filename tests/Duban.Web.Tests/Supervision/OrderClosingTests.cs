using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duban.Core.Tracking.Supervision;
using Duban.Data.Supervision;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Supervision;

/// <summary>
/// The office closes a 督办单 (已办结) or returns its reply (整改不到位), through the API and on /supervision/{id}:
/// administrators only, with If-Match, problems naming the field and nothing stored, and the list filters by the new
/// statuses.
/// </summary>
public sealed class OrderClosingTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static HttpRequestMessage Post(string path, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        if (field is null) return;
        var problem = await response.JsonAsync();
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString()!.ShouldContain(field);
    }

    private async Task<(long Id, string Number, long TaskId)> IssueAsync(HttpClient admin, int skip, string reason)
    {
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: skip);
        var issued = await admin.PostAsJsonAsync("/api/v1/supervision-orders", new { taskId = assignment.TaskId, organizationId = assignment.OrganizationId, reason });
        issued.StatusCode.ShouldBe(HttpStatusCode.Created);
        var order = (await issued.JsonAsync()).GetProperty("order");
        return (order.GetProperty("id").GetInt64(), order.GetProperty("number").GetString()!, assignment.TaskId);
    }

    private static async Task<string> ETagAsync(HttpClient client, long id) => (await client.GetAsync($"/api/v1/supervision-orders/{id}")).Headers.ETag!.ToString();

    private Task<int> ReviewsAsync(long id) => Factory.WithDbAsync(db => db.Set<OrderReview>().CountAsync(r => r.OrderId == id));

    [Fact]
    public async Task The_office_accepts_the_reply_and_closes_the_order()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var inspector = await Factory.SignedInAsync(DemoAccounts.Inspector);
        var (id, number, taskId) = await IssueAsync(admin, 0, "办结测试事由");
        (await reporter.PostAsJsonAsync($"/api/v1/supervision-orders/{id}/rectifications", new { measures = "增加人手。", newDate = Today.AddDays(30) }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var etag = await ETagAsync(admin, id);
        var accept = new { comment = "整改措施可行，同意销号。" };

        (await reporter.SendAsync(Post($"/api/v1/supervision-orders/{id}/close", accept, etag))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await inspector.SendAsync(Post($"/api/v1/supervision-orders/{id}/close", accept, etag))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await ShouldBeProblemAsync(await admin.SendAsync(Post($"/api/v1/supervision-orders/{id}/close", accept, null)), (HttpStatusCode)428, "If-Match");
        await ShouldBeProblemAsync(await admin.SendAsync(Post($"/api/v1/supervision-orders/{id}/close", new { comment = " " }, etag)), HttpStatusCode.BadRequest, "comment");
        await ShouldBeProblemAsync(await admin.SendAsync(Post($"/api/v1/supervision-orders/{id}/close", accept, $"\"{Guid.NewGuid():N}\"")), HttpStatusCode.PreconditionFailed);
        (await ReviewsAsync(id)).ShouldBe(0);

        var closed = await admin.SendAsync(Post($"/api/v1/supervision-orders/{id}/close", accept, etag));
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        closed.Headers.ETag!.ToString().ShouldNotBe(etag);
        var detail = await closed.JsonAsync();
        detail.GetProperty("order").GetProperty("status").GetString().ShouldBe("closed");
        detail.GetProperty("order").GetProperty("statusName").GetString().ShouldBe("已办结");
        detail.GetProperty("canClose").GetBoolean().ShouldBeFalse();
        var review = detail.GetProperty("reviews").EnumerateArray().Single();
        review.GetProperty("decision").GetString().ShouldBe("closed");
        review.GetProperty("rectificationNumber").GetInt32().ShouldBe(1);

        await ShouldBeProblemAsync(await admin.SendAsync(Post($"/api/v1/supervision-orders/{id}/close", accept, "*")), HttpStatusCode.Conflict);
        await ShouldBeProblemAsync(await reporter.PostAsJsonAsync($"/api/v1/supervision-orders/{id}/rectifications", new { measures = "再回复", newDate = Today.AddDays(30) }),
            HttpStatusCode.Conflict);
        var listed = await (await reporter.GetAsync("/api/v1/supervision-orders?status=closed")).JsonAsync();
        listed.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ShouldContain(id);
        var timeline = await (await reporter.GetAsync($"/api/v1/tasks/{taskId}/timeline")).JsonAsync();
        timeline.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kindName").GetString()).ShouldContain("督办单办结");
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == SupervisionAuditActions.OrderClose && a.EntityId == id.ToString()))).ShouldBe(1);
        (await reporter.GetStringAsync("/supervision?status=closed")).ShouldContain(number);
    }

    [Fact]
    public async Task An_unanswered_order_closes_only_with_a_stated_reason_and_a_reply_can_be_returned_with_a_new_date()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var (id, _, _) = await IssueAsync(admin, 1, "退回测试事由");

        await ShouldBeProblemAsync(await admin.SendAsync(Post($"/api/v1/supervision-orders/{id}/close", new { comment = "任务已完成" }, "*")), HttpStatusCode.BadRequest, "withoutReply");
        await ShouldBeProblemAsync(await admin.SendAsync(Post($"/api/v1/supervision-orders/{id}/return", new { comment = "不到位" }, "*")), HttpStatusCode.Conflict);
        (await reporter.PostAsJsonAsync($"/api/v1/supervision-orders/{id}/rectifications", new { measures = "笼统的措施。", newDate = Today.AddDays(30) }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        (await reporter.SendAsync(Post($"/api/v1/supervision-orders/{id}/return", new { comment = "不到位" }, "*"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await ShouldBeProblemAsync(await admin.SendAsync(Post($"/api/v1/supervision-orders/{id}/return", new { comment = "" }, "*")), HttpStatusCode.BadRequest, "comment");
        await ShouldBeProblemAsync(await admin.SendAsync(Post($"/api/v1/supervision-orders/{id}/return", new { comment = "不到位", replyBy = Today.AddDays(-1) }, "*")),
            HttpStatusCode.BadRequest, "replyBy");
        (await ReviewsAsync(id)).ShouldBe(0);
        var returned = await admin.SendAsync(Post($"/api/v1/supervision-orders/{id}/return", new { comment = "措施不具体，请细化到月。", replyBy = Today.AddDays(5) }, await ETagAsync(admin, id)));
        returned.StatusCode.ShouldBe(HttpStatusCode.OK, await returned.Content.ReadAsStringAsync());
        var order = (await returned.JsonAsync()).GetProperty("order");
        order.GetProperty("status").GetString().ShouldBe("returned");
        order.GetProperty("replyBy").GetString().ShouldBe(Today.AddDays(5).ToString("yyyy-MM-dd"));
        (await (await reporter.GetAsync("/api/v1/supervision-orders?status=returned")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(o => o.GetProperty("id").GetInt64()).ShouldContain(id);

        // Returned, the order has no reply awaiting review: closing it needs the stated reason again.
        await ShouldBeProblemAsync(await admin.SendAsync(Post($"/api/v1/supervision-orders/{id}/close", new { comment = "同意" }, "*")), HttpStatusCode.BadRequest, "withoutReply");
        var closed = await admin.SendAsync(Post($"/api/v1/supervision-orders/{id}/close", new { comment = "经核实任务已完成，无需再整改。", withoutReply = true }, "*"));
        closed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reviews = (await closed.JsonAsync()).GetProperty("reviews").EnumerateArray().ToList();
        reviews.Select(r => r.GetProperty("decision").GetString()).ShouldBe(["closed", "returned"]);
        reviews[0].GetProperty("rectificationNumber").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_office_returns_and_closes_on_the_page_and_the_reporter_sees_no_such_forms()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var (id, number, _) = await IssueAsync(admin, 2, "页面办结测试");
        (await admin.GetStringAsync($"/supervision/{id}")).ShouldSatisfyAllConditions(
            html => html.ShouldContain("close-form"), html => html.ShouldContain("without-reply"), html => html.ShouldNotContain("return-form"));
        (await reporter.PostAsJsonAsync($"/api/v1/supervision-orders/{id}/rectifications", new { measures = "页面测试的整改措施。", newDate = Today.AddDays(30) }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await reporter.GetStringAsync($"/supervision/{id}")).ShouldSatisfyAllConditions(
            html => html.ShouldNotContain("close-form"), html => html.ShouldNotContain("return-form"));
        (await admin.GetStringAsync($"/supervision/{id}")).ShouldContain("return-form");

        string Version(string etag) => etag.Trim('"');
        var empty = await Browser.SubmitAsync(admin, $"/supervision/{id}",
            new Dictionary<string, string> { ["Return.Version"] = Version(await ETagAsync(admin, id)), ["Return.Comment"] = "", ["Return.ReplyBy"] = "" }, formName: "return");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("comment（整改不到位的意见）不能为空");
        var stale = await Browser.SubmitAsync(admin, $"/supervision/{id}",
            new Dictionary<string, string> { ["Return.Version"] = Guid.NewGuid().ToString("N"), ["Return.Comment"] = "过期的页面", ["Return.ReplyBy"] = "" }, formName: "return");
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await ReviewsAsync(id)).ShouldBe(0);
        var returned = await Browser.SubmitAsync(admin, $"/supervision/{id}",
            new Dictionary<string, string> { ["Return.Version"] = Version(await ETagAsync(admin, id)), ["Return.Comment"] = "页面退回：请细化", ["Return.ReplyBy"] = "" }, formName: "return");
        ((int)returned.StatusCode).ShouldBeLessThan(400);
        (await admin.GetStringAsync("/supervision?status=returned")).ShouldContain(number);
        (await reporter.GetStringAsync($"/supervision/{id}")).ShouldContain("页面退回：请细化");

        (await reporter.PostAsJsonAsync($"/api/v1/supervision-orders/{id}/rectifications", new { measures = "细化后的措施。", newDate = Today.AddDays(30) }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var closed = await Browser.SubmitAsync(admin, $"/supervision/{id}",
            new Dictionary<string, string> { ["Close.Version"] = Version(await ETagAsync(admin, id)), ["Close.Comment"] = "页面办结：同意销号" }, formName: "close");
        ((int)closed.StatusCode).ShouldBeLessThan(400);
        (await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => o.Id == id).Select(o => o.Status).SingleAsync())).ShouldBe(OrderStatus.Closed);
        (await admin.GetStringAsync("/supervision?status=closed")).ShouldContain(number);
    }
}
