using Duban.Benchmarks.Tracking;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Status;
using Duban.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Benchmarks.Tests;

/// <summary>The tracking benchmark's generator on a small SQLite dataset: two cities, four months.</summary>
public sealed class TrackingDatasetTests
{
    // The pages judge by the real clock, so the history ends today too.
    private static readonly DateOnly Today = ChinaCalendar.Today(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_small_tracking_dataset_is_consistent_and_gives_the_dashboard_and_my_tasks_real_figures()
    {
        var directory = Path.Combine(Path.GetTempPath(), "duban-bench-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var database = new DatabaseOptions { DataDirectory = directory };
            var shape = new TrackingShape(Cities: 2, CountiesPerCity: 1, Years: 1, Seed: 7, Today);
            var bench = new TrackingBench(database);

            await TrackingCommand.BuildAsync(database, shape, bench, _ => { }, CancellationToken.None);

            (await TrackingCommand.ConsistencyAsync(database, CancellationToken.None)).ShouldBeEmpty();
            await using (var db = DubanDatabase.CreateContext(database))
            {
                (await db.Plans.CountAsync()).ShouldBe(3);
                // Thirteen monthly periods per plan: the year before this month, and this month (drafts only).
                (await db.Periods.CountAsync()).ShouldBe(3 * 13);
                (await db.Periods.MinAsync(p => p.Start)).ShouldBe(new DateOnly(Today.Year, Today.Month, 1).AddYears(-1));
                var statuses = await db.ProgressReports.GroupBy(r => r.Status).Select(g => g.Key).ToListAsync();
                statuses.ShouldContain(ReportStatus.Approved);
                statuses.ShouldContain(ReportStatus.Draft);
                (await db.ProgressReports.CountAsync(r => r.RevisionCount == 2 && r.Status == ReportStatus.Approved)).ShouldBeGreaterThan(0);
                (await db.ProgressReports.CountAsync(r => r.Late)).ShouldBeGreaterThan(0);
                (await db.Reviews.CountAsync(r => r.Decision == ReviewDecision.Returned)).ShouldBeGreaterThan(0);
                (await db.Observations.CountAsync()).ShouldBeGreaterThan(0);
                (await db.ObservationRevisions.CountAsync()).ShouldBeGreaterThan(await db.Observations.CountAsync());
                // No report for a period of another plan than its task's.
                (await db.ProgressReports.CountAsync(r => r.Period!.PlanId != r.Assignment!.Task!.PlanId)).ShouldBe(0);
            }

            var readers = await bench.ReadersAsync(CancellationToken.None);
            var province = await bench.DashboardAsync(readers.Province, CancellationToken.None);
            province.TaskCount.ShouldBeGreaterThan(60);
            province.ByStatus.Sum(s => s.Count).ShouldBe(province.TaskCount);
            province.ByStatus.Count(s => s.Count > 0).ShouldBeGreaterThanOrEqualTo(3);
            province.Timeliness.Sum(t => t.OnTime).ShouldBeGreaterThan(0);
            province.Targets.Sum(t => t.Count).ShouldBeGreaterThan(0);
            var city = await bench.DashboardAsync(readers.City, CancellationToken.None);
            city.TaskCount.ShouldBeInRange(1, province.TaskCount - 1);
            var work = await bench.MyTasksAsync(readers.Reporter, CancellationToken.None);
            work.ShouldNotBeEmpty();
            work.ShouldContain(w => w.Report != null && w.Report.Status == ReportStatus.Approved);
            (await bench.TasksByStatusAsync(readers.Province, TrackingStatus.Completed, CancellationToken.None)).Total
                .ShouldBe(province.ByStatus.Single(s => s.Status == TrackingStatus.Completed).Count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
