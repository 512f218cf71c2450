using System.Net;
using System.Text.RegularExpressions;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Comparator = Duban.Parsing.Model.Comparator;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Tests.Tracking;

/// <summary>The target page and API: values reported on the page, the region figure, and who sees and writes what.</summary>
public sealed partial class TargetsTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static PeriodSpan LastMonth => PeriodSpan.Containing(PeriodKind.Monthly, ChinaCalendar.Today(DateTimeOffset.UtcNow)).Previous();

    [GeneratedRegex("name=\"version\" value=\"(?<v>[^\"]*)\"")]
    private static partial Regex VersionField();

    /// <summary>A new target on a task 清河市教育局 leads in the 清河市 plan.</summary>
    private async Task<(long TaskId, long TargetId)> TargetAsync(string subject) => await Factory.WithDbAsync(async db =>
    {
        var assignment = await db.Assignments.AsNoTracking()
            .Where(a => a.Task!.PlanId == app.PlanId && a.Task.RemovedInVersionId == null && a.Organization!.Name == DemoSeeder.CityEducation && a.Role == UnitRole.Lead)
            .OrderBy(a => a.Id).FirstAsync();
        var target = new TaskTarget
        {
            PlanId = app.PlanId, TaskId = assignment.TaskId, Subject = subject, Comparator = Comparator.AtLeast, Value = 1000, Unit = "人次",
            Year = DateTime.UtcNow.Year, Raw = "1000人次以上",
        };
        db.Targets.Add(target);
        await db.SaveChangesAsync();
        return (assignment.TaskId, target.Id);
    });

    private static async Task<(HttpResponseMessage Response, string Html)> SaveAsync(HttpClient client, long targetId, string value, string note, string? version = null)
    {
        var path = $"/targets/{targetId}?period={LastMonth.Start:yyyy-MM-dd}";
        var page = await client.GetStringAsync(path);
        var response = await Browser.SubmitAsync(client, path, new Dictionary<string, string>
        {
            ["version"] = version ?? WebUtility.HtmlDecode(VersionField().Match(page).Groups["v"].Value),
            ["period"] = LastMonth.Start.ToString("yyyy-MM-dd"),
            ["value"] = value,
            ["note"] = note,
        }, formName: "value");
        return (response, await response.Content.ReadAsStringAsync());
    }

    private Task<List<decimal>> StoredValuesAsync(long targetId) => Factory.WithDbAsync(db => db.Observations.AsNoTracking()
        .Where(o => o.TargetId == targetId).OrderBy(o => o.Id)
        .Select(o => db.ObservationRevisions.Where(r => r.ObservationId == o.Id).OrderByDescending(r => r.Number).Select(r => r.Value).First()).ToListAsync());

    [Fact]
    public async Task A_reporter_reports_a_value_on_the_page_and_everyone_in_scope_reads_the_figure()
    {
        var (taskId, targetId) = await TargetAsync("职业技能培训");
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);

        var listed = await (await reporter.GetAsync($"/api/v1/targets?taskId={taskId}")).JsonAsync();
        listed.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ShouldContain(targetId);
        (await reporter.GetStringAsync($"/tasks/{taskId}")).ShouldContain($"href=\"targets/{targetId}\"");
        var before = await reporter.GetStringAsync($"/targets/{targetId}");
        before.ShouldContain("id=\"value-form\"");
        before.ShouldContain("id=\"no-values\"");

        (await reporter.GetStringAsync("/my")).ShouldContain($"data-target=\"{targetId}\" data-reported=\"false\"");
        var (saved, html) = await SaveAsync(reporter, targetId, "1,200", "全年累计");
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("id=\"notice\"");
        (await StoredValuesAsync(targetId)).ShouldBe([1200m]);

        (await reporter.GetStringAsync("/my")).ShouldContain($"data-target=\"{targetId}\" data-reported=\"true\"");
        (saved, html) = await SaveAsync(reporter, targetId, "1350", "更正");
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        (await StoredValuesAsync(targetId)).ShouldBe([1350m]);

        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var detail = await (await admin.GetAsync($"/api/v1/targets/{targetId}")).JsonAsync();
        detail.GetProperty("reportsHere").GetBoolean().ShouldBeFalse();
        detail.GetProperty("complete").GetBoolean().ShouldBeTrue();
        var period = detail.GetProperty("periods").EnumerateArray().ShouldHaveSingleItem();
        period.GetProperty("start").GetString().ShouldBe(LastMonth.Start.ToString("yyyy-MM-dd"));
        period.GetProperty("figure").GetProperty("value").GetDecimal().ShouldBe(1350m);
        period.GetProperty("figure").GetProperty("source").GetString().ShouldBe("reported");
        var value = period.GetProperty("values").EnumerateArray().ShouldHaveSingleItem();
        (value.GetProperty("organizationName").GetString(), value.GetProperty("revisionCount").GetInt32(), value.GetProperty("note").GetString())
            .ShouldBe((DemoSeeder.CityEducation, 2, "更正"));
        detail.GetProperty("assessment").GetProperty("status").GetString().ShouldBe("achieved");

        var inspector = await Factory.SignedInAsync(DemoAccounts.Inspector);
        var read = await inspector.GetStringAsync($"/targets/{targetId}");
        read.ShouldContain("1350");
        read.ShouldNotContain("id=\"value-form\"");

        // The value's history is a page, not the API's JSON: both revisions, by the reporter's display name.
        var observationId = value.GetProperty("observationId").GetInt64();
        read.ShouldContain($"href=\"observations/{observationId}\">2 次修订</a>");
        read.ShouldNotContain("href=\"api/v1/observations/");
        var history = await inspector.GetStringAsync($"/observations/{observationId}");
        history.ShouldContain("修订记录（2 次）");
        history.ShouldContain("演示填报员");
        history.ShouldContain("全年累计");
        history.ShouldContain("更正");
        var province = await Factory.OrganizationIdAsync("江南省教育厅");
        await Factory.CreateUserAsync("observation-other-reporter", "observation-other-password", Role.Reporter, DataScope.Own, province);
        var other = await Factory.SignedInAsync("observation-other-reporter", "observation-other-password");
        (await other.GetAsync($"/observations/{observationId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bad_value_or_a_stale_form_stores_nothing_and_says_why()
    {
        var (_, targetId) = await TargetAsync("实训基地培训");
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);

        var (refused, html) = await SaveAsync(reporter, targetId, "一千", "");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("数值“一千”不是数字。");
        (await StoredValuesAsync(targetId)).ShouldBeEmpty();

        (await SaveAsync(reporter, targetId, "-5", "")).Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await StoredValuesAsync(targetId)).ShouldBeEmpty();

        var page = await reporter.GetStringAsync($"/targets/{targetId}?period={LastMonth.Start:yyyy-MM-dd}");
        var firstVersion = WebUtility.HtmlDecode(VersionField().Match(page).Groups["v"].Value);
        (await SaveAsync(reporter, targetId, "800", "")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await SaveAsync(reporter, targetId, "900", "旧页面", version: firstVersion);
        stale.Response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        stale.Html.ShouldContain("value=\"900\"");
        (await StoredValuesAsync(targetId)).ShouldBe([800m]);

        (await reporter.GetAsync($"/targets/{targetId}?period=2026-13-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Another_organisations_reporter_sees_neither_the_target_nor_its_values()
    {
        var (taskId, targetId) = await TargetAsync("外单位不可见的指标");
        var province = await Factory.OrganizationIdAsync("江南省教育厅");
        (await Factory.WithDbAsync(db => db.Assignments.AnyAsync(a => a.TaskId == taskId && a.OrganizationId == province))).ShouldBeFalse();
        await Factory.CreateUserAsync("targets-other-reporter", "targets-other-password", Role.Reporter, DataScope.Own, province);
        var other = await Factory.SignedInAsync("targets-other-reporter", "targets-other-password");

        (await other.GetAsync($"/targets/{targetId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/targets/{targetId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var listed = await (await other.GetAsync($"/api/v1/targets?taskId={taskId}")).JsonAsync();
        listed.GetProperty("total").GetInt32().ShouldBe(0);
        (await other.GetAsync("/api/v1/targets?page=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
