using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duban.Core.Tracking.Periods;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Tracking;

namespace Duban.Web.Tests.Notifications;

/// <summary>
/// The loop of a review closes: the reporter who submitted is told when the office returns the report (with the
/// comment) and when it approves it, each once, with a link to the report's form for the period.
/// </summary>
public sealed class ReviewNotificationTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static PeriodSpan Current => PeriodSpan.Containing(PeriodKind.Monthly, ChinaCalendar.Today(DateTimeOffset.UtcNow));

    private static HttpRequestMessage Post(string path, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    /// <summary>The reporter's review notifications about the report the link leads to, newest first.</summary>
    private static async Task<List<JsonElement>> ReviewNoticesAsync(HttpClient reporter, string link)
    {
        var page = await (await reporter.GetAsync("/api/v1/notifications?pageSize=100")).JsonAsync();
        return page.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "review" && n.GetProperty("link").GetString() == link).ToList();
    }

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/notifications/unread-count")).JsonAsync()).GetProperty("unread").GetInt32();

    /// <summary>Reviews on the /review page as an administrator does: the report's form, its version, 通过 or 退回.</summary>
    private static async Task<HttpResponseMessage> ReviewOnThePageAsync(HttpClient admin, long reportId, string decision, string comment)
    {
        var page = await admin.GetStringAsync("/review");
        var version = Regex.Match(page, $"data-report=\"{reportId}\"[\\s\\S]*?name=\"version\" value=\"(?<v>[^\"]*)\"").Groups["v"].Value;
        return await Browser.SubmitAsync(admin, "/review", new Dictionary<string, string>
        {
            ["version"] = version, ["decision"] = decision, ["comment"] = comment,
        }, formName: $"review-{reportId}");
    }

    [Fact]
    public async Task A_return_and_an_approval_each_notify_the_reporter_with_the_comment_and_a_link_to_the_report()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation);
        var link = $"tasks/{assignment.TaskId}/report?period={Current.Start:yyyy-MM-dd}";
        var unreadBefore = await UnreadAsync(reporter);

        var created = await reporter.PostAsJsonAsync("/api/v1/reports", new
        {
            assignmentId = assignment.Id, periodStart = Current.Start, state = "inProgress", percentComplete = 30, done = "完成调研",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("report").GetProperty("id").GetInt64();
        var submitted = await reporter.SendAsync(Post($"/api/v1/reports/{id}/submit", new { }, created.Headers.ETag!.ToString()));
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReviewNoticesAsync(reporter, link)).ShouldBeEmpty("a submission tells the reporter nothing");

        // Returned on the page, with the comment the reporter must act on.
        // The reviewer ends the comment with a full stop, as reviewers mostly do: the notice adds none of its own.
        (await ReviewOnThePageAsync(admin, id, "returned", "请补充调研报告和经费测算。")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterReturn = await ReviewNoticesAsync(reporter, link);
        afterReturn.Count.ShouldBe(1);
        var returned = afterReturn[0];
        returned.GetProperty("title").GetString()!.ShouldStartWith("进展被退回");
        returned.GetProperty("body").GetString()!.ShouldContain("退回意见：请补充调研报告和经费测算。请按意见修改后重新提交。");
        returned.GetProperty("body").GetString()!.ShouldContain("演示管理员", customMessage: "the reviewer by display name, not the user name");
        returned.GetProperty("link").GetString().ShouldBe(link);
        returned.GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.Null);
        (await UnreadAsync(reporter)).ShouldBe(unreadBefore + 1);
        (await UnreadAsync(admin)).ShouldBe(0, "the reviewer is not told of their own review");

        // The link leads to the form, which shows the comment.
        (await reporter.GetStringAsync("/" + link)).ShouldContain("请补充调研报告和经费测算");

        // Revised and resubmitted through the API, then approved through the API.
        var current = await reporter.GetAsync($"/api/v1/reports/{id}");
        var revised = await reporter.SendAsync(Post($"/api/v1/reports/{id}/revisions",
            new { state = "inProgress", percentComplete = 50, done = "完成调研，附经费测算" }, current.Headers.ETag!.ToString()));
        revised.StatusCode.ShouldBe(HttpStatusCode.OK);
        var resubmitted = await reporter.SendAsync(Post($"/api/v1/reports/{id}/submit", new { }, revised.Headers.ETag!.ToString()));
        resubmitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var approved = await admin.SendAsync(Post($"/api/v1/reports/{id}/review", new { decision = "approved", comment = "同意" }, resubmitted.Headers.ETag!.ToString()));
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);

        var afterApproval = await ReviewNoticesAsync(reporter, link);
        afterApproval.Count.ShouldBe(2);
        afterApproval[0].GetProperty("title").GetString()!.ShouldStartWith("进展已通过审核");
        afterApproval[0].GetProperty("body").GetString()!.ShouldEndWith("审核意见：同意。", customMessage: "a comment without a full stop gets one");
        afterApproval[0].GetProperty("link").GetString().ShouldBe(link);
        (await UnreadAsync(reporter)).ShouldBe(unreadBefore + 2);

        // The notification centre lists both, linking to the report.
        var centre = await reporter.GetStringAsync("/notifications");
        centre.ShouldContain("进展被退回");
        centre.ShouldContain("进展已通过审核");
        centre.ShouldContain(WebUtility.HtmlEncode(link));
    }

    [Fact]
    public async Task A_reporter_who_forwards_reviews_gets_a_personal_copy_through_the_personal_endpoint_and_the_choice_is_audited()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "邮件网关", url = "https://mail-relay.example.invalid/duban", personal = true });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var mail = (await created.JsonAsync()).GetProperty("endpoint");
        mail.GetProperty("personal").GetBoolean().ShouldBeTrue();
        var group = await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "群机器人", url = "https://robot.example.invalid/duban" });
        group.StatusCode.ShouldBe(HttpStatusCode.Created);

        // 我的账户: the channel is named, the choice is saved and audited.
        var me = await reporter.GetStringAsync("/me");
        me.ShouldContain("推送渠道：邮件网关");
        me.ShouldContain("id=\"forward-review\"");
        var saved = await Browser.SubmitAsync(reporter, "/me", new Dictionary<string, string> { ["ForwardKinds"] = "review" }, formName: "notification-forwarding");
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var savedHtml = await saved.Content.ReadAsStringAsync();
        savedHtml.ShouldContain("推送设置已保存");
        Regex.IsMatch(savedHtml, "id=\"forward-review\"[^>]*checked").ShouldBeTrue();
        var choice = await (await reporter.GetAsync("/api/v1/notifications/forwarding")).JsonAsync();
        choice.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()).ShouldBe(["review"]);
        choice.GetProperty("channels").EnumerateArray().Select(k => k.GetString()).ShouldBe(["邮件网关"]);
        var reporterId = await Factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Users.Where(u => u.UserName == DemoAccounts.Reporter).Select(u => u.Id)));
        var entry = await Factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.AuditEntries.Where(e => e.Action == "user.notification-forwarding" && e.EntityId == reporterId.ToString())));
        entry.After.ShouldBe("{\"forwardedNotificationKinds\":[\"review\"]}");

        // A bad kind is a 400 naming the field, and changes nothing.
        var bad = await reporter.PutAsJsonAsync("/api/v1/notifications/forwarding", new { kinds = new[] { "review", "everything" } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).GetProperty("field").GetString().ShouldBe("kinds");

        // A return now reaches the reporter in the site and, as a personal copy, the mail gateway; the robot gets the group event.
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 1);
        var report = await reporter.PostAsJsonAsync("/api/v1/reports", new { assignmentId = assignment.Id, periodStart = Current.Start, state = "inProgress", percentComplete = 10, done = "起步" });
        var id = (await report.JsonAsync()).GetProperty("report").GetProperty("id").GetInt64();
        var submitted = await reporter.SendAsync(Post($"/api/v1/reports/{id}/submit", new { }, report.Headers.ETag!.ToString()));
        (await admin.SendAsync(Post($"/api/v1/reports/{id}/review", new { decision = "returned", comment = "请补充数据" }, submitted.Headers.ETag!.ToString())))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var mailDeliveries = await (await admin.GetAsync($"/api/v1/webhooks/{mail.GetProperty("id").GetInt64()}/deliveries")).JsonAsync();
        var personal = mailDeliveries.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        personal.GetProperty("eventKind").GetString().ShouldBe("review");
        personal.GetProperty("eventId").GetString().ShouldBe($"review:{await ReviewIdAsync(id)}/user:{reporterId}");
        var groupDeliveries = await (await admin.GetAsync($"/api/v1/webhooks/{(await group.JsonAsync()).GetProperty("endpoint").GetProperty("id").GetInt64()}/deliveries")).JsonAsync();
        groupDeliveries.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("eventId").GetString()).ShouldBe([$"review:{await ReviewIdAsync(id)}"]);
    }

    private Task<long> ReviewIdAsync(long reportId) => Factory.WithDbAsync(db =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Reviews.Where(r => r.ReportId == reportId).Select(r => r.Id)));
}
