using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Data;
using Duban.Data.Tracking;
using Duban.Web.Components.Pages.Tracking;
using Duban.Web.Demo;
using Duban.Web.Plans;
using Duban.Web.Security;
using Duban.Web.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Tracking;

/// <summary>
/// 我的任务 builds its rows from each task's id, plan and start, and reads the text, plan title and units of the rows
/// it shows only (docs/benchmarks.md, "Reporter's pages at province scale").
/// </summary>
public sealed class MyWorkShownTasksTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    [Fact]
    public async Task Only_the_tasks_of_the_rows_shown_are_read_whole_and_the_workbench_counts_the_rows_of_my()
    {
        using var scope = app.Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DubanDbContext>();
        var organization = await db.Organizations.Where(o => o.Name == DemoSeeder.CityEducation).Select(o => o.Id).SingleAsync();
        var reporter = new DubanUser(1, "reporter", "reporter", Role.Reporter, DataScope.Own, organization, null, null);
        var work = new MyWork(db, services.GetRequiredService<PlanQueries>(), services.GetRequiredService<TrackingQueries>(), services.GetRequiredService<ReportingPeriods>());
        var today = ChinaCalendar.Today(DateTimeOffset.UtcNow);

        var rows = (await work.ForAsync(reporter, today, default)).Items;
        var due = rows.Where(r => r.State == WorkState.Due).ToList();
        due.Count.ShouldBeGreaterThan(1, "the city's education bureau holds several tasks of the plan");

        // One row of each state shown: the tasks of those rows are read, not the organisation's others.
        var shown = await work.TasksShownAsync(reporter, rows, 1, default);
        var expected = rows.GroupBy(r => r.State).Select(g => g.First().Task.Id).ToHashSet();
        expected.Count.ShouldBeLessThan(rows.Select(r => r.Task.Id).Distinct().Count());
        shown.Keys.ShouldBe(expected, ignoreOrder: true);
        var first = shown[due[0].Task.Id];
        var stored = await db.Tasks.Where(t => t.Id == due[0].Task.Id).Select(t => new { t.Text, t.PlanId }).SingleAsync();
        first.Text.ShouldBe(stored.Text);
        first.PlanId.ShouldBe(stored.PlanId);
        first.PlanTitle.ShouldNotBeNullOrEmpty();
        (first.Leads.Count + first.Cooperating.Count).ShouldBeGreaterThan(0);
        first.Leads.Concat(first.Cooperating).ShouldContain(u => u.OrganizationId == organization);

        // A task the reporter does not see is not read, even when asked for.
        var other = await db.Tasks.Where(t => !t.Assignments.Any(a => a.OrganizationId == organization)).Select(t => t.Id).FirstAsync();
        (await services.GetRequiredService<PlanQueries>().TaskViewsAsync(reporter, [other], default)).ShouldBeEmpty();

        // The 工作台's figures are the counts of /my's rows in those states, without the missed periods read.
        var (dueCount, returnedCount) = await work.DueAndReturnedAsync(reporter, today, default);
        dueCount.ShouldBe(due.Count);
        returnedCount.ShouldBe(rows.Count(r => r.State == WorkState.Returned));
    }
}
