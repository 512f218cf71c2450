using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Web.Demo;
using Duban.Web.Spreadsheets;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Spreadsheets;

/// <summary>
/// 导入后直接提交审核 submits only what the file changed: a returned report the reporter left as the template gave it
/// stays returned, a changed one goes back to the office as 重新提交 with its return on the review page.
/// </summary>
public sealed class TemplateResubmissionTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    private const string Progress = TemplateLayout.ProgressSheet;

    private DubanWebFactory Factory => app.Factory;

    private static PeriodSpan Current => PeriodSpan.Containing(PeriodKind.Monthly, ChinaCalendar.Today(DateTimeOffset.UtcNow));

    private static HttpRequestMessage Post(string path, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    /// <summary>A report submitted by the reporter and returned by the office with the comment; its id.</summary>
    private async Task<long> ReturnedReportAsync(HttpClient reporter, HttpClient admin, long assignmentId, string done, string comment)
    {
        var created = await reporter.PostAsJsonAsync("/api/v1/reports", new { assignmentId, periodStart = Current.Start, state = "inProgress", percentComplete = 20, done });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync()).GetProperty("report").GetProperty("id").GetInt64();
        var submitted = await reporter.SendAsync(Post($"/api/v1/reports/{id}/submit", new { }, created.Headers.ETag!.ToString()));
        var returned = await admin.SendAsync(Post($"/api/v1/reports/{id}/review", new { decision = "returned", comment }, submitted.Headers.ETag!.ToString()));
        returned.StatusCode.ShouldBe(HttpStatusCode.OK);
        return id;
    }

    private Task<ReportStatus> StatusAsync(long reportId) => Factory.WithDbAsync(db => db.ProgressReports.Where(r => r.Id == reportId).Select(r => r.Status).SingleAsync());

    [Fact]
    public async Task Only_the_rows_the_file_changed_are_submitted_and_an_untouched_returned_report_stays_returned()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var touched = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 0);
        var untouched = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 1);
        var fresh = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 2);
        var touchedReport = await ReturnedReportAsync(reporter, admin, touched.Id, "完成选址", "请补充招标进度");
        var untouchedReport = await ReturnedReportAsync(reporter, admin, untouched.Id, "开展调研", "请说明经费来源");

        var template = await reporter.GetAsync($"/api/v1/templates/progress.xlsx?period={Current.Start:yyyy-MM-dd}");
        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var book = new TemplateWorkbook(await template.Content.ReadAsByteArrayAsync());
        uint RowOf(long assignment) => book.DataRows(Progress).Single(r => book.Key(Progress, r).Id == assignment);
        // The returned reports come pre-filled with what was returned; the untouched one is left exactly so.
        book.Text(Progress, $"I{RowOf(untouched.Id)}").ShouldBe("开展调研");
        book.Set(Progress, $"I{RowOf(touched.Id)}", "完成选址，招标文件已挂网");
        var freshTask = await Factory.WithDbAsync(db => db.Tasks.Where(t => t.Id == fresh.TaskId).Select(t => new { t.Due, t.Ongoing }).SingleAsync());
        book.Set(Progress, $"G{RowOf(fresh.Id)}", "推进中").Set(Progress, $"I{RowOf(fresh.Id)}", "启动实施");
        if (freshTask.Due is not null && !freshTask.Ongoing) book.SetNumber(Progress, $"H{RowOf(fresh.Id)}", 10);

        var form = new MultipartFormDataContent { { new StringContent("true"), "submitForReview" } };
        var file = new ByteArrayContent(book.Save());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "填报模板.xlsx");
        var imported = await reporter.PostAsync("/api/v1/templates/import", form);

        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var result = await imported.JsonAsync();
        result.GetProperty("reportsRevised").GetInt32().ShouldBe(1);
        result.GetProperty("reportsCreated").GetInt32().ShouldBe(1);
        result.GetProperty("submitted").GetInt32().ShouldBe(2);
        result.GetProperty("unchanged").GetInt32().ShouldBe(1);
        result.GetProperty("notSubmitted").GetInt32().ShouldBe(1);
        (await StatusAsync(touchedReport)).ShouldBe(ReportStatus.Submitted);
        (await StatusAsync(untouchedReport)).ShouldBe(ReportStatus.Returned, "the file did not answer the return");
        var freshReport = await Factory.WithDbAsync(db => db.ProgressReports.Where(r => r.AssignmentId == fresh.Id).Select(r => new { r.Id, r.Status }).SingleAsync());
        freshReport.Status.ShouldBe(ReportStatus.Submitted);
        (await reporter.GetStringAsync("/my")).ShouldContain($"data-task=\"{untouched.TaskId}\" data-state=\"returned\"");

        // The office sees the changed one as a resubmission, with the return it answers; the new one as a first submission.
        var queue = await admin.GetStringAsync("/review");
        string Card(long report) => Regex.Match(queue, $"data-report=\"{report}\"[\\s\\S]*?</section>").Value;
        Card(touchedReport).ShouldContain("重新提交");
        Card(touchedReport).ShouldContain("第 2 次提交");
        Card(touchedReport).ShouldContain("请补充招标进度");
        Card(touchedReport).ShouldContain("完成选址，招标文件已挂网");
        Card(freshReport.Id).ShouldContain("首次提交");
        Card(freshReport.Id).ShouldNotContain("重新提交");
        queue.ShouldNotContain($"data-report=\"{untouchedReport}\"");
    }
}
