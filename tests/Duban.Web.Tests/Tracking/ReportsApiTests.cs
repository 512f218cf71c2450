using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Data.Tracking;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Tracking;

public sealed class ReportsApiTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static PeriodSpan Current => PeriodSpan.Containing(PeriodKind.Monthly, ChinaCalendar.Today(DateTimeOffset.UtcNow));

    private static HttpRequestMessage Post(string path, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name, long? taskId)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        if (taskId is { } id) form.Add(new StringContent(id.ToString()), "taskId");
        return form;
    }

    private async Task<(int Rows, int Files)> StoredEvidenceAsync()
    {
        var rows = await Factory.WithDbAsync(db => db.Evidence.CountAsync());
        var folder = Path.Combine(Factory.DataDirectory, EvidenceStore.FolderName);
        return (rows, Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length : 0);
    }

    private static async Task<string> FieldOf(HttpResponseMessage response) => (await response.JsonAsync()).GetProperty("field").GetString()!;

    [Fact]
    public async Task A_reporter_reports_with_evidence_the_office_returns_the_reporter_resubmits_the_office_approves()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var inspector = await Factory.SignedInAsync(DemoAccounts.Inspector);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation);

        var uploaded = await reporter.PostAsync("/api/v1/evidence", Upload(Pdf, "../../实训基地验收报告.pdf", assignment.TaskId));
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created);
        var evidence = await uploaded.JsonAsync();
        var evidenceId = evidence.GetProperty("id").GetInt64();
        evidence.GetProperty("fileName").GetString().ShouldBe("实训基地验收报告.pdf");

        var created = await reporter.PostAsJsonAsync("/api/v1/reports", new
        {
            assignmentId = assignment.Id, periodStart = Current.Start, state = "inProgress", percentComplete = 40,
            done = "完成选址", problems = "资金未到位", nextSteps = "启动招标", evidenceIds = new[] { evidenceId },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("report").GetProperty("id").GetInt64();
        var etag = created.Headers.ETag!.ToString();
        (await reporter.PostAsJsonAsync("/api/v1/reports", new { assignmentId = assignment.Id, periodStart = Current.Start, state = "inProgress" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var submitted = await reporter.SendAsync(Post($"/api/v1/reports/{id}/submit", new { }, etag));
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await submitted.JsonAsync()).GetProperty("report").GetProperty("late").GetBoolean().ShouldBeFalse();
        etag = submitted.Headers.ETag!.ToString();

        var noComment = await admin.SendAsync(Post($"/api/v1/reports/{id}/review", new { decision = "returned" }, etag));
        noComment.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await FieldOf(noComment)).ShouldBe("comment");
        var returned = await admin.SendAsync(Post($"/api/v1/reports/{id}/review", new { decision = "returned", comment = "请补充招标文件" }, etag));
        returned.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await returned.JsonAsync()).GetProperty("report").GetProperty("status").GetString().ShouldBe("returned");

        // The ETag from before the review is stale; the one the review answered with is current.
        (await reporter.SendAsync(Post($"/api/v1/reports/{id}/revisions", new { state = "inProgress", done = "过期" }, etag))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await reporter.SendAsync(Post($"/api/v1/reports/{id}/revisions", new { state = "inProgress", done = "无版本" }, null))).StatusCode.ShouldBe((HttpStatusCode)428);
        var revised = await reporter.SendAsync(Post($"/api/v1/reports/{id}/revisions",
            new { state = "inProgress", percentComplete = 60, done = "完成选址与招标", evidenceIds = new[] { evidenceId } }, returned.Headers.ETag!.ToString()));
        revised.StatusCode.ShouldBe(HttpStatusCode.OK);
        var resubmitted = await reporter.SendAsync(Post($"/api/v1/reports/{id}/submit", new { }, revised.Headers.ETag!.ToString()));
        resubmitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reporter.SendAsync(Post($"/api/v1/reports/{id}/review", new { decision = "approved" }, resubmitted.Headers.ETag!.ToString()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var approved = await admin.SendAsync(Post($"/api/v1/reports/{id}/review", new { decision = "approved" }, resubmitted.Headers.ETag!.ToString()));
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var locked = await reporter.SendAsync(Post($"/api/v1/reports/{id}/revisions", new { state = "completed", done = "通过后再改" }, approved.Headers.ETag!.ToString()));
        locked.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var detail = await (await inspector.GetAsync($"/api/v1/reports/{id}")).JsonAsync();
        detail.GetProperty("report").GetProperty("status").GetString().ShouldBe("approved");
        detail.GetProperty("revisions").EnumerateArray().Select(r => (r.GetProperty("number").GetInt32(), r.GetProperty("done").GetString()))
            .ShouldBe([(2, "完成选址与招标"), (1, "完成选址")]);
        detail.GetProperty("reviews").EnumerateArray().Select(r => r.GetProperty("decision").GetString()).ShouldBe(["returned", "approved"]);
        detail.GetProperty("revisions")[1].GetProperty("evidence")[0].GetProperty("id").GetInt64().ShouldBe(evidenceId);
        // Each revision says when it was submitted: the first before the return, the second after it.
        var times = detail.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("submittedAt").GetDateTimeOffset()).ToList();
        times[0].ShouldBeGreaterThanOrEqualTo(times[1]);

        var listed = await admin.GetAsync($"/api/v1/reports?planId={app.PlanId}&status=approved");
        listed.StatusCode.ShouldBe(HttpStatusCode.OK, await listed.Content.ReadAsStringAsync());
        var list = await listed.JsonAsync();
        list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ShouldContain(id);
        (await (await admin.GetAsync($"/api/v1/reports?planId={app.PlanId}&status=draft")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("id").GetInt64()).ShouldNotContain(id);

        var download = await inspector.GetAsync($"/api/v1/evidence/{evidenceId}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("实训基地验收报告.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);

        var actions = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == TrackingAuditActions.ReportEntity && e.EntityId == id.ToString())
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        actions.ShouldBe([TrackingAuditActions.ReportCreate, TrackingAuditActions.ReportSubmit, TrackingAuditActions.ReportReview,
            TrackingAuditActions.ReportRevise, TrackingAuditActions.ReportSubmit, TrackingAuditActions.ReportReview]);
    }

    [Fact]
    public async Task A_reporter_of_another_organisation_can_neither_report_nor_download_the_evidence()
    {
        var finance = await Factory.OrganizationIdAsync(DemoSeeder.CityFinance);
        await Factory.CreateUserAsync("finance-reporter", "finance-password-1", Role.Reporter, DataScope.Own, finance);
        var other = await Factory.SignedInAsync("finance-reporter", "finance-password-1");
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 1);

        var evidence = await (await reporter.PostAsync("/api/v1/evidence", Upload(Pdf.Concat("别的"u8.ToArray()).ToArray(), "通知.pdf", assignment.TaskId))).JsonAsync();
        var evidenceId = evidence.GetProperty("id").GetInt64();

        var refused = await other.PostAsJsonAsync("/api/v1/reports", new { assignmentId = assignment.Id, periodStart = Current.Start, state = "inProgress" });
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/evidence/{evidenceId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync("/api/v1/evidence", Upload(Pdf, "冒传.pdf", assignment.TaskId))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // An administrator sees everything but writes nothing on a reporter's behalf.
        (await admin.PostAsJsonAsync("/api/v1/reports", new { assignmentId = assignment.Id, periodStart = Current.Start, state = "inProgress" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => r.AssignmentId == assignment.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_report_submitted_after_its_window_is_flagged_late()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation);
        var past = Current.Previous().Previous().Previous();

        var created = await reporter.PostAsJsonAsync("/api/v1/reports", new { assignmentId = assignment.Id, periodStart = past.Start, state = "notStarted" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("report").GetProperty("id").GetInt64();
        var submitted = await reporter.SendAsync(Post($"/api/v1/reports/{id}/submit", new { }, created.Headers.ETag!.ToString()));

        submitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await submitted.JsonAsync()).GetProperty("report").GetProperty("late").GetBoolean().ShouldBeTrue();
        var periods = await (await reporter.GetAsync($"/api/v1/plans/{app.PlanId}/periods?from={past.Start:yyyy-MM-dd}&to={Current.End:yyyy-MM-dd}")).JsonAsync();
        periods.GetProperty("cycle").GetProperty("kind").GetString().ShouldBe("monthly");
        var first = periods.GetProperty("periods")[0];
        first.GetProperty("start").GetString().ShouldBe(past.Start.ToString("yyyy-MM-dd"));
        first.GetProperty("windowCloses").GetString().ShouldBe(past.End.AddDays(5).ToString("yyyy-MM-dd"));
        first.GetProperty("id").ValueKind.ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public async Task Two_saves_of_the_same_report_at_once_one_is_taken_the_other_is_412_and_both_revisions_before_survive()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var colleague = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 2);
        var created = await reporter.PostAsJsonAsync("/api/v1/reports", new { assignmentId = assignment.Id, periodStart = Current.Start, state = "inProgress", done = "初稿" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("report").GetProperty("id").GetInt64();
        var etag = created.Headers.ETag!.ToString();

        var answers = await Task.WhenAll(
            reporter.SendAsync(Post($"/api/v1/reports/{id}/revisions", new { state = "inProgress", done = "甲" }, etag)),
            colleague.SendAsync(Post($"/api/v1/reports/{id}/revisions", new { state = "inProgress", done = "乙" }, etag)));

        answers.Select(a => a.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed]);
        var winner = answers.Single(a => a.StatusCode == HttpStatusCode.OK);
        var done = (await winner.JsonAsync()).GetProperty("revisions")[0].GetProperty("done").GetString();
        var stored = await Factory.WithDbAsync(db => db.ReportRevisions.Where(r => r.ReportId == id).OrderBy(r => r.Number).Select(r => r.Done).ToListAsync());
        stored.ShouldBe(["初稿", done!]);
    }

    [Fact]
    public async Task An_administrator_sets_a_quarterly_cycle_that_refuses_late_reports()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var planId = await Plans.PlansFixture.ImportAsync(Factory, "deadline-forms.txt", new Data.Import.PlanRegion.Existing(await Factory.RegionIdAsync(DemoSeeder.City)));
        var assignment = await Factory.WithDbAsync(db => db.Assignments.AsNoTracking()
            .Where(a => a.Task!.PlanId == planId && a.Organization!.Name == DemoSeeder.CityEducation).OrderBy(a => a.Id).FirstAsync());

        var cycle = await admin.GetAsync($"/api/v1/plans/{planId}/reporting-cycle");
        cycle.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cycle.JsonAsync()).GetProperty("stored").GetBoolean().ShouldBeFalse();
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plans/{planId}/reporting-cycle")
        {
            Content = JsonContent.Create(new { kind = "quarterly", windowDays = 10, lateRule = "refuseAfter", refuseAfterDays = 5 }),
        };
        update.Headers.TryAddWithoutValidation("If-Match", cycle.Headers.ETag!.ToString());
        var updated = await admin.SendAsync(update);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        (await updated.JsonAsync()).GetProperty("kind").GetString().ShouldBe("quarterly");

        var quarter = PeriodSpan.Containing(PeriodKind.Quarterly, ChinaCalendar.Today(DateTimeOffset.UtcNow));
        var periods = await (await reporter.GetAsync($"/api/v1/plans/{planId}/periods?from={quarter.Start:yyyy-MM-dd}&to={quarter.End:yyyy-MM-dd}")).JsonAsync();
        periods.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("label").GetString()).ShouldBe([quarter.Label]);
        var midQuarter = await reporter.PostAsJsonAsync("/api/v1/reports", new { assignmentId = assignment.Id, periodStart = quarter.Start.AddMonths(1), state = "inProgress" });
        midQuarter.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await FieldOf(midQuarter)).ShouldBe("periodStart");

        // Two quarters back: its window (10 days) and the 5 days of grace are long over.
        var old = quarter.Previous().Previous();
        var created = await reporter.PostAsJsonAsync("/api/v1/reports", new { assignmentId = assignment.Id, periodStart = old.Start, state = "notStarted" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("report").GetProperty("id").GetInt64();
        var refused = await reporter.SendAsync(Post($"/api/v1/reports/{id}/submit", new { }, created.Headers.ETag!.ToString()));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain(old.End.AddDays(10).ToString("yyyy-MM-dd"));
        (await Factory.WithDbAsync(db => db.ProgressReports.SingleAsync(r => r.Id == id))).Status.ShouldBe(Core.Tracking.Reporting.ReportStatus.Draft);
    }

    [Theory]
    [InlineData("安装程序.exe", "pdf")]
    [InlineData("伪装.pdf", "png")]
    [InlineData("伪装.png", "pdf")]
    [InlineData("超大.pdf", "oversize")]
    public async Task A_bad_upload_is_refused_with_a_problem_naming_the_file_and_nothing_is_stored(string name, string content)
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation);
        var bytes = content switch
        {
            "png" => Png,
            "oversize" => Pdf.Concat(new byte[TrackingFixture.EvidenceLimit]).ToArray(),
            _ => Pdf.Concat(System.Text.Encoding.UTF8.GetBytes(name)).ToArray(),
        };
        var before = await StoredEvidenceAsync();

        var response = await reporter.PostAsync("/api/v1/evidence", Upload(bytes, name, assignment.TaskId));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("field").GetString().ShouldBe("file");
        problem.GetProperty("detail").GetString()!.ShouldNotBeNullOrWhiteSpace();
        (await StoredEvidenceAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_reporter_reports_a_value_for_a_target_of_its_task_and_revises_it()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var inspector = await Factory.SignedInAsync(DemoAccounts.Inspector);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation);
        var targetId = await Factory.WithDbAsync(async db =>
        {
            var target = new Core.Plans.TaskTarget { PlanId = app.PlanId, TaskId = assignment.TaskId, Subject = "实训基地", Unit = "个", Value = 3, Raw = "3个" };
            db.Targets.Add(target);
            await db.SaveChangesAsync();
            return target.Id;
        });

        var created = await reporter.PostAsJsonAsync("/api/v1/observations", new { targetId, periodStart = Current.Start, value = 1.5m, note = "已建成1个，1个在建" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("observation").GetProperty("id").GetInt64();
        var bad = await reporter.SendAsync(Post($"/api/v1/observations/{id}/revisions", new { note = "缺值" }, created.Headers.ETag!.ToString()));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await FieldOf(bad)).ShouldBe("value");
        (await reporter.SendAsync(Post($"/api/v1/observations/{id}/revisions", new { value = 2m, note = "第二个建成" }, created.Headers.ETag!.ToString())))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var detail = await (await inspector.GetAsync($"/api/v1/observations/{id}")).JsonAsync();
        detail.GetProperty("observation").GetProperty("value").GetDecimal().ShouldBe(2m);
        detail.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("value").GetDecimal()).ShouldBe([2m, 1.5m]);
        var list = await (await inspector.GetAsync($"/api/v1/observations?targetId={targetId}")).JsonAsync();
        list.GetProperty("total").GetInt32().ShouldBe(1);
    }
}

public sealed class TrackingAuditNamesTests
{
    [Fact]
    public void The_audit_page_names_tracking_actions_and_entities_in_Chinese()
    {
        Duban.Data.Audit.AuditActions.Describe(TrackingAuditActions.ReportReview).ShouldBe("审核进展报告");
        Duban.Data.Audit.AuditEntities.Describe(TrackingAuditActions.ObservationEntity).ShouldBe("指标值");
        Duban.Data.Audit.AuditActions.Describe("something.else").ShouldBe("something.else");
    }
}
