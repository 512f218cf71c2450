using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Duban.Core.Assessments;
using Duban.Core.Bulletins;
using Duban.Core.Security;
using Duban.Data.Bulletins;
using Duban.Web.Demo;
using Duban.Web.Notices;
using Duban.Web.Tests.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Bulletins;

/// <summary>
/// The 通报 and the 督导报告 on the demo as <c>dotnet run</c> starts it, end to end: scheme → compute → 自评 → 复核 → 公示;
/// the draft edited (API and page) and audited, the bulletin .docx opened and its ranking table checked cell by cell
/// against /results, its 表扬 and 通报批评 lists against the grades and deductions; issued and frozen; read by nobody but
/// the office before 公示; forged posts refused; and an organisation's report with its indicators.
/// </summary>
public sealed class BulletinTests(DemoWithActivityFixture app) : IClassFixture<DemoWithActivityFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static HttpRequestMessage Send(HttpMethod method, string path, object? body, string? etag = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string formName, IEnumerable<(string Name, string Value)> fields)
    {
        var html = await client.GetStringAsync(page);
        var pairs = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Browser.AntiforgeryToken(html)), new("_handler", formName) };
        pairs.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(page, new FormUrlEncodedContent(pairs));
    }

    private static List<string> Texts(TableRow row) => [.. row.Elements<TableCell>().Select(c => c.InnerText)];

    [Fact]
    public async Task The_demo_assessment_ends_in_an_issued_bulletin_whose_ranking_is_the_published_result()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var id = (await (await admin.GetAsync("/api/v1/assessments")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetInt64();
        var bulletin = $"/api/v1/assessments/{id}/bulletin";
        var page = $"/assessments/{id}/bulletin";

        // Before 公示 only the office reads it: the reporter, who sees the assessment, gets nothing.
        (await reporter.GetAsync(bulletin)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reporter.GetAsync(bulletin + ".docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reporter.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reporter.GetStringAsync($"/assessments/{id}")).ShouldNotContain("id=\"bulletin-link\"");

        // The office's draft is prefilled from the result.
        var draftResponse = await admin.GetAsync(bulletin);
        draftResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = await draftResponse.JsonAsync();
        view.GetProperty("stored").GetBoolean().ShouldBeFalse();
        view.GetProperty("canEdit").GetBoolean().ShouldBeTrue();
        var draft = view.GetProperty("draft");
        draft.GetProperty("title").GetString().ShouldBe($"关于{DateTime.UtcNow.Year}年度清河市职业教育工作督导评估结果的通报");
        draft.GetProperty("signature").GetString().ShouldBe(DemoSeeder.CityEducation);
        draft.GetProperty("criticism").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "西山县人民政府").GetProperty("reason").GetString()!.ShouldContain("约谈");
        (await admin.GetStringAsync($"/assessments/{id}")).ShouldContain("id=\"bulletin-link\"");

        // Edited through the API (If-Match) …
        var edited = JsonSerializer.Deserialize<BulletinDraft>(draft.GetRawText(), JsonSerializerOptions.Web)! with
        {
            Title = draft.GetProperty("title").GetString() + "（修改稿）",
            Paragraphs = [.. JsonSerializer.Deserialize<BulletinDraft>(draft.GetRawText(), JsonSerializerOptions.Web)!.Paragraphs, "考核工作得到了各单位的积极配合。"],
        };
        (await admin.SendAsync(Send(HttpMethod.Put, bulletin, edited))).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await admin.SendAsync(Send(HttpMethod.Put, bulletin, edited with { Signature = "" }, draftResponse.Headers.ETag!.Tag))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var saved = await admin.SendAsync(Send(HttpMethod.Put, bulletin, edited, draftResponse.Headers.ETag!.Tag));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await saved.JsonAsync()).GetProperty("draft").GetProperty("title").GetString()!.ShouldEndWith("（修改稿）");
        (await admin.SendAsync(Send(HttpMethod.Put, bulletin, edited with { Title = "过期的副本" }, draftResponse.Headers.ETag!.Tag))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        // … and on the page: the 发文字号 filled in, everything else as it was.
        var html = await admin.GetStringAsync(page);
        html.ShouldContain("id=\"bulletin-form\"");
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(?<v>[0-9a-f]{32})\"").Groups["v"].Value;
        var current = JsonSerializer.Deserialize<BulletinDraft>((await (await admin.GetAsync(bulletin)).JsonAsync()).GetProperty("draft").GetRawText(), JsonSerializerOptions.Web)!;
        var fields = new List<(string, string)>
        {
            ("Version", version), ("Title", current.Title), ("DocNumber", "清教督〔2026〕8号"), ("Recipients", current.Recipients),
            ("Paragraphs", string.Join("\n", current.Paragraphs)), ("Closing", string.Join("\n", current.Closing)), ("Signature", current.Signature),
            ("Date", current.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Praise-Count", current.Praise.Count.ToString(CultureInfo.InvariantCulture)), ("Criticism-Count", current.Criticism.Count.ToString(CultureInfo.InvariantCulture)),
        };
        for (var i = 0; i < current.Praise.Count; i++)
            fields.AddRange([($"Praise-Org-{i}", current.Praise[i].OrganizationId?.ToString(CultureInfo.InvariantCulture) ?? ""), ($"Praise-Name-{i}", current.Praise[i].Name), ($"Praise-Reason-{i}", current.Praise[i].Reason)]);
        for (var i = 0; i < current.Criticism.Count; i++)
            fields.AddRange([($"Criticism-Org-{i}", current.Criticism[i].OrganizationId?.ToString(CultureInfo.InvariantCulture) ?? ""), ($"Criticism-Name-{i}", current.Criticism[i].Name), ($"Criticism-Reason-{i}", current.Criticism[i].Reason)]);
        var badDate = await PostFormAsync(admin, page, "save-bulletin", [.. fields.Where(f => f.Item1 != "Date"), ("Date", "明天")]);
        badDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badDate.Content.ReadAsStringAsync()).ShouldContain("清教督〔2026〕8号");
        var posted = await PostFormAsync(admin, page, "save-bulletin", fields);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var afterPage = JsonSerializer.Deserialize<BulletinDraft>((await (await admin.GetAsync(bulletin)).JsonAsync()).GetProperty("draft").GetRawText(), JsonSerializerOptions.Web)!;
        afterPage.ShouldBe(current with { DocNumber = "清教督〔2026〕8号" }, new DraftComparer());

        // Every edit is audited, before and after.
        var entries = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == BulletinAuditActions.Save).OrderBy(e => e.Id).ToListAsync());
        entries.Count.ShouldBe(2);
        entries[0].Before.ShouldBeNull();
        entries[0].After!.ShouldContain("（修改稿）");
        entries[1].Before!.ShouldNotContain("清教督〔2026〕8号");
        entries[1].After!.ShouldContain("清教督〔2026〕8号");
        entries.ShouldAllBe(e => e.Actor == DemoAccounts.Admin);

        // Issuing waits for 公示.
        var etag = (await admin.GetAsync(bulletin)).Headers.ETag!.Tag;
        (await admin.SendAsync(Send(HttpMethod.Post, bulletin + "/issue", null, etag))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The cycle: 自评, 复核 with a reason, 公示.
        (await reporter.PostAsJsonAsync($"/api/v1/assessments/{id}/self-scores", new { scores = new[] { new { indicator = "inspection", points = 9, comment = "台账齐全" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        async Task<string> AssessmentEtagAsync() => (await admin.GetAsync($"/api/v1/assessments/{id}")).Headers.ETag!.Tag;
        (await admin.SendAsync(Send(HttpMethod.Post, $"/api/v1/assessments/{id}/stage", new { stage = "review" }, await AssessmentEtagAsync()))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var xishan = await Factory.OrganizationIdAsync("西山县人民政府");
        (await admin.SendAsync(Send(HttpMethod.Post, $"/api/v1/assessments/{id}/reviews", new { organizationId = xishan, indicator = "inspection", points = 6, reason = "复查时实训设备仍未安装" })))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.SendAsync(Send(HttpMethod.Post, $"/api/v1/assessments/{id}/publish", null, await AssessmentEtagAsync()))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // From 公示 on the reporter reads it; the .docx's ranking table is /results, cell by cell.
        var results = await (await reporter.GetAsync($"/api/v1/assessments/{id}/results")).JsonAsync();
        results.GetProperty("frozen").GetBoolean().ShouldBeTrue();
        var rows = results.GetProperty("rows").EnumerateArray().ToList();
        var indicators = results.GetProperty("indicators").EnumerateArray().ToList();
        var response = await reporter.GetAsync(bulletin + ".docx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(DocxWriter.ContentType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var table = body.Elements<Table>().ShouldHaveSingleItem();
        var tableRows = table.Elements<TableRow>().ToList();
        Texts(tableRows[0]).ShouldBe(["名次", "单位", "总分", "等次", .. indicators.Select(i => $"{i.GetProperty("name").GetString()}（{Points.Text(i.GetProperty("maxPoints").GetDecimal())}分）")]);
        tableRows.Count.ShouldBe(rows.Count + 1);
        for (var n = 0; n < rows.Count; n++)
        {
            var row = rows[n];
            var finals = row.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!, i => i.GetProperty("final").GetDecimal());
            Texts(tableRows[n + 1]).ShouldBe([
                row.GetProperty("rank").GetInt32().ToString(CultureInfo.InvariantCulture), row.GetProperty("name").GetString()!,
                Points.Text(row.GetProperty("total").GetDecimal()), row.GetProperty("gradeLabel").GetString()!,
                .. indicators.Select(i => Points.Text(finals[i.GetProperty("code").GetString()!])),
            ], $"row {n + 1}");
        }

        // The words around it: the edited title and number, the lists as the grades and deductions give them.
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        paragraphs[0].ShouldEndWith("（修改稿）");
        paragraphs[1].ShouldBe("清教督〔2026〕8号");
        paragraphs.ShouldContain("考核工作得到了各单位的积极配合。");
        paragraphs[^1].ShouldBe(Duban.Web.Display.ChineseText.Date(current.Date));
        paragraphs[^2].ShouldBe(DemoSeeder.CityEducation);
        var published = (await (await reporter.GetAsync(bulletin)).JsonAsync());
        published.GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        var praised = published.GetProperty("draft").GetProperty("praise").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToList();
        var criticised = published.GetProperty("draft").GetProperty("criticism").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToList();
        praised.ShouldBe(current.Praise.Select(m => m.Name).ToList());
        criticised.ShouldBe(current.Criticism.Select(m => m.Name).ToList());
        // The draft was prefilled in 自评 (and kept as saved): its lists are those of the grades then; each still names
        // an organisation of the published ranking, with its reason in the .docx.
        criticised.ShouldContain("西山县人民政府");
        rows.Where(r => r.GetProperty("gradeLabel").GetString() == "优秀").Select(r => r.GetProperty("name").GetString()!).ShouldBeSubsetOf(praised.Concat(["—"]).ToList());
        for (var i = 0; i < criticised.Count; i++) paragraphs.ShouldContain(p => p.StartsWith($"{i + 1}. {criticised[i]}：", StringComparison.Ordinal));
        if (criticised.Count > 0) paragraphs.ShouldContain(p => p.EndsWith("通报批评", StringComparison.Ordinal));

        // The page shows the selection on the assessment and the bulletin, read-only, to the reporter.
        (await reporter.GetStringAsync($"/assessments/{id}")).ShouldContain("id=\"selection-rule\"");
        var readOnly = await reporter.GetStringAsync(page);
        readOnly.ShouldContain("id=\"bulletin-text\"");
        readOnly.ShouldNotContain("id=\"bulletin-form\"");

        // Issued: frozen. The API refuses edits, and so does the page.
        etag = (await admin.GetAsync(bulletin)).Headers.ETag!.Tag;
        var issued = await admin.SendAsync(Send(HttpMethod.Post, bulletin + "/issue", null, etag));
        issued.StatusCode.ShouldBe(HttpStatusCode.OK, await issued.Content.ReadAsStringAsync());
        (await issued.JsonAsync()).GetProperty("issued").GetBoolean().ShouldBeTrue();
        var frozen = await admin.SendAsync(Send(HttpMethod.Put, bulletin, edited with { Title = "印发后再改" }, "*"));
        frozen.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.SendAsync(Send(HttpMethod.Post, bulletin + "/issue", null, "*"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var afterIssue = await admin.GetStringAsync(page);
        afterIssue.ShouldContain("已印发");
        afterIssue.ShouldNotContain("id=\"bulletin-form\"");
        var token = Browser.AntiforgeryToken(afterIssue);
        var late = await admin.PostAsync(page, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("_handler", "save-bulletin"), new("Title", "印发后再改")]));
        // The form is not rendered any more, so the post finds no handler (400); a handler would answer 409.
        ((int)late.StatusCode).ShouldBeOneOf(400, 409);
        (await Factory.WithDbAsync(db => db.Set<Bulletin>().Where(b => b.AssessmentId == id).Select(b => b.Draft).SingleAsync())).ShouldNotContain("印发后再改");
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == BulletinAuditActions.Issue))).ShouldBe(1);
    }

    [Fact]
    public async Task The_report_of_an_organisation_has_its_indicators_and_is_read_as_its_card_is()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var id = (await (await admin.GetAsync("/api/v1/assessments")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetInt64();
        var xishan = await Factory.OrganizationIdAsync("西山县人民政府");
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var card = await (await admin.GetAsync($"/api/v1/assessments/{id}/cards/{xishan}")).JsonAsync();

        var response = await admin.GetAsync($"/api/v1/assessments/{id}/cards/{xishan}/report.docx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        paragraphs[0].ShouldBe($"西山县人民政府{card.GetProperty("year").GetInt32()}年度督导评估报告");
        paragraphs.ShouldContain(p => p.Contains($"总分 {Points.Text(card.GetProperty("total").GetDecimal())} 分"));
        var table = body.Elements<Table>().ShouldHaveSingleItem().Elements<TableRow>().ToList();
        Texts(table[0]).ShouldBe(["指标", "分值", "计算得分", "复核后", "最终得分"]);
        var indicators = card.GetProperty("indicators").EnumerateArray().ToList();
        table.Count.ShouldBe(indicators.Count + 1);
        for (var n = 0; n < indicators.Count; n++)
        {
            var score = indicators[n].GetProperty("score");
            Texts(table[n + 1])[0].ShouldBe(score.GetProperty("name").GetString());
            Texts(table[n + 1])[4].ShouldBe(Points.Text(indicators[n].GetProperty("final").GetDecimal()));
            // Each indicator's explanation: its rule and arithmetic in words.
            paragraphs.ShouldContain(p => p.Contains(score.GetProperty("name").GetString() + "：得 ") && p.Contains(score.GetProperty("arithmetic").GetString()!));
        }
        // The 约谈 is a problem with its 整改要求.
        paragraphs.ShouldContain(p => p.Contains("约谈通报扣分失 2 分"));
        paragraphs.ShouldContain(p => p.StartsWith("六、整改要求", StringComparison.Ordinal));
        (await admin.GetStringAsync($"/assessments/{id}/cards/{xishan}")).ShouldContain($"api/v1/assessments/{id}/cards/{xishan}/report.docx");

        // The reporter reads its own organisation's report, not another's.
        (await reporter.GetAsync($"/api/v1/assessments/{id}/cards/{education}/report.docx")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reporter.GetAsync($"/api/v1/assessments/{id}/cards/{xishan}/report.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Drafts compare by value, lists included.</summary>
    private sealed class DraftComparer : IEqualityComparer<BulletinDraft>
    {
        public bool Equals(BulletinDraft? x, BulletinDraft? y) => x is not null && y is not null
            && JsonSerializer.Serialize(x) == JsonSerializer.Serialize(y);

        public int GetHashCode(BulletinDraft obj) => 0;
    }
}

/// <summary>Forged posts on the bulletin, on a demo of their own: nothing is published or saved there before.</summary>
public sealed class BulletinRefusalTests(DemoWithActivityFixture app) : IClassFixture<DemoWithActivityFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static HttpRequestMessage Send(HttpMethod method, string path, object? body, string? etag = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    [Fact]
    public async Task Forged_bulletin_posts_by_those_who_do_not_answer_for_the_assessment_are_refused()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var id = (await (await admin.GetAsync("/api/v1/assessments")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetInt64();
        var page = $"/assessments/{id}/bulletin";
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        await Factory.CreateUserAsync("bulletin-county-admin", "bulletin-county-admin-1", Role.Admin, DataScope.RegionAndBelow, regionId: await Factory.RegionIdAsync(DemoSeeder.Counties[0]));
        var countyAdmin = await Factory.SignedInAsync("bulletin-county-admin", "bulletin-county-admin-1");
        var before = await Factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        // Before 公示 neither reads it; a token of a page they do read, posted to the bulletin's page: not found.
        (await countyAdmin.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await countyAdmin.GetAsync($"/api/v1/assessments/{id}/bulletin")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await countyAdmin.SendAsync(Send(HttpMethod.Put, $"/api/v1/assessments/{id}/bulletin", new { title = "越权" }, "*"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reporter.SendAsync(Send(HttpMethod.Put, $"/api/v1/assessments/{id}/bulletin", new { title = "越权" }, "*"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var client in new[] { reporter, countyAdmin })
        {
            var token = Browser.AntiforgeryToken(await client.GetStringAsync($"/assessments/{id}"));
            foreach (var form in new[] { "save-bulletin", "issue-bulletin" })
            {
                var forged = await client.PostAsync(page, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("_handler", form), new("Title", "越权修改"), new("Signature", "越权"), new("Recipients", "越权"), new("Date", "2026-12-06")]));
                ((int)forged.StatusCode).ShouldBeOneOf(400, 403, 404);
            }
        }
        (await Factory.WithDbAsync(db => db.Set<Bulletin>().CountAsync(b => b.AssessmentId == id))).ShouldBe(0);
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(before);
    }
}
