using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Duban.Web.Assessments;
using Duban.Web.Demo;
using Duban.Web.Ledger;
using Duban.Web.Tests.Demo;
using Duban.Web.Tests.Infrastructure;

namespace Duban.Web.Tests.Assessments;

/// <summary>
/// The demo as <c>dotnet run</c> starts it has an assessment of 清河市's counties and bureaus, and the whole cycle runs on
/// it end to end: 自评 → 复核 → 公示, then the ranking exported and checked cell by cell against the API's results.
/// </summary>
public sealed class DemoAssessmentTests(DemoWithActivityFixture app) : IClassFixture<DemoWithActivityFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static HttpRequestMessage Post(string path, object? body, string? etag = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    [Fact]
    public async Task The_demo_assessment_runs_from_self_score_to_publication_and_exports_its_ranking()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var list = await (await admin.GetAsync("/api/v1/assessments")).JsonAsync();
        var summary = list.GetProperty("items").EnumerateArray().Single();
        summary.GetProperty("name").GetString()!.ShouldEndWith(DemoAssessmentSeeder.SchemeName);
        summary.GetProperty("stage").GetString().ShouldBe("selfAssessment");
        summary.GetProperty("runs").GetInt32().ShouldBe(2);
        var id = summary.GetProperty("id").GetInt64();

        // Six organisations, the inspector's scores in the second run, the 约谈 on 西山县 deducted.
        var results = await (await admin.GetAsync($"/api/v1/assessments/{id}/results")).JsonAsync();
        var rows = results.GetProperty("rows").EnumerateArray().ToList();
        rows.Count.ShouldBe(6);
        var xishan = rows.Single(r => r.GetProperty("name").GetString() == "西山县人民政府");
        xishan.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "deduction").GetProperty("final").GetDecimal().ShouldBe(-2m);
        xishan.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "inspection").GetProperty("final").GetDecimal().ShouldBe(6.5m);
        var detail = await (await admin.GetAsync($"/api/v1/assessments/{id}")).JsonAsync();
        detail.GetProperty("runs")[0].GetProperty("changes").EnumerateArray().Count(c => c.TryGetProperty("indicatorCode", out var code) && code.GetString() == "inspection").ShouldBe(6);
        var card = await (await admin.GetAsync($"/api/v1/assessments/{id}/cards/{xishan.GetProperty("organizationId").GetInt64()}")).JsonAsync();
        card.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("score")).Single(s => s.GetProperty("code").GetString() == "deduction")
            .GetProperty("items")[0].GetProperty("fact").GetString().ShouldBe("flag");

        // 自评 by the demo reporter (清河市教育局), on its card page.
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        (await reporter.GetStringAsync($"/assessments/{id}/cards/{education}")).ShouldContain("id=\"self-score-form\"");
        (await reporter.SendAsync(Post($"/api/v1/assessments/{id}/self-scores", new { scores = new[] { new { indicator = "inspection", points = 9.5, comment = "台账齐全" } } })))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        // 复核: the office lowers 西山县's 现场督导 with a reason; then 公示.
        async Task<string> EtagAsync() => (await admin.GetAsync($"/api/v1/assessments/{id}")).Headers.ETag!.Tag;
        (await admin.SendAsync(Post($"/api/v1/assessments/{id}/stage", new { stage = "review" }, await EtagAsync()))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var review = await admin.SendAsync(Post($"/api/v1/assessments/{id}/reviews", new
        {
            organizationId = xishan.GetProperty("organizationId").GetInt64(), indicator = "inspection", points = 6, reason = "复查时实训设备仍未安装",
        }));
        review.StatusCode.ShouldBe(HttpStatusCode.Created, await review.Content.ReadAsStringAsync());
        (await admin.SendAsync(Post($"/api/v1/assessments/{id}/publish", null, await EtagAsync()))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var published = await (await reporter.GetAsync($"/api/v1/assessments/{id}/results")).JsonAsync();
        published.GetProperty("frozen").GetBoolean().ShouldBeTrue();
        var ranked = published.GetProperty("rows").EnumerateArray().ToList();
        ranked.Count.ShouldBe(6);
        var reviewed = ranked.Single(r => r.GetProperty("name").GetString() == "西山县人民政府");
        reviewed.GetProperty("total").GetDecimal().ShouldBe(reviewed.GetProperty("computedTotal").GetDecimal() - 0.5m);
        ranked.Select(r => r.GetProperty("total").GetDecimal()).ShouldBeInOrder(SortDirection.Descending);

        // The export, cell by cell against the published results the API gives.
        var response = await reporter.GetAsync($"/api/v1/assessments/{id}/ranking.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxWorkbook.ContentType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).ShouldBe(["考核排名（已公示）", "计算说明"]);
        var sheetRows = ((WorksheetPart)document.WorkbookPart.GetPartById(sheets[0].Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var indicators = published.GetProperty("indicators").EnumerateArray().ToList();
        Cells(sheetRows[0]).ShouldBe([
            "名次", "单位", "总分", "等次", "计算得分",
            .. indicators.Select(i => $"{i.GetProperty("name").GetString()}（{Duban.Core.Assessments.Points.Text(i.GetProperty("maxPoints").GetDecimal())}分）"),
            "上年总分", "同比", "上年名次",
        ]);
        sheetRows.Count.ShouldBe(ranked.Count + 1);
        for (var n = 0; n < ranked.Count; n++)
        {
            var row = ranked[n];
            var finals = row.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!, i => i.GetProperty("final").GetDecimal());
            Cells(sheetRows[n + 1], Cells(sheetRows[0]).Count).ShouldBe([
                Number(row.GetProperty("rank").GetInt32()), row.GetProperty("name").GetString()!, Number(row.GetProperty("total").GetDecimal()),
                row.GetProperty("gradeLabel").GetString()!, Number(row.GetProperty("computedTotal").GetDecimal()),
                .. indicators.Select(i => Number(finals[i.GetProperty("code").GetString()!])),
                "", "", "",
            ], $"row {n + 1}");
        }
        // The reporter sees only its own organisation's explanation.
        var explained = ((WorksheetPart)document.WorkbookPart.GetPartById(sheets[1].Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Skip(1).ToList();
        explained.Count.ShouldBe(indicators.Count);
        explained.ShouldAllBe(r => Cells(r)[0] == DemoSeeder.CityEducation);
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The row's cells in column order, empty text for a column without a cell (an empty value writes none).</summary>
    private static List<string> Cells(Row row, int width = 0)
    {
        var cells = row.Elements<Cell>().ToDictionary(c => Column(c.CellReference!.Value!), c => c.DataType?.Value == CellValues.InlineString ? c.InnerText : c.CellValue?.Text ?? "");
        var last = Math.Max(width - 1, cells.Count == 0 ? -1 : cells.Keys.Max());
        return [.. Enumerable.Range(0, last + 1).Select(i => cells.GetValueOrDefault(i, ""))];
    }

    private static int Column(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) column = column * 26 + (c - 'A' + 1);
        return column - 1;
    }
}
