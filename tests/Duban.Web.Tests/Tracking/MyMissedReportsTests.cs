using System.Text.RegularExpressions;
using Duban.Core.Tracking.Periods;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Tests.Tracking;

/// <summary>
/// 缺报 on 我的任务 lists every closed period since the plan was imported, not only the last one, each with a link to
/// report it late, or 已逾期不可补报 once the cycle refuses it.
/// </summary>
public sealed class MyMissedReportsTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [Fact]
    public async Task Every_missed_period_since_the_import_is_listed_with_a_late_link_until_the_cycle_refuses_it()
    {
        var today = ChinaCalendar.Today(DateTimeOffset.UtcNow);
        var imported = PeriodSpan.Containing(PeriodKind.Monthly, today).Previous().Previous().Previous().Previous();
        await Factory.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == app.PlanId);
            plan.CreatedAt = new DateTimeOffset(imported.Start.ToDateTime(TimeOnly.MinValue), ChinaCalendar.Offset);
            await db.SaveChangesAsync();
            return 0;
        });
        var taskId = await Factory.WithDbAsync(db => db.Assignments.Where(a => a.Task!.PlanId == app.PlanId && a.Organization!.Name == DemoSeeder.CityEducation
            && a.Role == UnitRole.Lead && a.Task.Start == null).OrderBy(a => a.Id).Select(a => a.TaskId).FirstAsync());
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);

        // The four months since the import, the last of them once its window closed on the 5th.
        var closed = Enumerable.Range(0, 4).Select(i => imported.Start.AddMonths(i)).Where(start => new PeriodSpan(PeriodKind.Monthly, start, start.AddMonths(1).AddDays(-1)).End.AddDays(5) < today).ToList();
        var my = await reporter.GetStringAsync("/my");
        MissingRows(my, taskId).ShouldBe(closed.Count);
        foreach (var start in closed) my.ShouldContain($"href=\"tasks/{taskId}/report?period={start:yyyy-MM-dd}\"");
        my.ShouldNotContain("已逾期不可补报");

        // Refused 20 days after the window: the oldest months can no longer be reported.
        await Factory.WithDbAsync(async db =>
        {
            db.ReportingCycles.Add(new ReportingCycle { PlanId = app.PlanId, LateRule = LateRule.RefuseAfter, RefuseAfterDays = 20 });
            await db.SaveChangesAsync();
            return 0;
        });
        my = await reporter.GetStringAsync("/my");
        MissingRows(my, taskId).ShouldBe(closed.Count);
        my.ShouldContain("已逾期不可补报");
        my.ShouldNotContain($"href=\"tasks/{taskId}/report?period={imported.Start:yyyy-MM-dd}\"");
    }

    [Fact]
    public async Task A_plan_imported_today_has_missed_no_period_neither_for_its_leads_nor_for_its_cooperating_units()
    {
        await Factory.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == app.PlanId);
            plan.CreatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
            return 0;
        });
        var held = await Factory.WithDbAsync(db => db.Assignments.Where(a => a.Task!.PlanId == app.PlanId && a.Task.RemovedInVersionId == null && a.Organization!.Name == DemoSeeder.CityEducation)
            .Select(a => new { a.TaskId, a.Role }).ToListAsync());
        held.ShouldContain(a => a.Role == UnitRole.Cooperating, "the city's education bureau cooperates on some task of the plan");
        held.ShouldContain(a => a.Role == UnitRole.Lead);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);

        var my = await reporter.GetStringAsync("/my");
        foreach (var task in held.Select(a => a.TaskId).Distinct())
        {
            my.ShouldContain($"data-task=\"{task}\"", customMessage: "every task held is listed (待填报)");
            MissingRows(my, task).ShouldBe(0, $"task {task} of a plan imported today");
        }
    }

    private static int MissingRows(string html, long taskId) => Regex.Count(html, $"data-task=\"{taskId}\" data-state=\"missing\"");
}
