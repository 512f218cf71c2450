using Duban.Core.Comparison;
using Duban.Core.Security;
using Duban.Core.Tracking.Status;
using Duban.Data.Tracking.Status;
using Duban.Web.Comparison;
using Duban.Web.Dashboard;
using Duban.Web.Demo;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Tests.Comparison;

/// <summary>
/// 地区对比's completion counted in one pass (<see cref="RegionCompletion"/>) equals the grouping it replaced (every lead
/// placed in its regions, grouped by task per region, <see cref="ComparisonRules.Part"/> and <see cref="ComparisonRules.Tally"/>):
/// on the kept statuses of varied scopes and regions of <see cref="ComparisonFixture"/> (done on time, late, overdue,
/// in progress), and on random sets with several leads of one region on a task, organisations outside every region
/// and one placed in two.
/// </summary>
public sealed class RegionCompletionTests(ComparisonFixture app) : IClassFixture<ComparisonFixture>
{
    /// <summary>The computation before the one-pass count (ComparisonQueries at 26b0388), kept here as the reference.</summary>
    private static List<CompletionTally> ByGrouping(IEnumerable<TaskStatusRow> tasks, Func<long, IReadOnlyList<int>> regionsOf, int regionCount)
    {
        var leads = tasks.SelectMany(t => t.Assignments.Where(a => a.Role == UnitRole.Lead)).ToList();
        var leadsIn = leads.SelectMany(a => regionsOf(a.OrganizationId).Select(c => (Child: c, Lead: a))).ToLookup(x => x.Child, x => x.Lead);
        return Enumerable.Range(0, regionCount)
            .Select(c => ComparisonRules.Tally(leadsIn[c].GroupBy(a => a.TaskId).Select(g => ComparisonRules.Part(g.Select(a => a.Result).ToList()))))
            .ToList();
    }

    [Fact]
    public async Task The_one_pass_count_equals_the_grouping_on_the_scopes_of_the_demo()
    {
        var factory = app.Factory;
        var province = await factory.RegionIdAsync(DemoSeeder.Province);
        var regions = await factory.WithDbAsync(db => db.Regions.Select(r => new { r.Id, r.ParentId, r.Path }).ToListAsync());
        var paths = regions.ToDictionary(r => r.Id, r => r.Path);
        var organizations = await factory.WithDbAsync(db => db.Organizations.Select(o => new { o.Id, o.Region!.Path }).ToListAsync());
        DubanUser Scoped(long region) => new(1, "admin", "admin", Role.Admin, DataScope.RegionAndBelow, null, region, paths[region]);
        DubanUser[] users = [new(1, "admin", "admin", Role.Admin, DataScope.All, null, null, null), Scoped(province), Scoped(app.CityId)];
        long?[] planFilters = [null, app.PlanId];
        int?[] years = [null, 2025, 2026, 2027];

        var compared = 0;
        var counted = 0;
        foreach (var user in users)
            foreach (var plan in planFilters)
                foreach (var region in new[] { province, app.CityId }.Concat(app.Counties.Values).Where(r => user.ScopeRegionPath is not { } p || paths[r].StartsWith(p)))
                {
                    using var scope = factory.Services.CreateScope();
                    var scoped = await scope.ServiceProvider.GetRequiredService<ScopedTaskStatuses>().ReadAsync(user, new DashboardFilter(plan, region), CancellationToken.None);
                    var children = regions.Where(r => r.ParentId == region).OrderBy(r => r.Id).ToList();
                    var placed = organizations.ToDictionary(o => o.Id,
                        o => (IReadOnlyList<int>)children.Select((c, i) => (c.Path, i)).Where(c => o.Path.StartsWith(c.Path, StringComparison.Ordinal)).Select(c => c.i).ToList());
                    IReadOnlyList<int> RegionsOf(long organization) => placed.TryGetValue(organization, out var found) ? found : [];
                    foreach (var year in years)
                    {
                        var tasks = scoped.Set.Tasks.Where(t => year is null || t.Due?.Year == year).ToList();
                        var what = $"{user.Scope} {user.ScopeRegionPath} planId={plan} regionId={region} year={year}";
                        RegionCompletion.Count(tasks, RegionsOf, children.Count).ShouldBe(ByGrouping(tasks, RegionsOf, children.Count), what);
                        counted += ByGrouping(tasks, RegionsOf, children.Count).Sum(t => t.Tasks);
                        compared++;
                    }
                }
        compared.ShouldBeGreaterThan(40);
        // Not only empty tallies: the counties lead tasks in each state (ComparisonTests has the figures).
        counted.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_one_pass_count_equals_the_grouping_on_random_sets()
    {
        var random = new Random(20261207);
        var statuses = Enum.GetValues<TrackingStatus>();
        for (var round = 0; round < 200; round++)
        {
            var regionCount = random.Next(0, 6);
            // Organisation 0–39: in no region, one, or (a region and one below it, as overlapping paths would) two.
            var placed = Enumerable.Range(0, 40).ToDictionary(o => (long)o, _ => (IReadOnlyList<int>)(regionCount == 0 ? [] : random.Next(4) switch
            {
                0 => [],
                3 => Enumerable.Range(0, regionCount).OrderBy(_ => random.Next()).Take(2).ToList(),
                _ => [random.Next(regionCount)],
            }));
            var tasks = Enumerable.Range(1, random.Next(0, 300)).Select(id => new TaskStatusRow(id, 1, null, false, new StatusResult(TrackingStatus.InProgress, false, null),
                Enumerable.Range(0, random.Next(0, 6)).Select(n => new AssignmentStatus(id * 10 + n, id, random.Next(40),
                    random.Next(3) == 0 ? UnitRole.Cooperating : UnitRole.Lead,
                    new StatusResult(statuses[random.Next(statuses.Length)], random.Next(3) == 0, null), ClosedPeriodReport.NoClosedPeriod, null)).ToList())).ToList();
            IReadOnlyList<int> RegionsOf(long organization) => placed[organization];
            RegionCompletion.Count(tasks, RegionsOf, regionCount).ShouldBe(ByGrouping(tasks, RegionsOf, regionCount), $"round {round}");
        }
    }
}
