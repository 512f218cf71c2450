using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Duban.Core.Plans;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Web.Demo;
using Duban.Web.Ledger;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Tests.Dashboard;

/// <summary>The 总览 (API and page), the status filter of the task list it links to, and the .xlsx exports.</summary>
public sealed class DashboardTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private DubanWebFactory Factory => plans.Factory;

    private static async Task<JsonElement> DashboardAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/v1/dashboard" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<int> ListTotalAsync(HttpClient client, string link)
    {
        link.ShouldStartWith("tasks");
        var response = await client.GetAsync("/api/v1/" + link + (link.Contains('?') ? "&" : "?") + "pageSize=1");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("total").GetInt32();
    }

    [Theory]
    [InlineData("")]
    [InlineData("plan")]
    [InlineData("region")]
    public async Task Each_count_links_to_a_list_whose_total_is_the_count(string filter)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var query = filter switch
        {
            "plan" => $"?planId={plans.PublishedPlanId}",
            "region" => $"?regionId={await Factory.RegionIdAsync(DemoSeeder.City)}",
            _ => "",
        };
        var dashboard = await DashboardAsync(client, query);

        var byStatus = dashboard.GetProperty("byStatus").EnumerateArray().ToList();
        byStatus.Count.ShouldBe(8);
        byStatus.Select(s => s.GetProperty("label").GetString()).ShouldContain("待摸底");
        byStatus.Sum(s => s.GetProperty("count").GetInt32()).ShouldBe(dashboard.GetProperty("taskCount").GetInt32());
        (await ListTotalAsync(client, dashboard.GetProperty("tasksLink").GetString()!)).ShouldBe(dashboard.GetProperty("taskCount").GetInt32());
        foreach (var s in byStatus)
            (await ListTotalAsync(client, s.GetProperty("link").GetString()!)).ShouldBe(s.GetProperty("count").GetInt32(), s.GetProperty("label").GetString());
        foreach (var o in dashboard.GetProperty("lagging").EnumerateArray())
            (await ListTotalAsync(client, o.GetProperty("overdueLink").GetString()!)).ShouldBe(o.GetProperty("overdue").GetInt32(), o.GetProperty("name").GetString());
        // The sample plans' deadlines are years past: the overdue count is not an empty example.
        if (filter != "plan") byStatus.Single(s => s.GetProperty("status").GetString() == "overdue").GetProperty("count").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_city_inspector_counts_only_the_tasks_of_the_city()
    {
        var admin = await DashboardAsync(await Factory.SignedInAsync(DemoAccounts.Admin));
        var inspectorClient = await Factory.SignedInAsync(DemoAccounts.Inspector);
        var inspector = await DashboardAsync(inspectorClient);

        var visible = await ListTotalAsync(inspectorClient, "tasks");
        inspector.GetProperty("taskCount").GetInt32().ShouldBe(visible);
        var outside = (await plans.TasksAsync(plans.OtherRegionPlanId)).Count;
        outside.ShouldBeGreaterThan(0);
        inspector.GetProperty("taskCount").GetInt32().ShouldBe(admin.GetProperty("taskCount").GetInt32() - outside);
        // A plan outside the city counts nothing for the inspector.
        (await DashboardAsync(inspectorClient, $"?planId={plans.OtherRegionPlanId}")).GetProperty("taskCount").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Reporters_are_refused_the_dashboard_and_the_exports()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Reporter);
        foreach (var path in new[] { "/api/v1/dashboard", "/api/v1/ledger.xlsx", "/api/v1/indicators.xlsx" })
            (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
    }

    [Fact]
    public async Task A_wrong_status_filter_is_a_problem_naming_the_field()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var response = await client.GetAsync("/api/v1/tasks?status=late");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("field").GetString().ShouldBe("status");
        (await client.GetAsync("/api/v1/tasks?status=4")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_page_shows_the_counts_as_links_and_the_chart_data_with_a_table()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var page = await client.GetStringAsync($"/dashboard?planId={plans.DraftCityPlanId}");
        var dashboard = await DashboardAsync(client, $"?planId={plans.DraftCityPlanId}");

        page.ShouldContain("id=\"status-counts\"");
        foreach (var s in dashboard.GetProperty("byStatus").EnumerateArray())
            page.ShouldContain($"href=\"{s.GetProperty("link").GetString()!.Replace("&", "&amp;")}\"");
        page.ShouldContain("id=\"lagging-table\"");
        page.ShouldContain("id=\"dashboard-lagging-data\"");
        page.ShouldContain("lib/echarts/echarts");
        page.ShouldContain($"api/v1/ledger.xlsx?planId={plans.DraftCityPlanId}");

        var tasksPage = await client.GetStringAsync($"/tasks?status=overdue&planId={plans.DraftCityPlanId}");
        var shown = System.Text.RegularExpressions.Regex.Matches(tasksPage, "<td class=\"task-status text-nowrap\">([^<]*)</td>").Select(m => m.Groups[1].Value).ToList();
        var overdue = await ListTotalAsync(client, $"tasks?status=overdue&planId={plans.DraftCityPlanId}");
        overdue.ShouldBeGreaterThan(0);
        shown.Count.ShouldBe(Math.Min(overdue, 20));
        shown.ShouldAllBe(label => label == "逾期");
        (await (await Factory.SignedInAsync(DemoAccounts.Inspector)).GetAsync("/dashboard")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_ledger_opens_as_a_workbook_with_every_task_its_status_and_latest_progress()
    {
        var task = (await plans.TasksAsync(plans.DraftCityPlanId)).First(t => t.Due is not null);
        await AddApprovedReportAsync(task.Id, "完成实训基地建设方案编制");
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.GetAsync($"/api/v1/ledger.xlsx?planId={plans.DraftCityPlanId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxWorkbook.ContentType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        sheet.Name!.Value.ShouldBe("任务台账");
        var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
        var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();

        Texts(rows[0]).ShouldBe(["序号", "计划", "任务编号", "任务", "牵头单位", "配合单位", "完成时限", "状态", "最新进展", "更新时间"]);
        var pane = part.Worksheet.Descendants<Pane>().Single();
        // The header row is frozen: ySplit (VerticalSplit in the SDK) = 1 row; xSplit would freeze a column.
        (pane.VerticalSplit!.Value, pane.HorizontalSplit, pane.State!.Value).ShouldBe((1D, null, PaneStateValues.Frozen));
        part.Worksheet.Descendants<Column>().Count().ShouldBe(10);
        part.Worksheet.Descendants<Column>().ShouldAllBe(c => c.Width! > 0);

        var listed = await ListTotalAsync(client, $"tasks?planId={plans.DraftCityPlanId}");
        rows.Count.ShouldBe(listed + 1);
        var row = rows.Skip(1).Single(r => Text(r, 3) == task.Text);
        // The plan and the task's own number, as the office refers to it.
        var title = await Factory.WithDbAsync(db => db.Plans.Where(p => p.Id == plans.DraftCityPlanId).Select(p => p.Title).SingleAsync());
        rows.Skip(1).ShouldAllBe(r => Text(r, 1) == title);
        Text(row, 2).ShouldBe(task.No);
        // The deadline is a real date: a serial number with a date format that reads 2021年7月31日.
        var due = Cell(row, 6);
        due.DataType.ShouldBeNull();
        DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(due.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))).ShouldBe(task.Due!.Value);
        var format = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)due.StyleIndex!.Value);
        format.NumberFormatId!.Value.ShouldBe(164u);
        document.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == 164u)
            .FormatCode!.Value.ShouldBe("yyyy\"年\"m\"月\"d\"日\"");
        Text(row, 8).ShouldBe("完成实训基地建设方案编制");
        Cell(row, 9).CellValue.ShouldNotBeNull();
        var dashboard = await DashboardAsync(client, $"?planId={plans.DraftCityPlanId}");
        var labels = dashboard.GetProperty("byStatus").EnumerateArray().Select(s => s.GetProperty("label").GetString()).ToList();
        rows.Skip(1).ShouldAllBe(r => labels.Any(l => Text(r, 7).StartsWith(l!)));
        rows.Skip(1).Select(r => Text(r, 0)).ShouldBe(Enumerable.Range(1, listed).Select(i => i.ToString()));
    }

    [Fact]
    public async Task The_indicator_table_opens_as_a_workbook_with_a_row_per_target_and_organisation()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var response = await client.GetAsync("/api/v1/indicators.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        sheet.Name!.Value.ShouldBe("指标台账");
        var rows = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Texts(rows[0]).ShouldBe(["序号", "指标", "所属任务", "目标", "单位", "目标值", "填报单位", "所属期", "最新值", "达成度", "状态", "更新时间"]);
        var targets = await Factory.WithDbAsync(db => db.Targets.CountAsync());
        // No values are reported in the demo: one 无数据 row per target.
        rows.Count.ShouldBe(targets + 1);
        rows.Skip(1).ShouldAllBe(r => Text(r, 10) == "无数据");
        // Nobody has reported yet, but each target is somebody's to report: 填报单位 names them.
        rows.Skip(1).ShouldAllBe(r => Text(r, 6).Length > 0);
        // Only a plan-level target of a region without a government on record has nobody to name.
        rows.Skip(1).Where(r => Text(r, 6) == LedgerExport.NobodyResponsible).ShouldAllBe(r => Text(r, 2) == "总体目标");
        rows.Skip(1).Count(r => Text(r, 6) != LedgerExport.NobodyResponsible).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_ratio_target_is_exported_as_the_plans_write_it_and_names_who_reports_it()
    {
        var task = (await plans.TasksAsync(plans.PublishedPlanId)).First();
        var leads = await Factory.WithDbAsync(db => db.Assignments.Where(a => a.TaskId == task.Id).OrderBy(a => a.Role).ThenByDescending(a => a.Primary).ThenBy(a => a.Id)
            .Select(a => a.Organization!.Name).ToListAsync());
        await Factory.WithDbAsync(async db =>
        {
            db.Targets.Add(new TaskTarget
            {
                PlanId = plans.PublishedPlanId, TaskId = task.Id, Subject = "职普比", Comparator = Duban.Parsing.Model.Comparator.AtLeast, Value = 4.0m,
                Unit = Duban.Core.Tracking.Attainment.TargetFacts.RatioUnit, Raw = "职普比不低于4:6",
            });
            await db.SaveChangesAsync();
        });
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var response = await client.GetAsync($"/api/v1/indicators.xlsx?planId={plans.PublishedPlanId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        var rows = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var ratio = rows.Single(r => Text(r, 1) == "职普比");
        (Text(ratio, 3), Text(ratio, 4), Text(ratio, 5)).ShouldBe(("职普比不低于4:6", "比例", "4:6"));
        Text(ratio, 6).ShouldBe(string.Join("、", leads));
        LedgerExport.RatioText(4.2m).ShouldBe("4.2:5.8");
    }

    private Task AddApprovedReportAsync(long taskId, string done) => Factory.WithDbAsync(async db =>
    {
        var task = await db.Tasks.Include(t => t.Assignments).SingleAsync(t => t.Id == taskId);
        var lead = task.Assignments.Where(a => a.Role == UnitRole.Lead).OrderBy(a => a.Id).First();
        var span = PeriodSpan.Containing(PeriodKind.Monthly, new DateOnly(2026, 10, 1));
        var period = await db.Periods.SingleOrDefaultAsync(p => p.PlanId == task.PlanId && p.Start == span.Start) ?? db.Periods.Add(Period.Of(task.PlanId, span)).Entity;
        await db.SaveChangesAsync();
        var at = DateTimeOffset.UtcNow;
        var report = new ProgressReport { AssignmentId = lead.Id, PeriodId = period.Id, Status = ReportStatus.Approved, RevisionCount = 1, CreatedAt = at, SubmittedAt = at };
        db.ProgressReports.Add(report);
        await db.SaveChangesAsync();
        var revision = new ReportRevision { ReportId = report.Id, Number = 1, State = ProgressState.InProgress, PercentComplete = 40, Done = done, AuthorId = 1, AuthorName = "填报员", CreatedAt = at };
        db.ReportRevisions.Add(revision);
        await db.SaveChangesAsync();
        report.LatestRevisionId = revision.Id;
        await db.SaveChangesAsync();
    });

    private static Cell Cell(Row row, int column) => row.Elements<Cell>().Single(c => c.CellReference!.Value == XlsxWorkbook.Reference(column, row.RowIndex!.Value));

    private static string Text(Row row, int column) =>
        row.Elements<Cell>().SingleOrDefault(c => c.CellReference!.Value == XlsxWorkbook.Reference(column, row.RowIndex!.Value)) is { } cell
            ? cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? ""
            : "";

    private static List<string> Texts(Row row) => row.Elements<Cell>().Select(c => c.InlineString!.InnerText).ToList();
}
