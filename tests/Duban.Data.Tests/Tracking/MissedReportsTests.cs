using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Data.Tests.Support;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;
using static Duban.Data.Tests.Tracking.Status.StatusWorld;

namespace Duban.Data.Tests.Tracking;

/// <summary>
/// 缺报 on 我的任务: every closed period since the plan was imported (within the dashboard's horizon) that a lead
/// assignment has no report for, and whether the cycle still accepts it late.
/// </summary>
public sealed class MissedReportsTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    /// <summary>15 April 2026 in Beijing: January to March have closed (March's window closed on 5 April).</summary>
    private static readonly DateOnly Today = new(2026, 4, 15);

    private static DateTimeOffset Beijing(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    private static async Task<MissedReportSet> MissedAsync(DubanDbContext db, long organizationId, long planId) =>
        await new MissedReports(db).ForAsync(organizationId, db.Tasks.Where(t => t.PlanId == planId).Select(t => t.Id), Today);

    [Theory, OnSqlite, OnPostgres]
    public async Task Every_closed_period_without_any_report_is_listed_for_the_lead_organisation(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var world = await Status.StatusWorld.CreateAsync(db, "缺报" + provider);

        var none = await world.TaskAsync("从未填报", new DateOnly(2026, 12, 31));
        var partly = await world.TaskAsync("部分填报", new DateOnly(2026, 12, 31));
        await world.ReportAsync(Lead(partly), February, ReportStatus.Submitted, ProgressState.InProgress, 20);
        await world.ReportAsync(Lead(partly), March, ReportStatus.Draft, ProgressState.InProgress, 30);
        var late = await world.TaskAsync("三月启动", new DateOnly(2026, 12, 31));
        late.Start = new DateOnly(2026, 3, 10);
        var done = await world.TaskAsync("一月完成", new DateOnly(2026, 12, 31));
        await world.ReportAsync(Lead(done), January, ReportStatus.Approved, ProgressState.Completed, 100, Beijing(2, 3));
        await db.SaveChangesAsync();

        var missed = await MissedAsync(db, world.BureauId, world.PlanId);
        string Months(long taskId) => string.Join(",", missed.Periods.Where(m => m.TaskId == taskId).Select(m => m.Period.Start.Month).Order());
        Months(none.Id).ShouldBe("1,2,3");
        // February was submitted; March has a draft, which the worklist shows with the draft.
        Months(partly.Id).ShouldBe("1");
        Months(late.Id).ShouldBe("3");
        // 已完成 approved as submitted on 3 February: nothing owed for periods starting after it.
        Months(done.Id).ShouldBe("2");
        missed.LeadAssignments.ShouldBe([Lead(none), Lead(partly), Lead(late), Lead(done)], ignoreOrder: true);
        missed.Periods.ShouldAllBe(m => !m.Refused);
        missed.Periods.First(m => m.Period.Start == March).WindowCloses.ShouldBe(new DateOnly(2026, 4, 5));

        // The school only cooperates: no lead assignment, nothing listed here.
        var school = await MissedAsync(db, world.SchoolId, world.PlanId);
        school.LeadAssignments.ShouldBeEmpty();
        school.Periods.ShouldBeEmpty();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Periods_the_cycle_no_longer_accepts_are_marked_and_the_horizon_is_a_year(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var world = await Status.StatusWorld.CreateAsync(db, "拒收" + provider);
        var task = await world.TaskAsync("拒收", null, ongoing: true);
        db.ReportingCycles.Add(new ReportingCycle { PlanId = world.PlanId, LateRule = LateRule.RefuseAfter, RefuseAfterDays = 30 });
        await db.SaveChangesAsync();

        // January closed on 5 February and February on 5 March, both more than 30 days ago; March on 5 April.
        var missed = await MissedAsync(db, world.BureauId, world.PlanId);
        missed.Periods.Select(m => (m.Period.Start.Month, m.Refused)).OrderBy(m => m.Month).ShouldBe([(1, true), (2, true), (3, false)]);

        // A plan imported two years ago: the twelve closed periods of the last year, April 2025 to March 2026.
        var plan = await db.Plans.SingleAsync(p => p.Id == world.PlanId);
        plan.CreatedAt = Imported.AddYears(-2);
        await db.SaveChangesAsync();
        var year = (await MissedAsync(db, world.BureauId, world.PlanId)).Periods.Where(m => m.TaskId == task.Id).Select(m => m.Period.Start).Order().ToList();
        year.Count.ShouldBe(12);
        year[0].ShouldBe(new DateOnly(2025, 4, 1));
        year[^1].ShouldBe(March);
    }
}
