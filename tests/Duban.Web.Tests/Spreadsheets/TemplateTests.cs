using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Spreadsheet;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Data.Tracking;
using Duban.Web.Demo;
using Duban.Web.Spreadsheets;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Spreadsheets;

/// <summary>The 填报模板: generated, opened and filled with the Open XML SDK, imported back (docs/spreadsheets.md).</summary>
public sealed class TemplateTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    private const string Progress = TemplateLayout.ProgressSheet, Indicators = TemplateLayout.IndicatorSheet;

    private DubanWebFactory Factory => app.Factory;

    private static DateOnly Today => ChinaCalendar.Today(DateTimeOffset.UtcNow);

    private static PeriodSpan Current => PeriodSpan.Containing(PeriodKind.Monthly, Today);

    private static string TemplateUrl(long? organizationId = null, DateOnly? day = null) =>
        $"/api/v1/templates/progress.xlsx?period={day ?? Today:yyyy-MM-dd}" + (organizationId is { } id ? $"&organizationId={id}" : "");

    private static async Task<byte[]> DownloadAsync(HttpClient client, long? organizationId = null, DateOnly? day = null)
    {
        var response = await client.GetAsync(TemplateUrl(organizationId, day));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Duban.Web.Ledger.XlsxWorkbook.ContentType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] bytes, string name = "填报模板.xlsx", bool submit = false)
    {
        var form = new MultipartFormDataContent();
        if (submit) form.Add(new StringContent("true"), "submitForReview");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return client.PostAsync("/api/v1/templates/import", form);
    }

    /// <summary>A target on a task of 清河市教育局, so that the indicator sheet has a row.</summary>
    private async Task<long> TargetAsync(string subject) => await Factory.WithDbAsync(async db =>
    {
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation);
        var target = new TaskTarget { PlanId = app.PlanId, TaskId = assignment.TaskId, Subject = subject, Unit = "个", Value = 2, Raw = "2个" };
        db.Targets.Add(target);
        await db.SaveChangesAsync();
        return target.Id;
    });

    /// <summary>Fills every progress row as a reporter would: a state, a percentage where the task has a deadline, texts.</summary>
    private async Task FillProgressAsync(TemplateWorkbook book, string done)
    {
        foreach (var row in book.DataRows(Progress))
        {
            var key = book.Key(Progress, row);
            var task = await Factory.WithDbAsync(db => db.Assignments.Where(a => a.Id == key.Id).Select(a => a.Task!).SingleAsync());
            book.Set(Progress, $"G{row}", "推进中");
            if (task.Due is not null && !task.Ongoing) book.SetNumber(Progress, $"H{row}", 40);
            book.Set(Progress, $"I{row}", $"{done}（第{row}行）").Set(Progress, $"J{row}", "资金未到位").Set(Progress, $"K{row}", "启动招标");
        }
    }

    private Task<(int Reports, int Revisions, int Observations, int ObservationRevisions, int Audit)> CountsAsync() => Factory.WithDbAsync(async db =>
        (await db.ProgressReports.CountAsync(), await db.ReportRevisions.CountAsync(), await db.Observations.CountAsync(),
         await db.ObservationRevisions.CountAsync(), await db.AuditEntries.CountAsync()));

    private static async Task<List<(string Sheet, uint Row, string Column, string Message)>> RowErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("title").GetString().ShouldBe(TemplateEndpoints.RowErrorsTitle);
        return problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("sheet").GetString()!, e.GetProperty("row").GetUInt32(), e.GetProperty("column").GetString()!, e.GetProperty("message").GetString()!))
            .ToList();
    }

    [Fact]
    public async Task The_template_lists_the_organisations_assignments_with_hidden_protected_keys_validations_and_a_frozen_header()
    {
        await TargetAsync("模板测试指标");
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var organization = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        using var book = new TemplateWorkbook(await DownloadAsync(reporter));

        book.SheetNames.ShouldBe([Progress, Indicators]);
        var sheet = book.Sheet(Progress);
        string[] headers = ["序号", "任务", "角色", "完成时限", "填报周期", "状态", "完成百分比", "工作进展", "存在问题", "下步打算"];
        headers.Select((h, i) => book.Text(Progress, $"{(char)('B' + i)}1")).ShouldBe(headers);
        var columns = sheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();
        columns[0].Hidden!.Value.ShouldBeTrue();
        sheet.GetFirstChild<SheetProtection>()!.Sheet!.Value.ShouldBeTrue();
        sheet.Descendants<Pane>().Single().VerticalSplit!.Value.ShouldBe(1D);
        // The fill-in columns are unlocked for typing (a column style), the key and descriptions are not.
        columns[6].Style.ShouldNotBeNull();
        columns[0].Style.ShouldBeNull();
        var validations = sheet.Descendants<DataValidation>().ToList();
        var states = validations.Single(v => v.Type! == DataValidationValues.List);
        states.SequenceOfReferences!.InnerText.ShouldStartWith("G2:");
        states.Formula1!.Text.ShouldBe("\"未启动,推进中,已完成,长期推进\"");
        var percent = validations.Single(v => v.Type! == DataValidationValues.Whole);
        (percent.Formula1!.Text, percent.Formula2!.Text).ShouldBe(("0", "100"));

        var expected = await Factory.WithDbAsync(db => db.Assignments.Where(a => a.Task!.PlanId == app.PlanId && a.OrganizationId == organization)
            .Select(a => a.Id).OrderBy(id => id).ToListAsync());
        var keys = book.DataRows(Progress).Select(r => book.Key(Progress, r)).ToList();
        keys.Select(k => k.Id).Order().ShouldBe(expected);
        keys.ShouldAllBe(k => k.Kind == TemplateRowKind.Report && k.PeriodStart == Current.Start);
        book.Text(Progress, "F2").ShouldBe(Current.Label);

        book.Text(Indicators, "G1").ShouldBe("本期数值");
        book.DataRows(Indicators).Select(r => book.Text(Indicators, $"C{r}")).ShouldContain("模板测试指标");
        book.Sheet(Indicators).Descendants<DataValidation>().ShouldContain(v => v.Type! == DataValidationValues.Decimal);
    }

    [Fact]
    public async Task A_filled_template_is_stored_as_new_revisions_with_audit_and_a_second_import_revises_only_changed_rows()
    {
        var targetId = await TargetAsync("往返测试指标");
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var before = await CountsAsync();
        var book = new TemplateWorkbook(await DownloadAsync(reporter));
        await FillProgressAsync(book, "完成选址");
        var valueRow = book.DataRows(Indicators).Single(r => book.Key(Indicators, r).Id == targetId);
        book.SetNumber(Indicators, $"G{valueRow}", 1.5m).Set(Indicators, $"H{valueRow}", "已建成一个");
        var rows = book.DataRows(Progress).Count;
        var assignments = book.DataRows(Progress).Select(r => book.Key(Progress, r).Id).ToList();

        var imported = await ImportAsync(reporter, book.Save());
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var result = await imported.JsonAsync();
        (result.GetProperty("reportsCreated").GetInt32() + result.GetProperty("reportsRevised").GetInt32()).ShouldBe(rows);
        result.GetProperty("valuesCreated").GetInt32().ShouldBe(1);

        var stored = await Factory.WithDbAsync(db => db.ProgressReports.AsNoTracking().Include(r => r.Period)
            .Where(r => assignments.Contains(r.AssignmentId) && r.Period!.Start == Current.Start)
            .Join(db.ReportRevisions, r => r.LatestRevisionId, v => (long?)v.Id, (r, v) => new { r.Id, r.Status, v.State, v.Done, v.AuthorName }).ToListAsync());
        stored.Count.ShouldBe(rows);
        stored.ShouldAllBe(r => r.Status == ReportStatus.Draft && r.State == ProgressState.InProgress && r.Done.StartsWith("完成选址") && r.AuthorName == DemoAccounts.Reporter);
        var value = await Factory.WithDbAsync(db => db.Observations.Where(o => o.TargetId == targetId && o.Period!.Start == Current.Start)
            .Join(db.ObservationRevisions, o => o.LatestRevisionId, v => (long?)v.Id, (o, v) => new { v.Value, v.Note }).SingleAsync());
        (value.Value, value.Note).ShouldBe((1.5m, "已建成一个"));
        var after = await CountsAsync();
        (after.Revisions - before.Revisions).ShouldBe(rows);
        (after.ObservationRevisions - before.ObservationRevisions).ShouldBe(1);
        var reportIds = stored.Select(r => r.Id.ToString()).ToList();
        var audited = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == TrackingAuditActions.ReportEntity && reportIds.Contains(e.EntityId!))
            .Select(e => new { e.Action, e.Actor, e.After }).ToListAsync());
        audited.Count.ShouldBeGreaterThanOrEqualTo(rows);
        audited.ShouldAllBe(e => e.Actor == DemoAccounts.Reporter && e.After!.Contains("完成选址"));

        // The next template carries the stored content and versions; one changed row becomes one more revision.
        using var again = new TemplateWorkbook(await DownloadAsync(reporter));
        var first = again.DataRows(Progress).First();
        again.Text(Progress, $"I{first}").ShouldStartWith("完成选址");
        again.Key(Progress, first).Version.ShouldNotBeNull();
        again.Set(Progress, $"I{first}", "完成选址并开工");
        var revised = await ImportAsync(reporter, again.Save());
        revised.StatusCode.ShouldBe(HttpStatusCode.OK, await revised.Content.ReadAsStringAsync());
        var second = await revised.JsonAsync();
        second.GetProperty("reportsRevised").GetInt32().ShouldBe(1);
        second.GetProperty("unchanged").GetInt32().ShouldBe(rows);
        (await CountsAsync()).Revisions.ShouldBe(after.Revisions + 1);
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == TrackingAuditActions.ReportRevise && e.After!.Contains("完成选址并开工")))).ShouldBe(1);
    }

    [Fact]
    public async Task One_bad_row_among_good_ones_rejects_the_whole_file_naming_the_row_and_nothing_is_stored()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        using var book = new TemplateWorkbook(await DownloadAsync(reporter));
        await FillProgressAsync(book, "坏行测试");
        var rows = book.DataRows(Progress);
        rows.Count.ShouldBeGreaterThan(1);
        var bad = rows[^1];
        book.Set(Progress, $"G{bad}", "差不多完成了").SetNumber(Progress, $"H{bad}", 150);
        var before = await CountsAsync();

        var errors = await RowErrorsAsync(await ImportAsync(reporter, book.Save()));

        errors.ShouldContain(e => e.Sheet == Progress && e.Row == bad && e.Column == "状态" && e.Message.Contains("差不多完成了"));
        errors.ShouldContain(e => e.Sheet == Progress && e.Row == bad && e.Column == "完成百分比");
        errors.ShouldAllBe(e => e.Row == bad);
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_row_of_another_organisation_is_refused_and_nothing_is_stored()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var finance = await Factory.OrganizationIdAsync(DemoSeeder.CityFinance);
        using var book = new TemplateWorkbook(await DownloadAsync(admin, finance));
        var rows = book.DataRows(Progress);
        rows.ShouldNotBeEmpty();
        await FillProgressAsync(book, "他单位");
        var before = await CountsAsync();

        var errors = await RowErrorsAsync(await ImportAsync(reporter, book.Save()));

        errors.Select(e => e.Row).ShouldBe(rows);
        errors.ShouldAllBe(e => e.Column == "键" && e.Message.Contains("不是本单位"));
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_template_made_before_someone_else_saved_the_report_is_refused_as_stale()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        using var book = new TemplateWorkbook(await DownloadAsync(reporter));
        await FillProgressAsync(book, "过期模板");
        var row = book.DataRows(Progress).First();
        var key = book.Key(Progress, row);
        var stored = await Factory.WithDbAsync(db => db.ProgressReports.Where(r => r.AssignmentId == key.Id && r.Period!.Start == Current.Start).Select(r => r.Id).SingleOrDefaultAsync());
        // Another save of the same report after the template was made.
        if (stored == 0)
            (await reporter.PostAsJsonAsync("/api/v1/reports", new { assignmentId = key.Id, periodStart = Current.Start, state = "notStarted" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        else
        {
            var etag = (await reporter.GetAsync($"/api/v1/reports/{stored}")).Headers.ETag!.ToString();
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/reports/{stored}/revisions") { Content = System.Net.Http.Json.JsonContent.Create(new { state = "notStarted" }) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            (await reporter.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var before = await CountsAsync();

        var errors = await RowErrorsAsync(await ImportAsync(reporter, book.Save()));

        errors.ShouldContain(e => e.Row == row && e.Column == "键" && e.Message.Contains("重新下载模板"), string.Join("\n", errors));
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Files_that_are_not_a_readable_template_are_refused_with_a_problem_naming_file()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var before = await CountsAsync();
        async Task RefusedAsync(byte[] bytes, string name, string expected)
        {
            var response = await ImportAsync(reporter, bytes, name);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, name);
            var problem = await response.JsonAsync();
            problem.GetProperty("field").GetString().ShouldBe("file");
            problem.GetProperty("detail").GetString()!.ShouldContain(expected);
        }

        await RefusedAsync("序号,任务\n1,测试"u8.ToArray(), "模板.csv", ".xlsx");
        await RefusedAsync("序号,任务\n1,测试"u8.ToArray(), "模板.xlsx", "不是 .xlsx 格式");
        await RefusedAsync([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9], "损坏.xlsx", "已损坏");
        await RefusedAsync(new byte[SpreadsheetLimits.DefaultMaxBytes + 1], "过大.xlsx", "超过 5 MB");
        await RefusedAsync(Bomb(), "炸弹.xlsx", "压缩炸弹");
        await RefusedAsync(Zip(("hello.txt", "不是工作簿"u8.ToArray())), "空包.xlsx", "已损坏");
        using (var other = new TemplateWorkbook(Duban.Web.Ledger.XlsxWorkbook.Write(new Duban.Web.Ledger.XlsxSheet("别的表", [new("甲", 10)], []))))
            await RefusedAsync(other.Save(), "别的.xlsx", "没有“进展填报”");
        using (var moved = new TemplateWorkbook(await DownloadAsync(reporter)))
            await RefusedAsync(moved.Set(Progress, "G1", "完成百分比").Save(), "改表头.xlsx", "表头");
        (await CountsAsync()).ShouldBe(before);
    }

    /// <summary>30 MB of zeros: a few dozen KB packed, more than a part may unpack to.</summary>
    private static byte[] Bomb() => Zip(("xl/worksheets/sheet1.xml", new byte[30 * 1024 * 1024]));

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        return buffer.ToArray();
    }

    [Fact]
    public async Task Templates_are_for_ones_own_organisation_or_one_in_scope_and_only_reporters_import()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var inspector = await Factory.SignedInAsync(DemoAccounts.Inspector);
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var finance = await Factory.OrganizationIdAsync(DemoSeeder.CityFinance);
        var province = await Factory.OrganizationIdAsync("江南省教育厅");
        await Factory.CreateUserAsync("sheets-city-admin", "sheets-city-admin-password", Role.Admin, DataScope.RegionAndBelow,
            regionId: await Factory.RegionIdAsync(DemoSeeder.City));
        var cityAdmin = await Factory.SignedInAsync("sheets-city-admin", "sheets-city-admin-password");

        (await reporter.GetAsync(TemplateUrl(finance))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Factory.CreateClient().GetAsync(TemplateUrl(education))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetAsync(TemplateUrl())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await DownloadAsync(admin, education);
        await DownloadAsync(cityAdmin, finance);
        (await cityAdmin.GetAsync(TemplateUrl(province))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await DownloadAsync(inspector, education);
        (await reporter.GetAsync($"/api/v1/templates/progress.xlsx?period={Today.AddMonths(2):yyyy-MM-dd}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reporter.GetAsync("/api/v1/templates/progress.xlsx?period=下个月")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reporter.GetAsync("/api/v1/templates/progress.xlsx?periodId=987654")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var template = await DownloadAsync(reporter);
        (await ImportAsync(admin, template)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ImportAsync(inspector, template)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ImportAsync(Factory.CreateClient(), template)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var empty = await ImportAsync(reporter, template);
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await empty.JsonAsync()).GetProperty("reportsCreated").GetInt32().ShouldBe(0);
    }

    private static async Task<(HttpResponseMessage Response, string Html)> PostPageAsync(HttpClient client, byte[] bytes, string name = "填报模板.xlsx")
    {
        var page = await client.GetStringAsync("/templates");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Browser.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("template-import"), "_handler" },
            { file, "file", name },
        };
        var response = await client.PostAsync("/templates", form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_templates_page_and_my_tasks_offer_the_template_and_the_page_lists_row_errors_or_the_result()
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var inspector = await Factory.SignedInAsync(DemoAccounts.Inspector);
        (await reporter.GetStringAsync("/my")).ShouldContain("href=\"api/v1/templates/progress.xlsx\"");
        var page = await reporter.GetStringAsync("/templates");
        page.ShouldContain("id=\"template-import\"");
        page.ShouldContain("href=\"templates\"");
        var adminPage = await admin.GetStringAsync("/templates");
        adminPage.ShouldContain("name=\"organizationId\"");
        adminPage.ShouldNotContain("id=\"template-import\"");
        adminPage.ShouldContain("href=\"templates\"");
        (await inspector.GetStringAsync("/templates")).ShouldNotContain("id=\"template-import\"");

        using var book = new TemplateWorkbook(await DownloadAsync(reporter));
        await FillProgressAsync(book, "页面导入");
        var bad = book.DataRows(Progress)[0];
        book.Set(Progress, $"G{bad}", "已完成").Set(Progress, $"I{bad}", null);
        var before = await CountsAsync();
        var (refused, html) = await PostPageAsync(reporter, book.Save());
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"import-errors\"");
        html.ShouldContain($"<td>{bad}</td>");
        html.ShouldContain("状态为已完成时，请填写工作进展");
        (await CountsAsync()).ShouldBe(before);

        var (notXlsx, text) = await PostPageAsync(reporter, "不是表格"u8.ToArray(), "说明.txt");
        notXlsx.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        text.ShouldContain("只能导入 .xlsx");

        using var good = new TemplateWorkbook(await DownloadAsync(reporter));
        await FillProgressAsync(good, "页面导入成功");
        var (ok, done) = await PostPageAsync(reporter, good.Save());
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        done.ShouldContain("id=\"import-result\"");
        (await CountsAsync()).Revisions.ShouldBeGreaterThan(before.Revisions);
    }

    [Fact]
    public async Task A_county_government_gets_the_city_plans_plan_level_targets_once_published_and_imports_their_values()
    {
        var targetId = await Factory.WithDbAsync(async db =>
        {
            var target = new TaskTarget { PlanId = app.PlanId, Subject = "全市职业院校在校生", Unit = "人", Value = 20000, Raw = "2万人以上" };
            db.Targets.Add(target);
            await db.SaveChangesAsync();
            return target.Id;
        });
        var government = await Factory.WithDbAsync(db => db.Organizations
            .Where(o => o.Kind == Duban.Core.Organizations.OrganizationKind.Government && o.Region!.Parent!.Name == DemoSeeder.City).Select(o => o.Id).FirstAsync());
        await Factory.CreateUserAsync("sheets-county", "sheets-county-password", Role.Reporter, DataScope.Own, government);
        var county = await Factory.SignedInAsync("sheets-county", "sheets-county-password");
        Task SetStatusAsync(PlanStatus status) => Factory.WithDbAsync(db => db.Plans.Where(p => p.Id == app.PlanId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status)));

        // While the plan is a draft its reporters cannot read it (the county has no task in it), so its goals are not theirs yet.
        using (var draft = new TemplateWorkbook(await DownloadAsync(county)))
            draft.DataRows(Indicators).ShouldNotContain(r => draft.Key(Indicators, r).Id == targetId);

        await SetStatusAsync(PlanStatus.Published);
        try
        {
            using var book = new TemplateWorkbook(await DownloadAsync(county));
            var row = book.DataRows(Indicators).Single(r => book.Key(Indicators, r).Id == targetId);
            book.Text(Indicators, $"C{row}").ShouldBe("全市职业院校在校生");
            book.SetNumber(Indicators, $"G{row}", 3200);
            var imported = await ImportAsync(county, book.Save());
            imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
            (await Factory.WithDbAsync(db => db.Observations.CountAsync(o => o.TargetId == targetId && o.OrganizationId == government))).ShouldBe(1);
        }
        finally
        {
            await SetStatusAsync(PlanStatus.Draft);
        }
    }

    [Fact]
    public async Task Asked_to_the_import_submits_every_imported_report_for_review_in_the_same_transaction()
    {
        // Last month's period, so that the other tests still find this month's reports open to revision.
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var previous = Current.Previous();
        using var book = new TemplateWorkbook(await DownloadAsync(reporter, day: previous.Start));
        await FillProgressAsync(book, "导入并提交");
        var assignments = book.DataRows(Progress).Select(r => book.Key(Progress, r).Id).ToList();
        assignments.ShouldNotBeEmpty();

        var imported = await ImportAsync(reporter, book.Save(), submit: true);

        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await imported.JsonAsync()).GetProperty("submitted").GetInt32().ShouldBe(assignments.Count);
        var stored = await Factory.WithDbAsync(db => db.ProgressReports.Where(r => assignments.Contains(r.AssignmentId) && r.Period!.Start == previous.Start)
            .Select(r => new { r.Id, r.Status, r.SubmittedAt }).ToListAsync());
        stored.Count.ShouldBe(assignments.Count);
        stored.ShouldAllBe(r => r.Status == ReportStatus.Submitted && r.SubmittedAt != null);
        var ids = stored.Select(r => r.Id.ToString()).ToList();
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == TrackingAuditActions.ReportSubmit && ids.Contains(e.EntityId!)))).ShouldBe(assignments.Count);
        // Submitted reports cannot be revised: the next template leaves them out.
        using var next = new TemplateWorkbook(await DownloadAsync(reporter, day: previous.Start));
        next.DataRows(Progress).Select(r => next.Key(Progress, r).Id).ShouldNotContain(assignments[0]);
    }
}
