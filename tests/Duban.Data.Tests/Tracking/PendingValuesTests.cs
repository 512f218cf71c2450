using Duban.Core.Plans;
using Duban.Data.Tests.Support;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;
using static Duban.Data.Tests.Tracking.TrackingWorld;

namespace Duban.Data.Tests.Tracking;

/// <summary>我的任务's 指标填报: the targets an organisation reports on, for the latest finished period, and whether each is in.</summary>
public sealed class PendingValuesTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private readonly TestClock clock = new(April15);

    [Theory, OnSqlite, OnPostgres]
    public async Task Each_organisation_sees_the_targets_it_reports_for_last_period_until_it_reports_them(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        TrackingWorld world;
        await using (var db = DatabaseFixture.Context(options)) world = await CreateAsync(db, "待填" + provider);
        var today = new DateOnly(2026, 4, 15);

        var visible = true;
        async Task<IReadOnlyList<PendingValue>> PendingAsync(TrackingActor actor)
        {
            await using var db = DatabaseFixture.Context(options);
            return await new PendingValues(db).ForAsync(actor.OrganizationId!.Value, db.Tasks.Where(t => t.PlanId == world.PlanId).Select(t => t.Id),
                db.Plans.Where(p => p.Id == world.PlanId && visible).Select(p => p.Id), today);
        }

        var bureau = await PendingAsync(world.Bureau);
        bureau.Select(v => (v.TargetId, v.Period.Start, v.Reported)).ShouldBe([(world.TaskTargetId, March, false)]);
        (await PendingAsync(world.School)).Select(v => v.TargetId).ShouldBe([world.TaskTargetId]);
        (await PendingAsync(world.Government)).Select(v => (v.TargetId, v.Reported)).ShouldBe([(world.PlanTargetId, false)]);

        await using (var db = DatabaseFixture.Context(options))
            (await Values(db, clock).CreateAsync(world.Government, new NewObservation(world.PlanTargetId, March, new ObservationContent(21000m, null, null)))).Error.ShouldBeNull();
        (await PendingAsync(world.Government)).Select(v => (v.TargetId, v.Reported)).ShouldBe([(world.PlanTargetId, true)]);
        (await PendingAsync(world.Bureau)).ShouldAllBe(v => !v.Reported);
        // A plan the government's reporter may not see (a draft without its tasks) lists no plan-level target.
        visible = false;
        (await PendingAsync(world.Government)).ShouldBeEmpty();
        visible = true;

        await using (var db = DatabaseFixture.Context(options))
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == world.PlanId);
            plan.Status = PlanStatus.Archived;
            await db.SaveChangesAsync();
        }
        (await PendingAsync(world.Bureau)).ShouldBeEmpty();
    }
}
