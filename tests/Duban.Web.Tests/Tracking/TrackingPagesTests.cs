using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Tracking;

/// <summary>The tracking pages over HTTP: 我的任务, the report form, the task page and the review queue, and their refusals.</summary>
public sealed partial class TrackingPagesTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF"u8.ToArray();

    private static PeriodSpan Current => PeriodSpan.Containing(PeriodKind.Monthly, ChinaCalendar.Today(DateTimeOffset.UtcNow));

    private static string FormPage(long taskId) => $"/tasks/{taskId}/report?period={Current.Start:yyyy-MM-dd}";

    [GeneratedRegex("name=\"version\" value=\"(?<v>[^\"]*)\"")]
    private static partial Regex VersionField();

    /// <summary>Posts the report form as a browser does (multipart, with the page's antiforgery token and version), with an optional file.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> PostReportAsync(HttpClient client, long taskId, string action, string done,
        (byte[] Bytes, string Name)? file = null, string? version = null, IEnumerable<long>? evidenceIds = null, string state = "InProgress", string percent = "40")
    {
        var page = await client.GetStringAsync(FormPage(taskId));
        var form = new MultipartFormDataContent
        {
            { new StringContent(Browser.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("report"), "_handler" },
            { new StringContent(version ?? WebUtility.HtmlDecode(VersionField().Match(page).Groups["v"].Value)), "version" },
            { new StringContent(state), "state" },
            { new StringContent(percent), "percentComplete" },
            { new StringContent(done), "done" },
            { new StringContent("资金未到位"), "problems" },
            { new StringContent("启动招标"), "nextSteps" },
            { new StringContent(action), "action" },
        };
        foreach (var id in evidenceIds ?? []) form.Add(new StringContent(id.ToString()), "evidenceIds");
        if (file is { } upload)
        {
            var content = new ByteArrayContent(upload.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "file", upload.Name);
        }
        var response = await client.PostAsync(FormPage(taskId), form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private Task<ProgressReport> ReportOfAsync(long assignmentId) => Factory.WithDbAsync(db =>
        db.ProgressReports.AsNoTracking().Include(r => r.Period).SingleAsync(r => r.AssignmentId == assignmentId && r.Period!.Start == Current.Start));

    private static async Task<(HttpResponseMessage Response, string Html)> ReviewAsync(HttpClient admin, long reportId, string decision, string comment)
    {
        var page = await admin.GetStringAsync("/review");
        var version = Regex.Match(page, $"data-report=\"{reportId}\"[\\s\\S]*?name=\"version\" value=\"(?<v>[^\"]*)\"").Groups["v"].Value;
        var response = await Browser.SubmitAsync(admin, "/review", new Dictionary<string, string>
        {
            ["version"] = version, ["decision"] = decision, ["comment"] = comment,
        }, formName: $"review-{reportId}");
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reporter_saves_with_evidence_submits_is_returned_resubmits_and_is_approved_on_the_pages()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation);
        var taskId = assignment.TaskId;

        var my = await reporter.GetStringAsync("/my");
        my.ShouldContain($"data-task=\"{taskId}\" data-state=\"due\"");
        my.ShouldContain($"href=\"tasks/{taskId}/report?period={Current.Start:yyyy-MM-dd}\"");
        var form = await reporter.GetStringAsync(FormPage(taskId));
        form.ShouldContain("enctype=\"multipart/form-data\"");
        form.ShouldContain("__RequestVerificationToken");
        form.ShouldContain("未填报");

        var (saved, savedHtml) = await PostReportAsync(reporter, taskId, "save", "完成选址", (Pdf, "实训基地验收报告.pdf"));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, savedHtml);
        savedHtml.ShouldContain("已保存（第 1 次修订）");
        var evidenceId = await Factory.WithDbAsync(db => db.Evidence.Where(e => e.TaskId == taskId && e.FileName == "实训基地验收报告.pdf").Select(e => e.Id).SingleAsync());
        savedHtml.ShouldContain($"href=\"api/v1/evidence/{evidenceId}\"");
        var report = await ReportOfAsync(assignment.Id);
        report.Status.ShouldBe(ReportStatus.Draft);
        (await Factory.WithDbAsync(db => db.ReportRevisions.Where(r => r.ReportId == report.Id).SelectMany(r => r.Evidence).Select(e => e.EvidenceId).ToListAsync()))
            .ShouldBe([evidenceId]);
        (await reporter.GetAsync($"/api/v1/evidence/{evidenceId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Submitting unchanged content adds no revision.
        var (submitted, submittedHtml) = await PostReportAsync(reporter, taskId, "submit", "完成选址", evidenceIds: [evidenceId]);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, submittedHtml);
        submittedHtml.ShouldContain("已提交，等待牵头部门审核");
        submittedHtml.ShouldContain("id=\"read-only\"");
        submittedHtml.ShouldNotContain("id=\"report-form\"");
        (await ReportOfAsync(assignment.Id)).ShouldSatisfyAllConditions(r => r.Status.ShouldBe(ReportStatus.Submitted), r => r.RevisionCount.ShouldBe(1));
        (await reporter.GetStringAsync("/my")).ShouldContain($"data-task=\"{taskId}\" data-state=\"awaiting-review\"");

        var queue = await admin.GetStringAsync("/review");
        queue.ShouldContain($"data-report=\"{report.Id}\"");
        queue.ShouldContain("完成选址");
        queue.ShouldContain($"href=\"api/v1/evidence/{evidenceId}\"");
        var (noComment, noCommentHtml) = await ReviewAsync(admin, report.Id, "returned", " ");
        noComment.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noCommentHtml.ShouldContain("退回时必须填写退回意见");
        (await ReportOfAsync(assignment.Id)).Status.ShouldBe(ReportStatus.Submitted);
        var (returned, returnedHtml) = await ReviewAsync(admin, report.Id, "returned", "请补充招标文件");
        returned.StatusCode.ShouldBe(HttpStatusCode.OK, returnedHtml);
        returnedHtml.ShouldContain("的报告已退回");
        returnedHtml.ShouldNotContain($"data-report=\"{report.Id}\"");

        my = await reporter.GetStringAsync("/my");
        my.ShouldContain($"data-task=\"{taskId}\" data-state=\"returned\"");
        my.ShouldContain("退回意见：请补充招标文件");
        (await reporter.GetStringAsync(FormPage(taskId))).ShouldContain("请补充招标文件");

        var (resubmitted, resubmittedHtml) = await PostReportAsync(reporter, taskId, "submit", "完成选址与招标", evidenceIds: [evidenceId], percent: "60");
        resubmitted.StatusCode.ShouldBe(HttpStatusCode.OK, resubmittedHtml);
        (await ReportOfAsync(assignment.Id)).ShouldSatisfyAllConditions(r => r.Status.ShouldBe(ReportStatus.Submitted), r => r.RevisionCount.ShouldBe(2));
        var (approved, _) = await ReviewAsync(admin, report.Id, "approved", "");
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReportOfAsync(assignment.Id)).Status.ShouldBe(ReportStatus.Approved);

        var locked = await reporter.GetStringAsync(FormPage(taskId));
        locked.ShouldContain("该报告已审核通过并锁定");
        locked.ShouldNotContain("id=\"report-form\"");
        my = await reporter.GetStringAsync("/my");
        my.ShouldContain($"data-task=\"{taskId}\" data-state=\"approved\"");

        var detail = await admin.GetStringAsync($"/tasks/{taskId}");
        detail.ShouldContain("完成选址与招标");
        detail.ShouldContain("第 2 次修订");
        detail.ShouldContain("第 1 次修订");
        detail.ShouldContain("请补充招标文件");
        detail.ShouldContain("已通过");
        detail.ShouldNotContain("id=\"report-link\"");
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityId == report.Id.ToString() && e.Action.StartsWith("report.")))).ShouldBe(6);
    }

    private static string DeniedPath(HttpResponseMessage response) => response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString.Split('?')[0]) : "";

    [Fact]
    public async Task Another_organisations_reporter_gets_404_and_an_inspector_reads_only()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 1);
        var (saved, html) = await PostReportAsync(reporter, assignment.TaskId, "save", "外单位不可见", (Pdf, "佐证.pdf"));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var evidenceId = await Factory.WithDbAsync(db => db.Evidence.Where(e => e.TaskId == assignment.TaskId).Select(e => e.Id).FirstAsync());

        var province = await Factory.OrganizationIdAsync("江南省教育厅");
        (await Factory.WithDbAsync(db => db.Assignments.AnyAsync(a => a.TaskId == assignment.TaskId && a.OrganizationId == province))).ShouldBeFalse();
        await Factory.CreateUserAsync("pages-other-reporter", "pages-other-password", Role.Reporter, DataScope.Own, province);
        var other = await Factory.SignedInAsync("pages-other-reporter", "pages-other-password");
        (await other.GetAsync(FormPage(assignment.TaskId))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/tasks/{assignment.TaskId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/evidence/{evidenceId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetStringAsync("/my")).ShouldNotContain($"data-task=\"{assignment.TaskId}\"");

        var inspector = await Factory.SignedInAsync(DemoAccounts.Inspector);
        var refused = await inspector.GetAsync(FormPage(assignment.TaskId));
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        DeniedPath(refused).ShouldBe("/denied");
        DeniedPath(await inspector.GetAsync("/my")).ShouldBe("/denied");
        DeniedPath(await inspector.GetAsync("/review")).ShouldBe("/denied");
        DeniedPath(await reporter.GetAsync("/review")).ShouldBe("/denied");
        var page = await inspector.GetStringAsync($"/tasks/{assignment.TaskId}");
        page.ShouldContain("外单位不可见");
        page.ShouldContain($"href=\"api/v1/evidence/{evidenceId}\"");
        page.ShouldNotContain("id=\"report-link\"");
        page.ShouldNotContain("<form method=\"post\" enctype");
        (await reporter.GetStringAsync($"/tasks/{assignment.TaskId}")).ShouldContain("id=\"report-link\"");

        (await reporter.GetAsync($"/tasks/{assignment.TaskId}/report?period=2026-13-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var future = Current.Next().Start;
        (await reporter.GetAsync($"/tasks/{assignment.TaskId}/report?period={future:yyyy-MM-dd}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_stale_form_version_is_refused_and_keeps_what_the_reporter_typed()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 2);
        (await PostReportAsync(reporter, assignment.TaskId, "save", "第一版")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await reporter.GetStringAsync(FormPage(assignment.TaskId));
        var staleVersion = WebUtility.HtmlDecode(VersionField().Match(page).Groups["v"].Value);

        // Someone else of the organisation saves meanwhile, through the API.
        var report = await ReportOfAsync(assignment.Id);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/reports/{report.Id}/revisions")
        {
            Content = JsonContent.Create(new { state = "inProgress", percentComplete = 50, done = "同事的修改" }),
        };
        var etag = (await reporter.GetAsync($"/api/v1/reports/{report.Id}")).Headers.ETag!.ToString();
        report.Version.ToString().ShouldBe(staleVersion);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        (await reporter.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (stale, html) = await PostReportAsync(reporter, assignment.TaskId, "submit", "我的修改，不能丢", version: staleVersion);
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        html.ShouldContain("该报告已被他人修改");
        html.ShouldContain("我的修改，不能丢</textarea>");
        html.ShouldContain("同事的修改");
        var after = await ReportOfAsync(assignment.Id);
        after.RevisionCount.ShouldBe(2);
        after.Status.ShouldBe(ReportStatus.Draft);
        WebUtility.HtmlDecode(VersionField().Match(html).Groups["v"].Value).ShouldBe(after.Version.ToString());

        // Saving again, deliberately, from the refreshed form succeeds.
        var (again, againHtml) = await PostReportAsync(reporter, assignment.TaskId, "save", "我的修改，不能丢", version: after.Version.ToString());
        again.StatusCode.ShouldBe(HttpStatusCode.OK, againHtml);
        (await ReportOfAsync(assignment.Id)).RevisionCount.ShouldBe(3);
    }

    [Fact]
    public async Task A_refused_file_stores_nothing_and_names_the_field()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 3);
        var before = await Factory.WithDbAsync(db => db.Evidence.CountAsync());
        var (refused, html) = await PostReportAsync(reporter, assignment.TaskId, "save", "带假文件", ("not a pdf"u8.ToArray(), "假.pdf"));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("文件内容与扩展名 .pdf 不符");
        html.ShouldContain("带假文件</textarea>");
        (await Factory.WithDbAsync(db => db.Evidence.CountAsync())).ShouldBe(before);
        (await Factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => r.AssignmentId == assignment.Id))).ShouldBe(0);

        var (badPercent, percentHtml) = await PostReportAsync(reporter, assignment.TaskId, "save", "百分比错误", percent: "120");
        badPercent.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        percentHtml.ShouldContain("0 到 100");
        (await Factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => r.AssignmentId == assignment.Id))).ShouldBe(0);
    }
    [Fact]
    public async Task The_review_queue_holds_only_the_administrators_scope_and_a_forged_review_changes_nothing()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 1);
        var created = await reporter.PostAsJsonAsync("/api/v1/reports", new
        {
            assignmentId = assignment.Id, periodStart = Current.Previous().Start, state = "inProgress", done = "县管理员看不到",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync()).GetProperty("report").GetProperty("id").GetInt64();
        var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/reports/{id}/submit") { Content = JsonContent.Create(new { }) };
        submit.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.ToString());
        (await reporter.SendAsync(submit)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var version = await Factory.WithDbAsync(db => db.ProgressReports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());

        var county = await Factory.RegionIdAsync(DemoSeeder.Counties[0]);
        await Factory.CreateUserAsync("pages-county-admin", "pages-county-password", Role.Admin, DataScope.RegionAndBelow, regionId: county);
        var countyAdmin = await Factory.SignedInAsync("pages-county-admin", "pages-county-password");
        (await countyAdmin.GetStringAsync("/review")).ShouldNotContain($"data-report=\"{id}\"");
        var forged = await Browser.SubmitAsync(countyAdmin, "/review", new Dictionary<string, string>
        {
            ["version"] = version.ToString(), ["decision"] = "approved", ["comment"] = "",
        }, formName: $"review-{id}");
        ((int)forged.StatusCode).ShouldBe(400);
        (await Factory.WithDbAsync(db => db.ProgressReports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync())).ShouldBe(ReportStatus.Submitted);
        (await Factory.WithDbAsync(db => db.Reviews.CountAsync(r => r.ReportId == id))).ShouldBe(0);

        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        (await admin.GetStringAsync("/review")).ShouldContain($"data-report=\"{id}\"");
    }
}
