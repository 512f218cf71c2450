using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Status;
using Duban.Data;
using Duban.Data.Tracking;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Tests.Comparison;

/// <summary>
/// The demo's 清河市 plan with the counties' values and reports a comparison is made of, written through the services
/// the pages use, for the last two periods of the plan's cycle (the previous one and the current one):
/// <list type="table">
/// <item>每年培训2万人次以上 (人次, per year): 东湖县 5000 → 8000 (↑, 滞后), 西山县 25000 → 21000 (↓, 已达成), 南岭县 none (无数据).</item>
/// <item>本地就业率达到65%以上 (plan level, 2027): 东湖县 66 (no previous, 已达成), 西山县 50 → 55 (↑, 正常), 南岭县 60 → 60 (→, 滞后 once projected flat).</item>
/// </list>
/// The plan's tracking start is moved to 2025-01-01 so that task 1 (due 2025-12-31) is 逾期 where not done; 东湖县 completes
/// task 1 (late) and task 7 (on time), 西山县 nothing, 南岭县 completes task 7.
/// </summary>
public sealed class ComparisonFixture : WebAppFixture, IAsyncLifetime
{
    public long CityId { get; private set; }
    public long PlanId { get; private set; }
    public long TrainingTarget { get; private set; }
    public long EmploymentTarget { get; private set; }
    public Dictionary<string, long> Counties { get; } = [];
    public PeriodSpan Current { get; private set; }
    public PeriodSpan Previous { get; private set; }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        CityId = await Factory.RegionIdAsync(DemoSeeder.City);
        foreach (var county in DemoSeeder.Counties) Counties[county] = await Factory.RegionIdAsync(county);
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDbContext>();
        var plan = await db.Plans.SingleAsync(p => p.RegionId == CityId && p.Status == PlanStatus.Published);
        PlanId = plan.Id;
        plan.TrackingStart = new DateOnly(2025, 1, 1);
        await db.SaveChangesAsync();
        TrainingTarget = await db.Targets.Where(t => t.PlanId == PlanId && t.TaskId != null && t.Unit == "人次" && t.Value == 20000).Select(t => t.Id).SingleAsync();
        EmploymentTarget = await db.Targets.Where(t => t.PlanId == PlanId && t.TaskId == null && t.Unit == "%" && t.Value == 65).Select(t => t.Id).SingleAsync();
        var cycle = await db.ReportingCycles.Where(c => c.PlanId == PlanId).Select(c => (PeriodKind?)c.Kind).SingleOrDefaultAsync() ?? PeriodKind.Monthly;
        Current = PeriodSpan.Containing(cycle, TrackingDay.Today(TimeProvider.System));
        Previous = Current.Previous();

        var values = scope.ServiceProvider.GetRequiredService<ObservationReporting>();
        var reports = scope.ServiceProvider.GetRequiredService<ProgressReporting>();
        var admin = await db.Users.Where(u => u.UserName == DemoAccounts.Admin).Select(u => new { u.Id, u.UserName }).SingleAsync();
        var office = new TrackingActor(admin.Id, admin.UserName, Role.Admin, null);
        foreach (var (county, training, employment, completes) in new (string, (decimal?, decimal?), (decimal?, decimal?), string[])[]
                 {
                     ("东湖县", (5000, 8000), (null, 66), ["1.", "7."]),
                     ("西山县", (25000, 21000), (50, 55), []),
                     ("南岭县", (null, null), (60, 60), ["7."]),
                 })
        {
            var government = await Factory.OrganizationIdAsync(county + "人民政府");
            var user = await Factory.CreateUserAsync($"comparison-{Counties[county]}", "comparison-password-1", Role.Reporter, DataScope.Own, government);
            var actor = new TrackingActor(user.Id, user.UserName, Role.Reporter, government);
            foreach (var (target, (previous, current)) in new[] { (TrainingTarget, training), (EmploymentTarget, employment) })
            {
                if (previous is { } p) (await values.CreateAsync(actor, new NewObservation(target, Previous.Start, new ObservationContent(p, "对比测试", null)))).Error.ShouldBeNull();
                if (current is { } c) (await values.CreateAsync(actor, new NewObservation(target, Current.Start, new ObservationContent(c, "对比测试", null)))).Error.ShouldBeNull();
            }
            foreach (var prefix in completes)
            {
                var assignment = await db.Assignments.AsNoTracking()
                    .Where(a => a.OrganizationId == government && a.Role == UnitRole.Lead && a.Task!.PlanId == PlanId && a.Task.No == prefix.TrimEnd('.'))
                    .Select(a => a.Id).SingleAsync();
                var created = await reports.CreateAsync(actor, new NewReport(assignment, Current.Start,
                    new ReportContent(ProgressState.Completed, 100, "已完成全部工作。", "无", "巩固成果。", null)));
                created.Error.ShouldBeNull();
                var submitted = await reports.SubmitAsync(actor, created.Value!.Id, created.Value.Version);
                submitted.Error.ShouldBeNull();
                (await reports.ReviewAsync(office, submitted.Value!.Id, submitted.Value.Version, new ReviewInput(ReviewDecision.Approved, "同意。"))).Error.ShouldBeNull();
            }
        }
    }
}
