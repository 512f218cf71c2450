using System.Net.Http.Json;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Web.Dashboard;
using Duban.Web.Demo;
using Duban.Web.Security;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Dashboard;

/// <summary>A kept 总览 is served only while nothing was written since: any write shows at once.</summary>
public sealed class DashboardKeptViewTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static readonly DubanUser Admin = new(1, DemoAccounts.Admin, "演示管理员", Role.Admin, DataScope.All, null, null, null);

    [Fact]
    public async Task The_same_view_is_served_again_until_a_write_and_then_computed_anew()
    {
        var dashboard = Factory.Services.GetRequiredService<DashboardCoalescer>();
        var filter = new DashboardFilter(app.PlanId, null);
        var first = await dashboard.JsonAsync(Admin, filter, default);
        (await dashboard.JsonAsync(Admin, filter, default)).ShouldBeSameAs(first);
        var view = await dashboard.BuildAsync(Admin, filter, default);
        (await dashboard.BuildAsync(Admin, filter, default)).ShouldBeSameAs(view);
        // Another view (another filter) is its own.
        (await dashboard.JsonAsync(Admin, new DashboardFilter(null, null), default)).ShouldNotBeSameAs(first);

        // A report submitted and approved through the API: the next 总览 is computed, and shows it.
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation, skip: 3);
        var period = PeriodSpan.Containing(PeriodKind.Monthly, ChinaCalendar.Today(DateTimeOffset.UtcNow));
        var created = await reporter.PostAsJsonAsync("/api/v1/reports", new
        {
            assignmentId = assignment.Id, periodStart = period.Start, state = "inProgress", percentComplete = 50, done = "缓存测试", problems = "无", nextSteps = "继续",
        });
        created.EnsureSuccessStatusCode();
        var after = await dashboard.JsonAsync(Admin, filter, default);
        after.ShouldNotBeSameAs(first);
        (await dashboard.JsonAsync(Admin, filter, default)).ShouldBeSameAs(after);

        // A write the application did not make (no audit entry) but that adds a tracked row is seen too.
        await Factory.WithDbAsync(async db =>
        {
            var report = await db.ProgressReports.SingleAsync(r => r.AssignmentId == assignment.Id && r.Period!.Start == period.Start);
            db.ReportRevisions.Add(new Core.Tracking.Reporting.ReportRevision
            {
                ReportId = report.Id, Number = 2, State = Core.Tracking.Reporting.ProgressState.InProgress, PercentComplete = 60, Done = "直接写入", AuthorId = 1,
                AuthorName = "test", CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        (await dashboard.JsonAsync(Admin, filter, default)).ShouldNotBeSameAs(after);
    }
}
