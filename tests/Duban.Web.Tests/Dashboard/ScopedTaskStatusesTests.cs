using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Data.Audit;
using Duban.Data.Tracking.Status;
using Duban.Web.Dashboard;
using Duban.Web.Demo;
using Duban.Web.Security;
using Duban.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Tests.Dashboard;

/// <summary>
/// The tasks of the 总览 and 地区对比 read from the kept statuses by their plans' and organisations' regions
/// (<see cref="ScopedTaskStatuses.ReadAsync(DubanUser, DashboardFilter, CancellationToken)"/>) are exactly those the
/// list's query finds task by task (<see cref="ScopedTaskStatuses.ByQueryAsync"/>), with the same statuses, reporting
/// and closed periods: for every scope and filter, on regions of several levels, a plan with an older version whose
/// replaced task must not count, a task of two leads in two cities and a cooperating organisation in a county.
/// </summary>
public sealed class ScopedTaskStatusesTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    [Fact]
    public async Task Reading_by_regions_gives_the_tasks_and_statuses_the_list_query_gives()
    {
        var factory = plans.Factory;
        var province = await factory.RegionIdAsync(DemoSeeder.Province);
        var city = await factory.RegionIdAsync(DemoSeeder.City);
        var (county, otherCity, otherCounty) = await factory.WithDbAsync(async db =>
        {
            var county = await db.Regions.Where(r => r.ParentId == city).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            var other = await db.Plans.Where(p => p.Id == plans.OtherRegionPlanId).Select(p => p.Region!).SingleAsync();
            return (county, other.ParentId!.Value, other.Id);
        });

        // A task of the city's draft plan gets a second lead from the other city's county, and a cooperating school in
        // one of the city's counties: the other city's scope holds it by its organisation, the county's by the school.
        var task = (await plans.TasksAsync(plans.DraftCityPlanId)).First(t => t.Assignments.Count(a => a.Role == UnitRole.Lead) == 1);
        await factory.WithDbAsync(async db =>
        {
            var far = new Organization { Name = "云岭县第二牵头局", Kind = OrganizationKind.Department, RegionId = otherCounty };
            var school = new Organization { Name = "县配合职业学校", Kind = OrganizationKind.School, RegionId = county };
            db.Organizations.AddRange(far, school);
            await db.SaveChangesAsync();
            db.Assignments.Add(new Assignment { TaskId = task.Id, OrganizationId = far.Id, Role = UnitRole.Lead, UnitName = far.Name });
            db.Assignments.Add(new Assignment { TaskId = task.Id, OrganizationId = school.Id, Role = UnitRole.Cooperating, UnitName = school.Name });
            new AuditLog(db, TimeProvider.System).Add(Actor.System, "test.assignments", "task", task.Id, null, null);
            await db.SaveChangesAsync();
        });
        // A task of the published plan removed by its current version (as a new version drops a task): only current tasks count.
        var removed = (await plans.TasksAsync(plans.PublishedPlanId)).Last();
        await factory.WithDbAsync(async db =>
        {
            var row = await db.Tasks.SingleAsync(t => t.Id == removed.Id);
            row.RemovedInVersionId = await db.Plans.Where(p => p.Id == plans.PublishedPlanId).Select(p => p.CurrentVersionId).SingleAsync();
            new AuditLog(db, TimeProvider.System).Add(Actor.System, "test.remove", "task", removed.Id, null, null);
            await db.SaveChangesAsync();
        });
        List<long> replaced = [removed.Id];

        var paths = await factory.WithDbAsync(db => db.Regions.ToDictionaryAsync(r => r.Id, r => r.Path));
        DubanUser Scoped(long region) => new(1, "admin", "admin", Role.Admin, DataScope.RegionAndBelow, null, region, paths[region]);
        var users = new Dictionary<string, DubanUser>
        {
            ["全部"] = new(1, "admin", "admin", Role.Admin, DataScope.All, null, null, null),
            ["省"] = Scoped(province),
            ["市"] = Scoped(city),
            ["县"] = Scoped(county),
            ["他市"] = Scoped(otherCity),
            ["他县"] = Scoped(otherCounty),
        };
        long?[] regionFilters = [null, province, city, county, otherCity, otherCounty, 999_999];
        long?[] planFilters = [null, plans.PublishedPlanId, plans.DraftCityPlanId, plans.OtherRegionPlanId, 999_999];

        var sizes = new Dictionary<string, int>();
        foreach (var (name, user) in users)
            foreach (var region in regionFilters)
                foreach (var plan in planFilters)
                {
                    var filter = new DashboardFilter(plan, region);
                    var what = $"{name} planId={plan} regionId={region}";
                    var (byRegions, byQuery) = await ReadBothAsync(user, filter);
                    Same(byRegions, byQuery, what);
                    byRegions.TaskIds.ShouldNotContain(id => replaced.Contains(id), what);
                    sizes[what] = byRegions.TaskIds.Count;
                }

        // The comparisons are not of empty sets: scopes and filters narrow, and the two-city task is in both cities.
        sizes["全部 planId= regionId="].ShouldBeGreaterThan(sizes["市 planId= regionId="]);
        sizes["市 planId= regionId="].ShouldBeGreaterThan(sizes["县 planId= regionId="]);
        sizes["县 planId= regionId="].ShouldBeGreaterThan(0);
        (await ReadBothAsync(users["他市"], new DashboardFilter(plans.DraftCityPlanId, null))).Item1.TaskIds.ShouldBe([task.Id]);
        (await ReadBothAsync(users["县"], new DashboardFilter(plans.DraftCityPlanId, null))).Item1.TaskIds.ShouldContain(task.Id);
        sizes["省 planId= regionId=999999"].ShouldBe(0);
    }

    private async Task<(ScopedTasks, ScopedTasks)> ReadBothAsync(DubanUser user, DashboardFilter filter)
    {
        using var scope = plans.Factory.Services.CreateScope();
        var scoped = scope.ServiceProvider.GetRequiredService<ScopedTaskStatuses>();
        return (await scoped.ReadAsync(user, filter, CancellationToken.None), await scoped.ByQueryAsync(user, filter, CancellationToken.None));
    }

    private static void Same(ScopedTasks actual, ScopedTasks expected, string what)
    {
        actual.TaskIds.Order().ShouldBe(expected.TaskIds.Order(), what);
        actual.PlanIds.Order().ShouldBe(expected.PlanIds.Order(), what);
        actual.Set.Today.ShouldBe(expected.Set.Today, what);
        var expectedRows = expected.Set.Tasks.ToDictionary(t => t.TaskId);
        foreach (var row in actual.Set.Tasks)
        {
            var other = expectedRows[row.TaskId];
            (row.PlanId, row.Due, row.Ongoing, row.Result).ShouldBe((other.PlanId, other.Due, other.Ongoing, other.Result), what);
            row.Assignments.OrderBy(a => a.AssignmentId).ShouldBe(other.Assignments.OrderBy(a => a.AssignmentId), what);
        }
        Key(actual.Set.PeriodReports).ShouldBe(Key(expected.Set.PeriodReports), what);
        actual.Set.ClosedPeriods.Keys.Order().ShouldBe(expected.Set.ClosedPeriods.Keys.Order(), what);
        foreach (var (plan, periods) in actual.Set.ClosedPeriods) periods.ShouldBe(expected.Set.ClosedPeriods[plan], what);
    }

    private static List<string> Key(IEnumerable<PeriodReport> reports) =>
        reports.Select(r => $"{r.AssignmentId}/{r.TaskId}/{r.OrganizationId}/{r.Period}/{r.Timeliness}").Order(StringComparer.Ordinal).ToList();
}
