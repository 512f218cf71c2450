using System.Globalization;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Duban.Data;
using Duban.Web.Comparison;
using Duban.Web.Demo;
using Duban.Web.Ledger;
using Duban.Web.Tests.Infrastructure;

namespace Duban.Web.Tests.Comparison;

/// <summary>
/// 地区对比 on the demo's 清河市 and the counties' values of <see cref="ComparisonFixture"/>: every cell, band, trend and
/// completion figure known in advance, sorting, the reverse orientation, the .xlsx against the JSON, scope and refusals.
/// </summary>
public sealed class ComparisonTests(ComparisonFixture app) : IClassFixture<ComparisonFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private string Api(string query = "") => $"/api/v1/regions/{app.CityId}/comparison{query}";

    private async Task<JsonElement> GetAsync(string path, string user = DemoAccounts.Admin)
    {
        var response = await (await Factory.SignedInAsync(user)).GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static JsonElement Row(JsonElement view, string key) =>
        view.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("axis").GetProperty("key").GetString() == key);

    private static List<string> ColumnKeys(JsonElement view) =>
        view.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()!).ToList();

    private static JsonElement Cell(JsonElement view, string row, string column) =>
        Row(view, row).GetProperty("cells")[ColumnKeys(view).IndexOf(column)];

    private string County(string name) => $"r{app.Counties[name]}";

    private static decimal? Number(JsonElement cell, string property) =>
        cell.GetProperty(property).ValueKind == JsonValueKind.Null ? null : cell.GetProperty(property).GetDecimal();

    private static void ShouldBeCell(JsonElement cell, decimal? value, decimal? previous, string band, string trend, string arrow, decimal? rate)
    {
        Number(cell, "value").ShouldBe(value);
        Number(cell, "previousValue").ShouldBe(previous);
        cell.GetProperty("band").GetString().ShouldBe(band);
        cell.GetProperty("trend").GetString().ShouldBe(trend);
        cell.GetProperty("arrow").GetString().ShouldBe(arrow);
        if (rate is null) Number(cell, "rate").ShouldBeNull();
        else Number(cell, "rate")!.Value.ShouldBe(rate.Value, 0.0001m);
    }

    [Fact]
    public async Task Each_cell_is_the_latest_value_of_its_county_with_band_and_trend()
    {
        var view = await GetAsync(Api());
        view.GetProperty("regionName").GetString().ShouldBe(DemoSeeder.City);
        ColumnKeys(view).ShouldBe(DemoSeeder.Counties.Select(County).ToList());
        view.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("label").GetString()).ShouldBe(DemoSeeder.Counties);

        var training = $"t{app.TrainingTarget}";
        // A per-year target is projected from its own year's values: with the previous period in last year (January), 8000 alone is 正常.
        var sameYear = app.Previous.End.Year == app.Current.End.Year;
        var east = Cell(view, training, County("东湖县"));
        ShouldBeCell(east, 8000, 5000, sameYear ? "lagging" : "onTrack", "up", "↑", 0.4m);
        east.GetProperty("period").GetString().ShouldBe(app.Current.Label);
        east.GetProperty("previousPeriod").GetString().ShouldBe(app.Previous.Label);
        east.GetProperty("better").GetBoolean().ShouldBeTrue();
        east.GetProperty("organizationName").GetString().ShouldBe("东湖县人民政府");
        var west = Cell(view, training, County("西山县"));
        ShouldBeCell(west, 21000, 25000, "achieved", "down", "↓", 1.05m);
        west.GetProperty("better").GetBoolean().ShouldBeFalse();
        west.GetProperty("bandLabel").GetString().ShouldBe("已达成");
        ShouldBeCell(Cell(view, training, County("南岭县")), null, null, "noData", "none", "", null);

        var employment = $"t{app.EmploymentTarget}";
        ShouldBeCell(Cell(view, employment, County("东湖县")), 66, null, "achieved", "none", "", 66m / 65m);
        ShouldBeCell(Cell(view, employment, County("西山县")), 55, 50, "onTrack", "up", "↑", 55m / 65m);
        var south = Cell(view, employment, County("南岭县"));
        ShouldBeCell(south, 60, 60, "lagging", "flat", "→", 60m / 65m);
        south.GetProperty("better").ValueKind.ShouldBe(JsonValueKind.Null);

        // Every other target of the plan is in the grid, without data in any county (a plan's few: nothing left out).
        view.GetProperty("moreTargets").GetBoolean().ShouldBeFalse();
        var others = view.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("axis").GetProperty("key").GetString() is var k && k != training && k != employment).ToList();
        others.ShouldNotBeEmpty();
        others.SelectMany(r => r.GetProperty("cells").EnumerateArray()).ShouldAllBe(c => c.GetProperty("band").GetString() == "noData");

        var legend = view.GetProperty("legend").EnumerateArray().ToDictionary(b => b.GetProperty("band").GetString()!, b => b.GetProperty("cells").GetInt32());
        legend.Keys.ShouldBe(["lagging", "onTrack", "achieved", "noData"]);
        legend.Values.Sum().ShouldBe(view.GetProperty("rows").GetArrayLength() * 3);
        legend["achieved"].ShouldBe(2);
    }

    [Fact]
    public async Task Without_a_year_each_band_is_the_tracking_statuses_verdict_on_the_same_series()
    {
        var view = await GetAsync(Api());
        var series = await Factory.WithDbAsync(db => new Duban.Data.Tracking.Status.TrackingStatuses(db, TimeProvider.System)
            .TargetsAsync(db.Targets.Where(t => t.Id == app.TrainingTarget || t.Id == app.EmploymentTarget)));
        var compared = 0;
        foreach (var row in view.GetProperty("rows").EnumerateArray())
            foreach (var cell in row.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("organizationId").ValueKind == JsonValueKind.Number))
            {
                var same = series.Single(s => s.TargetId == cell.GetProperty("targetId").GetInt64() && s.OrganizationId == cell.GetProperty("organizationId").GetInt64());
                cell.GetProperty("band").GetString().ShouldBe(JsonNamingPolicy.CamelCase.ConvertName(same.Assessment.Status.ToString()));
                Number(cell, "rate").ShouldBe(same.Assessment.Latest?.Rate);
                Number(cell, "value").ShouldBe(same.LatestValue?.Value);
                compared++;
            }
        compared.ShouldBe(5);
    }

    [Fact]
    public async Task Task_completion_counts_each_task_a_county_leads_once()
    {
        var view = await GetAsync(Api());
        var rows = view.GetProperty("completion").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        rows.Keys.ShouldBe(DemoSeeder.Counties);
        void ShouldBe(string county, int tasks, int onTime, int late, int overdue, int inProgress)
        {
            var r = rows[county];
            (r.GetProperty("tasks").GetInt32(), r.GetProperty("doneOnTime").GetInt32(), r.GetProperty("doneLate").GetInt32(),
                r.GetProperty("overdue").GetInt32(), r.GetProperty("inProgress").GetInt32()).ShouldBe((tasks, onTime, late, overdue, inProgress), county);
            r.GetProperty("rate").GetDecimal().ShouldBe(decimal.Round((decimal)(onTime + late) / tasks, 4, MidpointRounding.AwayFromZero));
            r.GetProperty("onTimeRate").GetDecimal().ShouldBe(decimal.Round((decimal)onTime / tasks, 4, MidpointRounding.AwayFromZero));
        }
        // Tasks 1 and 6 (both due by the end of 2025, past since the tracking start moved to 2025) and 7 (2027-12-31)
        // are led by every county government; 东湖县 completed 1 late and 7 on time, 南岭县 7 on time.
        ShouldBe("东湖县", 3, 1, 1, 1, 0);
        ShouldBe("西山县", 3, 0, 0, 2, 1);
        ShouldBe("南岭县", 3, 1, 0, 2, 0);
    }

    [Fact]
    public async Task Rows_sort_by_a_columns_attainment_with_cells_without_data_last()
    {
        var training = $"t{app.TrainingTarget}";
        var employment = $"t{app.EmploymentTarget}";
        List<string> Keys(JsonElement view) => view.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("axis").GetProperty("key").GetString()!).ToList();

        var ascending = Keys(await GetAsync(Api($"?sort={County("东湖县")}")));
        ascending.Take(2).ShouldBe([training, employment]);
        var descending = Keys(await GetAsync(Api($"?sort={County("东湖县")}&dir=desc")));
        descending.Take(2).ShouldBe([employment, training]);
        descending.Count.ShouldBe(ascending.Count);

        var byName = (await GetAsync(Api("?sort=name"))).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("axis").GetProperty("label").GetString()!).ToList();
        byName.ShouldBe(byName.OrderBy(n => n, StringComparer.Ordinal).ToList());

        var completion = (await GetAsync(Api("?csort=rate&cdir=desc"))).GetProperty("completion").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        completion.ShouldBe(["东湖县", "南岭县", "西山县"]);
        var overdue = (await GetAsync(Api("?csort=overdue"))).GetProperty("completion").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        overdue.ShouldBe(["东湖县", "西山县", "南岭县"]);
    }

    [Fact]
    public async Task The_reverse_orientation_has_the_counties_as_rows_and_the_same_cells()
    {
        var grid = await GetAsync(Api());
        var reverse = await GetAsync(Api("?orient=regions"));
        reverse.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("axis").GetProperty("label").GetString()).ShouldBe(DemoSeeder.Counties);
        ColumnKeys(reverse).ShouldBe(grid.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("axis").GetProperty("key").GetString()!).ToList());
        foreach (var county in DemoSeeder.Counties)
            foreach (var target in ColumnKeys(reverse))
                Cell(reverse, County(county), target).GetRawText().ShouldBe(Cell(grid, target, County(county)).GetRawText());

        var sorted = await GetAsync(Api($"?orient=regions&sort=t{app.EmploymentTarget}&dir=desc"));
        sorted.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("axis").GetProperty("label").GetString()).ShouldBe(["东湖县", "南岭县", "西山县"]);
    }

    [Fact]
    public async Task A_past_year_shows_the_values_at_its_end_and_the_tasks_due_in_it()
    {
        var view = await GetAsync(Api("?year=2025"));
        view.GetProperty("asOf").GetString().ShouldBe("2025-12-31");
        view.GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("cells").EnumerateArray()).ShouldAllBe(c => c.GetProperty("band").GetString() == "noData");
        var rows = view.GetProperty("completion").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => (r.GetProperty("tasks").GetInt32(), r.GetProperty("doneLate").GetInt32(), r.GetProperty("overdue").GetInt32()));
        rows["东湖县"].ShouldBe((2, 1, 1));
        rows["西山县"].ShouldBe((2, 0, 2));

        // The plan filter keeps the plan's own targets, in the grid's order: a plan filed above the city (a provincial
        // sample of the demo) would add targets of its own to the unfiltered grid.
        var plan = await GetAsync(Api($"?planId={app.PlanId}"));
        HashSet<string> own;
        using (var scope = Factory.Services.CreateScope())
            own = (await scope.ServiceProvider.GetRequiredService<DubanDbContext>().Targets.Where(t => t.PlanId == app.PlanId).Select(t => t.Id).ToListAsync())
                .Select(id => $"t{id}").ToHashSet();
        var allKeys = (await GetAsync(Api())).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("axis").GetProperty("key").GetString()!).ToList();
        var planKeys = plan.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("axis").GetProperty("key").GetString()!).ToList();
        planKeys.ShouldNotBeEmpty();
        planKeys.ShouldBe(allKeys.Where(own.Contains).ToList());
        var none = await GetAsync(Api("?planId=999999"));
        none.GetProperty("rows").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_xlsx_holds_the_json_cell_by_cell_with_the_bands_as_fills()
    {
        var view = await GetAsync(Api());
        var response = await (await Factory.SignedInAsync(DemoAccounts.Admin)).GetAsync($"/api/v1/regions/{app.CityId}/comparison.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxWorkbook.ContentType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).ShouldBe([ComparisonExport.GridSheet, ComparisonExport.CompletionSheet, ComparisonExport.LegendSheet]);
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var fills = workbook.WorkbookStylesPart.Stylesheet.Fills!.Elements<Fill>().ToList();
        var colour = new Dictionary<string, string> { ["achieved"] = "FFD1E7DD", ["onTrack"] = "FFFFF3CD", ["lagging"] = "FFF8D7DA", ["noData"] = "FFE9ECEF" };

        var grid = Rows(workbook, sheets[0]);
        var columns = view.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("label").GetString()!).ToList();
        Texts(grid[0]).ShouldBe(new[] { "指标", "目标", "单位" }.Concat(columns.SelectMany(c => new[] { c, $"{c}·达成度", $"{c}·状态" })).ToList());
        var rows = view.GetProperty("rows").EnumerateArray().ToList();
        grid.Count.ShouldBe(rows.Count + 1);
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = grid[i + 1];
            var axis = rows[i].GetProperty("axis");
            Text(cells, 0).ShouldBe(axis.GetProperty("label").GetString());
            Text(cells, 1).ShouldBe(axis.GetProperty("detail").GetString());
            Text(cells, 2).ShouldBe(axis.GetProperty("unit").GetString());
            foreach (var (cell, j) in rows[i].GetProperty("cells").EnumerateArray().Select((c, j) => (c, j)))
            {
                var at = 3 + 3 * j;
                var value = Number(cell, "value");
                Text(cells, at).ShouldBe(value is null ? "" : cell.GetProperty("valueText").GetString()!.Contains(':') ? cell.GetProperty("valueText").GetString() : value.Value.ToString(CultureInfo.InvariantCulture));
                var rate = Number(cell, "rate");
                Text(cells, at + 1).ShouldBe(rate is null ? "" : rate.Value.ToString(CultureInfo.InvariantCulture));
                var arrow = cell.GetProperty("arrow").GetString();
                Text(cells, at + 2).ShouldBe(cell.GetProperty("bandLabel").GetString() + (arrow!.Length > 0 ? " " + arrow : ""));
                foreach (var k in new[] { at, at + 1, at + 2 })
                {
                    var style = Find(cells, k)?.StyleIndex?.Value ?? 0;
                    var fill = fills[(int)formats[(int)style].FillId!.Value].PatternFill!;
                    fill.ForegroundColor?.Rgb?.Value.ShouldBe(colour[cell.GetProperty("band").GetString()!], $"row {i + 2}, column {k + 1}");
                }
            }
        }
        // The county whose 8000 person-times lag is there as a number, filled red (or yellow in January, see above).
        var training = grid.Single(r => Text(r, 0) == Row(view, $"t{app.TrainingTarget}").GetProperty("axis").GetProperty("label").GetString());
        decimal.Parse(Text(training, 3), CultureInfo.InvariantCulture).ShouldBe(8000m);

        var completion = Rows(workbook, sheets[1]);
        Texts(completion[0]).ShouldBe(["地区", "牵头任务", "按时完成", "逾期完成", "逾期未完成", "进行中", "完成率", "按时完成率"]);
        foreach (var (row, i) in view.GetProperty("completion").EnumerateArray().Select((r, i) => (r, i)))
            Texts(completion[i + 1]).ShouldBe([
                row.GetProperty("name").GetString()!, row.GetProperty("tasks").GetInt32().ToString(), row.GetProperty("doneOnTime").GetInt32().ToString(),
                row.GetProperty("doneLate").GetInt32().ToString(), row.GetProperty("overdue").GetInt32().ToString(), row.GetProperty("inProgress").GetInt32().ToString(),
                row.GetProperty("rate").GetDecimal().ToString(CultureInfo.InvariantCulture), row.GetProperty("onTimeRate").GetDecimal().ToString(CultureInfo.InvariantCulture)]);
    }

    private static List<List<Cell>> Rows(WorkbookPart workbook, Sheet sheet) =>
        ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();

    private static Cell? Find(List<Cell> row, int column) =>
        row.SingleOrDefault(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()) == new string(XlsxWorkbook.Reference(column, 1).TakeWhile(char.IsLetter).ToArray()));

    private static string Text(List<Cell> row, int column) => Find(row, column) is { } cell
        ? cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? ""
        : "";

    private static List<string> Texts(List<Cell> row) => Enumerable.Range(0, row.Count).Select(i => Text(row, i)).ToList();

    [Fact]
    public async Task A_city_inspector_compares_the_city_but_not_the_province_and_reporters_are_refused()
    {
        var inspector = await GetAsync(Api(), DemoAccounts.Inspector);
        inspector.GetProperty("rows").GetArrayLength().ShouldBeGreaterThan(0);
        var province = await Factory.RegionIdAsync(DemoSeeder.Province);
        var client = await Factory.SignedInAsync(DemoAccounts.Inspector);
        (await client.GetAsync($"/api/v1/regions/{province}/comparison")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/regions/{province}/comparison.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await Factory.SignedInAsync(DemoAccounts.Admin)).GetAsync("/api/v1/regions/99999999/comparison")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        (await reporter.GetAsync(Api())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await reporter.GetAsync("/comparison");
        page.StatusCode.ShouldBe(HttpStatusCode.Found);
        page.Headers.Location!.ToString().ShouldContain("denied", Case.Insensitive);
    }

    [Theory]
    [InlineData("?year=abc", "year")]
    [InlineData("?year=1800", "year")]
    [InlineData("?planId=x", "planId")]
    [InlineData("?orient=diagonal", "orient")]
    [InlineData("?sort=zz", "sort")]
    [InlineData("?dir=up", "dir")]
    [InlineData("?csort=best", "csort")]
    [InlineData("?cdir=sideways", "cdir")]
    public async Task A_wrong_option_is_a_400_naming_its_field(string query, string field)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        foreach (var path in new[] { Api(query), $"/api/v1/regions/{app.CityId}/comparison.xlsx{query}" })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, path);
            (await response.JsonAsync()).GetProperty("field").GetString().ShouldBe(field);
        }
        var page = await client.GetAsync($"/comparison?regionId={app.CityId}&{query[1..]}");
        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await page.Content.ReadAsStringAsync()).ShouldContain("comparison-error");
    }

    [Fact]
    public async Task The_page_shows_the_grid_as_a_coloured_table_with_sort_links_and_the_chart_data()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var html = await client.GetStringAsync($"/comparison?regionId={app.CityId}");
        html.ShouldContain("id=\"comparison-table\"");
        html.ShouldContain("id=\"completion-table\"");
        html.ShouldContain("id=\"comparison-legend\"");
        html.ShouldContain("id=\"comparison-data\"");
        html.ShouldContain("data-page-script");
        html.ShouldContain("band-achieved");
        html.ShouldContain("band-noData");
        html.ShouldContain(">8000</span>");
        html.ShouldContain($"sort={County("东湖县")}");
        html.ShouldContain($"api/v1/regions/{app.CityId}/comparison.xlsx");
        html.ShouldNotContain("style=");

        var sorted = await client.GetStringAsync($"/comparison?regionId={app.CityId}&orient=regions&sort=t{app.EmploymentTarget}&dir=desc");
        var order = DemoSeeder.Counties.Select(c => (c, sorted.IndexOf($">{c}</a></th>", StringComparison.Ordinal))).OrderBy(x => x.Item2).Select(x => x.c).ToList();
        order.ShouldBe(["东湖县", "南岭县", "西山县"]);

        // A city inspector lands on the city; an administrator of every region is asked to choose.
        var inspector = await (await Factory.SignedInAsync(DemoAccounts.Inspector)).GetStringAsync("/comparison");
        inspector.ShouldContain("id=\"comparison-table\"");
        (await client.GetStringAsync("/comparison")).ShouldContain("id=\"comparison-choose\"");
        var province = await Factory.RegionIdAsync(DemoSeeder.Province);
        var refused = await (await Factory.SignedInAsync(DemoAccounts.Inspector)).GetAsync($"/comparison?regionId={province}");
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Its own message, not the generic 页面不存在: which region was not found (the same words whether it does not
        // exist or is out of scope, so nothing is told of a region out of scope), and the way back.
        var message = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        message.ShouldContain("id=\"comparison-not-found\"");
        message.ShouldContain($"未找到编号为 {province} 的地区，或该地区不在您的数据范围内。");
        message.ShouldContain("<a class=\"alert-link\" href=\"comparison\" id=\"comparison-back\">返回地区对比</a>");
        message.ShouldNotContain("页面不存在");
        var missing = await client.GetAsync("/comparison?regionId=99999999");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("未找到编号为 99999999 的地区，或该地区不在您的数据范围内。");

        (await client.GetStringAsync($"/dashboard?regionId={app.CityId}")).ShouldContain($"comparison?regionId={app.CityId}");
    }
}
