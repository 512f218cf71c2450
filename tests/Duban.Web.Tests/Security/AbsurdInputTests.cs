using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Supervision;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Security;

/// <summary>
/// Dates outside 2000 .. today + 10 years (year 0001, year 9999) and multipart bodies cut short are refused: on the API
/// with a problem naming the field, on pages with a message; never a server error, and nothing is stored.
/// </summary>
public sealed class AbsurdInputTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static DateOnly Today => ChinaCalendar.Today(DateTimeOffset.UtcNow);

    private static PeriodSpan Current => PeriodSpan.Containing(PeriodKind.Monthly, Today);

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, string field, string? says = null)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString()!.ShouldContain(says ?? field);
    }

    private Task<long> TargetAsync(long taskId) => Factory.WithDbAsync(async db =>
    {
        var target = new Core.Plans.TaskTarget { PlanId = app.PlanId, TaskId = taskId, Subject = "实训基地（日期测试）", Unit = "个", Value = 3, Raw = "3个" };
        db.Targets.Add(target);
        await db.SaveChangesAsync();
        return target.Id;
    });

    [Theory]
    [InlineData("9999-12-01")]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("1999-12-01")]
    public async Task A_report_or_a_value_for_an_absurd_period_is_refused_naming_periodStart(string periodStart)
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation);
        var targetId = await TargetAsync(assignment.TaskId);
        var before = await Factory.WithDbAsync(async db => (await db.ProgressReports.CountAsync(), await db.Observations.CountAsync(), await db.Periods.CountAsync()));

        var report = await reporter.PostAsJsonAsync("/api/v1/reports", new { assignmentId = assignment.Id, periodStart, state = "inProgress", done = "进展" });
        var value = await reporter.PostAsJsonAsync("/api/v1/observations", new { targetId, periodStart, value = 1 });

        await ShouldBeProblemAsync(report, "periodStart", "必须在 2000-01-01 至");
        await ShouldBeProblemAsync(value, "periodStart", "必须在 2000-01-01 至");
        (await Factory.WithDbAsync(async db => (await db.ProgressReports.CountAsync(), await db.Observations.CountAsync(), await db.Periods.CountAsync()))).ShouldBe(before);
    }

    [Theory]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("from=1999-12-31&to=2000-02-01", "from")]
    public async Task The_periods_of_a_plan_between_absurd_dates_are_refused_naming_the_date(string query, string field)
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);

        await ShouldBeProblemAsync(await reporter.GetAsync($"/api/v1/plans/{app.PlanId}/periods?{query}"), field);
        (await reporter.GetAsync($"/api/v1/plans/{app.PlanId}/periods?from=2000-01-01&to=2000-03-31")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-01")]
    [InlineData("0001-01-01")]
    public async Task The_report_and_value_pages_name_an_absurd_period_in_their_message(string period)
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation);
        var targetId = await TargetAsync(assignment.TaskId);

        foreach (var page in new[] { $"/tasks/{assignment.TaskId}/report?period={period}", $"/targets/{targetId}?period={period}" })
        {
            var response = await reporter.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, page);
            (await response.Content.ReadAsStringAsync()).ShouldContain("period（填报周期）必须在 2000-01-01 至", Case.Sensitive, page);
        }
    }

    [Fact]
    public async Task Orders_replies_and_instructions_with_absurd_dates_are_refused_naming_the_date()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 1);
        var order = new { taskId = assignment.TaskId, organizationId = assignment.OrganizationId, reason = "日期测试事由" };
        var orders = await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().CountAsync());

        await ShouldBeProblemAsync(await admin.PostAsJsonAsync("/api/v1/supervision-orders", new { order.taskId, order.organizationId, order.reason, replyBy = "9999-12-31" }),
            "replyBy", "不能晚于");
        await ShouldBeProblemAsync(await admin.PostAsJsonAsync("/api/v1/supervision-orders", new { order.taskId, order.organizationId, order.reason, replyBy = Today.AddYears(10).AddDays(1) }),
            "replyBy", "不能晚于");
        (await Factory.WithDbAsync(db => db.Set<SupervisionOrder>().CountAsync())).ShouldBe(orders);

        var issued = await admin.PostAsJsonAsync("/api/v1/supervision-orders", new { order.taskId, order.organizationId, order.reason, replyBy = Today.AddYears(10) });
        issued.StatusCode.ShouldBe(HttpStatusCode.Created, await issued.Content.ReadAsStringAsync());
        var id = (await issued.JsonAsync()).GetProperty("order").GetProperty("id").GetInt64();
        await ShouldBeProblemAsync(await reporter.PostAsJsonAsync($"/api/v1/supervision-orders/{id}/rectifications", new { measures = "整改。", newDate = "9999-12-31" }),
            "newDate", "不能晚于");
        (await Factory.WithDbAsync(db => db.Set<Rectification>().CountAsync(r => r.OrderId == id))).ShouldBe(0);
        (await reporter.PostAsJsonAsync($"/api/v1/supervision-orders/{id}/rectifications", new { measures = "整改。", newDate = Today.AddDays(30) }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var returning = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/supervision-orders/{id}/return") { Content = JsonContent.Create(new { comment = "不到位", replyBy = "9999-12-31" }) };
        returning.Headers.TryAddWithoutValidation("If-Match", "*");
        await ShouldBeProblemAsync(await admin.SendAsync(returning), "replyBy", "不能晚于");
        (await Factory.WithDbAsync(db => db.Set<OrderReview>().CountAsync(r => r.OrderId == id))).ShouldBe(0);

        var instructions = await Factory.WithDbAsync(db => db.Set<Instruction>().CountAsync());
        foreach (var date in new[] { "0001-01-01", "1999-12-31" })
            await ShouldBeProblemAsync(await admin.PostAsJsonAsync($"/api/v1/tasks/{assignment.TaskId}/instructions", new { leaderName = "张市长", text = "抓紧推进。", date }),
                "date", "不能早于 2000-01-01");
        (await Factory.WithDbAsync(db => db.Set<Instruction>().CountAsync())).ShouldBe(instructions);
    }

    [Theory]
    [InlineData("/api/v1/evidence")]
    [InlineData("/api/v1/templates/import")]
    public async Task A_multipart_body_cut_short_is_a_400_naming_the_file(string path)
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var evidence = await Factory.WithDbAsync(db => db.Evidence.CountAsync());
        const string boundary = "cut-short";
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"报告.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 and the closing boundary never comes"));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        var noBoundary = new ByteArrayContent("x"u8.ToArray());
        noBoundary.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");

        await ShouldBeProblemAsync(await reporter.PostAsync(path, body), "file", "multipart/form-data");
        await ShouldBeProblemAsync(await reporter.PostAsync(path, noBoundary), "file", "multipart/form-data");
        (await Factory.WithDbAsync(db => db.Evidence.CountAsync())).ShouldBe(evidence);
    }
}
