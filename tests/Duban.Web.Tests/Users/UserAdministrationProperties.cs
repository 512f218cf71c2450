using Duban.Core.Security;
using Duban.Core.Users;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Web.Demo;
using Duban.Web.Security;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Users;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Users;

/// <summary>
/// An administrator of a county or a city, and every account it makes or whose password it resets (it knows their
/// passwords, so it controls them), acts in any order on any account with any role, scope, organisation and region.
/// However the sequence runs, nobody it controls ends with a reach wider than the administrator started with, and no
/// account outside its scope at the start has changed (H1).
/// </summary>
public sealed class UserAdministrationProperties(WebAppWithoutSamplePlansFixture app) : IClassFixture<WebAppWithoutSamplePlansFixture>
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(25);

    private DubanWebFactory Factory => app.Factory;

    /// <summary>One admin action, as data: which controlled account acts, on which account, with what.</summary>
    public sealed record Step(int Kind, int ActorPick, int TargetPick, Role Role, DataScope Scope, int OrganizationPick, int RegionPick, bool NoOrganization, bool NoRegion, bool Active);

    private static readonly Gen<Step> Steps =
        from kind in Gen.Choose(0, 2)
        from actor in Gen.Choose(0, 1000)
        from target in Gen.Choose(0, 1000)
        from role in Gen.Elements(Role.Admin, Role.Reporter, Role.Inspector)
        from scope in Gen.Elements(DataScope.Own, DataScope.RegionAndBelow, DataScope.All)
        from organization in Gen.Choose(0, 1000)
        from region in Gen.Choose(0, 1000)
        from noOrganization in Gen.Elements(true, false)
        from noRegion in Gen.Elements(true, false)
        from active in Gen.Elements(true, true, false)
        select new Step(kind, actor, target, role, scope, organization, region, noOrganization, noRegion, active);

    private sealed record Snapshot(Role Role, DataScope Scope, long? OrganizationId, long? RegionId, bool IsActive, string? PasswordHash, string DisplayName);

    [Fact]
    public async Task No_sequence_of_admin_actions_widens_a_limited_administrator_or_touches_an_account_outside_its_scope()
    {
        var regions = await Factory.WithDbAsync(db => db.Regions.Select(r => new { r.Id, r.Path }).ToListAsync());
        var organizations = await Factory.WithDbAsync(db => db.Organizations.Select(o => new { o.Id, o.Region!.Path }).ToListAsync());
        var start = new[] { DemoSeeder.City, DemoSeeder.Counties[0] };
        // Tempting accounts: organisations inside the city or the county, reach beyond them.
        var cityEducation = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var countyGovernment = await Factory.OrganizationIdAsync(DemoSeeder.Counties[0] + "人民政府");
        var province = await Factory.RegionIdAsync(DemoSeeder.Province);
        await Factory.CreateUserAsync("prop-wide-admin", "prop-wide-password-1", Role.Admin, DataScope.All, cityEducation);
        await Factory.CreateUserAsync("prop-province-inspector", "prop-wide-password-1", Role.Inspector, DataScope.RegionAndBelow, countyGovernment, province);
        await Factory.CreateUserAsync("prop-county-reporter", "prop-wide-password-1", Role.Reporter, DataScope.Own, countyGovernment);
        var run = 0;

        Check.One(Config, Prop.ForAll(Gen.Elements(start).ToArbitrary(), Gen.ListOf(Steps).Select(l => l.Take(10).ToList()).ToArbitrary(), (home, steps) =>
        {
            run++;
            var homeRegion = Factory.RegionIdAsync(home).GetAwaiter().GetResult();
            var homePath = regions.Single(r => r.Id == homeRegion).Path;
            var attacker = Factory.CreateUserAsync($"prop-admin-{run}-{Guid.NewGuid():N}"[..30], "prop-admin-password-1", Role.Admin, DataScope.RegionAndBelow, regionId: homeRegion)
                .GetAwaiter().GetResult();
            var before = SnapshotAsync().GetAwaiter().GetResult();
            bool Inside(long? region, long? organization) =>
                (region is not { } r || regions.Single(x => x.Id == r).Path.StartsWith(homePath, StringComparison.Ordinal))
                && (organization is not { } o || organizations.Single(x => x.Id == o).Path.StartsWith(homePath, StringComparison.Ordinal));
            // The rule, stated here apart from the code under test: scope not 全部, organisation and region inside.
            var manageableAtStart = before.Where(u => u.Value.Scope != DataScope.All && (u.Value.OrganizationId ?? u.Value.RegionId) is not null
                                                       && Inside(u.Value.RegionId, u.Value.OrganizationId)).Select(u => u.Key).ToHashSet();
            var controlled = new List<long> { attacker.Id };

            foreach (var step in steps)
            {
                var actorId = controlled[step.ActorPick % controlled.Count];
                var userIds = before.Keys.Concat(controlled).Distinct().OrderBy(id => id).ToList();
                var targetId = userIds[step.TargetPick % userIds.Count];
                long? organization = step.NoOrganization ? null : organizations[step.OrganizationPick % organizations.Count].Id;
                long? region = step.NoRegion ? null : regions[step.RegionPick % regions.Count].Id;
                var gained = ActAsync(actorId, step, targetId, organization, region).GetAwaiter().GetResult();
                if (gained is { } id && !controlled.Contains(id)) controlled.Add(id);
            }

            var after = SnapshotAsync().GetAwaiter().GetResult();
            // Nothing outside the administrator's scope at the start has changed.
            foreach (var (id, was) in before)
                if (!manageableAtStart.Contains(id) && after[id] != was) return false;
            // Nobody it controls reaches beyond where it started.
            foreach (var id in controlled)
            {
                var now = after[id];
                if (now.Scope == DataScope.All || !Inside(now.RegionId, now.OrganizationId)) return false;
            }
            return true;
        }));
    }

    /// <returns>The id of an account the actor now controls (made, or its password reset), if the action succeeded.</returns>
    private async Task<long?> ActAsync(long actorId, Step step, long targetId, long? organization, long? region)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDbContext>();
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == actorId);
        if (account.Role != Role.Admin || !account.IsActive) return null;
        var principal = await scope.ServiceProvider.GetRequiredService<UserPrincipalFactory>().CreateAsync(account, "test");
        var admin = DubanUser.From(principal)!;
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var actor = new Actor(actorId, account.UserName, null);
        switch (step.Kind)
        {
            case 0:
                var created = await users.CreateAsync(admin, actor, new NewUser("prop-" + Guid.NewGuid().ToString("N")[..12], "性质测试", step.Role, step.Scope, organization, region, "prop-created-password-1"));
                return created.Value?.User.Id;
            case 1:
                await users.UpdateAsync(admin, actor, targetId, null, new UserChanges("性质测试改", step.Role, step.Scope, step.Active, organization, region));
                return null;
            default:
                var reset = await users.ResetPasswordAsync(admin, actor, targetId, "prop-reset-password-1");
                return reset.Error is null ? targetId : null;
        }
    }

    private Task<Dictionary<long, Snapshot>> SnapshotAsync() => Factory.WithDbAsync(db => db.Users.AsNoTracking()
        .ToDictionaryAsync(u => u.Id, u => new Snapshot(u.Role, u.Scope, u.OrganizationId, u.RegionId, u.IsActive, u.PasswordHash, u.DisplayName)));
}
