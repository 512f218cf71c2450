using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Web.Components.Pages.Tracking;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;

namespace Duban.Web.Tests.Tracking;

/// <summary>我的任务 lists approved reports of the last twelve months; older ones are history, on the task page.</summary>
public sealed class MyApprovedHorizonTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    [Fact]
    public async Task An_approved_report_older_than_the_horizon_is_not_work_any_more()
    {
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation);
        var today = ChinaCalendar.Today(DateTimeOffset.UtcNow);
        var recent = PeriodSpan.Containing(PeriodKind.Monthly, today).Previous().Previous();
        var old = PeriodSpan.Containing(PeriodKind.Monthly, today.AddMonths(-ReporterWorklist.ApprovedMonths - 2));
        await app.Factory.WithDbAsync(async db =>
        {
            foreach (var span in new[] { recent, old })
            {
                var period = Period.Of(app.PlanId, span);
                db.Periods.Add(period);
                await db.SaveChangesAsync();
                var report = new ProgressReport { AssignmentId = assignment.Id, PeriodId = period.Id, CreatedAt = DateTimeOffset.UtcNow, RevisionCount = 1, Status = ReportStatus.Approved };
                db.ProgressReports.Add(report);
                await db.SaveChangesAsync();
                var revision = new ReportRevision
                {
                    ReportId = report.Id, Number = 1, State = ProgressState.InProgress, PercentComplete = 30, Done = "已通过" + span.Label, AuthorId = 1, AuthorName = "test",
                    CreatedAt = DateTimeOffset.UtcNow,
                };
                db.ReportRevisions.Add(revision);
                await db.SaveChangesAsync();
                report.LatestRevisionId = revision.Id;
                await db.SaveChangesAsync();
            }
        });

        var reporter = await app.Factory.SignedInAsync(DemoAccounts.Reporter);
        var page = await reporter.GetStringAsync("/my");
        page.ShouldContain($"report?period={recent.Start:yyyy-MM-dd}");
        page.ShouldNotContain($"report?period={old.Start:yyyy-MM-dd}");
        // The task page keeps the whole history.
        (await reporter.GetStringAsync($"/tasks/{assignment.TaskId}")).ShouldContain("已通过" + old.Label);
    }
}
