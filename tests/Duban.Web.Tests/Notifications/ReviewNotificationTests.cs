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

    /// <summary>The reporter's review notifications, newest first.</summary>
    private static async Task<List<JsonElement>> ReviewNoticesAsync(HttpClient reporter)
    {
        var page = await (await reporter.GetAsync("/api/v1/notifications?pageSize=100")).JsonAsync();
        return page.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "review").ToList();
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
        (await ReviewNoticesAsync(reporter)).ShouldBeEmpty("a submission tells the reporter nothing");

        // Returned on the page, with the comment the reporter must act on.
        (await ReviewOnThePageAsync(admin, id, "returned", "请补充调研报告和经费测算")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterReturn = await ReviewNoticesAsync(reporter);
        afterReturn.Count.ShouldBe(1);
        var returned = afterReturn[0];
        returned.GetProperty("title").GetString()!.ShouldStartWith("进展被退回");
        returned.GetProperty("body").GetString()!.ShouldContain("退回意见：请补充调研报告和经费测算");
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

        var afterApproval = await ReviewNoticesAsync(reporter);
        afterApproval.Count.ShouldBe(2);
        afterApproval[0].GetProperty("title").GetString()!.ShouldStartWith("进展已通过审核");
        afterApproval[0].GetProperty("body").GetString()!.ShouldContain("审核意见：同意");
        afterApproval[0].GetProperty("link").GetString().ShouldBe(link);
        (await UnreadAsync(reporter)).ShouldBe(unreadBefore + 2);

        // The notification centre lists both, linking to the report.
        var centre = await reporter.GetStringAsync("/notifications");
        centre.ShouldContain("进展被退回");
        centre.ShouldContain("进展已通过审核");
        centre.ShouldContain(WebUtility.HtmlEncode(link));
    }
}
