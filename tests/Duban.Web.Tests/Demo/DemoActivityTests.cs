using Duban.Core.Tracking.Reporting;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Demo;

/// <summary>The demo with its sample plans and a month of sample work, as <c>dotnet run</c> starts it.</summary>
public sealed class DemoWithActivityFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:SampleActivity"] = "true" };
}

/// <summary>The demo's sample work goes through the real services: reports in every state, reviews, values, audit, and the 总览 shows it.</summary>
public sealed class DemoActivityTests(DemoWithActivityFixture app) : IClassFixture<DemoWithActivityFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [Fact]
    public async Task The_demo_reporter_has_reports_in_every_state_and_the_office_has_work_to_review()
    {
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var statuses = await Factory.WithDbAsync(db => db.ProgressReports.AsNoTracking()
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        foreach (var status in Enum.GetValues<ReportStatus>()) statuses.GetValueOrDefault(status).ShouldBeGreaterThan(0, status.ToString());
        (await Factory.WithDbAsync(db => db.ProgressReports.AllAsync(r => r.Assignment!.OrganizationId == education))).ShouldBeTrue();
        (await Factory.WithDbAsync(db => db.Reviews.CountAsync(r => r.Decision == ReviewDecision.Returned && r.Comment != null))).ShouldBeGreaterThan(0);
        (await Factory.WithDbAsync(db => db.Observations.CountAsync(o => o.OrganizationId == education))).ShouldBeGreaterThan(0);
        // Written through the services: every report and review is in the audit log.
        var reports = statuses.Values.Sum();
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "report.create"))).ShouldBe(reports);

        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        (await admin.GetStringAsync("/review")).ShouldContain("data-report=");
        var dashboard = await (await admin.GetAsync("/api/v1/dashboard")).JsonAsync();
        var counts = dashboard.GetProperty("byStatus").EnumerateArray().ToDictionary(s => s.GetProperty("status").GetString()!, s => s.GetProperty("count").GetInt32());
        (counts.GetValueOrDefault("inProgress") + counts.GetValueOrDefault("completed") + counts.GetValueOrDefault("ongoingOnTrack")).ShouldBeGreaterThan(0);

        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var my = await reporter.GetStringAsync("/my");
        my.ShouldContain("请补充具体数据和佐证材料后重新提交。");
    }
}
