using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Status;
using Duban.Data.Audit;
using Duban.Data.Tracking.Status;
using Duban.Web.Dashboard;
using Duban.Web.Demo;
using Duban.Web.Display;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Tests.Dashboard;

/// <summary>
/// The 总览 at province scale: the worst organisations and one 其他 bucket, a drill-down region → organisation → task
/// whose every count is the total of the list it links to, a status that says why a task of several leads is not yet
/// 已完成, and the statistics day written as 2026年12月6日.
/// </summary>
public sealed class DashboardDrillDownTests(PlansFixture plans) : IClassFixture<PlansFixture>
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
        var response = await client.GetAsync("/api/v1/" + link + (link.Contains('?') ? "&" : "?") + "pageSize=1");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("total").GetInt32();
    }

    [Fact]
    public void Beyond_fifteen_organisations_the_rest_are_one_bucket()
    {
        var rows = Enumerable.Range(1, 20).Select(i => new OrganizationLag(i, $"单位{i}", 21 - i, "", i % 3)).ToList();
        var (top, others) = LaggingTop.Split(rows);
        top.Select(r => r.OrganizationId).ShouldBe(Enumerable.Range(1, 15).Select(i => (long)i));
        others.ShouldBe(new LaggingOthers(5, rows.Skip(15).Sum(r => r.Overdue), rows.Skip(15).Sum(r => r.MissingReports)));
        LaggingTop.Split(rows.Take(15).ToList()).Others.ShouldBeNull();
    }

    [Theory]
    [InlineData(new[] { TrackingStatus.Completed, TrackingStatus.Overdue }, TrackingStatus.Overdue, "2 个牵头单位中 1 个已完成")]
    [InlineData(new[] { TrackingStatus.Completed, TrackingStatus.InProgress, TrackingStatus.Completed }, TrackingStatus.InProgress, "3 个牵头单位中 2 个已完成")]
    [InlineData(new[] { TrackingStatus.Overdue, TrackingStatus.Overdue }, TrackingStatus.Overdue, null)]
    [InlineData(new[] { TrackingStatus.Completed, TrackingStatus.Completed }, TrackingStatus.Completed, null)]
    [InlineData(new[] { TrackingStatus.Completed }, TrackingStatus.Completed, null)]
    public void A_status_says_how_many_of_several_leads_have_completed(TrackingStatus[] leads, TrackingStatus task, string? explained)
    {
        StatusResult Result(TrackingStatus s) => new(s, false, null);
        var assignments = leads.Select((s, i) => new AssignmentStatus(i, 1, i, UnitRole.Lead, Result(s), ClosedPeriodReport.NoClosedPeriod, null))
            // A cooperating organisation's completion is its own; it neither completes nor explains the task.
            .Append(new AssignmentStatus(99, 1, 99, UnitRole.Cooperating, Result(TrackingStatus.Completed), ClosedPeriodReport.NoClosedPeriod, null)).ToList();
        var row = new TaskStatusRow(1, 1, null, false, Result(task), assignments);
        row.LeadsCompleted().ShouldBe(explained);
        row.StatusLabel().ShouldBe(explained is null ? task.Label() : $"{task.Label()}（{explained}）");
    }

    [Fact]
    public async Task Approving_one_of_two_leads_changes_no_count_but_the_dashboard_and_the_list_say_why()
    {
        // An overdue task of the city's draft plan gets a second lead; its first lead's 已完成 is approved.
        var task = (await plans.TasksAsync(plans.DraftCityPlanId)).First(t => t.Due < new DateOnly(2026, 1, 1) && t.Assignments.Count(a => a.Role == UnitRole.Lead) == 1);
        var first = task.Assignments.Single(a => a.Role == UnitRole.Lead);
        var finance = await Factory.OrganizationIdAsync(DemoSeeder.CityFinance);
        var second = task.Assignments.Any(a => a.OrganizationId == finance) ? await Factory.OrganizationIdAsync(DemoSeeder.CityEducation) : finance;
        await Factory.WithDbAsync(async db =>
        {
            db.Assignments.RemoveRange(db.Assignments.Where(a => a.TaskId == task.Id && a.OrganizationId == second));
            db.Assignments.Add(new Assignment { TaskId = task.Id, OrganizationId = second, Role = UnitRole.Lead, UnitName = "第二牵头单位" });
            await db.SaveChangesAsync();
        });
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var before = await DashboardAsync(admin, $"?planId={plans.DraftCityPlanId}");
        await ApproveCompletedAsync(first.Id, task.PlanId);

        var after = await DashboardAsync(admin, $"?planId={plans.DraftCityPlanId}");
        Counts(after).ShouldBe(Counts(before));
        after.GetProperty("partlyCompleted").GetInt32().ShouldBe(before.GetProperty("partlyCompleted").GetInt32() + 1);
        (await ListTotalAsync(admin, after.GetProperty("partlyCompletedLink").GetString()!)).ShouldBe(after.GetProperty("partlyCompleted").GetInt32());

        var page = await admin.GetStringAsync($"/dashboard?planId={plans.DraftCityPlanId}");
        page.ShouldContain("id=\"partly-completed\"");
        page.ShouldContain("须全部牵头单位完成");
        var list = await admin.GetStringAsync("/" + after.GetProperty("partlyCompletedLink").GetString());
        list.ShouldContain($"href=\"tasks/{task.Id}\"");
        list.ShouldContain("2 个牵头单位中 1 个已完成");
        list.ShouldContain("id=\"partly-completed-filter\"");
    }

    private static Dictionary<string, int> Counts(JsonElement dashboard) =>
        dashboard.GetProperty("byStatus").EnumerateArray().ToDictionary(s => s.GetProperty("status").GetString()!, s => s.GetProperty("count").GetInt32());

    private Task ApproveCompletedAsync(long assignmentId, long planId) => Factory.WithDbAsync(async db =>
    {
        var span = PeriodSpan.Containing(PeriodKind.Monthly, new DateOnly(2026, 11, 1));
        var period = await db.Periods.SingleOrDefaultAsync(p => p.PlanId == planId && p.Start == span.Start) ?? db.Periods.Add(Period.Of(planId, span)).Entity;
        await db.SaveChangesAsync();
        var at = DateTimeOffset.UtcNow;
        var report = new ProgressReport { AssignmentId = assignmentId, PeriodId = period.Id, Status = ReportStatus.Approved, RevisionCount = 1, CreatedAt = at, SubmittedAt = at };
        db.ProgressReports.Add(report);
        await db.SaveChangesAsync();
        var revision = new ReportRevision { ReportId = report.Id, Number = 1, State = ProgressState.Completed, PercentComplete = 100, Done = "已全部完成", AuthorId = 1, AuthorName = "填报员", CreatedAt = at, SubmittedAt = at };
        db.ReportRevisions.Add(revision);
        await db.SaveChangesAsync();
        report.LatestRevisionId = revision.Id;
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_drill_down_goes_region_by_region_and_every_region_count_is_the_total_of_its_list()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var province = await Factory.RegionIdAsync(DemoSeeder.Province);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);

        var top = await DashboardAsync(admin);
        top.GetProperty("regionTrail").GetArrayLength().ShouldBe(0);
        var provinces = top.GetProperty("regions").EnumerateArray().ToList();
        provinces.Select(r => r.GetProperty("regionId").GetInt64()).ShouldContain(province);
        await EachCountIsItsListAsync(admin, provinces);

        var inProvince = await DashboardAsync(admin, $"?regionId={province}");
        var cities = inProvince.GetProperty("regions").EnumerateArray().ToList();
        cities.Select(r => r.GetProperty("regionId").GetInt64()).ShouldContain(city);
        cities.Single(r => r.GetProperty("regionId").GetInt64() == city).GetProperty("link").GetString().ShouldBe($"dashboard?regionId={city}");
        await EachCountIsItsListAsync(admin, cities);

        var inCity = await DashboardAsync(admin, $"?regionId={city}&planId={plans.DraftCityPlanId}");
        inCity.GetProperty("regionTrail").EnumerateArray().Select(s => s.GetProperty("name").GetString())
            .ShouldBe(["全部地区", DemoSeeder.Province, DemoSeeder.City]);
        await EachCountIsItsListAsync(admin, inCity.GetProperty("regions").EnumerateArray().ToList());
        // The organisation level links to the tasks themselves.
        foreach (var o in inCity.GetProperty("lagging").EnumerateArray())
            (await ListTotalAsync(admin, o.GetProperty("overdueLink").GetString()!)).ShouldBe(o.GetProperty("overdue").GetInt32());

        var page = await admin.GetStringAsync($"/dashboard?regionId={province}");
        page.ShouldContain("id=\"region-table\"");
        page.ShouldContain($"<a href=\"dashboard?regionId={city}\">{DemoSeeder.City}</a>");
        page.ShouldContain("id=\"region-trail\"");
    }

    [Fact]
    public async Task A_city_inspector_drills_down_from_its_own_city()
    {
        var inspector = await Factory.SignedInAsync(DemoAccounts.Inspector);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var county = await Factory.WithDbAsync(db => db.Regions.Where(r => r.ParentId == city).Select(r => r.Id).FirstAsync());
        var dashboard = await DashboardAsync(inspector);
        var regions = dashboard.GetProperty("regions").EnumerateArray().ToList();
        // The regions below the city, never the province above it.
        var below = await Factory.WithDbAsync(db => db.Regions.Where(r => r.ParentId == city).Select(r => r.Id).ToListAsync());
        regions.ShouldAllBe(r => below.Contains(r.GetProperty("regionId").GetInt64()));
        await EachCountIsItsListAsync(inspector, regions);
        var trail = (await DashboardAsync(inspector, $"?regionId={county}")).GetProperty("regionTrail").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        trail[0].ShouldBe(DemoSeeder.City);
        trail.ShouldNotContain(DemoSeeder.Province);
    }

    private static async Task EachCountIsItsListAsync(HttpClient client, List<JsonElement> regions)
    {
        foreach (var r in regions)
            (await ListTotalAsync(client, r.GetProperty("overdueLink").GetString()!)).ShouldBe(r.GetProperty("overdue").GetInt32(), r.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Many_lagging_organisations_show_as_the_worst_fifteen_and_others_and_the_day_reads_in_chinese()
    {
        // Twenty organisations each lead an overdue task of the city's draft plan.
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var overdue = (await plans.TasksAsync(plans.DraftCityPlanId)).Where(t => t.Due < new DateOnly(2026, 1, 1)).Select(t => t.Id).ToList();
        overdue.Count.ShouldBeGreaterThan(0);
        await Factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 20; i++)
            {
                var organization = new Organization { Name = $"清河市第{i + 1}职业学校", Kind = OrganizationKind.School, RegionId = city };
                db.Organizations.Add(organization);
                await db.SaveChangesAsync();
                db.Assignments.Add(new Assignment { TaskId = overdue[i % overdue.Count], OrganizationId = organization.Id, Role = UnitRole.Lead, UnitName = organization.Name });
            }
            // Statuses are kept per plan and computed again after an audited change (docs/dashboard.md, "Kept statuses").
            new AuditLog(db, TimeProvider.System).Add(Actor.System, "test.assignments", "task", (long?)null, null, null);
            await db.SaveChangesAsync();
        });
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var view = await DashboardAsync(admin, $"?planId={plans.DraftCityPlanId}");
        var lagging = view.GetProperty("lagging").GetArrayLength();
        lagging.ShouldBeGreaterThan(LaggingTop.Shown);

        var page = await admin.GetStringAsync($"/dashboard?planId={plans.DraftCityPlanId}");
        var table = Regex.Match(page, "<table class=\"table table-sm\" id=\"lagging-table\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Regex.Matches(table, "<tr").Count.ShouldBe(1 + LaggingTop.Shown + 1);
        table.ShouldContain($"其他 {lagging - LaggingTop.Shown} 个单位");
        var chart = JsonDocument.Parse(WebUtility.HtmlDecode(Regex.Match(page, "id=\"dashboard-lagging-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value)).RootElement;
        chart.GetArrayLength().ShouldBe(LaggingTop.Shown + 1);
        chart[LaggingTop.Shown].GetProperty("name").GetString().ShouldBe($"其他 {lagging - LaggingTop.Shown} 个单位");

        var all = await admin.GetStringAsync($"/dashboard?lagging=all&planId={plans.DraftCityPlanId}");
        var full = Regex.Match(all, "id=\"lagging-table\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Regex.Matches(full, "<tr").Count.ShouldBe(1 + lagging);

        var today = TrackingDay.Today(TimeProvider.System);
        page.ShouldContain($"<span id=\"statistics-day\">{ChineseText.Date(today)}</span>");
        page.ShouldNotContain(today.ToString("yyyy-MM-dd"));
    }
}
