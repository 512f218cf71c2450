using Duban.Core.Security;
using Duban.Core.Tracking.Supervision;
using Duban.Web.Paging;
using Duban.Web.Security;
using Duban.Web.Supervision;
using Duban.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Supervision;

/// <summary>
/// The 督办单 list with a region scope's plans and organisations read once per request gives the orders, counts and
/// plan choices of the per-query scope test (<see cref="SupervisionQueries.VisibleOrders"/>): for scope 全部, every
/// region of the demo as 本地区及下级, and each organisation as 本单位, on orders of tasks of every region.
/// </summary>
public sealed class SupervisionScopeTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    [Fact]
    public async Task The_list_read_with_the_scope_once_holds_what_the_scope_test_holds()
    {
        var factory = app.Factory;
        await factory.WithDbAsync(async db =>
        {
            // One order for each of the first assignments of every organisation: tasks of every plan and region.
            var assignments = (await db.Assignments.Where(a => a.Task!.RemovedInVersionId == null).OrderBy(a => a.Id).ToListAsync())
                .GroupBy(a => a.OrganizationId).SelectMany(g => g.Take(2)).ToList();
            var at = DateTimeOffset.UtcNow.AddDays(-30);
            foreach (var (a, i) in assignments.Select((a, i) => (a, i)))
                db.Add(new SupervisionOrder
                {
                    Number = $"测试-{i}", TaskId = a.TaskId, AssignmentId = a.Id, OrganizationId = a.OrganizationId, Reason = "范围测试",
                    IssuedAt = at.AddHours(i), IssuedByName = "测试", ReplyBy = DateOnly.FromDateTime(DateTime.Today).AddDays(i % 3 == 0 ? -1 : 10),
                    Status = (OrderStatus)(i % 5), IdempotencyKey = $"scope-test-{i}",
                });
            await db.SaveChangesAsync();
        });
        var regions = await factory.WithDbAsync(db => db.Regions.Select(r => new { r.Id, r.Path }).ToListAsync());
        var organizations = await factory.WithDbAsync(db => db.Organizations.Select(o => o.Id).ToListAsync());
        var users = new List<DubanUser> { new(1, "admin", "admin", Role.Admin, DataScope.All, null, null, null) };
        users.AddRange(regions.Select(r => new DubanUser(1, "admin", "admin", Role.Admin, DataScope.RegionAndBelow, null, r.Id, r.Path)));
        users.AddRange(organizations.Select(o => new DubanUser(2, "reporter", "reporter", Role.Reporter, DataScope.Own, o, null, null)));
        OrderFilter[] filters = [OrderFilter.Parse("all", null, null, null)!, OrderFilter.Parse("active", null, null, null)!, OrderFilter.Parse("overdue", null, null, null)!];

        var seen = 0;
        foreach (var user in users)
            foreach (var filter in filters)
            {
                using var scope = factory.Services.CreateScope();
                var queries = scope.ServiceProvider.GetRequiredService<SupervisionQueries>();
                var what = $"{user.Scope} {user.ScopeRegionPath} {user.OrganizationId} {filter}";
                var expected = await queries.Listed(user, filter).Select(o => o.Id).ToListAsync();
                var page = await queries.PageAsync(user, filter, new KeysetRequest(new PageRequest(1, PageRequest.MaxPageSize)), CancellationToken.None);
                page.Items.Select(o => o.Id).ShouldBe(expected.Take(PageRequest.MaxPageSize), what);
                (await queries.CountAsync(user, filter, CancellationToken.None)).Value.ShouldBe(page.Total, what);
                page.Total.ShouldBe(expected.Count, what);

                var visible = queries.VisibleOrders(user);
                var db = scope.ServiceProvider.GetRequiredService<Duban.Data.DubanDbContext>();
                var expectedPlans = await db.Tasks.Where(t => visible.Any(o => o.TaskId == t.Id)).Select(t => t.PlanId).Distinct().OrderBy(p => p).ToListAsync();
                (await queries.FilterChoicesAsync(user, CancellationToken.None)).Plans.Select(p => p.Id).Order().ToList().ShouldBe(expectedPlans, what);
                seen += expected.Count;
            }
        seen.ShouldBeGreaterThan(0);
        // Not only all or nothing: some readers see some orders but not all.
        var all = users[0];
        using (var scope = factory.Services.CreateScope())
        {
            var queries = scope.ServiceProvider.GetRequiredService<SupervisionQueries>();
            var total = await queries.Listed(all, filters[0]).CountAsync();
            var partial = 0;
            foreach (var user in users.Skip(1))
                if (await queries.Listed(user, filters[0]).CountAsync() is > 0 and var n && n < total) partial++;
            partial.ShouldBeGreaterThan(0);
        }
    }
}
