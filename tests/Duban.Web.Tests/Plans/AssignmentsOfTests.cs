using Duban.Core.Security;
using Duban.Data;
using Duban.Web.Plans;
using Duban.Web.Security;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Plans;

/// <summary>
/// <see cref="PlanQueries.AssignmentsOf"/> joins the task once where the user sees every current task of the
/// organisation; whoever asks, it keeps exactly the organisation's assignments whose task the user sees.
/// </summary>
public sealed class AssignmentsOfTests : IAsyncLifetime
{
    private readonly WebAppFixture app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Every_reader_gets_the_organisations_assignments_of_the_tasks_it_sees_and_none_of_a_removed_task()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDbContext>();
        var plans = scope.ServiceProvider.GetRequiredService<PlanQueries>();
        var organizations = await db.Assignments.Select(a => a.OrganizationId).Distinct().OrderBy(id => id).ToListAsync();
        organizations.Count.ShouldBeGreaterThan(3, "the demo's sample plans assign tasks to several organisations");

        // A task a later version dropped: its assignments stay, and no reader may get them.
        var removed = await db.Assignments.Where(a => a.OrganizationId == organizations[0]).Select(a => a.Task!).OrderBy(t => t.Id).FirstAsync();
        var version = await db.Plans.Where(p => p.Id == removed.PlanId).Select(p => p.CurrentVersionId).SingleAsync();
        await db.Tasks.Where(t => t.Id == removed.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.RemovedInVersionId, version));

        var county = await db.Organizations.Where(o => o.Region!.Parent != null && o.Region.Parent.Parent != null && organizations.Contains(o.Id))
            .Select(o => new { o.Id, o.RegionId, o.Region!.Path }).FirstAsync();
        var readers = new List<DubanUser> { new(1, "all", "全部", Role.Inspector, DataScope.All, null, null, null) };
        readers.AddRange(organizations.Select(id => new DubanUser(2, "own", "本单位", Role.Reporter, DataScope.Own, id, null, null)));
        readers.Add(new DubanUser(3, "county", "本地区", Role.Admin, DataScope.RegionAndBelow, county.Id, county.RegionId, county.Path));

        var compared = 0;
        foreach (var reader in readers)
        foreach (var organization in organizations)
        {
            var visible = plans.VisibleTasks(reader).Select(t => t.Id);
            var expected = await db.Assignments.Where(a => a.OrganizationId == organization && visible.Contains(a.TaskId)).Select(a => a.Id).OrderBy(id => id).ToListAsync();
            var actual = await plans.AssignmentsOf(reader, organization).Select(a => a.Id).OrderBy(id => id).ToListAsync();
            actual.ShouldBe(expected, $"{reader.UserName} ({reader.Scope}, organisation {reader.OrganizationId}) reading organisation {organization}");
            compared += expected.Count;
        }
        compared.ShouldBeGreaterThan(0);

        var own = readers.Single(r => r.Scope == DataScope.Own && r.OrganizationId == organizations[0]);
        var ownTasks = await plans.AssignmentsOf(own, organizations[0]).Select(a => a.TaskId).ToListAsync();
        ownTasks.ShouldNotBeEmpty();
        ownTasks.ShouldNotContain(removed.Id);
        // A reporter of another organisation gets none of this one's assignments of tasks it does not hold.
        var stranger = readers.First(r => r.Scope == DataScope.Own && r.OrganizationId != organizations[0]);
        var strangers = await plans.AssignmentsOf(stranger, organizations[0]).Select(a => a.TaskId).ToListAsync();
        strangers.ShouldAllBe(task => db.Assignments.Any(a => a.TaskId == task && a.OrganizationId == stranger.OrganizationId));
    }
}
