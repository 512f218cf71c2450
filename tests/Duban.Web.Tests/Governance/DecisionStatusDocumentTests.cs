using System.Net;
using System.Net.Http.Json;
using Duban.Core.Governance;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Status;
using Duban.Web.Governance;
using Duban.Web.Notices;
using Duban.Web.Plans;
using Duban.Web.Tests.Authorization;
using Duban.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Governance;

/// <summary>
/// 第N次会议议定事项落实情况 as .docx: opened, its table's rows are the meeting's decisions' tasks (text, units, deadline,
/// status), and the next meeting's document carries the ones still open; any reader of the meeting may download it.
/// </summary>
public sealed class DecisionStatusDocumentTests(WriteMatrixFixture app) : IClassFixture<WriteMatrixFixture>
{
    private WriteMatrixWorld World => app.World;

    private HttpClient County => World.Clients[Actor.CountyAdmin];

    private static List<List<string>> Rows(byte[] docx, out List<string> paragraphs)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = document.MainDocumentPart!.Document.Body!;
        paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        var table = body.Elements<Table>().SingleOrDefault();
        return table is null ? [] : table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
    }

    [Fact]
    public async Task The_documents_rows_are_the_decisions_tasks_and_the_next_meeting_carries_the_open_ones()
    {
        var (body, first) = (await GovernanceSamples.AddAsync(app.Factory, "落实", World.PlanOf(Side.County)))[0];
        // The member unit is the county's government, in the county administrator's scope and the reporter's own.
        var member = World.OrganizationOf(Side.County);
        await app.Factory.WithDbAsync(async db =>
        {
            (await db.BodyMembers.SingleAsync(m => m.BodyId == body)).OrganizationId = member;
            await db.SaveChangesAsync();
        });
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(400));
        var added = await County.PostAsJsonAsync($"/api/v1/meetings/{first}/decisions", new
        {
            decisions = new object[]
            {
                new { text = "落实职业院校生均拨款制度", due = due.ToString("yyyy-MM-dd"), leads = new[] { member } },
                new { text = "建立教师招聘绿色通道", deadline = "2028年9月底前", leads = new[] { member } },
            },
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        // The member unit reports on the first decision: its text is what the document quotes.
        var reporter = World.Clients[Actor.ReporterB];
        var assignment = await app.Factory.WithDbAsync(db => db.Assignments.Where(a => a.Task!.TaskList!.MeetingId == first && a.Task.Text == "落实职业院校生均拨款制度").Select(a => a.Id).SingleAsync());
        var period = PeriodSpan.Containing(PeriodKind.Monthly, ChinaCalendar.Today(DateTimeOffset.UtcNow));
        var report = await reporter.PostAsJsonAsync("/api/v1/reports", new { assignmentId = assignment, periodStart = period.Start, state = "inProgress", percentComplete = 30, done = "已完成生均拨款标准测算" });
        report.StatusCode.ShouldBe(HttpStatusCode.Created, await report.Content.ReadAsStringAsync());
        var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/reports/{(await report.JsonAsync()).GetProperty("report").GetProperty("id").GetInt64()}/submit") { Content = JsonContent.Create(new { }) };
        submit.Headers.TryAddWithoutValidation("If-Match", report.Headers.ETag!.ToString());
        (await reporter.SendAsync(submit)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var unit = await app.Factory.WithDbAsync(db => db.Organizations.Where(o => o.Id == member).Select(o => o.Name).SingleAsync());

        var second = (await (await County.PostAsJsonAsync($"/api/v1/bodies/{body}/meetings", new { date = DateTime.UtcNow.ToString("yyyy-MM-dd"), kind = "special" })).JsonAsync())
            .GetProperty("id").GetInt64();
        var bodyName = await app.Factory.WithDbAsync(db => db.GoverningBodies.Where(b => b.Id == body).Select(b => b.Name).SingleAsync());

        // A reporter of the member unit reads the meeting, so it downloads the document as the office does.
        var response = await World.Clients[Actor.ReporterB].GetAsync($"/api/v1/meetings/{first}/decision-status.docx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe(DocxWriter.ContentType);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"{bodyName}第1次会议议定事项落实情况.docx");
        var rows = Rows(await response.Content.ReadAsByteArrayAsync(), out var paragraphs);

        paragraphs[0].ShouldBe($"{bodyName}第1次会议议定事项落实情况");
        paragraphs[1].ShouldContain("议定事项共2项");
        paragraphs[^2].ShouldBe($"{bodyName}办公室");
        rows[0].ShouldBe(["序号", "议定事项", "责任单位", "完成时限", "落实情况", "备注"]);
        var tasks = await app.Factory.WithDbAsync(db => db.Tasks.Where(t => t.TaskList!.MeetingId == first).OrderBy(t => t.Order)
            .Select(t => new { t.Text, t.Due, t.DeadlineRaw, Units = t.Assignments.Select(a => a.Organization!.Name).ToList() }).ToListAsync());
        var statuses = (await (await County.GetAsync($"/api/v1/meetings/{first}")).JsonAsync()).GetProperty("decisions").EnumerateArray()
            .Select(d => d.GetProperty("statusLabel").GetString()).ToList();
        rows.Count.ShouldBe(tasks.Count + 1);
        for (var i = 0; i < tasks.Count; i++)
        {
            var row = rows[i + 1];
            row[0].ShouldBe((i + 1).ToString());
            row[1].ShouldBe(tasks[i].Text);
            row[2].ShouldBe(string.Join("、", tasks[i].Units));
            row[3].ShouldBe(tasks[i].Due is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : tasks[i].DeadlineRaw!);
            row[4].ShouldStartWith(statuses[i]!);
            row[5].ShouldBe("");
        }
        rows[1][4].ShouldContain($"已完成生均拨款标准测算（{unit}，");
        rows[2][4].ShouldBe(statuses[1]);
        rows[1][3].ShouldBe($"{due.Year}年{due.Month}月{due.Day}日");
        rows[2][3].ShouldBe("2028年9月30日"); // 9月底前 read as a day, as a plan's deadline is

        // The next meeting's document: no decisions of its own, the first meeting's still open, each with where it came from.
        var next = Rows(await County.GetByteArrayAsync($"/api/v1/meetings/{second}/decision-status.docx"), out var nextParagraphs);
        nextParagraphs[0].ShouldBe($"{bodyName}第2次会议议定事项落实情况");
        next.Skip(1).Select(r => (r[1], r[5])).ShouldBe([("落实职业院校生均拨款制度", "第1次会议议定"), ("建立教师招聘绿色通道", "第1次会议议定")]);

        // Linked from the meeting pages and the body page.
        (await County.GetStringAsync($"/meetings/{first}")).ShouldContain($"api/v1/meetings/{first}/decision-status.docx");
        (await County.GetStringAsync($"/meetings/{second}")).ShouldContain($"api/v1/meetings/{first}/decision-status.docx");
        (await County.GetStringAsync($"/bodies/{body}")).ShouldContain($"api/v1/meetings/{first}/decision-status.docx");
        (await app.Factory.CreateClient().GetAsync($"/api/v1/meetings/{first}/decision-status.docx")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void A_row_says_the_status_the_latest_report_abbreviated_and_overdue()
    {
        var decision = new DecisionView(1, 2, "第一次会议", new DateOnly(2026, 3, 1), "1", "建设市级公共实训基地", new DateOnly(2026, 12, 7), null,
            [new UnitView(10, "市发展改革委", true)], [new UnitView(11, "市财政局", false)], TrackingStatus.Overdue, TrackingStatus.Overdue.Label(), false);
        var report = "已完成选址和可研批复，" + new string('长', 100);
        var facts = new DecisionStatusFacts("市职业教育联席会议", 3, "第三次会议", new DateOnly(2026, 9, 1),
            [new DecisionStatusRow(decision, report, "市发展改革委", new DateOnly(2026, 11, 30), 1)], new DateOnly(2026, 12, 8));

        var document = DecisionStatusDocument.Compose(facts);

        document.Title.ShouldBe("市职业教育联席会议第3次会议议定事项落实情况");
        var row = document.Paragraphs.Single(p => p.Part == DocumentPart.Table).Table!.Rows.Single();
        row[2].ShouldBe("市发展改革委（牵头）；市财政局（配合）");
        row[3].ShouldBe("2026年12月7日");
        row[4].ShouldStartWith($"{TrackingStatus.Overdue.Label()}。已完成选址和可研批复，");
        row[4].ShouldContain("…（市发展改革委，2026年11月30日报送）");
        row[4].Length.ShouldBeLessThan(report.Length);
        row[5].ShouldBe("逾期；第1次会议议定");
        document.Paragraphs[^1].Text.ShouldBe("2026年12月8日");
    }
}
